"""LED.GeefBewijs 02.00 over HTTP, signed both ways, against MAGDA's reference schemas:
MAGDA-Mock's own request, each LED consumer's field set checked on the bytes the server
sent, the audit naming the returned fields, and MAGDA's refusals."""
from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from lxml import etree

from discimus_client.certificate_messages import Certificate
from discimus_client.client import DiscimusClient
from discimus_client.magda import LED_NS, MagdaClient
from discimus_client.results import Address, EnrollmentData, Student
from discimus_fixtures.generator import DEMO_SECONDARY, insz_for
from discimus_fixtures.partners import PARTNERS
from discimus_service.domain.model import Sex
from tests import magda

D = dt.date
BIN = Path(sys.executable).parent
XSD = "LED.GeefBewijsDienst-02.00/WebService/GeefBewijs"
BIRTH = D(2013, 7, 7)
STAMNUMMER = "2500516"
CAPACITY = {p.sender_id: p.default_capacity for p in PARTNERS}


def consumer(server, name) -> MagdaClient:
    return MagdaClient.from_pki(server.url, server.pki_dir, name, capacity=CAPACITY[name])


@pytest.fixture(scope="module")
def holder(server):
    """In 1A at the demo secondary school since 2025; its orientation attest A of June 2026
    (with a field of study), registered by informat."""
    insz = insz_for(BIRTH, Sex.V, 216)
    informat = DiscimusClient.from_pki(server.url, server.pki_dir, "informat")
    done = informat.register_enrollment(
        Student(insz=insz, stamnummer=STAMNUMMER, first_name="Lotte", last_name="Peeters",
                birth_date=BIRTH, sex="V", address=Address("Kouter", "5", "9000", "Gent")),
        EnrollmentData(DEMO_SECONDARY, "1A", D(2025, 9, 1), D(2025, 8, 20), D(2025, 9, 1)))
    assert done.ok, done.uitzonderingen
    done = informat.register_certificates(DEMO_SECONDARY, [Certificate(
        student_id="INF-" + STAMNUMMER, stamnummer=STAMNUMMER, kind="OA", date=D(2026, 6, 30),
        grade=1, year=1, form="A", study_field="Latijn", study_field_code="LAT")])
    assert done.ok and done.inhoud.new == 1, done.uitzonderingen
    for name in ("naric", "examencommissie", "selor"):
        assert consumer(server, name).register_interest(insz, D(2026, 9, 1)).ok
    return insz


def _post(client: MagdaClient, envelope) -> tuple[bytes, etree._Element]:
    """The bytes the server sent, and its verified answer element."""
    data = client.sign(envelope)
    magda.assert_valid(magda.payload_of(etree.fromstring(data)), XSD)
    response = magda.post(client.url, data)
    assert response.status_code == 200, response.text[:500]
    root = etree.fromstring(response.content)
    client.wsse.verify(root)
    answer = magda.payload_of(root)
    magda.assert_valid(answer, XSD + "Response")
    return response.content, answer


def _ask(client: MagdaClient, insz: str) -> tuple[bytes, etree._Element]:
    from lxml.builder import ElementMaker
    E = ElementMaker()
    return _post(client, client.request(LED_NS, "GeefBewijs", "02.00.0000",
                                        E.Inhoud(E.INSZ(insz))))


def test_the_magda_mock_geefbewijs_request_is_answered_at_the_shared_endpoint(
        server, holder):
    naric = consumer(server, "naric")
    request = magda.mock_request("GeefBewijs-02.00.0000",
                                 identification="kb.vlaanderen.be/aiv/naric",
                                 capacity="1510", insz=holder)
    assert naric.url == server.url + "/api/Magda-02.00/soap/WebService"
    _sent, answer = _post(naric, request)
    assert etree.QName(answer).namespace == LED_NS
    assert answer.findtext("Repliek/Context/Naam") == "GeefBewijs"
    assert answer.findtext("Repliek/Context/Versie") == "02.00.0000"
    antwoord = answer.find("Repliek/Antwoorden/Antwoord")
    assert antwoord.findtext("Referte") == request.findtext(".//Vraag/Referte")
    (bewijs,) = antwoord.findall("Inhoud/Bewijzen/Bewijs")
    assert bewijs.findtext("PersoonUitgereikt/INSZ") == holder
    assert bewijs.findtext("Basis/Categorie/Naam") == "Secundair onderwijs"
    assert bewijs.findtext("Basis/Onderwijsvorm/Naam") == "A-stroom"
    assert bewijs.findtext("Basis/Instelling/Nummer") == DEMO_SECONDARY
    assert [bewijs.findtext(f"Basis/Uitreikingsdatum/{p}") for p in ("Jaar", "Maand", "Dag")
            ] == ["2026", "06", "30"]
    assert bewijs.findtext("Basis/Studierichting/Naam") == "Latijn"
    assert antwoord.findtext("Inhoud/Bron/Naam") == "LED"


def test_a_field_outside_a_consumers_set_never_leaves_the_server(server, holder):
    naric, _ = _ask(consumer(server, "naric"), holder)
    exam, _ = _ask(consumer(server, "examencommissie"), holder)
    selor, _ = _ask(consumer(server, "selor"), holder)
    assert b"<Bron>" in naric and b"<Studierichting>" in naric
    assert b"<Bron>" not in exam and b"<Studierichting>" in exam      # VTC 03/2016
    for element in (b"<Bron>", b"<Studierichting>", b"<BijkomendeInformaties>",
                    b"<Finaliteit>"):
        assert element not in selor                                   # VTC 11/2016
    assert b"<VolledigeNaam>" in selor          # what LED's schema requires still is


def test_the_audit_names_the_fields_each_consumer_was_answered(server, holder):
    assert consumer(server, "selor").certificates(holder).ok
    assert consumer(server, "naric").certificates(holder).ok
    done = subprocess.run(
        [str(BIN / "discimus"), "audit", "--insz", holder, "--json"], capture_output=True,
        text=True, timeout=120, env={**os.environ, "DISCIMUS_DATABASE_URL": server.database_url})
    assert done.returncode == 0, done.stderr
    entries = [e for e in json.loads(done.stdout) if e["service"] == "GeefBewijs-02.00"]
    last = {e["sender_id"]: e for e in entries}
    assert last["naric"]["deliberation"] == "VTC 2016/47"
    assert "Bewijzen/Bewijs/Basis/Studierichting/Naam" in last["naric"]["fields"]
    assert "Bron/Code" in last["naric"]["fields"]
    assert last["selor"]["deliberation"] == "VTC 11/2016"
    assert not any("Studierichting" in f or f.startswith("Bron")
                   for f in last["selor"]["fields"])
    assert "Bewijzen/Bewijs/Basis/VolledigeNaam" in last["selor"]["fields"]


def test_the_client_reads_the_granted_fields(server, holder):
    result = consumer(server, "examencommissie").certificates(holder)
    assert result.ok, result.uitzonderingen
    (c,) = result.inhoud
    assert (c.issued_on, c.get("Basis/Studierichting/Code"), c.get("Bron/Naam")) == (
        "2026-06-30", "LAT", None)


def test_refusals_are_magdas(server, holder):
    naric = consumer(server, "naric")
    nobody = insz_for(D(2013, 7, 8), Sex.M, 217)
    assert naric.register_interest(nobody, D(2026, 9, 1)).ok
    none = naric.certificates(nobody)
    assert none.codes() == [30101] and none.errors[0].oorsprong == "LED"
    assert naric.certificates("12345678901").codes() == [20002]
    unregistered = consumer(server, "ziekenhuis").certificates(holder)
    assert unregistered.codes() == [40006] and unregistered.errors[0].omstandigheid == "40022"
    groeipakket = MagdaClient.from_pki(server.url, server.pki_dir, "groeipakket")
    refused = groeipakket.certificates(holder)
    assert refused.codes() == [40006] and refused.errors[0].omstandigheid == "40020"


def test_more_vragen_than_the_schema_allows_is_20110(server, holder):
    from lxml.builder import ElementMaker
    E = ElementMaker()
    naric = consumer(server, "naric")
    envelope = naric.request(LED_NS, "GeefBewijs", "02.00.0000", E.Inhoud(E.INSZ(holder)))
    vragen = envelope.find(".//Vragen")
    vragen.append(etree.fromstring(etree.tostring(vragen[0])))
    response = magda.post(naric.url, naric.sign(envelope))
    answer = magda.payload_of(etree.fromstring(response.content))
    magda.assert_valid(answer, XSD + "Response")
    assert answer.findtext("Repliek/Uitzonderingen/Uitzondering/Identificatie") == "20110"
    assert b"<Bewijzen>" not in response.content


def test_it_answers_at_its_own_path_with_its_wsdl(server, holder):
    import requests
    from suds.client import Client
    path = "/GeefBewijsDienst-02.00/soap/WebService"
    own = MagdaClient.from_pki(server.url, server.pki_dir, "naric", capacity="1510", path=path)
    assert own.certificates(holder).ok
    wsdl = requests.get(server.url + path + "?wsdl", timeout=10)
    assert wsdl.status_code == 200
    client = Client(server.url + path + "?wsdl", cache=None)   # an independent client
    assert {m[0] for _p, methods in client.sd[0].ports for m in methods} == {"GeefBewijs"}
    assert path in requests.get(server.url + "/", timeout=10).text
