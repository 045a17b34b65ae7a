"""LED.GeefBewijs against fakes: the certificates of one INSZ, the refusals, and each
consumer's field set in the answer's Inhoud (validated against LED's schema)."""
import datetime as dt

import pytest
from lxml import etree

from discimus_fixtures.partners import AUTHORISATIONS, PARTNERS
from discimus_service.domain.certificate import CertificateKind, Form
from discimus_service.domain.errors import (
    CapacityNotAllowedError, InvalidInszError, NoDataFoundError, PartnerNotAuthorisedError,
    PersonNotRegisteredError,
)
from discimus_service.domain.model import Sender, SenderKind
from discimus_service.services.exchange import Receipt
from discimus_service.services.led_certificates import (
    CertificateQuestion, give_certificates,
)
from discimus_service.services.partner_interest import (
    REGISTER, InterestQuestion, register_interest,
)
from discimus_service.soap.magda import led
from discimus_service.soap.magda.envelope import E
from tests import factories as f
from tests import magda
from tests.fakes import FakeDatabase

D = dt.date
TODAY = D(2026, 9, 3)
CONSUMERS = {p.sender_id: p for p in PARTNERS}
HOLDER = f.certificate().insz
SECONDARY = f.certificate(data=f.certificate_data(
    kind=CertificateKind.SG, obtained_on=D(2026, 6, 30), grade=3, year=2, form=Form.AM,
    study_field="Elektromechanica", study_field_code="EM-2"))


def sender(name):
    return Sender(name, SenderKind.AGENCY, name)


def receipt(name):
    return Receipt(sender=sender(name), afzender=name, referte="r", operation="op",
                   raw_message=b"", replay_key=f"k-{name}",
                   received_at=dt.datetime(2026, 9, 3, 8, tzinfo=dt.timezone.utc), today=TODAY)


def ask(name, insz=HOLDER, capacity=None):
    return CertificateQuestion(CONSUMERS[name].identification, capacity, insz)


@pytest.fixture
def db():
    db = FakeDatabase()
    f.seed(db.uow())
    with db.uow() as uow:
        for p in PARTNERS:
            uow.partners.add(p)
        for a in AUTHORISATIONS:
            uow.partners.add_authorisation(a)
        uow.certificates.add(f.certificate())
        uow.certificates.add(SECONDARY)
        uow.commit()
    for name in ("naric", "examencommissie", "selor"):
        partner = CONSUMERS[name]
        with db.uow() as uow:
            register_interest(uow, receipt(name), InterestQuestion(
                REGISTER, partner.identification, partner.identification,
                partner.default_capacity, (HOLDER,), D(2026, 9, 1), None))
            uow.commit()
    return db


def answer_xml(result):
    """The whole Response around the Inhoud, validated against the reference schema."""
    response = etree.fromstring(
        f'<l:GeefBewijsResponse xmlns:l="{led.LED_NS}"><Repliek><Context><Naam>GeefBewijs'
        '</Naam><Versie>02.00.0000</Versie><Bericht><Type>ANTWOORD</Type><Tijdstip><Datum>'
        '2026-09-03</Datum><Tijd>08:00:00.000</Tijd></Tijdstip><Afzender><Identificatie>'
        'vip.vlaanderen.be</Identificatie><Referte>r</Referte></Afzender></Bericht>'
        '</Context><Antwoorden><Antwoord><Referte>r</Referte></Antwoord></Antwoorden>'
        '</Repliek></l:GeefBewijsResponse>')
    response.find(".//Antwoord").append(led.inhoud(result))
    magda.assert_valid(response, "LED.GeefBewijsDienst-02.00/WebService/GeefBewijsResponse")
    return response


def test_every_certificate_of_the_insz_in_leds_schema(db):
    result = give_certificates(db.uow(), receipt("naric"), ask("naric")).result
    assert result.deliberation == "VTC 2016/47"
    xml = answer_xml(result)
    bewijzen = xml.findall(".//Bewijzen/Bewijs")
    assert [b.findtext("Basis/Onderwerp/Code") for b in bewijzen] == ["OA", "EM-2"]
    second = bewijzen[1]
    assert second.findtext("PersoonUitgereikt/INSZ") == HOLDER
    assert second.findtext("Basis/Studierichting/Naam") == "Elektromechanica"
    assert second.findtext("Basis/Uitreikingsdatum/Maand") == "06"
    assert second.findtext("Afgeleid/ISCEDNiveau/Code") == "3"
    assert xml.findtext(".//Inhoud/Bron/Code") == "LED"


def test_a_field_outside_the_consumers_set_is_left_out(db):
    exam = answer_xml(give_certificates(db.uow(), receipt("examencommissie"),
                                        ask("examencommissie")).result)
    assert exam.find(".//Inhoud/Bron") is None                  # not in VTC 03/2016
    assert exam.findtext(".//Studierichting/Naam") == "Elektromechanica"
    selor = answer_xml(give_certificates(db.uow(), receipt("selor"), ask("selor")).result)
    text = etree.tostring(selor)
    for field in (b"<Studierichting>", b"<BijkomendeInformaties>", b"<Bron>",
                  b"<Finaliteit>"):
        assert field not in text
    # What the schema requires of every Bewijs is still answered.
    assert selor.findtext(".//Basis/Instelling/Naam") == "Sint-Jozefscollege"


def test_the_refusals_of_a_consultation_apply(db):
    with pytest.raises(PartnerNotAuthorisedError):        # groeipakket: no LED authorisation
        give_certificates(db.uow(), receipt("groeipakket"), CertificateQuestion(
            "kb.vlaanderen.be/aiv/groeipakket", None, HOLDER))
    with pytest.raises(CapacityNotAllowedError):
        give_certificates(db.uow(), receipt("naric"), ask("naric", capacity="1300"))
    with pytest.raises(InvalidInszError):
        give_certificates(db.uow(), receipt("naric"), ask("naric", insz="12345678901"))
    with pytest.raises(PersonNotRegisteredError):        # ziekenhuis registered nobody
        give_certificates(db.uow(), receipt("ziekenhuis"), ask("ziekenhuis"))


def test_no_certificate_is_30101(db):
    other = f.identification(sequence=77).insz
    with db.uow() as uow:
        register_interest(uow, receipt("naric"), InterestQuestion(
            REGISTER, CONSUMERS["naric"].identification, CONSUMERS["naric"].identification,
            "1510", (other,), D(2026, 9, 1), None))
        uow.commit()
    with pytest.raises(NoDataFoundError) as none:
        give_certificates(db.uow(), receipt("naric"), ask("naric", insz=other))
    assert none.value.code == 30101


def test_the_request_reader_takes_the_insz():
    question = led.read_question(E.Inhoud(E.INSZ(HOLDER)), type(
        "Ctx", (), {"identificatie": "kb.vlaanderen.be/aiv/naric", "hoedanigheid": None})())
    assert question == CertificateQuestion("kb.vlaanderen.be/aiv/naric", None, HOLDER)


def test_a_journaled_answer_reads_back_the_same(db):
    from discimus_service.services.answers import Answer
    from discimus_service.services.led_certificates import CertificateResult
    answer = give_certificates(db.uow(), receipt("naric"), ask("naric"))
    again = Answer.from_json(answer.to_json(), CertificateResult)
    assert again.result == answer.result
