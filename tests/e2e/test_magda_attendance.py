"""The school-allowance services over HTTP, signed both ways: counts, schemas, the audit
written with the journal, and testers' fault rules seen by the workers."""
from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import requests
from lxml import etree

from discimus_client.client import DiscimusClient
from discimus_client.magda import ATTENDANCE_NS, MagdaClient
from discimus_client.results import Address, EnrollmentData, HalfDayAbsence, Student
from discimus_fixtures.attendance import DEMO_NURSERY
from discimus_fixtures.generator import insz_for
from discimus_service.domain.model import Sex
from discimus_service.persistence.database import make_engine, row_counts
from discimus_service.soap.magda import schemas
from discimus_service.soap.magda.catalogue import BY_REQUEST
from tests import magda

D = dt.date
BIN = Path(sys.executable).parent
YEAR = (D(2026, 9, 1), D(2027, 8, 31))
ATTENDANCE = BY_REQUEST[f"{{{ATTENDANCE_NS}}}GeefAantalAanwezigheden"]
PROBLEMATIC = next(s for s in BY_REQUEST.values()
                   if s.naam == "GeefAantalProblematischeAfwezigheden")


@pytest.fixture(scope="module")
def engine(server):
    engine = make_engine(server.database_url)
    yield engine
    engine.dispose()


@pytest.fixture(scope="module")
def groeipakket(server):
    return MagdaClient.from_pki(server.url, server.pki_dir, "groeipakket")


@pytest.fixture(scope="module")
def toddler(server, groeipakket):
    """Enrolled at the demo nursery school from Tuesday 1 September 2026 (business date
    3 September): 3 school half days so far (Wednesday afternoon is free), one of them
    absent (Z) and one more registered B."""
    insz = insz_for(D(2022, 2, 2), Sex.M, 472)
    informat = DiscimusClient.from_pki(server.url, server.pki_dir, "informat")
    assert informat.register_enrollment(
        Student(insz=insz, stamnummer="2600972", first_name="Finn", last_name="Claes",
                birth_date=D(2022, 2, 2), sex="M", address=Address("Kouter", "2", "9000", "Gent")),
        EnrollmentData(DEMO_NURSERY, "K1", D(2026, 9, 1), D(2026, 8, 25))).ok
    assert informat.register_absences(DEMO_NURSERY, [
        HalfDayAbsence("2600972", "2600972", D(2026, 9, 1), "NM", "Z"),
        HalfDayAbsence("2600972", "2600972", D(2026, 9, 2), "VM", "B")]).ok
    assert groeipakket.register_interest(insz, YEAR[0]).ok
    return insz


def _validate(element, relative: str) -> None:
    schema = schemas.schema(relative)
    assert schema.validate(element), str(schema.error_log)


def test_attendance_and_problematic_absences_at_the_shared_endpoint(groeipakket, toddler):
    attendance = groeipakket.nursery_attendance(toddler, *YEAR)
    assert attendance.ok, attendance.uitzonderingen
    (year,) = attendance.inhoud
    assert (year.school_year, year.enrolled_half_days, year.half_days) == (2026, 3, 1)
    assert year.institutions == ((DEMO_NURSERY, 1),)
    problematic = groeipakket.problematic_absences(toddler, *YEAR)
    assert problematic.ok
    assert [(y.school_year, y.half_days, y.enrolled_half_days) for y in problematic.inhoud] == [
        (2026, 1, None)]


@pytest.mark.parametrize("service", [ATTENDANCE, PROBLEMATIC], ids=lambda s: s.naam)
def test_requests_and_answers_validate_against_the_services_schemas(server, groeipakket,
                                                                    toddler, service):
    envelope = groeipakket.request(service.namespace, service.naam, service.versie,
                                   _criteria(toddler))
    data = groeipakket.sign(envelope)
    _validate(magda.payload_of(etree.fromstring(data)), service.request_xsd)
    response = magda.post(server.url + magda.SHARED_PATH, data)
    root = etree.fromstring(response.content)
    groeipakket.wsse.verify(root)
    answer = magda.payload_of(root)
    _validate(answer, service.response_xsd)
    assert answer.findtext("Repliek/Antwoorden/Antwoord/Inhoud/Schooljaren/Schooljaar/Jaar") \
        == "2026"
    assert answer.findtext("Repliek/Context/Naam") == service.naam


@pytest.mark.parametrize("service", [ATTENDANCE, PROBLEMATIC], ids=lambda s: s.naam)
def test_each_answers_at_its_own_path_with_its_own_wsdl(server, toddler, service):
    own = MagdaClient.from_pki(server.url, server.pki_dir, "groeipakket", path=service.path)
    call = own.nursery_attendance if service is ATTENDANCE else own.problematic_absences
    assert call(toddler, *YEAR).ok
    wsdl = requests.get(server.url + service.path + "?wsdl", timeout=10)
    assert wsdl.status_code == 200
    for include in etree.fromstring(wsdl.content).iter("{http://www.w3.org/2001/XMLSchema}include"):
        schema = requests.get(include.get("schemaLocation"), timeout=10)
        assert schema.status_code == 200 and b"OWN DESIGN" in schema.content
    from suds.client import Client                  # an independent client loads it
    client = Client(server.url + service.path + "?wsdl", cache=None)
    assert {m[0] for _p, methods in client.sd[0].ports for m in methods} == {service.naam}
    index = requests.get(server.url + "/", timeout=10).text
    assert service.path in index


def test_an_answer_is_audited_with_its_journal_entry_and_a_refusal_is_not(
        server, engine, groeipakket, toddler):
    before = row_counts(engine)
    assert groeipakket.nursery_attendance(toddler, *YEAR).ok
    after = row_counts(engine)
    assert (after["journal"], after["audit_log"]) == (before["journal"] + 1,
                                                      before["audit_log"] + 1)
    inspectie = MagdaClient.from_pki(server.url, server.pki_dir, "onderwijsinspectie",
                                     capacity="1200")
    refused = inspectie.nursery_attendance(toddler, *YEAR)
    assert refused.codes() == [40006] and refused.errors[0].omstandigheid == "40020"
    assert row_counts(engine)["audit_log"] == after["audit_log"]
    assert row_counts(engine)["journal"] == after["journal"] + 1


def _discimus(server, *argv):
    env = {**os.environ, "DISCIMUS_DATABASE_URL": server.database_url,
           "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"}
    return subprocess.run([str(BIN / "discimus"), *argv], capture_output=True, text=True,
                          env=env, timeout=120)


def test_fault_rules_reach_every_worker_and_are_cleared(server, groeipakket, toddler):
    added = _discimus(server, "faults", "add", "busy", "--service",
                      "GeefAantalProblematischeAfwezigheden", "--insz", toddler)
    assert added.returncode == 0, added.stderr
    try:
        # Two workers: whichever takes each request, the rule applies.
        for _ in range(4):
            busy = groeipakket.problematic_absences(toddler, *YEAR)
            assert busy.codes() == [99996] and busy.errors[0].oorsprong == "MAGDA"
            assert busy.errors[0].omstandigheid == "30903"
            assert "Te veel gelijktijdige bevragingen" in busy.errors[0].diagnose
        assert groeipakket.nursery_attendance(toddler, *YEAR).ok      # other service
        envelope = groeipakket.request(PROBLEMATIC.namespace, PROBLEMATIC.naam,
                                       PROBLEMATIC.versie, _criteria(toddler))
        response = magda.post(server.url + PROBLEMATIC.path, groeipakket.sign(envelope))
        answer = magda.payload_of(etree.fromstring(response.content))
        _validate(answer, PROBLEMATIC.response_xsd)
        assert answer.find("Repliek/Antwoorden") is None          # MAGDA's level
        assert answer.findtext("Repliek/Uitzonderingen/Uitzondering/Identificatie") == "99996"
        slow = _discimus(server, "faults", "add", "slow", "--delay", "0.2", "--json")
        assert slow.returncode == 0 and '"delay_seconds": 0.2' in slow.stdout
        listed = _discimus(server, "faults", "list", "--json")
        assert [r["kind"] for r in json.loads(listed.stdout)] == ["busy", "slow"]
    finally:
        cleared = _discimus(server, "faults", "clear")
    assert cleared.returncode == 0 and "removed 2 fault rule(s)" in cleared.stdout
    assert groeipakket.problematic_absences(toddler, *YEAR).ok


def test_a_fault_rule_for_an_unknown_service_is_a_usage_error(server):
    done = _discimus(server, "faults", "add", "unavailable", "--service", "GeefNiets")
    assert done.returncode == 3 and "GeefAantalAanwezigheden" in done.stderr


def _criteria(insz: str):
    from lxml.builder import ElementMaker
    E = ElementMaker()
    return E.Inhoud(E.Criteria(E.INSZ(insz), E.Periode(E.Begin(YEAR[0].isoformat()),
                                                       E.Einde(YEAR[1].isoformat()))))


def test_the_enrollment_history_is_audited_under_its_own_authorisation(server, groeipakket,
                                                                        toddler):
    assert groeipakket.enrollment_history(toddler, *YEAR).ok
    done = _discimus(server, "audit", "--insz", toddler, "--json")
    assert done.returncode == 0, done.stderr
    history = [e for e in json.loads(done.stdout)
               if e["service"] == "GeefHistoriekInschrijving-02.01"]
    assert history and history[-1]["deliberation"] == "VTC 17/2016"
    assert history[-1]["identification"] == "kb.vlaanderen.be/aiv/groeipakket"
    assert "Inschrijvingen/Inschrijving/Instelling/Instellingsnummer" in history[-1]["fields"]
    assert toddler not in " ".join(history[-1]["fields"])
