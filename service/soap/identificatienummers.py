"""GeefIdentificatienummers, the same consultation on each channel's own service.

A school asks on /inschrijving with its message type 1 mandate, an academy on /dko with
its DKO mandate; each in its contract's namespace, so the types are made per namespace
by :func:`consultation`. What it answers: ``services/consult_identification_numbers``.
"""
from __future__ import annotations

from dataclasses import dataclass

from spyne import ServiceBase
from spyne.model.complex import ComplexModel
from spyne.model.primitive import Date, Unicode

from discimus_service.domain.identification_numbers import NumberKind
from discimus_service.services.dko_views import NumbersQuestion, NumbersView
from discimus_service.soap.adapter import call
from discimus_service.soap.documented import code_list, complex_type, field, list_type
from discimus_service.soap.generiek import repliek_type, verzoek_type
from discimus_service.soap.operations import operation

KIND_MEANINGS = {
    NumberKind.SUPPLIED.value: "The student was sent without a (valid) INSZ and was "
        "matched on family name, first name, birth date, sex and address with what "
        "another institution sent: INSZ is the student's number. Send it in a "
        "correction.",
    NumberKind.PSEUDO.value: "No national register number exists: INSZ is a pseudo "
        "number created by the administration (11 digits, check digits valid, the day "
        "60 to 99 so it can never be a real one). Use it as the student's INSZ.",
    NumberKind.WRONG.value: "The number sent (VerzondenINSZ) fails its checks "
        "(Diagnose says which); it was not stored. The administration looks the right "
        "number up: an AANGEVULD or PSEUDO line follows when found.",
}
DOC = ("List the numbers the administration has for the asking institution's students: "
       "supplied by matching, pseudo numbers and wrong numbers (error report), oldest "
       "first, one page at a time.")


@dataclass(frozen=True)
class ConsultationTypes:
    vraag: type
    antwoord: type
    item: type


def consultation(ns: str, *, instellingsnummer, stamnummer, insz, naam,
                 vervolg) -> ConsultationTypes:
    """The documented question and answer types of the consultation in ``ns``."""
    soort = code_list("IdentificatienummerSoortType", ns, "What the administration "
                      "answers about a student's number.", KIND_MEANINGS, codes=NumberKind)

    @complex_type
    class GeefIdentificatienummersVraagInhoudType(ComplexModel):
        """GeefIdentificatienummers: the asking institution, optionally one student."""

        __namespace__ = ns
        _type_info = [
            ("Instellingsnummer", field(instellingsnummer, "The asking institution.")),
            ("Stamnummer", field(stamnummer, "Only this student; absent: all.",
                                 optional=True)),
            ("Vervolg", field(vervolg, "The Vervolg of the previous answer, for the next "
                              "page; absent for the first page.", optional=True)),
        ]

    @complex_type
    class IdentificatienummerType(ComplexModel):
        """One answer about one student's number."""

        __namespace__ = ns
        _type_info = [
            ("Stamnummer", field(stamnummer, "The student's number at the institution.")),
            ("Naam", field(naam, "Family name, as the institution sent it.")),
            ("Voornaam", field(naam, "First name, as the institution sent it.")),
            ("Geboortedatum", field(Date, "Date of birth, as sent.")),
            ("Soort", field(soort, "Supplied, pseudo or wrong.")),
            ("INSZ", field(insz, "The supplied or pseudo number; absent for FOUT.",
                           optional=True)),
            ("VerzondenINSZ", field(insz, "FOUT only: the wrong number as it was sent.",
                                    optional=True)),
            ("Datum", field(Date, "The day the administration decided.")),
            ("Diagnose", field(Unicode, "Why: what the match was made on, or which check "
                               "the wrong number fails.")),
        ]

    lijst = list_type("IdentificatienummersType", ns, "The answers, oldest first; empty "
                      "when there are none.", IdentificatienummerType,
                      "Identificatienummer", "One answer.")

    @complex_type
    class GeefIdentificatienummersAntwoordInhoudType(ComplexModel):
        """The numbers the administration has for the asking institution."""

        __namespace__ = ns
        _type_info = [
            ("Instellingsnummer", field(instellingsnummer, "The asking institution.")),
            ("Identificatienummers", field(lijst, "This page of answers.")),
            ("Vervolg", field(vervolg, "Present only when more answers follow: send it "
                              "back as the question's Vervolg.", optional=True)),
        ]

    return ConsultationTypes(GeefIdentificatienummersVraagInhoudType,
                             GeefIdentificatienummersAntwoordInhoudType,
                             IdentificatienummerType)


def service(ns: str, types: ConsultationTypes, use_case) -> type[ServiceBase]:
    """A spyne service class with the one operation, answering through ``use_case``."""
    verzoek = verzoek_type("Identificatienummers", ns, types.vraag)
    repliek = repliek_type("Identificatienummers", ns, types.antwoord)
    item = types.item

    def question(inhoud) -> NumbersQuestion:
        stamnummer = (inhoud.Stamnummer or "").strip() or None
        return NumbersQuestion(inhoud.Instellingsnummer, stamnummer, inhoud.Vervolg)

    def inhoud(v: NumbersView):
        return types.antwoord(
            Instellingsnummer=v.institution_number, Vervolg=v.continuation,
            Identificatienummers=[item(
                Stamnummer=n.stamnummer, Naam=n.last_name, Voornaam=n.first_name,
                Geboortedatum=n.birth_date, Soort=n.kind.value, INSZ=n.insz,
                VerzondenINSZ=n.insz_sent, Datum=n.decided_on, Diagnose=n.diagnose)
                for n in v.items])

    class IdentificatienummersService(ServiceBase):
        @operation("GeefIdentificatienummers", verzoek, repliek, DOC)
        def geef_identificatienummers(ctx, verzoek):
            return call(ctx, verzoek, operation="GeefIdentificatienummers",
                        repliek_type=repliek, question_of=question, use_case=use_case,
                        result_type=NumbersView, inhoud_of=inhoud)

    return IdentificatienummersService
