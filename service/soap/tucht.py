"""Message type 5, disciplinary measures (tucht): the published operations.

Published as its own spyne Application at ``/tucht`` (``namespaces.TUCHT``):

- RegistreerTuchtmaatregel (school → AGODI): a preventive suspension, temporary or
  definitive exclusion, within a week of its start
- CorrigeerTuchtmaatregel: new data for a registered measure
- AnnuleerTuchtmaatregel: a registered measure that was not taken
- GeefTuchtmaatregelen (consultation): the school's own registrations

The contract types are in ``tucht_types.py``, the rules in ``domain/discipline.py``.
"""
from __future__ import annotations

from discimus_service.services import discipline_records as uc
from discimus_service.services.record_views import (
    MeasureKey, MeasureQuestion, RecordStoredView, RecordsView, RecordView,
)
from discimus_service.soap import records
from discimus_service.soap.generiek import repliek_type, verzoek_type
from discimus_service.soap.namespaces import TUCHT as NS
from discimus_service.soap.tucht_types import (
    AnnuleerTuchtmaatregelVraagInhoudType, GeefTuchtmaatregelenAntwoordInhoudType,
    GeefTuchtmaatregelenVraagInhoudType, GeregistreerdeTuchtmaatregelType,
    TuchtmaatregelVerwerktType, TuchtmaatregelVraagInhoudType,
)


def question(i) -> MeasureQuestion:
    return MeasureQuestion(i.Instellingsnummer, i.UniekeIdentificatorLeerling,
                           i.Stamnummer, i.INSZ, i.Type, i.BeginDatum, i.EindDatum)


def key(i) -> MeasureKey:
    return MeasureKey(i.Instellingsnummer, i.Stamnummer, i.Type, i.BeginDatum)


def _measure(r: RecordView):
    return GeregistreerdeTuchtmaatregelType(
        Instellingsnummer=r.institution_number, UniekeIdentificatorLeerling=r.student_id,
        Stamnummer=r.stamnummer, INSZ=r.insz, Type=r.subtype, BeginDatum=r.start_date,
        EindDatum=r.end_date, DatumOntvangst=r.received_on)


def stored(v: RecordStoredView):
    return TuchtmaatregelVerwerktType(Instellingsnummer=v.institution_number,
                                      Uitkomst=v.outcome, Tuchtmaatregel=_measure(v.record))


def listed(v: RecordsView):
    return GeefTuchtmaatregelenAntwoordInhoudType(
        Instellingsnummer=v.institution_number,
        Tuchtmaatregelen=[_measure(r) for r in v.items])


Verzoek = verzoek_type("Tuchtmaatregel", NS, TuchtmaatregelVraagInhoudType)
AnnuleerVerzoek = verzoek_type("AnnuleerTuchtmaatregel", NS,
                               AnnuleerTuchtmaatregelVraagInhoudType)
VerwerktRepliek = repliek_type("TuchtmaatregelVerwerkt", NS, TuchtmaatregelVerwerktType)
GeefVerzoek = verzoek_type("GeefTuchtmaatregelen", NS, GeefTuchtmaatregelenVraagInhoudType)
GeefRepliek = repliek_type("GeefTuchtmaatregelen", NS,
                           GeefTuchtmaatregelenAntwoordInhoudType)

OPERATIONS = [
    records.Operation("RegistreerTuchtmaatregel", Verzoek, VerwerktRepliek,
                      "Register a disciplinary measure of a student enrolled at the "
                      "school, within a week of its start.", question,
                      uc.register_measure, RecordStoredView, stored),
    records.Operation("CorrigeerTuchtmaatregel", Verzoek, VerwerktRepliek,
                      "Correct a registered measure (same student, type and start "
                      "date): its end date, student id or INSZ.", question,
                      uc.correct_measure, RecordStoredView, stored),
    records.Operation("AnnuleerTuchtmaatregel", AnnuleerVerzoek, VerwerktRepliek,
                      "Cancel a registered measure that was not taken.", key,
                      uc.cancel_measure, RecordStoredView, stored),
    records.Operation("GeefTuchtmaatregelen", GeefVerzoek, GeefRepliek,
                      "List the asking school's own registered measures, of one school "
                      "year or all.", records.consultation, uc.consult_measures,
                      RecordsView, listed),
]


def application():
    """A fresh spyne Application for message type 5."""
    return records.application("Tucht", NS, OPERATIONS)
