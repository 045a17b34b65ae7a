"""The CLB's services over HTTP, signed both ways, on SQLite and PostgreSQL: absences a
school sends reach the CLB's feed in order, once; read with a cursor, schema-valid,
audited; a motivated report the CLB sends is what the school's GeefSchoolloopbaan shows.

The servers are shared with other tests that may add notifications: every check reads
after the cursor the feed stood at before this student's absences.
Runs, never skips, on PostgreSQL under CI=true (tests/dbhelpers.py).
"""
from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest
import requests
from lxml import etree
from lxml.builder import ElementMaker

from discimus_client.client import DiscimusClient
from discimus_client.magda import MagdaClient
from discimus_client.results import Address, EnrollmentData, HalfDayAbsence, Student
from discimus_fixtures.generator import DEMO_SECONDARY, insz_for
from discimus_service.domain.model import Sex
from discimus_service.persistence.database import make_engine, row_counts
from discimus_service.soap.magda import schemas
from discimus_service.soap.magda.catalogue import SERVICES
from tests import dbhelpers, magda
from tests.e2e.server import start_server

D = dt.date
BIN = Path(sys.executable).parent
BIRTH = D(2011, 7, 7)
FEED = next(s for s in SERVICES if s.naam == "GeefMeldingenProblematischeAfwezigheden")
E = ElementMaker()


@pytest.fixture(scope="module")
def pg_server(tmp_path_factory):
    dbhelpers.require_postgres()
    with dbhelpers.postgres_schema() as url:
        running = start_server(tmp_path_factory.mktemp("e2e-postgres-clb"), url)
        try:
            yield running
        finally:
            running.stop()


def _half_days(stamnummer, first, n):
    """n B half days from Monday 6 October 2025 (school year 2025-2026), weekdays only."""
    out = []
    for i in range(first, first + n):
        day = D(2025, 10, 6) + dt.timedelta(days=7 * (i // 10) + (i % 10) // 2)
        out.append(HalfDayAbsence("INF-" + stamnummer, stamnummer, day,
                                  ("VM", "NM")[i % 2], "B"))
    return out


def _cursor(clb) -> int:
    """Where the feed stands: follow Meer to its end."""
    after = 0
    while True:
        page = clb.clb_feed(after, 500)
        assert page.ok, page.uitzonderingen
        after = page.inhoud.cursor
        if not page.inhoud.more:
            return after


def _scenario(server, sequence: int, stamnummer: str) -> None:
    insz = insz_for(BIRTH, Sex.V, sequence)
    clb = MagdaClient.from_pki(server.url, server.pki_dir, "clb", capacity="1400")
    informat = DiscimusClient.from_pki(server.url, server.pki_dir, "informat")
    start = _cursor(clb)
    done = informat.register_enrollment(
        Student(insz=insz, stamnummer=stamnummer, first_name="Lien", last_name="Verhoeven",
                birth_date=BIRTH, sex="V", address=Address("Kouter", "4", "9000", "Gent")),
        EnrollmentData(DEMO_SECONDARY, "3A", D(2025, 9, 1), D(2025, 8, 25), D(2025, 9, 1)))
    assert done.ok, done.uitzonderingen
    assert informat.register_absences(DEMO_SECONDARY, _half_days(stamnummer, 0, 9)).ok
    nothing = clb.clb_feed(start)
    assert (nothing.inhoud.notifications, nothing.inhoud.cursor) == ((), start)

    assert informat.register_absences(DEMO_SECONDARY, _half_days(stamnummer, 9, 1)).ok
    (ten,) = clb.clb_feed(start).inhoud.notifications
    assert (ten.sequence, ten.insz, ten.school_year, ten.threshold, ten.half_days) == (
        start + 1, insz, 2025, 10, 10)
    assert (ten.tenth, ten.thirtieth, ten.institutions) == (D(2025, 10, 10), None,
                                                            (DEMO_SECONDARY,))
    # Sent again, and 20 more: the 10 is not repeated, the 30 follows in order.
    assert informat.register_absences(DEMO_SECONDARY, _half_days(stamnummer, 0, 30)).ok
    page = clb.clb_feed(start)
    assert [(n.sequence, n.threshold) for n in page.inhoud.notifications] == [
        (start + 1, 10), (start + 2, 30)]
    assert page.inhoud.notifications[1].thirtieth == D(2025, 10, 24)
    # Read with a small page: the cursor walks on, reading removes nothing.
    first = clb.clb_feed(start, 1).inhoud
    assert (first.cursor, first.more) == (start + 1, True)
    assert [n.threshold for n in clb.clb_feed(first.cursor, 1).inhoud.notifications] == [30]
    assert len(clb.clb_feed(start).inhoud.notifications) == 2

    engine = make_engine(server.database_url)
    try:
        before = row_counts(engine)
        envelope = clb.request(FEED.namespace, FEED.naam, FEED.versie,
                               E.Inhoud(E.Criteria(E.Na(str(start)), E.Maximum("2"))))
        data = clb.sign(envelope)
        _validate(magda.payload_of(etree.fromstring(data)), FEED.request_xsd)
        response = magda.post(server.url + FEED.path, data)
        root = etree.fromstring(response.content)
        clb.wsse.verify(root)
        answer = magda.payload_of(root)
        _validate(answer, FEED.response_xsd)
        inhoud = answer.find("Repliek/Antwoorden/Antwoord/Inhoud")
        assert [m.findtext("INSZ") for m in inhoud.iter("Melding")] == [insz, insz]
        after = row_counts(engine)
        # Audited with the journal entry: one entry per person shown (here one).
        assert (after["journal"], after["audit_log"]) == (before["journal"] + 1,
                                                          before["audit_log"] + 1)
    finally:
        engine.dispose()
    wsdl = requests.get(server.url + FEED.path + "?wsdl", timeout=10)
    assert wsdl.status_code == 200 and FEED.naam.encode() in wsdl.content

    env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"}
    cli = subprocess.run([str(BIN / "discimus"), "client", "magda", "clb-feed", "--as", "clb",
                          "--url", server.url, "--pki", str(server.pki_dir),
                          "--after", str(start)],
                         capture_output=True, text=True, env=env, timeout=120)
    assert cli.returncode == 0, cli.stdout + cli.stderr
    assert f"#{start + 1}  INSZ {insz}  school year 2025-2026: reached 10" in cli.stdout
    assert f"next: --after {start + 2}" in cli.stdout


REPORT = next(s for s in SERVICES if s.naam == "RegistreerGemotiveerdVerslag")


def _report_scenario(server, insz: str) -> None:
    """After _scenario: the same pupil (enrolled at the demo secondary school)."""
    clb = MagdaClient.from_pki(server.url, server.pki_dir, "clb", capacity="1400")
    informat = DiscimusClient.from_pki(server.url, server.pki_dir, "informat")
    before = informat.career(DEMO_SECONDARY, insz=insz)
    assert before.ok and before.inhoud.motivated_report is None
    engine = make_engine(server.database_url)
    try:
        counts = row_counts(engine)
        envelope = clb.request(REPORT.namespace, REPORT.naam, REPORT.versie, E.Inhoud(
            E.GemotiveerdVerslag(E.INSZ(insz), E.Datum("2026-06-15"), E.Type("9"),
                                 E.Geldigheid(E.Begin("2026-09-01")))))
        data = clb.sign(envelope)
        _validate(magda.payload_of(etree.fromstring(data)), REPORT.request_xsd)
        response = magda.post(server.url + magda.SHARED_PATH, data)
        root = etree.fromstring(response.content)
        clb.wsse.verify(root)
        answer = magda.payload_of(root)
        _validate(answer, REPORT.response_xsd)
        assert answer.findtext("Repliek/Antwoorden/Antwoord/Inhoud/Resultaat") == "1"
        after = row_counts(engine)
        assert after["motivated_reports"] == counts["motivated_reports"] + 1
        assert after["audit_log"] == counts["audit_log"] + 1
        # Refused (type 5 needs no report): only the journal entry.
        refused = clb.clb_report(insz, D(2026, 6, 15), "5", D(2026, 9, 1))
        assert refused.codes() and not refused.ok
        assert row_counts(engine) == {**after, "journal": after["journal"] + 1,
                                      "replay_keys": after["replay_keys"] + 1}
    finally:
        engine.dispose()
    # An older report, valid from before: the school sees the most recent valid one.
    assert clb.clb_report(insz, D(2026, 3, 1), "3", D(2026, 3, 1), D(2026, 8, 31)).ok
    career = informat.career(DEMO_SECONDARY, insz=insz)
    assert career.ok, career.uitzonderingen
    report = career.inhoud.motivated_report
    assert (report.report_date, report.kind, report.valid_from, report.valid_to) == (
        D(2026, 6, 15), "9", D(2026, 9, 1), None)
    env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"}
    cli = subprocess.run([str(BIN / "discimus"), "client", "magda", "clb-report",
                          "--as", "clb", "--url", server.url, "--pki", str(server.pki_dir),
                          "--insz", insz, "--date", "2026-06-15", "--type", "9",
                          "--from", "2026-09-01", "--to", "2027-08-31"],
                         capture_output=True, text=True, env=env, timeout=120)
    assert cli.returncode == 0, cli.stdout + cli.stderr
    assert "hetzelfde verslag" in cli.stdout            # the same report: validity replaced
    shown = subprocess.run([str(BIN / "discimus"), "client", "career", "--as", "informat",
                            "--url", server.url, "--pki", str(server.pki_dir),
                            "--institution", DEMO_SECONDARY, "--insz", insz],
                           capture_output=True, text=True, env=env, timeout=120)
    assert ("motivated report of 2026-06-15: special-needs type 9, valid 2026-09-01 to "
            "2027-08-31") in shown.stdout, shown.stdout + shown.stderr


def _validate(element, relative: str) -> None:
    schema = schemas.schema(relative)
    assert schema.validate(element), str(schema.error_log)


def test_the_clb_services_over_http_on_sqlite(server):
    _scenario(server, 441, "2500861")
    _report_scenario(server, insz_for(BIRTH, Sex.V, 441))


def test_the_clb_services_over_http_on_postgresql(pg_server):
    _scenario(pg_server, 442, "2500862")
    _report_scenario(pg_server, insz_for(BIRTH, Sex.V, 442))
