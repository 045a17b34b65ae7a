"""Message type 8, refusals and dissolved enrollments (weigeringen / MNGI): the published
operations.

Published as its own spyne Application at ``/weigering`` (``namespaces.WEIGERING``):

- RegistreerWeigering (school → AGODI): a refused enrollment, or an enrollment under
  resolutive condition dissolved because the adaptations were unreasonable
- CorrigeerWeigering: new data for a registered one (same student and day)
- AnnuleerWeigering: one registered by mistake
- GeefWeigeringen (consultation): the school's own registrations

The contract types are in ``weigering_types.py``, the rules in ``domain/refusals.py``.
"""
from __future__ import annotations

from discimus_service.services import refusal_records as uc
from discimus_service.services.record_views import (
    RecordStoredView, RecordsView, RecordView, RefusalKey, RefusalQuestion,
)
from discimus_service.soap import records
from discimus_service.soap.generiek import repliek_type, verzoek_type
from discimus_service.soap.namespaces import WEIGERING as NS
from discimus_service.soap.weigering_types import (
    AnnuleerWeigeringVraagInhoudType, GeefWeigeringenAntwoordInhoudType,
    GeefWeigeringenVraagInhoudType, GeregistreerdeWeigeringType, WeigeringVerwerktType,
    WeigeringVraagInhoudType,
)


def question(i) -> RefusalQuestion:
    return RefusalQuestion(i.Instellingsnummer, i.UniekeIdentificatorLeerling, i.INSZ,
                           i.Soort, i.Datum, records.text(i.Stamnummer))


def key(i) -> RefusalKey:
    return RefusalKey(i.Instellingsnummer, i.INSZ, i.Datum)


def _refusal(r: RecordView):
    return GeregistreerdeWeigeringType(
        Instellingsnummer=r.institution_number, UniekeIdentificatorLeerling=r.student_id,
        INSZ=r.insz, Soort=r.subtype, Datum=r.start_date, Stamnummer=r.stamnummer,
        DatumOntvangst=r.received_on)


def stored(v: RecordStoredView):
    return WeigeringVerwerktType(Instellingsnummer=v.institution_number,
                                 Uitkomst=v.outcome, Weigering=_refusal(v.record))


def listed(v: RecordsView):
    return GeefWeigeringenAntwoordInhoudType(
        Instellingsnummer=v.institution_number,
        Weigeringen=[_refusal(r) for r in v.items])


Verzoek = verzoek_type("Weigering", NS, WeigeringVraagInhoudType)
AnnuleerVerzoek = verzoek_type("AnnuleerWeigering", NS, AnnuleerWeigeringVraagInhoudType)
VerwerktRepliek = repliek_type("WeigeringVerwerkt", NS, WeigeringVerwerktType)
GeefVerzoek = verzoek_type("GeefWeigeringen", NS, GeefWeigeringenVraagInhoudType)
GeefRepliek = repliek_type("GeefWeigeringen", NS, GeefWeigeringenAntwoordInhoudType)

OPERATIONS = [
    records.Operation("RegistreerWeigering", Verzoek, VerwerktRepliek,
                      "Register a refused enrollment or a dissolved enrollment under "
                      "resolutive condition (notice of non-realised enrollment).",
                      question, uc.register_refusal, RecordStoredView, stored),
    records.Operation("CorrigeerWeigering", Verzoek, VerwerktRepliek,
                      "Correct a registered refusal or dissolution (same student and "
                      "day).", question, uc.correct_refusal, RecordStoredView, stored),
    records.Operation("AnnuleerWeigering", AnnuleerVerzoek, VerwerktRepliek,
                      "Cancel a refusal or dissolution registered by mistake.", key,
                      uc.cancel_refusal, RecordStoredView, stored),
    records.Operation("GeefWeigeringen", GeefVerzoek, GeefRepliek,
                      "List the asking school's own registered refusals and "
                      "dissolutions, of one school year or all.", records.consultation,
                      uc.consult_refusals, RecordsView, listed),
]


def application():
    """A fresh spyne Application for message type 8."""
    return records.application("Weigering", NS, OPERATIONS)
