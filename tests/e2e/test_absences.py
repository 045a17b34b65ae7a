"""Message type 2 over HTTP, signed both ways, with the reference client and the CLI."""
from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys

import pytest
import requests

from discimus_client.results import Address, EnrollmentData, HalfDayAbsence, Student
from discimus_fixtures.generator import DEMO_OTHER, DEMO_SECONDARY, insz_for
from discimus_service.domain.model import Sex

BIRTH = dt.date(2011, 4, 9)
SEP1, SEP2 = dt.date(2026, 9, 1), dt.date(2026, 9, 2)


@pytest.fixture(scope="module")
def enrolled(server):
    """A fresh student at the demo secondary school from 1 September 2026."""
    from discimus_client.client import DiscimusClient
    informat = DiscimusClient.from_pki(server.url, server.pki_dir, "informat")
    student = Student(insz=insz_for(BIRTH, Sex.M, 421), stamnummer="2600721",
                      first_name="Wout", last_name="Maes", birth_date=BIRTH, sex="M",
                      address=Address("Kouter", "9", "9000", "Gent"))
    done = informat.register_enrollment(student, EnrollmentData(
        DEMO_SECONDARY, "2B", SEP1, dt.date(2026, 8, 28), SEP1))
    assert done.ok, done.uitzonderingen
    return "2600721"


def half(day, part, code=None, stamnummer="2600721"):
    return HalfDayAbsence("INF-" + stamnummer, stamnummer, day, part, code)


def test_the_index_lists_the_absence_service(server):
    page = requests.get(server.url + "/", timeout=10)
    assert "/afwezigheid?wsdl" in page.text


def test_register_consult_correct_and_cancel(client_for, enrolled):
    informat = client_for("informat")
    done = informat.register_absences(DEMO_SECONDARY, [
        half(SEP1, "VM", "Z"), half(SEP1, "NM", "Z"), half(SEP2, "VM", "B")])
    assert done.ok and done.uitzonderingen == (), done.uitzonderingen
    assert (done.inhoud.new, done.inhoud.replaced) == (3, 0)
    assert informat.wsse.last_verified is not None   # the answer was signed and verified

    again = informat.register_absences(DEMO_SECONDARY, [half(SEP2, "VM", "P")])
    assert again.ok and again.codes() == [50005] and again.inhoud.replaced == 1

    cancelled = informat.cancel_absences(DEMO_SECONDARY, [half(SEP1, "NM")])
    assert cancelled.ok and cancelled.inhoud.cancelled == 1

    mine = informat.absences(DEMO_SECONDARY, stamnummer=enrolled)
    assert [(a.date, a.half_day, a.code) for a in mine.inhoud] == [
        (SEP1, "VM", "Z"), (SEP2, "VM", "P")]
    assert {a.institution_number for a in mine.inhoud} == {DEMO_SECONDARY}


def test_one_bad_half_day_refuses_the_message(client_for, enrolled):
    informat = client_for("informat")
    refused = informat.register_absences(DEMO_SECONDARY, [
        half(SEP2, "NM", "Z"), half(SEP2, "NM", "H")])
    assert not refused.ok and refused.inhoud is None
    assert [(u.code, u.omstandigheid) for u in refused.uitzonderingen] == [
        (10009, "Afwezigheden/Afwezigheid[2]")]
    refused = informat.register_absences(DEMO_SECONDARY, [
        half(SEP2, "NM", "Z"), half(SEP1, "NM", "H")])
    assert [(u.code, u.omstandigheid) for u in refused.uitzonderingen] == [
        (10010, "Afwezigheden/Afwezigheid[2]/Code")]
    stored = informat.absences(DEMO_SECONDARY, stamnummer=enrolled, first=SEP2, last=SEP2)
    assert [a.half_day for a in stored.inhoud] == ["VM"]


def test_another_school_sees_and_sends_nothing_about_the_student(client_for, enrolled):
    wisa = client_for("wisa")
    refused = wisa.register_absences(DEMO_OTHER, [half(SEP1, "NM", "Z")])
    assert refused.codes() == [40010]
    seen = wisa.absences(DEMO_OTHER, stamnummer=enrolled)
    assert seen.ok and seen.inhoud == []


def discimus(server, *args):
    return subprocess.run(
        [sys.executable, "-m", "discimus_client.cli", "client", "absences", *args,
         "--url", server.url, "--pki", str(server.pki_dir)],
        capture_output=True, text=True, timeout=60)


def test_the_cli_registers_a_week_and_lists_it(server, enrolled):
    done = discimus(server, "register", "--as", "informat", "--institution",
                    DEMO_SECONDARY, "--stamnummer", "2600722", "--date", "2026-09-01",
                    "--code", "Z")
    assert done.returncode == 1 and "40010" in done.stdout      # not enrolled
    done = discimus(server, "register", "--as", "informat", "--institution",
                    DEMO_SECONDARY, "--stamnummer", enrolled, "--date", "2026-08-29",
                    "--to", "2026-09-03", "--half", "NM", "--code", "R", "--json")
    assert done.returncode == 1                                   # 29 Aug: not enrolled
    codes = [(u["code"], u["omstandigheid"]) for u in json.loads(done.stdout)["uitzonderingen"]]
    assert codes == [(40010, "Afwezigheden/Afwezigheid[1]/Stamnummer")]
    done = discimus(server, "register", "--as", "informat", "--institution",
                    DEMO_SECONDARY, "--stamnummer", enrolled, "--date", "2026-09-03",
                    "--half", "NM", "--code", "R")
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.startswith("ACCEPTED") and "1 new" in done.stdout
    listed = discimus(server, "list", "--as", "informat", "--institution", DEMO_SECONDARY,
                      "--stamnummer", enrolled, "--from", "2026-09-03")
    assert listed.returncode == 0 and "2026-09-03 NM  R" in listed.stdout


def test_problematic_absences_registered_by_another_school(client_for, server, enrolled):
    informat, wisa = client_for("informat"), client_for("wisa")
    insz = insz_for(BIRTH, Sex.M, 421)          # the fixture's student, also at 056789
    also = wisa.register_enrollment(
        Student(insz=insz, stamnummer="2600731", first_name="Wout", last_name="Maes",
                birth_date=BIRTH, sex="M", address=Address("Kouter", "9", "9000", "Gent")),
        EnrollmentData(DEMO_OTHER, "2A", SEP1, dt.date(2026, 8, 30), SEP1))
    assert also.ok, also.uitzonderingen
    assert wisa.register_absences(DEMO_OTHER, [
        HalfDayAbsence("W-731", "2600731", SEP1, "VM", "B"),
        HalfDayAbsence("W-731", "2600731", SEP1, "NM", "B"),
        HalfDayAbsence("W-731", "2600731", SEP2, "VM", "Z")]).ok
    seen = informat.problematic_absences(DEMO_SECONDARY, stamnummer=enrolled)
    assert [(p.stamnummer, p.insz, p.other_institution_number, p.school_year, p.half_days)
            for p in seen.inhoud] == [(enrolled, insz, DEMO_OTHER, 2026, 2)]
    done = discimus(server, "problematic", "--as", "informat", "--institution",
                    DEMO_SECONDARY, "--stamnummer", enrolled)
    assert done.returncode == 0, done.stdout + done.stderr
    assert f"2 B half days at {DEMO_OTHER} in 2026-2027" in done.stdout
