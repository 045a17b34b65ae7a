"""Message type 6, support model types 2, 4, 6 and 7 (ondersteuningsmodel): the published
operations.

Published as its own spyne Application at ``/ondersteuning``
(``namespaces.ONDERSTEUNING``):

- RegistreerOndersteuning (ordinary school → AGODI): a supported student's start of
  support and supporting special-needs school, school years 2019-2020 to 2022-2023
- CorrigeerOndersteuning: another start date or supporting school, same school year
- AnnuleerOndersteuning: a support registered by mistake
- GeefOndersteundeLeerlingen (consultation): for the ordinary school and for the
  special-needs school involved

The contract types are in ``ondersteuning_types.py``, the rules in ``domain/support.py``.
"""
from __future__ import annotations

from discimus_service.domain.schoolyear import school_year
from discimus_service.services import support_records as uc
from discimus_service.services.record_views import (
    RecordStoredView, RecordsView, RecordView, SupportKey, SupportQuestion,
)
from discimus_service.soap import records
from discimus_service.soap.generiek import repliek_type, verzoek_type
from discimus_service.soap.namespaces import ONDERSTEUNING as NS
from discimus_service.soap.ondersteuning_types import (
    AnnuleerOndersteuningVraagInhoudType, GeefOndersteundeLeerlingenAntwoordInhoudType,
    GeefOndersteundeLeerlingenVraagInhoudType, OndersteundeLeerlingType,
    OndersteuningVerwerktType, OndersteuningVraagInhoudType,
)


def question(i) -> SupportQuestion:
    return SupportQuestion(i.Instellingsnummer, i.UniekeIdentificatorLeerling,
                           i.Stamnummer, i.BeginDatum, i.OndersteunendeInstelling,
                           records.text(i.INSZ))


def key(i) -> SupportKey:
    return SupportKey(i.Instellingsnummer, i.Stamnummer, i.BeginDatum)


def _supported(r: RecordView):
    return OndersteundeLeerlingType(
        Instellingsnummer=r.institution_number, UniekeIdentificatorLeerling=r.student_id,
        Stamnummer=r.stamnummer, INSZ=r.insz, BeginDatum=r.start_date,
        Schooljaar=school_year(r.start_date), OndersteunendeInstelling=r.other_institution,
        DatumOntvangst=r.received_on)


def stored(v: RecordStoredView):
    return OndersteuningVerwerktType(Instellingsnummer=v.institution_number,
                                     Uitkomst=v.outcome,
                                     OndersteundeLeerling=_supported(v.record))


def listed(v: RecordsView):
    return GeefOndersteundeLeerlingenAntwoordInhoudType(
        Instellingsnummer=v.institution_number,
        OndersteundeLeerlingen=[_supported(r) for r in v.items])


Verzoek = verzoek_type("Ondersteuning", NS, OndersteuningVraagInhoudType)
AnnuleerVerzoek = verzoek_type("AnnuleerOndersteuning", NS,
                               AnnuleerOndersteuningVraagInhoudType)
VerwerktRepliek = repliek_type("OndersteuningVerwerkt", NS, OndersteuningVerwerktType)
GeefVerzoek = verzoek_type("GeefOndersteundeLeerlingen", NS,
                           GeefOndersteundeLeerlingenVraagInhoudType)
GeefRepliek = repliek_type("GeefOndersteundeLeerlingen", NS,
                           GeefOndersteundeLeerlingenAntwoordInhoudType)

OPERATIONS = [
    records.Operation("RegistreerOndersteuning", Verzoek, VerwerktRepliek,
                      "Register a student of an ordinary school supported under the "
                      "support model (types 2, 4, 6, 7): start date and supporting "
                      "special-needs school.", question, uc.register_support,
                      RecordStoredView, stored),
    records.Operation("CorrigeerOndersteuning", Verzoek, VerwerktRepliek,
                      "Correct a registered support (same student and school year): "
                      "its start date or supporting school.", question,
                      uc.correct_support, RecordStoredView, stored),
    records.Operation("AnnuleerOndersteuning", AnnuleerVerzoek, VerwerktRepliek,
                      "Cancel a student's support registered for a school year.", key,
                      uc.cancel_support, RecordStoredView, stored),
    records.Operation("GeefOndersteundeLeerlingen", GeefVerzoek, GeefRepliek,
                      "List the supported students the asking school registered "
                      "(ordinary school) or supports (special-needs school).",
                      records.consultation, uc.consult_supported, RecordsView, listed),
]


def application():
    """A fresh spyne Application for message type 6."""
    return records.application("Ondersteuning", NS, OPERATIONS)
