"""Partner agencies through MAGDA, over HTTP, signed both ways, against MAGDA's schemas.

Every request and answer here validates against the reference schemas in
``../shared/reference/magda-xsd``; one request per service is MAGDA-Mock's own
template (``tests/magda_mock``), posted as MAGDA's connector posts it.
"""
from __future__ import annotations

import datetime as dt

import pytest
import requests
from lxml import etree

from lxml.builder import ElementMaker

from discimus_client.errors import ServiceFault
from discimus_client.magda import HISTORY_NS, MagdaClient
from discimus_client.results import Address, EnrollmentData, Student
from discimus_fixtures.generator import DEMO_SECONDARY, insz_for
from discimus_service.domain.model import Sex
from tests import magda

D = dt.date
URI = "kb.vlaanderen.be/aiv/groeipakket"
YEAR = (D(2026, 9, 1), D(2027, 8, 31))


@pytest.fixture(scope="module")
def groeipakket(server):
    return MagdaClient.from_pki(server.url, server.pki_dir, "groeipakket")


E = ElementMaker()


@pytest.fixture(scope="module")
def student(server):
    """An INSZ that informat enrolled at the demo secondary school on 1 September 2026."""
    insz = insz_for(D(2012, 4, 4), Sex.M, 471)
    from discimus_client.client import DiscimusClient
    informat = DiscimusClient.from_pki(server.url, server.pki_dir, "informat")
    result = informat.register_enrollment(
        Student(insz=insz, stamnummer="2600471", first_name="Wout", last_name="Maes",
                birth_date=D(2012, 4, 4), sex="M", address=Address("Markt", "1", "9000", "Gent")),
        EnrollmentData(DEMO_SECONDARY, "1A", D(2026, 9, 1), D(2026, 8, 30)))
    assert result.ok, result.uitzonderingen
    return insz


def _signed(client: MagdaClient, envelope) -> tuple[bytes, etree._Element]:
    """The signed bytes and the request's payload (validated against MAGDA's XSD)."""
    data = client.sign(envelope)
    return data, magda.payload_of(etree.fromstring(data))


def _answer(client: MagdaClient, data: bytes, url: str | None = None):
    response = magda.post(url or client.url, data)
    assert response.status_code == 200, response.text[:500]
    root = etree.fromstring(response.content)
    client.wsse.verify(root)            # signed by the server, verified before reading
    return magda.payload_of(root)


def test_the_magda_mock_history_request_is_answered_at_the_shared_endpoint(
        server, groeipakket, student):
    assert groeipakket.register_interest(student, YEAR[0]).ok
    request = magda.mock_request("GeefHistoriekInschrijving-02.01.0000",
                                 identification=URI, capacity="1300", insz=student,
                                 begin=YEAR[0], end=YEAR[1])
    data, payload = _signed(groeipakket, request)
    magda.assert_valid(payload, magda.HISTORY_XSD)
    answer = _answer(groeipakket, data, server.url + "/api/Magda-02.00/soap/WebService")
    magda.assert_valid(answer, magda.HISTORY_XSD + "Response")
    assert etree.QName(answer).namespace == (
        "http://webservice.geefhistoriekinschrijvingdienst-02_01.onderwijs.vlaanderen.be")
    assert answer.findtext("Repliek/Context/Naam") == "GeefHistoriekInschrijving"
    assert answer.findtext("Repliek/Context/Versie") == "02.01.0000"
    assert answer.findtext("Repliek/Context/Bericht/Ontvanger/Identificatie") == URI
    inschrijving = answer.find("Repliek/Antwoorden/Antwoord/Inhoud/Inschrijvingen/Inschrijving")
    assert inschrijving.findtext("Bron") == "LP"
    assert inschrijving.findtext("Instelling/Instellingsnummer") == "034567"
    assert inschrijving.findtext("Instelling/OfficieleNaam") == "Sint-Jozefscollege"
    assert inschrijving.findtext("Instelling/Adres/Gemeente/Naam") == "Gent"
    group = inschrijving.find("LeerplichtOnderwijs/InschrijvingAdministratieveGroep")
    assert group.findtext("AdministratieveGroep/Naam") == "1A"
    assert group.findtext("AdministratieveGroep/Niveau/Code") == "3"
    assert group.findtext("Periode/Begin") == "2026-09-01"
    assert inschrijving.findtext("LeerplichtOnderwijs/Schooljaar") == "2026"


@pytest.mark.parametrize("name, xsd, kwargs", [
    ("RegistreerInschrijving-02.00.0000", magda.REGISTER_XSD["02.00"],
     dict(begin=D(2026, 9, 1), end=D(2027, 8, 31))),
    ("RegistreerInschrijving-02.01.0000", magda.REGISTER_XSD["02.01"],
     dict(begin=D(2026, 9, 1), end=D(2027, 8, 31))),
    ("RegistreerUitschrijving-02.00.0000", magda.END_XSD, {}),
], ids=["register-02.00", "register-02.01", "end-02.00"])
def test_the_magda_mock_repertorium_requests_are_answered(server, groeipakket, name, xsd,
                                                          kwargs):
    insz = insz_for(D(2011, 5, 5), Sex.V, 472)
    request = magda.mock_request(name, identification=URI, capacity="1300", insz=insz,
                                 **kwargs)
    data, payload = _signed(groeipakket, request)
    magda.assert_valid(payload, xsd)
    answer = _answer(groeipakket, data)
    magda.assert_valid(answer, xsd + "Response")
    assert answer.findtext("Repliek/Antwoorden/Antwoord/Inhoud/Resultaat") == "1"
    assert answer.find("Repliek/Uitzonderingen") is None


def test_the_client_registers_consults_and_ends_its_interest(groeipakket, student):
    assert groeipakket.register_interest(student, YEAR[0], YEAR[1], version="02.01").ok
    history = groeipakket.enrollment_history(student, *YEAR)
    assert history.ok and [h.institution_number for h in history.inhoud] == ["034567"]
    assert history.inhoud[0].school_year == "2026" and history.inhoud[0].niveau == "3"
    assert groeipakket.end_interest(student).ok
    refused = groeipakket.enrollment_history(student, *YEAR)
    assert refused.codes() == [40006] and refused.errors[0].oorsprong == "MAGDA"
    assert refused.errors[0].omstandigheid == "40023"
    assert groeipakket.register_interest(student, YEAR[0]).ok       # registered again
    assert groeipakket.enrollment_history(student, *YEAR).ok


def test_no_enrollment_in_the_period_is_30101_under_the_antwoord(groeipakket, student):
    assert groeipakket.register_interest(student, D(2000, 1, 1)).ok
    result = groeipakket.enrollment_history(student, D(2001, 1, 1), D(2001, 12, 31))
    assert result.codes() == [30101] and result.errors[0].oorsprong == "Disci"


def test_an_unregistered_person_is_40006_under_the_repliek(groeipakket, server):
    insz = insz_for(D(2010, 1, 1), Sex.M, 473)
    envelope = groeipakket.request(HISTORY_NS, "GeefHistoriekInschrijving",
                                   "02.01.0000", _criteria(insz))
    answer = _answer(groeipakket, groeipakket.sign(envelope))
    magda.assert_valid(answer, magda.HISTORY_XSD + "Response")
    assert answer.find("Repliek/Antwoorden") is None
    u = answer.find("Repliek/Uitzonderingen/Uitzondering")
    assert (u.findtext("Identificatie"), u.findtext("Oorsprong"), u.findtext("Type")) == (
        "40006", "MAGDA", "FOUT")
    assert u.findtext("Annotaties/Annotatie/Waarde") == "40022"


def test_more_vragen_than_the_schema_allows_is_20110(groeipakket):
    envelope = groeipakket.request(HISTORY_NS, "GeefHistoriekInschrijving",
                                   "02.01.0000", _criteria(insz_for(D(2010, 1, 1), Sex.M, 5)))
    vragen = envelope.find(".//Vragen")
    vragen.append(etree.fromstring(etree.tostring(vragen[0])))
    answer = _answer(groeipakket, groeipakket.sign(envelope))
    magda.assert_valid(answer, magda.HISTORY_XSD + "Response")
    assert answer.findtext("Repliek/Uitzonderingen/Uitzondering/Identificatie") == "20110"


def test_an_invalid_insz_is_20002(groeipakket):
    result = groeipakket.enrollment_history("12345678901", *YEAR)
    assert result.codes() == [20002] and result.errors[0].oorsprong == "MAGDA"


def test_a_resend_with_the_same_referte_gets_the_first_answer(groeipakket, student):
    first = groeipakket.register_interest(student, YEAR[0], referte="magda-resend-1")
    again = groeipakket.register_interest(student, YEAR[0], referte="magda-resend-1")
    assert first.ok and again.inhoud == "1" and 50003 in again.codes()


def test_each_service_answers_at_its_own_path_and_serves_its_wsdl(server, groeipakket,
                                                                 student):
    path = "/GeefHistoriekInschrijvingDienst-02.01/soap/WebService"
    own = MagdaClient.from_pki(server.url, server.pki_dir, "groeipakket", path=path)
    assert own.enrollment_history(student, *YEAR).ok
    with pytest.raises(ServiceFault, match="S114"):     # not this path's service
        own.register_interest(student, YEAR[0])
    wsdl = requests.get(server.url + path + "?wsdl", timeout=10)
    assert wsdl.status_code == 200
    root = etree.fromstring(wsdl.content)
    includes = root.findall(".//{http://www.w3.org/2001/XMLSchema}include")
    for include in includes:
        schema = requests.get(include.get("schemaLocation"), timeout=10)
        assert schema.status_code == 200 and b"<xs:schema" in schema.content
    index = requests.get(server.url + "/", timeout=10).text
    assert path in index and "/api/Magda-02.00/soap/WebService" in index


def _criteria(insz: str):
    return E.Inhoud(E.Criteria(E.INSZ(insz), E.Periode(E.Begin("2026-09-01"),
                                                       E.Einde("2027-08-31"))))
