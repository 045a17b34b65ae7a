"""Message type 4 over HTTP, signed both ways, with the reference client and the CLI.

A fresh student finishes primary school at the demo primary school in June 2026 and
starts in 1A at the demo secondary school on 1 September: the primary school registers
the certificate (late: the server's business day is 2026-09-03), the new school sees
it, and the admission and transition checks answer from it.
"""
from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys

import pytest
import requests

from discimus_client.certificate_messages import Certificate
from discimus_client.results import Address, EnrollmentData, Student
from discimus_fixtures.generator import DEMO_OTHER, DEMO_PRIMARY, DEMO_SECONDARY, insz_for
from discimus_service.domain.model import Sex

BIRTH = dt.date(2014, 2, 11)
LAST_YEAR, JUNE = dt.date(2025, 9, 1), dt.date(2026, 6, 30)
SEP1 = dt.date(2026, 9, 1)
PRIMARY_NR, SECONDARY_NR = "2500791", "2600791"


@pytest.fixture(scope="module")
def student(server):
    """The student's primary enrollment (ended in June) and secondary one (from Sep 1)."""
    from discimus_client.client import DiscimusClient
    informat = DiscimusClient.from_pki(server.url, server.pki_dir, "informat")

    def person(stamnummer):
        return Student(insz=insz_for(BIRTH, Sex.V, 491), stamnummer=stamnummer,
                       first_name="Noor", last_name="Wouters", birth_date=BIRTH, sex="V",
                       address=Address("Veldstraat", "3", "9000", "Gent"))
    done = informat.register_enrollment(person(PRIMARY_NR), EnrollmentData(
        DEMO_PRIMARY, "L6", LAST_YEAR, dt.date(2025, 8, 20), LAST_YEAR))
    assert done.ok, done.uitzonderingen
    assert informat.deregister(DEMO_PRIMARY, PRIMARY_NR, LAST_YEAR, end_date=JUNE,
                               reason="E", situation_after="1").ok
    done = informat.register_enrollment(person(SECONDARY_NR), EnrollmentData(
        DEMO_SECONDARY, "1A", SEP1, dt.date(2026, 8, 25), SEP1))
    assert done.ok, done.uitzonderingen
    return insz_for(BIRTH, Sex.V, 491)


def gbo(**kw):
    return Certificate(student_id="INF-" + PRIMARY_NR, stamnummer=PRIMARY_NR, kind="GBO",
                       date=JUNE, **kw)


def test_the_index_lists_the_certificate_service(server):
    page = requests.get(server.url + "/", timeout=10)
    assert "/studiebewijs?wsdl" in page.text


def test_the_primary_certificate_reaches_the_new_school_and_its_checks(client_for,
                                                                       student):
    informat = client_for("informat")
    done = informat.register_certificates(DEMO_PRIMARY, [gbo()])
    assert done.ok and done.codes() == [50300], done.uitzonderingen    # late, stored
    assert done.inhoud.new == 1 and informat.wsse.last_verified is not None

    seen = informat.previous_certificates(DEMO_SECONDARY, SECONDARY_NR)
    assert seen.ok and seen.inhoud.insz == student
    [c] = seen.inhoud.certificates
    assert (c.kind, c.date, c.stamnummer, c.institution_number, c.institution_name,
            c.student_id) == ("GBO", JUNE, SECONDARY_NR, DEMO_PRIMARY,
                              "Basisschool De Regenboog", None)

    a = informat.check_admission(DEMO_SECONDARY, SECONDARY_NR, grade=1, year=1, form="A")
    assert (a.inhoud.admission.outcome, a.inhoud.admission.rule) == ("VOLDOET", "T01")
    assert a.inhoud.admission.based_on.kind == "GBO"
    b = informat.check_admission(DEMO_SECONDARY, SECONDARY_NR, grade=1, year=1, form="B")
    assert (b.inhoud.admission.outcome, b.inhoud.admission.conditions) == (
        "VOLDOET_MITS", ("TOELATINGSKLASSENRAAD",))
    t = informat.check_transition(DEMO_SECONDARY, SECONDARY_NR, grade=1, year=1,
                                  form="B", date=dt.date(2026, 10, 1))
    assert t.ok and t.inhoud.council_needed and "T04" in t.inhoud.reasons[0]

    again = informat.register_certificates(DEMO_PRIMARY, [gbo(full_name="Getuigschrift")])
    assert again.inhoud.replaced == 1 and sorted(again.codes()) == [50300, 50301]
    mine = informat.certificates(DEMO_PRIMARY, stamnummer=PRIMARY_NR)
    assert [(c.kind, c.full_name, c.student_id) for c in mine.inhoud] == [
        ("GBO", "Getuigschrift", "INF-" + PRIMARY_NR)]


def test_refusals_name_the_item_and_store_nothing(client_for, student):
    informat = client_for("informat")
    before = informat.certificates(DEMO_SECONDARY, stamnummer=SECONDARY_NR).inhoud
    refused = informat.register_certificates(DEMO_SECONDARY, [
        Certificate(None, SECONDARY_NR, "AVB", dt.date(2026, 9, 2), grade=1, year=1,
                    form="A"),
        Certificate(None, SECONDARY_NR, "VEI", dt.date(2026, 9, 2), grade=1, year=1,
                    form="A")])
    assert not refused.ok and refused.inhoud is None
    assert [(u.code, u.omstandigheid) for u in refused.uitzonderingen] == [
        (10300, "Studiebewijzen/Studiebewijs[2]/Soort")]
    assert informat.certificates(DEMO_SECONDARY, stamnummer=SECONDARY_NR).inhoud == before
    other = client_for("wisa").previous_certificates(DEMO_OTHER, SECONDARY_NR)
    assert other.codes() == [40010]


def test_register_list_and_cancel_at_the_secondary_school(client_for, student):
    informat = client_for("informat")
    avb = Certificate(None, SECONDARY_NR, "AVB", dt.date(2026, 9, 2), grade=1, year=1,
                      form="A", study_field="Moderne talen")
    assert informat.register_certificates(DEMO_SECONDARY, [avb]).inhoud.new == 1
    listed = informat.certificates(DEMO_SECONDARY, stamnummer=SECONDARY_NR,
                                   school_year=2026)
    assert [(c.kind, c.study_field, c.grade, c.form) for c in listed.inhoud] == [
        ("AVB", "Moderne talen", 1, "A")]
    done = informat.cancel_certificates(DEMO_SECONDARY, [(SECONDARY_NR, "AVB", 2026)])
    assert done.ok and done.inhoud.cancelled == 1
    assert informat.certificates(DEMO_SECONDARY, stamnummer=SECONDARY_NR).inhoud == []


def discimus(server, *args):
    return subprocess.run(
        [sys.executable, "-m", "discimus_client.cli", "client", "certificates", *args,
         "--url", server.url, "--pki", str(server.pki_dir)],
        capture_output=True, text=True, timeout=60)


def test_the_cli_checks_admission_readably_and_as_json(server, student, client_for):
    assert client_for("informat").register_certificates(DEMO_PRIMARY, [gbo()]).ok
    done = discimus(server, "admission", "--as", "informat", "--institution",
                    DEMO_SECONDARY, "--stamnummer", SECONDARY_NR, "--grade", "1",
                    "--year", "1", "--form", "a")
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.startswith("ACCEPTED") and "VOLDOET" in done.stdout
    assert "rule T01" in done.stdout and "Basisschool De Regenboog" in done.stdout
    done = discimus(server, "transition", "--as", "informat", "--institution",
                    DEMO_SECONDARY, "--stamnummer", SECONDARY_NR, "--grade", "1",
                    "--year", "1", "--form", "B", "--date", "2026-10-01", "--json")
    assert done.returncode == 0, done.stdout + done.stderr
    answer = json.loads(done.stdout)["inhoud"]
    assert answer["council_needed"] is True and answer["admission"]["rule"] == "T04"
    done = discimus(server, "admission", "--as", "informat", "--institution",
                    DEMO_SECONDARY, "--stamnummer", SECONDARY_NR, "--grade", "2",
                    "--year", "1", "--form", "MOD")
    assert done.returncode == 1 and "10306" in done.stdout
    done = discimus(server, "previous", "--as", "informat", "--institution",
                    DEMO_SECONDARY, "--stamnummer", SECONDARY_NR)
    assert done.returncode == 0 and "GBO  Getuigschrift basisonderwijs" in done.stdout
