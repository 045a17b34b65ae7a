"""DKO over HTTP, signed both ways: its own path, WSDL and rights, and the number look-up."""
from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys

import pytest
import requests

from discimus_client.dko_messages import DkoRegistrationData
from discimus_client.errors import ServiceFault
from discimus_client.results import Address, Student
from discimus_fixtures import dko as demo
from discimus_fixtures.generator import DEMO_SECONDARY, insz_for
from discimus_service.domain.identification_numbers import is_pseudo
from discimus_service.domain.model import Sex
from discimus_service.persistence.database import make_engine, row_counts

TODAY = dt.date(2026, 9, 3)          # the e2e server's business date
YEAR = 2026
PERSON = demo.DEMO_PERSON


def student(stamnummer, insz=None, **kw) -> Student:
    base = dict(insz=insz, stamnummer=stamnummer, first_name=PERSON.first_name,
                last_name=PERSON.last_name, birth_date=PERSON.birth_date, sex="V",
                address=Address("Kerkstraat", "12", "9000", "Gent"))
    return Student(**{**base, **kw})


def registration(year=YEAR, fee="J") -> DkoRegistrationData:
    return DkoRegistrationData(demo.DEMO_ACADEMY, year, "MU", fee, dt.date(2026, 9, 2))


def test_the_index_and_the_wsdl_are_served(server):
    assert "/dko?wsdl" in requests.get(server.url + "/", timeout=10).text
    wsdl = requests.get(server.url + "/dko?wsdl", timeout=10)
    assert wsdl.status_code == 200 and b"RegistreerDkoInschrijving" in wsdl.content


def test_register_correct_and_deregister_with_an_insz(client_for):
    dkosoft = client_for("dkosoft")
    birth = dt.date(1990, 6, 1)
    adult = student("2600701", insz_for(birth, Sex.M, 480), first_name="Pieter",
                    last_name="Claes", birth_date=birth, sex="M")
    done = dkosoft.register_dko(adult, registration(fee="V"))
    assert done.ok and done.codes() == [], done.uitzonderingen
    assert done.inhoud.insz == adult.insz and done.inhoud.status == "INGESCHREVEN"
    assert dkosoft.wsse.last_verified is not None
    fixed = dkosoft.correct_dko(adult, registration(fee="VV"))
    assert fixed.ok and fixed.inhoud.fee_category == "VV"
    ended = dkosoft.deregister_dko(demo.DEMO_ACADEMY, "2600701", YEAR, end_date=TODAY)
    assert ended.ok and ended.inhoud.end_date == TODAY
    assert dkosoft.deregister_dko(demo.DEMO_ACADEMY, "2600701", YEAR,
                                  end_date=TODAY).codes() == [30602]


def test_channels_keep_their_own_rights_and_a_refusal_writes_only_its_journal(
        client_for, server):
    engine = make_engine(server.database_url)
    before = row_counts(engine)
    informat = client_for("informat")      # mandated for schools and for academy 130002
    refused = informat.register_dko(student("2600702"), registration())
    assert refused.codes() == [40600]
    after = row_counts(engine)
    assert {k: after[k] - before[k] for k in after if after[k] != before[k]} == {
        "journal": 1, "replay_keys": 1}
    engine.dispose()
    assert client_for("dkosoft").identification_numbers(DEMO_SECONDARY).codes() == [40006]
    assert informat.dko_identification_numbers(DEMO_SECONDARY).codes() == [40601]


def test_a_missing_number_is_matched_on_receipt_and_listed(client_for):
    dkosoft = client_for("dkosoft")
    done = dkosoft.register_dko(student("2600703"), registration())
    assert done.ok and done.codes() == [50600], done.uitzonderingen
    insz = insz_for(PERSON.birth_date, PERSON.sex, demo.DEMO_PERSON_SEQUENCE)
    listed = dkosoft.dko_identification_numbers(demo.DEMO_ACADEMY, stamnummer="2600703")
    assert [(n.kind, n.insz) for n in listed.inhoud] == [("AANGEVULD", insz)]


def test_a_wrong_number_is_reported_and_the_fixture_report_is_there(client_for):
    dkosoft = client_for("dkosoft")
    birth = dt.date(2014, 10, 10)
    typo = insz_for(birth, Sex.V, 481)[:9] + "00"
    done = dkosoft.register_dko(student("2600704", typo, first_name="Lien",
                                        last_name="Wouters", birth_date=birth),
                                registration())
    assert done.ok and done.codes() == [50603, 50601], done.uitzonderingen
    listed = dkosoft.dko_identification_numbers(demo.DEMO_ACADEMY)
    wrong = {n.stamnummer: n for n in listed.inhoud if n.kind == "FOUT"}
    assert wrong["2600704"].insz_sent == typo
    assert demo.stamnummers(TODAY)[1] in wrong        # the demo data's error report


def test_a_resend_answers_the_first_answer(client_for):
    dkosoft = client_for("dkosoft")
    birth = dt.date(2015, 1, 20)
    pupil = student("2600705", insz_for(birth, Sex.M, 482), first_name="Mats",
                    last_name="Peeters", birth_date=birth, sex="M")
    first = dkosoft.register_dko(pupil, registration(), referte="dko-resend-1")
    again = dkosoft.register_dko(pupil, registration(), referte="dko-resend-1")
    assert first.ok and again.codes() == [50003]
    assert again.inhoud.discimus_referte == first.inhoud.discimus_referte


def test_a_schema_violation_is_a_fault(client_for):
    with pytest.raises(ServiceFault):
        client_for("dkosoft").register_dko(student("2600706"), DkoRegistrationData(
            demo.DEMO_ACADEMY, YEAR, "XX", "J", TODAY))


def test_the_cli_registers_and_lists_with_json(server, tmp_path):
    env_args = ["--url", server.url, "--pki", str(server.pki_dir)]
    run = lambda *a: subprocess.run(  # noqa: E731
        [sys.executable, "-m", "discimus_client.cli", "client", *a, *env_args],
        capture_output=True, text=True, timeout=120)
    done = run("dko", "register", "--as", "dkosoft", "--institution", demo.DEMO_ACADEMY,
               "--stamnummer", "2600707", "--first-name", "Amina", "--last-name", "Haddad",
               "--birth-date", "2015-02-14", "--sex", "V", "--street", "Dampoortstraat",
               "--house-number", "40", "--postcode", "9000", "--school-year", "2026",
               "--discipline", "DA", "--fee", "JV", "--registered", "2026-09-02")
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.startswith("ACCEPTED") and "INSZ pending" in done.stdout
    listed = run("dko", "numbers", "--as", "dkosoft", "--institution", demo.DEMO_ACADEMY,
                 "--json")
    assert listed.returncode == 0, listed.stderr
    kinds = {n["kind"] for n in json.loads(listed.stdout)["inhoud"]}
    assert "FOUT" in kinds
    refused = run("numbers", "--as", "dkosoft", "--institution", DEMO_SECONDARY)
    assert refused.returncode == 1 and "40006" in refused.stdout
    assert not any(is_pseudo(n.get("insz")) for n in json.loads(listed.stdout)["inhoud"]
                   if n["stamnummer"] == "2600707")
