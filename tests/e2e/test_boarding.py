"""Message type 7 over HTTP, signed both ways, with the reference client and the CLI."""
from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys

import pytest
import requests

from discimus_client.results import Address, BoardingData, EnrollmentData, Student
from discimus_fixtures.boarding import DEMO_BOARDING, DEMO_EUROPEAN
from discimus_fixtures.generator import DEMO_OTHER, DEMO_SECONDARY, insz_for
from discimus_service.domain.model import Sex

BIRTH = dt.date(2012, 1, 20)
SEP1 = dt.date(2026, 9, 1)
STUDENT = Student(insz=insz_for(BIRTH, Sex.V, 431), stamnummer="2600851",
                  first_name="Nele", last_name="Claes", birth_date=BIRTH, sex="V",
                  address=Address("Dorpsstraat", "3", "9050 01", "Gentbrugge"))
BOARDER = Student(**{**STUDENT.__dict__, "stamnummer": "2600501"})


@pytest.fixture(scope="module")
def boarder(server):
    """A fresh student at the demo secondary school, boarding at the demo boarding school."""
    from discimus_client.client import DiscimusClient
    informat = DiscimusClient.from_pki(server.url, server.pki_dir, "informat")
    done = informat.register_enrollment(STUDENT, EnrollmentData(
        DEMO_SECONDARY, "1B", SEP1, dt.date(2026, 8, 28), SEP1))
    assert done.ok, done.uitzonderingen
    done = informat.register_boarding(BOARDER, BoardingData(
        DEMO_BOARDING, "Gent", SEP1, agreement_framework=True, support_plan=False))
    assert done.ok and done.uitzonderingen == (), done.uitzonderingen
    assert informat.wsse.last_verified is not None   # the answer was signed and verified
    return done.inhoud


def test_the_index_lists_the_boarding_service(server):
    page = requests.get(server.url + "/", timeout=10)
    assert "/internaat?wsdl" in page.text


def test_a_registered_stay_keeps_every_field(boarder):
    assert (boarder.institution_number, boarder.stamnummer, boarder.insz) == (
        DEMO_BOARDING, "2600501", STUDENT.insz)
    assert (boarder.school_year, boarder.start_date, boarder.end_date) == (2026, SEP1, None)
    assert (boarder.agreement_framework, boarder.support_plan) == (True, False)
    assert boarder.itinerant_parents is False and boarder.discimus_referte > 0


def test_correct_end_and_resend(client_for, boarder):
    informat = client_for("informat")
    corrected = informat.correct_boarding(BOARDER, BoardingData(
        DEMO_BOARDING, "Gentbrugge", SEP1, itinerant_parents=True,
        agreement_framework=True, support_plan=True))
    assert corrected.ok and corrected.inhoud.itinerant_parents is True
    assert corrected.inhoud.discimus_referte == boarder.discimus_referte
    ended = informat.end_boarding(DEMO_BOARDING, "2600501", SEP1, dt.date(2027, 6, 30),
                                  referte="boarding-end-1")
    assert ended.ok and ended.inhoud.end_date == dt.date(2027, 6, 30)
    again = informat.end_boarding(DEMO_BOARDING, "2600501", SEP1, dt.date(2027, 6, 30),
                                  referte="boarding-end-1")
    assert again.ok and again.codes() == [50003] and again.inhoud == ended.inhoud
    twice = informat.end_boarding(DEMO_BOARDING, "2600501", SEP1, dt.date(2027, 5, 31))
    assert twice.codes() == [30504]


def test_refusals_name_the_element(client_for):
    informat = client_for("informat")
    other = Student(**{**BOARDER.__dict__, "stamnummer": "2600502"})
    refused = informat.register_boarding(other, BoardingData(DEMO_BOARDING, "Gent", SEP1))
    assert [(u.code, u.omstandigheid) for u in refused.uitzonderingen] == [
        (10504, "Afsprakenkader")]
    refused = informat.register_boarding(other, BoardingData(
        DEMO_BOARDING, "Gent", SEP1, school_number=DEMO_SECONDARY,
        agreement_framework=False, support_plan=False))
    assert [(u.code, u.omstandigheid) for u in refused.uitzonderingen] == [
        (10505, "Schoolnummer")]
    seen = informat.boarding_enrollments(DEMO_BOARDING, stamnummer="2600502")
    assert seen.ok and seen.inhoud == []                  # refused: nothing written


def test_only_the_boarding_schools_package_sends_and_sees(client_for):
    wisa = client_for("wisa")
    assert wisa.boarders_schools(DEMO_OTHER).codes() == [40501]
    assert wisa.boarders_schools(DEMO_BOARDING).codes() == [40006]


def test_where_the_boarders_go_to_school(client_for, boarder):
    informat = client_for("informat")
    seen = informat.boarders_schools(DEMO_BOARDING)
    assert seen.ok, seen.uitzonderingen
    mine = next(b for b in seen.inhoud if b.stamnummer == "2600501")
    (school,) = mine.schools
    assert (school.institution_number, school.institution_name,
            school.administrative_group, school.start_date, school.kind_of_education) == (
        DEMO_SECONDARY, "Sint-Jozefscollege", "1B", SEP1, "1")
    demo = [b for b in seen.inhoud if b.stamnummer != "2600501"]
    assert len(demo) >= 10 and all(b.schools or b.school_number for b in demo)
    (european,) = [b for b in demo if b.school_number]
    assert (european.school_number, european.school_name) == (
        DEMO_EUROPEAN, "Europese School Mol")
    own = informat.boarding_enrollments(DEMO_BOARDING, school_year=2026)
    assert {b.stamnummer for b in own.inhoud} == {b.stamnummer for b in seen.inhoud}


def discimus(server, *args):
    return subprocess.run(
        [sys.executable, "-m", "discimus_client.cli", "client", "boarding", *args,
         "--url", server.url, "--pki", str(server.pki_dir), "--as", "informat",
         "--institution", DEMO_BOARDING],
        capture_output=True, text=True, timeout=60)


def test_the_cli_registers_and_shows_the_schools(server, boarder):
    done = discimus(server, "register", "--stamnummer", "2600503", "--insz", STUDENT.insz,
                    "--first-name", "Nele", "--last-name", "Claes", "--birth-date",
                    "2012-01-20", "--sex", "V", "--street", "Dorpsstraat",
                    "--house-number", "3", "--postcode", "905001", "--establishment",
                    "Gent", "--start", "2027-06-01", "--agreement-framework", "no",
                    "--support-plan", "no")
    assert done.returncode == 1 and "30502" in done.stdout        # overlaps 2600501
    done = discimus(server, "register", "--stamnummer", "2600503", "--first-name", "Jan",
                    "--last-name", "Wouters", "--birth-date", "2011-05-05", "--sex", "M",
                    "--country", "00999", "--establishment", "Gent", "--start",
                    "2026-09-01", "--agreement-framework", "no", "--support-plan", "no")
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.startswith("ACCEPTED") and "50501" in done.stdout
    shown = discimus(server, "schools", "--stamnummer", "2600501")
    assert shown.returncode == 0, shown.stdout + shown.stderr
    assert f"{DEMO_SECONDARY} Sint-Jozefscollege group 1B, from 2026-09-01" in shown.stdout
    listed = discimus(server, "list", "--json")
    stays = json.loads(listed.stdout)["inhoud"]
    assert {"2600501", "2600503"} <= {s["stamnummer"] for s in stays}
    assert discimus(server, "list", "--school-year", "2018").returncode == 1
