"""The home-education services over HTTP, signed both ways (VTC 38/2016, 35/2016): a
school de-registers a child for home education, the inspectorate registers its interest,
sends a control result and an exam-board result, and sees them with the last school;
requests and answers validate against the own-design schemas; refusals write nothing
but their journal entry; a resend is answered from the journal."""
from __future__ import annotations

import datetime as dt
import json

import pytest
import requests
from lxml import etree
from lxml.builder import ElementMaker

from discimus_client.client import DiscimusClient
from discimus_client.magda import EXAM_NS, INSPECTION_NS, LAST_SCHOOL_NS, MagdaClient
from discimus_client.results import Address, EnrollmentData, Student
from discimus_fixtures.generator import DEMO_PRIMARY, insz_for
from discimus_service.domain.model import Sex
from discimus_service.persistence.database import make_engine, row_counts
from discimus_service.soap.magda import schemas
from discimus_service.soap.magda.catalogue import BY_REQUEST
from tests import magda
from tests.e2e.test_cli import discimus

D = dt.date
E = ElementMaker()
BIRTH = D(2016, 4, 14)
PERIOD = (D(2026, 9, 1), D(2027, 8, 31))
LAST_SCHOOL = BY_REQUEST[f"{{{LAST_SCHOOL_NS}}}GeefLaatsteInschrijvingHuisonderwijs"]
INSPECTION = BY_REQUEST[f"{{{INSPECTION_NS}}}RegistreerControleHuisonderwijs"]
EXAM = BY_REQUEST[f"{{{EXAM_NS}}}RegistreerResultaatExamencommissie"]


@pytest.fixture(scope="module")
def engine(server):
    engine = make_engine(server.database_url)
    yield engine
    engine.dispose()


@pytest.fixture(scope="module")
def inspectie(server):
    return MagdaClient.from_pki(server.url, server.pki_dir, "onderwijsinspectie",
                                capacity="1200")


@pytest.fixture(scope="module")
def child(server, inspectie):
    """Enrolled at the demo primary school on 1 September 2026, de-registered on the 2nd
    for home education (H); the inspectorate registers its interest from 1 September."""
    insz = insz_for(BIRTH, Sex.M, 486)
    informat = DiscimusClient.from_pki(server.url, server.pki_dir, "informat")
    assert informat.register_enrollment(
        Student(insz, "2600486", "Mats", "Wouters", BIRTH, "M",
                Address("Sint-Pietersnieuwstraat", "9", "9000", "Gent")),
        EnrollmentData(DEMO_PRIMARY, "L5", D(2026, 9, 1), D(2026, 8, 27))).ok
    left = informat.deregister(DEMO_PRIMARY, "2600486", D(2026, 9, 1), end_date=D(2026, 9, 2),
                               reason="H", situation_after="1")
    assert left.ok, left.uitzonderingen
    assert inspectie.register_interest(insz, PERIOD[0]).ok
    return insz


def _validate(element, relative: str) -> None:
    schema = schemas.schema(relative)
    assert schema.validate(element), str(schema.error_log)


def _exchange(server, client, service, inhoud):
    """Sign, validate the request, post to the shared endpoint, verify and validate the
    answer; the answer's payload."""
    data = client.sign(client.request(service.namespace, service.naam, service.versie, inhoud))
    _validate(magda.payload_of(etree.fromstring(data)), service.request_xsd)
    response = magda.post(server.url + magda.SHARED_PATH, data)
    root = etree.fromstring(response.content)
    client.wsse.verify(root)
    answer = magda.payload_of(root)
    _validate(answer, service.response_xsd)
    assert answer.findtext("Repliek/Context/Naam") == service.naam
    return answer


def test_the_flow_validates_against_the_schemas_both_ways(server, inspectie, child):
    first = _exchange(server, inspectie, INSPECTION, E.Inhoud(E.Controle(
        E.INSZ(child), E.Datum("2026-09-02"), E.Resultaat("onvoldoende"))))
    assert first.findtext(".//Registratie/Vervangen") == "false"
    exam = _exchange(server, inspectie, EXAM, E.Inhoud(
        E.Kandidaat(E.INSZ(child), E.Naam("Wouters"), E.Voornaam("Mats"), E.Geslacht("M"),
                    E.Geboortedatum(BIRTH.isoformat())),
        E.Beslissing(E.Datum("2026-09-02"), E.Resultaat("niet geslaagd"))))
    assert exam.findtext(".//Registratie/INSZ") == child
    answer = _exchange(server, inspectie, LAST_SCHOOL, E.Inhoud(E.Criteria(
        E.INSZ(child), E.Periode(E.Begin("2026-09-01"), E.Einde("2027-08-31")))))
    last = answer.find("Repliek/Antwoorden/Antwoord/Inhoud/LaatsteInschrijving")
    assert last.findtext("Instelling/Instellingsnummer") == DEMO_PRIMARY
    assert last.findtext("Uitschrijving/Aanleiding/Code") == "H"
    assert last.findtext("Huisonderwijs") == "true"
    inhoud = answer.find("Repliek/Antwoorden/Antwoord/Inhoud")
    assert inhoud.findtext("Controles/Controle/Resultaat") == "onvoldoende"
    assert inhoud.findtext("Examencommissie/Beslissing/Resultaat") == "niet geslaagd"


def test_a_correction_replaces_with_50180_and_the_client_reads_it(inspectie, child):
    corrected = inspectie.register_inspection(child, D(2026, 9, 2), True)
    assert corrected.ok and corrected.inhoud.replaced
    assert [(u.code, u.type) for u in corrected.uitzonderingen] == [(50180, "INFORMATIE")]
    seen = inspectie.home_education(child, *PERIOD)
    assert seen.ok, seen.uitzonderingen
    assert (seen.inhoud.institution_number, seen.inhoud.deregistration_reason,
            seen.inhoud.home_education) == (DEMO_PRIMARY, "H", True)
    assert seen.inhoud.end_date == D(2026, 9, 2)
    assert seen.inhoud.controls == ((D(2026, 9, 2), "voldoende"),)


def test_the_consultation_is_audited_and_the_registrations_are_not(server, engine,
                                                                   inspectie, child):
    before = row_counts(engine)
    assert inspectie.home_education(child, *PERIOD).ok
    after = row_counts(engine)
    assert (after["journal"], after["audit_log"]) == (before["journal"] + 1,
                                                      before["audit_log"] + 1)
    assert inspectie.register_inspection(child, D(2026, 9, 1), True).ok
    last = row_counts(engine)
    assert last["audit_log"] == after["audit_log"]
    assert last["home_education_inspections"] == after["home_education_inspections"] + 1


@pytest.mark.parametrize("call, code", [
    (lambda c, insz: c.register_inspection(insz, D(2026, 9, 4), True), 10180),
    (lambda c, insz: c.register_exam_result(insz, "Wouters", "Mats", "V", BIRTH,
                                            D(2026, 9, 2), True), 10181),
    (lambda c, insz: c.register_exam_result(insz, "Wouters", "Mats", "M", D(2016, 4, 15),
                                            D(2026, 9, 2), True), 20010),
], ids=["future", "sex", "birth-date"])
def test_a_refused_registration_writes_nothing_but_its_journal_entry(
        server, engine, inspectie, child, call, code):
    before = row_counts(engine)
    refused = call(inspectie, child)
    assert refused.codes() == [code] and refused.inhoud is None
    assert row_counts(engine) == {**before, "journal": before["journal"] + 1,
                                  "replay_keys": before["replay_keys"] + 1}


def test_a_partner_without_the_authorisation_is_40006(server, engine, child):
    groeipakket = MagdaClient.from_pki(server.url, server.pki_dir, "groeipakket")
    before = row_counts(engine)
    refused = groeipakket.register_inspection(child, D(2026, 9, 2), True)
    assert refused.codes() == [40006] and refused.errors[0].omstandigheid == "40020"
    consult = groeipakket.home_education(child, *PERIOD)
    assert consult.codes() == [40006]
    after = row_counts(engine)
    assert after["journal"] == before["journal"] + 2
    assert after["audit_log"] == before["audit_log"]
    assert after["home_education_inspections"] == before["home_education_inspections"]


def test_a_resend_is_answered_from_the_journal_without_a_second_row(server, engine,
                                                                    inspectie, child):
    first = inspectie.register_exam_result(child, "Wouters", "Mats", "M", BIRTH,
                                           D(2026, 8, 28), True, referte="exam-486")
    assert first.ok and not first.inhoud.replaced
    count = row_counts(engine)["exam_board_results"]
    again = inspectie.register_exam_result(child, "Wouters", "Mats", "M", BIRTH,
                                           D(2026, 8, 28), True, referte="exam-486")
    assert again.ok and again.inhoud == first.inhoud          # not "replaced": a resend
    assert row_counts(engine)["exam_board_results"] == count


@pytest.mark.parametrize("service", [LAST_SCHOOL, INSPECTION, EXAM], ids=lambda s: s.naam)
def test_each_has_its_own_path_and_wsdl(server, service):
    wsdl = requests.get(server.url + service.path + "?wsdl", timeout=10)
    assert wsdl.status_code == 200
    for include in etree.fromstring(wsdl.content).iter(
            "{http://www.w3.org/2001/XMLSchema}include"):
        schema = requests.get(include.get("schemaLocation"), timeout=10)
        assert schema.status_code == 200 and b"OWN DESIGN" in schema.content
    from suds.client import Client                  # an independent client loads it
    client = Client(server.url + service.path + "?wsdl", cache=None)
    assert {m[0] for _p, methods in client.sd[0].ports for m in methods} == {service.naam}


def test_the_own_path_answers_too(server, child):
    own = MagdaClient.from_pki(server.url, server.pki_dir, "onderwijsinspectie",
                               capacity="1200", path=LAST_SCHOOL.path)
    assert own.home_education(child, *PERIOD).ok


def test_the_command_line_reads_and_sends(server, child):
    def run(*args):
        return discimus(server, "magda", args[0], "--as", "onderwijsinspectie",
                        "--capacity", "1200", "--insz", child, *args[1:])
    shown = run("homeschool", "--from", "2026-09-01", "--to", "2027-08-31")
    assert shown.returncode == 0, shown.stderr
    assert "last school 012345 Basisschool De Regenboog" in shown.stdout
    assert "de-registered (H, home education)" in shown.stdout
    as_json = json.loads(run("homeschool", "--from", "2026-09-01", "--to", "2027-08-31",
                             "--json").stdout)
    assert as_json["inhoud"]["home_education"] is True
    late = run("inspection", "--date", "2026-12-01", "--result", "voldoende")
    assert late.returncode == 1 and "10180" in late.stdout
    bad = run("exam", "--last-name", "Wouters", "--first-name", "Mats", "--sex", "Q",
              "--birth-date", "2016-04-14", "--date", "2026-09-02", "--result", "geslaagd")
    assert bad.returncode == 3
