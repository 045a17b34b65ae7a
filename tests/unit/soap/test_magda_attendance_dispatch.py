"""The MAGDA edge of the attendance services, with fakes: the answer, the audit's field
names, and fault rules applied or switched off (DISCIMUS_FAULT_RULES)."""
import datetime as dt

import pytest
from lxml import etree

from discimus_service.domain.audit import ALL, FaultKind, FaultRule
from discimus_service.security.middleware import RequestInfo
from discimus_service.soap.magda import dispatch, schemas
from discimus_service.soap.magda.attendance import ATTENDANCE_NS
from discimus_service.soap.magda.catalogue import BY_REQUEST
from tests.unit.services.test_attendance_use_cases import GROEIPAKKET, INSZ, URI, db  # noqa: F401

SERVICE = BY_REQUEST[f"{{{ATTENDANCE_NS}}}GeefAantalAanwezigheden"]
NOW = dt.datetime(2026, 9, 3, 8, tzinfo=dt.timezone.utc)


def payload(referte):
    from discimus_client.magda import MagdaClient, _criteria
    # Only the unsigned request is needed: no keys, no session.
    client = MagdaClient.__new__(MagdaClient)
    client.identification, client.capacity, client.profile = URI, "1300", "strict"
    envelope = client.request(SERVICE.namespace, SERVICE.naam, SERVICE.versie,
                              _criteria(INSZ, dt.date(2025, 9, 1), dt.date(2026, 8, 31)),
                              referte=referte)
    return envelope.find(".//{%s}GeefAantalAanwezigheden" % SERVICE.namespace)


def request(db, referte):
    # The Context's Afzender is the URI; the journal's sender is the certificate's CN.
    return RequestInfo(sender=GROEIPAKKET, raw_message=b"<signed/>", replay_key=referte,
                       received_at=NOW, today=dt.date(2026, 9, 3), uow_factory=db.uow)


def test_the_answer_validates_and_the_audit_names_its_fields_not_their_values(db):
    answer = dispatch.answer(SERVICE, payload("d-1"), request(db, "d-1"), NOW)
    assert schemas.schema(SERVICE.response_xsd).validate(answer)
    (entry,) = db.uow().audit.find(insz=INSZ)
    assert entry.fields == ("Schooljaren/Schooljaar/AantalHalveDagen",
                            "Schooljaren/Schooljaar/AantalHalveDagenIngeschreven",
                            "Schooljaren/Schooljaar/Instellingen/Instelling/AantalHalveDagen",
                            "Schooljaren/Schooljaar/Instellingen/Instelling/Instellingsnummer",
                            "Schooljaren/Schooljaar/Jaar")
    assert entry.service == "GeefAantalAanwezigheden-02.00" and entry.identification == URI


@pytest.mark.parametrize("applied", [True, False])
def test_a_fault_rule_answers_60006_at_magdas_level_unless_switched_off(db, applied):
    with db.uow() as uow:
        uow.fault_rules.add(FaultRule(ALL, INSZ, FaultKind.UNAVAILABLE), NOW)
        uow.commit()
    answer = dispatch.answer(SERVICE, payload("d-2"), request(db, "d-2"), NOW,
                             fault_rules=applied)
    assert schemas.schema(SERVICE.response_xsd).validate(answer)
    codes = [(u.findtext("Identificatie"), u.findtext("Oorsprong"))
             for u in answer.iterfind("Repliek/Uitzonderingen/Uitzondering")]
    assert codes == ([("60006", "MAGDA")] if applied else [])
    assert (answer.find("Repliek/Antwoorden") is None) is applied
    with db.uow() as uow:
        assert uow.journal.count() == 1
        assert len(uow.audit.find(insz=INSZ)) == (0 if applied else 1)


def test_inhoud_fields_are_the_leaf_paths_once_each():
    inhoud = etree.fromstring("<Inhoud><A><B>1</B><B>2</B></A><C>x</C></Inhoud>")
    assert dispatch.inhoud_fields(inhoud) == ("A/B", "C")


def test_with_the_source_down_magdas_own_checks_still_come_first(db):
    from discimus_service.domain.model import Sender, SenderKind
    with db.uow() as uow:
        uow.fault_rules.add(FaultRule(ALL, ALL, FaultKind.BUSY), NOW)
        uow.commit()
    inspectie = Sender("onderwijsinspectie", SenderKind.AGENCY, "Onderwijsinspectie")
    element = payload("d-3")
    element.find("Verzoek/Context/Bericht/Afzender/Identificatie").text = \
        "kb.vlaanderen.be/aiv/onderwijsinspectie"
    element.find("Verzoek/Context/Bericht/Afzender/Hoedanigheid").text = "1200"
    info = RequestInfo(sender=inspectie, raw_message=b"<signed/>", replay_key="d-3",
                       received_at=NOW, today=dt.date(2026, 9, 3), uow_factory=db.uow)
    refused = dispatch.answer(SERVICE, element, info, NOW)
    assert [u.findtext("Identificatie") for u in refused.iter("Uitzondering")] == ["40006"]
    # What the source would say (here: no nursery enrollment then, 30101) is 99996.
    element = payload("d-4")
    element.find(".//Criteria/Periode/Begin").text = "2026-07-01"
    down = dispatch.answer(SERVICE, element, request(db, "d-4"), NOW)
    assert [u.findtext("Identificatie") for u in down.iter("Uitzondering")] == ["99996"]
