"""Message type 2, absences per half day: @rpc adapters.

Published as its own spyne Application at ``/afwezigheid`` with its own WSDL and target
namespace (``namespaces.AFWEZIGHEID``). Operations:

- RegistreerAfwezigheden (school → AGODI): many half days at once; a half day
  registered before takes the new code, so it also corrects
- AnnuleerAfwezigheden (school → AGODI): remove half days that were no absence
- GeefAfwezigheden (consultation back to the school): its own registrations
- GeefProblematischeAfwezigheden (consultation): its students' problematic half days
  (B) registered by other schools, this and the previous school year
- GeefDoorlopendeTellingen (consultation, issue 6): its students' problematic half
  days and sick notes without a medical certificate this school year, per school
  attended: the counts that carry over on a change of school (004 §78)
- GeefLeerlingenMet30Problematisch (quality feedback, issue 6): its students at 30 B
  half days or more this school year, across schools
- GeefKleuterparticipatie (consultation, issue 6): its students' half days of nursery
  attendance in a school year and the language-test threshold (004 §34)
- GeefAfwezigheidsproblemen (quality feedback, issue 6): its half days its enrollment
  data no longer carry

Each method converts, calls one use case through :func:`adapter.call`, converts back.
The documented contract types live in ``soap/afwezigheid_types.py``.
"""
from __future__ import annotations

from spyne import Application, ServiceBase
from spyne.protocol.soap import Soap11

from discimus_service.domain.absence import AbsenceCode, HalfDay
from discimus_service.services.absence_views import (
    AbsencesConsultation, AbsencesQuestion, AbsencesStoredView, AbsencesView, HalfDayItem,
    ProblematicConsultation, ProblematicView,
)
from discimus_service.services.cancel_absences import cancel_absences
from discimus_service.services.consult_absences import consult_absences
from discimus_service.services.consult_problematic_absences import (
    consult_problematic_absences,
)
from discimus_service.services.register_absences import register_absences
from discimus_service.services.absence_consult_views import (
    NurseryResult, RunningCountsResult,
)
from discimus_service.services.consult_absence_problems import consult_absence_problems
from discimus_service.services.consult_nursery_attendance import (
    consult_nursery_attendance,
)
from discimus_service.services.consult_problematic_limit import consult_problematic_limit
from discimus_service.services.consult_running_counts import consult_running_counts
from discimus_service.services.quality_views import ProblemsView
from discimus_service.soap import afwezigheid_consult as more
from discimus_service.soap.adapter import call
from discimus_service.soap.afwezigheid_types import (
    AfwezighedenVerwerktType, AfwezigheidType, AnnuleerAfwezighedenVraagInhoudType,
    GeefAfwezighedenAntwoordInhoudType, GeefAfwezighedenVraagInhoudType,
    GeefProblematischeAfwezighedenAntwoordInhoudType,
    GeefProblematischeAfwezighedenVraagInhoudType, ProblematischeAfwezigheidType,
    GeregistreerdeAfwezigheidType, HalveDagType, RegistreerAfwezighedenVraagInhoudType,
)
from discimus_service.soap.generiek import repliek_type, verzoek_type
from discimus_service.soap.item_lists import register_flat_items
from discimus_service.soap.namespaces import AFWEZIGHEID as NS
from discimus_service.soap.operations import operation


# -- conversions ---------------------------------------------------------------------------
def _item(a, code) -> HalfDayItem:
    return HalfDayItem(student_id=a.UniekeIdentificatorLeerling, stamnummer=a.Stamnummer,
                       date=a.Datum, half_day=HalfDay(a.Dagdeel),
                       code=AbsenceCode(code) if code is not None else None,
                       without_certificate=_true(getattr(a, "ZonderMedischAttest", None)))


def _true(value) -> bool:
    """An optional xs:boolean: the flat item reader gives its text, spyne a bool."""
    if isinstance(value, str):
        return value.strip() in ("true", "1")
    return bool(value)


def register_question(inhoud) -> AbsencesQuestion:
    return AbsencesQuestion(inhoud.Instellingsnummer,
                            tuple(_item(a, a.Code) for a in inhoud.Afwezigheden or ()))


def cancel_question(inhoud) -> AbsencesQuestion:
    return AbsencesQuestion(inhoud.Instellingsnummer,
                            tuple(_item(h, None) for h in inhoud.HalveDagen or ()))


def consultation(inhoud) -> AbsencesConsultation:
    stamnummer = (inhoud.Stamnummer or "").strip() or None
    return AbsencesConsultation(inhoud.Instellingsnummer, stamnummer, inhoud.BeginDatum,
                                inhoud.EindDatum, inhoud.Vervolg)


def stored_inhoud(v: AbsencesStoredView):
    return AfwezighedenVerwerktType(
        Instellingsnummer=v.institution_number, AantalNieuw=v.new,
        AantalGewijzigd=v.replaced, AantalOngewijzigd=v.unchanged,
        AantalGeannuleerd=v.cancelled)


def absences_inhoud(v: AbsencesView):
    return GeefAfwezighedenAntwoordInhoudType(
        Instellingsnummer=v.institution_number, Vervolg=v.continuation,
        Afwezigheden=[GeregistreerdeAfwezigheidType(
            Instellingsnummer=a.institution_number,
            UniekeIdentificatorLeerling=a.student_id, Stamnummer=a.stamnummer,
            Datum=a.date, Dagdeel=a.half_day.value, Code=a.code.value,
            ZonderMedischAttest=True if a.without_certificate else None)
            for a in v.items])


def problematic_question(inhoud) -> ProblematicConsultation:
    return ProblematicConsultation(inhoud.Instellingsnummer,
                                   (inhoud.Stamnummer or "").strip() or None)


def problematic_inhoud(v: ProblematicView):
    return GeefProblematischeAfwezighedenAntwoordInhoudType(
        Instellingsnummer=v.institution_number,
        ProblematischeAfwezigheden=[ProblematischeAfwezigheidType(
            Stamnummer=i.stamnummer, INSZ=i.insz,
            Instellingsnummer=i.other_institution_number, Schooljaar=i.school_year,
            Code="B", AantalDagdelen=i.half_days) for i in v.items])


# -- the service ---------------------------------------------------------------------------
RegistreerVerzoek = verzoek_type("RegistreerAfwezigheden", NS,
                                 RegistreerAfwezighedenVraagInhoudType)
AnnuleerVerzoek = verzoek_type("AnnuleerAfwezigheden", NS,
                               AnnuleerAfwezighedenVraagInhoudType)
VerwerktRepliek = repliek_type("AfwezighedenVerwerkt", NS, AfwezighedenVerwerktType)
GeefVerzoek = verzoek_type("GeefAfwezigheden", NS, GeefAfwezighedenVraagInhoudType)
GeefRepliek = repliek_type("GeefAfwezigheden", NS, GeefAfwezighedenAntwoordInhoudType)
ProblematischVerzoek = verzoek_type("GeefProblematischeAfwezigheden", NS,
                                    GeefProblematischeAfwezighedenVraagInhoudType)
ProblematischRepliek = repliek_type("GeefProblematischeAfwezigheden", NS,
                                    GeefProblematischeAfwezighedenAntwoordInhoudType)


class AfwezigheidService(ServiceBase):
    @operation("RegistreerAfwezigheden", RegistreerVerzoek, VerwerktRepliek,
               "Register a school's half days of absence, up to 1,000 per message, all "
               "or nothing; a half day registered before takes the new code.")
    def registreer_afwezigheden(ctx, verzoek):
        return call(ctx, verzoek, operation="RegistreerAfwezigheden",
                    repliek_type=VerwerktRepliek, question_of=register_question,
                    use_case=register_absences, result_type=AbsencesStoredView,
                    inhoud_of=stored_inhoud)

    @operation("AnnuleerAfwezigheden", AnnuleerVerzoek, VerwerktRepliek,
               "Cancel half days registered before that were no absence, all or "
               "nothing.")
    def annuleer_afwezigheden(ctx, verzoek):
        return call(ctx, verzoek, operation="AnnuleerAfwezigheden",
                    repliek_type=VerwerktRepliek, question_of=cancel_question,
                    use_case=cancel_absences, result_type=AbsencesStoredView,
                    inhoud_of=stored_inhoud)

    @operation("GeefAfwezigheden", GeefVerzoek, GeefRepliek,
               "List the asking school's own half days of absence, of one student or "
               "all, over a period or all, one page at a time.")
    def geef_afwezigheden(ctx, verzoek):
        return call(ctx, verzoek, operation="GeefAfwezigheden",
                    repliek_type=GeefRepliek, question_of=consultation,
                    use_case=consult_absences, result_type=AbsencesView,
                    inhoud_of=absences_inhoud)

    @operation("GeefProblematischeAfwezigheden", ProblematischVerzoek,
               ProblematischRepliek,
               "Count the problematic half days (code B) other schools registered for "
               "the asking school's students, this and the previous school year.")
    def geef_problematische_afwezigheden(ctx, verzoek):
        return call(ctx, verzoek, operation="GeefProblematischeAfwezigheden",
                    repliek_type=ProblematischRepliek, question_of=problematic_question,
                    use_case=consult_problematic_absences, result_type=ProblematicView,
                    inhoud_of=problematic_inhoud)

    @operation("GeefDoorlopendeTellingen", more.TellingenVerzoek, more.TellingenRepliek,
               "Count the asking school's students' problematic half days and sick "
               "notes without a medical certificate this school year, at every school "
               "they attended.")
    def geef_doorlopende_tellingen(ctx, verzoek):
        return call(ctx, verzoek, operation="GeefDoorlopendeTellingen",
                    repliek_type=more.TellingenRepliek,
                    question_of=more.students_question, use_case=consult_running_counts,
                    result_type=RunningCountsResult,
                    inhoud_of=more.running_counts_inhoud)

    @operation("GeefLeerlingenMet30Problematisch", more.DertigVerzoek,
               more.DertigRepliek,
               "List the asking school's students with 30 problematic half days or "
               "more this school year, counted across schools.")
    def geef_leerlingen_met_30_problematisch(ctx, verzoek):
        return call(ctx, verzoek, operation="GeefLeerlingenMet30Problematisch",
                    repliek_type=more.DertigRepliek,
                    question_of=more.school_question,
                    use_case=consult_problematic_limit, result_type=RunningCountsResult,
                    inhoud_of=more.problematic_limit_inhoud)

    @operation("GeefKleuterparticipatie", more.KleuterVerzoek, more.KleuterRepliek,
               "Count the asking basic school's students' half days of nursery "
               "attendance in a school year, against the language-test threshold.")
    def geef_kleuterparticipatie(ctx, verzoek):
        return call(ctx, verzoek, operation="GeefKleuterparticipatie",
                    repliek_type=more.KleuterRepliek, question_of=more.nursery_question,
                    use_case=consult_nursery_attendance, result_type=NurseryResult,
                    inhoud_of=more.nursery_inhoud)

    @operation("GeefAfwezigheidsproblemen", more.SchoolVerzoek, more.ProblemenRepliek,
               "List the asking school's half days of absence, this and the previous "
               "school year, that its enrollment data no longer carry.")
    def geef_afwezigheidsproblemen(ctx, verzoek):
        return call(ctx, verzoek, operation="GeefAfwezigheidsproblemen",
                    repliek_type=more.ProblemenRepliek, question_of=more.school_on_day,
                    use_case=consult_absence_problems, result_type=ProblemsView,
                    inhoud_of=more.absence_problems_inhoud)


def application() -> Application:
    """A fresh spyne Application for message type 2 (validated with lxml on the way in).

    The items of the two long lists are read by :mod:`soap.item_lists`, after the
    schema validation, not by spyne's generic deserializer (the cost of 1,000 items).
    """
    in_protocol = Soap11(validator="lxml")
    register_flat_items(in_protocol, AfwezigheidType, HalveDagType)
    return Application([AfwezigheidService], tns=NS, name="Afwezigheid",
                       in_protocol=in_protocol, out_protocol=Soap11())
