"""Message type 3 over HTTP, signed both ways, with the reference client and the CLI."""
from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys

import pytest
import requests

from discimus_client.characteristics_messages import Declaration
from discimus_client.results import Address, EnrollmentData, Student
from discimus_fixtures.generator import DEMO_OTHER, DEMO_SECONDARY, insz_for
from discimus_service.domain.model import Sex

BIRTH = dt.date(2010, 11, 23)
SEP1 = dt.date(2026, 9, 1)
HERE, THERE = "2600741", "2600751"          # the student at 034567 and at 056789


def student(stamnummer: str) -> Student:
    return Student(insz=insz_for(BIRTH, Sex.V, 461), stamnummer=stamnummer,
                   first_name="Yasmina", last_name="El Amrani", birth_date=BIRTH, sex="V",
                   address=Address("Dampoortstraat", "3", "9000", "Gent"))


@pytest.fixture(scope="module")
def enrolled(server):
    """A fresh student at the demo secondary school from 1 September 2026."""
    from discimus_client.client import DiscimusClient
    informat = DiscimusClient.from_pki(server.url, server.pki_dir, "informat")
    done = informat.register_enrollment(student(HERE), EnrollmentData(
        DEMO_SECONDARY, "3A", SEP1, dt.date(2026, 8, 25), SEP1))
    assert done.ok, done.uitzonderingen
    return HERE


def declaration(on=dt.date(2026, 8, 25), language="A", level="3", stamnummer=HERE):
    return Declaration("INF-" + stamnummer, stamnummer, on, language, level)


def test_the_index_lists_the_characteristics_service(server):
    page = requests.get(server.url + "/", timeout=10)
    assert "/leerlingenkenmerken?wsdl" in page.text
    wsdl = requests.get(server.url + "/leerlingenkenmerken?wsdl", timeout=10)
    assert wsdl.status_code == 200 and b"GeefIndicatoren" in wsdl.content


def test_register_consult_correct_and_cancel(client_for, enrolled):
    informat = client_for("informat")
    before = informat.characteristics(DEMO_SECONDARY, [enrolled])
    assert before.ok and [(s.stamnummer, s.available, s.in_force) for s in before.inhoud] \
        == [(enrolled, False, None)]
    unknown = informat.indicators(DEMO_SECONDARY, [enrolled])
    assert [(s.home_language, s.mother_education, s.declared_on)
            for s in unknown.inhoud] == [("O", "O", None)]

    done = informat.register_characteristics(DEMO_SECONDARY, [declaration()],
                                             referte="kenmerken-e2e-1")
    assert done.ok and done.uitzonderingen == (), done.uitzonderingen
    assert (done.inhoud.new, done.inhoud.replaced) == (1, 0)
    assert informat.wsse.last_verified is not None   # the answer was signed and verified
    resent = informat.register_characteristics(DEMO_SECONDARY, [declaration()],
                                               referte="kenmerken-e2e-1")
    assert resent.codes() == [50003] and resent.inhoud.new == 1      # the first answer
    assert len(informat.own_characteristics(DEMO_SECONDARY, stamnummer=enrolled)
               .inhoud) == 1                                         # written once

    [found] = informat.characteristics(DEMO_SECONDARY, [enrolled]).inhoud
    assert found.available and (found.in_force.institution_number,
                                found.in_force.declared_on, found.in_force.home_language,
                                found.in_force.mother_education) == (
        DEMO_SECONDARY, dt.date(2026, 8, 25), "A", "3")
    [ind] = informat.indicators(DEMO_SECONDARY, [enrolled]).inhoud
    assert (ind.home_language, ind.mother_education, ind.declared_on) == (
        "J", "J", dt.date(2026, 8, 25))

    corrected = informat.register_characteristics(DEMO_SECONDARY, [
        declaration(language="N", level="5")])
    assert corrected.ok and corrected.codes() == [50200]
    [ind] = informat.indicators(DEMO_SECONDARY, [enrolled]).inhoud
    assert (ind.home_language, ind.mother_education) == ("N", "N")

    older = informat.register_characteristics(DEMO_SECONDARY, [
        declaration(on=dt.date(2026, 8, 1))])
    assert older.ok and older.codes() == [50202]
    cancelled = informat.cancel_characteristics(DEMO_SECONDARY, [
        declaration(on=dt.date(2026, 8, 1))])
    assert cancelled.ok and cancelled.inhoud.cancelled == 1
    again = informat.cancel_characteristics(DEMO_SECONDARY, [
        declaration(on=dt.date(2026, 8, 1))])
    assert [(u.code, u.omstandigheid) for u in again.uitzonderingen] == [
        (30200, "Leerlingenkenmerken/Leerlingenkenmerk[1]/DatumVerklaring")]


def test_one_bad_declaration_refuses_the_message(client_for, enrolled):
    informat = client_for("informat")
    refused = informat.register_characteristics(DEMO_SECONDARY, [
        declaration(on=dt.date(2026, 7, 1)), declaration(on=dt.date(2010, 11, 1))])
    assert not refused.ok and refused.inhoud is None
    assert [(u.code, u.omstandigheid) for u in refused.uitzonderingen] == [
        (10200, "Leerlingenkenmerken/Leerlingenkenmerk[2]/DatumVerklaring")]
    mine = informat.own_characteristics(DEMO_SECONDARY, stamnummer=enrolled).inhoud
    assert dt.date(2026, 7, 1) not in {d.declared_on for d in mine}


def test_the_next_school_sees_the_declaration_and_nothing_of_others(client_for,
                                                                    enrolled):
    informat, wisa = client_for("informat"), client_for("wisa")
    assert informat.register_characteristics(DEMO_SECONDARY, [
        declaration(on=dt.date(2026, 8, 26), language="A", level="1")]).ok
    refused = wisa.characteristics(DEMO_OTHER, [THERE])
    assert refused.codes() == [40010] and refused.inhoud is None
    also = wisa.register_enrollment(student(THERE), EnrollmentData(
        DEMO_OTHER, "3A", dt.date(2026, 9, 2), dt.date(2026, 9, 2)))
    assert also.ok, also.uitzonderingen
    [found] = wisa.characteristics(DEMO_OTHER, [THERE]).inhoud
    assert (found.stamnummer, found.in_force.institution_number,
            found.in_force.stamnummer, found.in_force.declared_on) == (
        THERE, DEMO_SECONDARY, HERE, dt.date(2026, 8, 26))
    # wisa's own registrations hold none of it; informat cannot ask about wisa's number
    assert wisa.own_characteristics(DEMO_OTHER, stamnummer=THERE).inhoud == []
    assert informat.indicators(DEMO_SECONDARY, [THERE]).codes() == [40010]


def discimus(server, *args):
    return subprocess.run(
        [sys.executable, "-m", "discimus_client.cli", "client", "characteristics", *args,
         "--url", server.url, "--pki", str(server.pki_dir)],
        capture_output=True, text=True, timeout=60)


def test_the_cli_registers_shows_and_lists(server, enrolled):
    school = ["--as", "informat", "--institution", DEMO_SECONDARY]
    done = discimus(server, "register", *school, "--stamnummer", "2600742", "--date",
                    "2026-08-25", "--home-language", "A", "--mother-education", "2")
    assert done.returncode == 1 and "40010" in done.stdout      # not enrolled
    done = discimus(server, "register", *school, "--item", f"{enrolled},2026-08-27,O,9",
                    "--json")
    assert done.returncode == 0, done.stdout + done.stderr
    assert json.loads(done.stdout)["inhoud"]["new"] == 1
    done = discimus(server, "show", *school, "--stamnummer", enrolled)
    assert done.returncode == 0, done.stdout + done.stderr
    assert (f"stamnummer {enrolled}: declared 2026-08-27 at school {DEMO_SECONDARY}: home "
            "language not declared (O), mother not declared (9)") in done.stdout
    done = discimus(server, "indicators", *school, "--stamnummer", enrolled, "--json")
    assert done.returncode == 0
    assert json.loads(done.stdout)["inhoud"] == [{
        "stamnummer": enrolled, "home_language": "O", "mother_education": "O",
        "declared_on": "2026-08-27"}]
    done = discimus(server, "list", *school, "--stamnummer", enrolled)
    assert done.returncode == 0 and "2026-08-27" in done.stdout
    done = discimus(server, "cancel", *school, "--stamnummer", enrolled)
    assert done.returncode == 3 and "--date" in done.stderr       # usage: nothing sent
