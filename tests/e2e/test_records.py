"""Message types 5, 6 and 8 over HTTP, signed both ways, with the reference client and
the CLI, against the demo data (business date 2026-09-03)."""
from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys

import pytest
import requests

from discimus_client.results import Measure, Refusal, SupportedStudent
from discimus_fixtures.generator import DEMO_OTHER, DEMO_PRIMARY, DEMO_SECONDARY, insz_for
from discimus_fixtures.records import DEMO_SPECIAL
from discimus_service.domain.model import Sex
from discimus_service.persistence.database import make_engine, row_counts

MARGARETA = ("2600001", "11062706014")          # demo student of 034567 (seed 2026)
SEP2, SEP4 = dt.date(2026, 9, 2), dt.date(2026, 9, 4)


@pytest.fixture(scope="module")
def engine(server):
    engine = make_engine(server.database_url)
    yield engine
    engine.dispose()


def measure(**kw) -> Measure:
    base = dict(institution_number=DEMO_SECONDARY, student_id="INF-2600001",
                stamnummer=MARGARETA[0], insz=MARGARETA[1], type="PS", start_date=SEP2,
                end_date=SEP4)
    return Measure(**{**base, **kw})


def test_the_index_lists_the_three_services(server):
    page = requests.get(server.url + "/", timeout=10).text
    assert all(f"/{p}?wsdl" in page for p in ("tucht", "ondersteuning", "weigering"))


def test_a_measure_registered_resent_corrected_listed_and_cancelled(client_for, engine):
    informat = client_for("informat")
    done = informat.register_measure(measure(), referte="tucht-e2e-1")
    assert done.ok and done.uitzonderingen == (), done.uitzonderingen
    assert done.inhoud.outcome == "NIEUW" and done.inhoud.record.received_on == dt.date(
        2026, 9, 3)
    assert informat.wsse.last_verified is not None
    counts = row_counts(engine)
    again = informat.register_measure(measure(), referte="tucht-e2e-1")   # lost answer
    assert again.codes() == [50003] and again.inhoud == done.inhoud
    assert row_counts(engine) == {**counts, "replay_keys": counts["replay_keys"] + 1}
    assert informat.register_measure(measure()).inhoud.outcome == "ONGEWIJZIGD"
    assert informat.register_measure(measure(end_date=SEP2)).codes() == [30401]
    fixed = informat.correct_measure(measure(end_date=SEP2))
    assert fixed.ok and fixed.inhoud.outcome == "GEWIJZIGD"
    listed = informat.measures(DEMO_SECONDARY, school_year=2026)
    mine = [m for m in listed.inhoud if m.stamnummer == MARGARETA[0]]
    assert [(m.type, m.start_date, m.end_date) for m in mine] == [("PS", SEP2, SEP2)]
    assert {m.type for m in listed.inhoud} == {"PS", "TU", "DU"}       # with the demo's
    gone = informat.cancel_measure(DEMO_SECONDARY, MARGARETA[0], "PS", SEP2)
    assert gone.ok and gone.inhoud.outcome == "GEANNULEERD"
    assert informat.cancel_measure(DEMO_SECONDARY, MARGARETA[0], "PS", SEP2).codes() == [
        30400]


def test_a_refused_measure_writes_only_its_journal_entry(client_for, engine):
    informat, wisa = client_for("informat"), client_for("wisa")
    counts = row_counts(engine)
    # Another school's student: 056789 has no such stamnummer (40010), or has it for
    # another student, whose INSZ differs (20400).
    other_school = wisa.register_measure(measure(institution_number=DEMO_OTHER,
                                                 stamnummer="2699001"))
    assert other_school.codes() == [40010] and other_school.inhoud is None
    assert wisa.register_measure(measure(institution_number=DEMO_OTHER)).codes() == [20400]
    before_enrollment = informat.register_measure(measure(start_date=dt.date(2026, 8, 31)))
    assert before_enrollment.codes() == [40010]
    assert "2026-09-01 to open" in before_enrollment.errors[0].diagnose
    no_end = informat.register_measure(measure(type="TU", end_date=None))
    assert no_end.codes() == [10400] and no_end.errors[0].omstandigheid == "EindDatum"
    assert row_counts(engine) == {**counts, "journal": counts["journal"] + 4,
                                  "replay_keys": counts["replay_keys"] + 4}


def test_support_is_seen_by_the_ordinary_and_the_special_needs_school(client_for):
    informat, wisa = client_for("informat"), client_for("wisa")
    ordinary = informat.supported_students(DEMO_PRIMARY, school_year=2022)
    special = wisa.supported_students(DEMO_SPECIAL)
    assert {s.stamnummer for s in ordinary.inhoud} >= {"2290001", "2290002"}
    assert {(s.stamnummer, s.supporting_institution, s.school_year)
            for s in special.inhoud} >= {("2290001", DEMO_SPECIAL, 2022),
                                         ("2290002", DEMO_SPECIAL, 2022)}
    moved = informat.correct_support(SupportedStudent(
        DEMO_PRIMARY, "INF-2290002", "2290002", dt.date(2022, 11, 21), DEMO_SPECIAL))
    assert moved.ok and moved.inhoud.outcome == "GEWIJZIGD"
    assert moved.inhoud.record.start_date == dt.date(2022, 11, 21)
    leersteun = informat.register_support(SupportedStudent(
        DEMO_PRIMARY, "INF-2290002", "2290002", dt.date(2023, 9, 4), DEMO_SPECIAL))
    assert leersteun.codes() == [10404] and "Leersteun" in leersteun.errors[0].diagnose
    ordinary_school = informat.register_support(SupportedStudent(
        DEMO_PRIMARY, "INF-2290002", "2290002", dt.date(2022, 11, 21), DEMO_SECONDARY))
    assert ordinary_school.codes() == [10405]


def test_refusals_and_dissolutions(client_for):
    informat = client_for("informat")
    candidate = insz_for(dt.date(2013, 6, 6), Sex.M, 386)
    done = informat.register_refusal(Refusal(DEMO_SECONDARY, "KAND-386", candidate, "W",
                                             dt.date(2026, 8, 20)))
    assert done.ok and done.inhoud.outcome == "NIEUW" and done.inhoud.record.kind == "W"
    enrolled = informat.register_refusal(Refusal(DEMO_SECONDARY, "INF-2600001",
                                                 MARGARETA[1], "W", SEP2))
    assert enrolled.codes() == [30402]
    too_early = informat.register_refusal(Refusal(DEMO_SECONDARY, "KAND-386", candidate,
                                                  "W", dt.date(2020, 6, 30)))
    assert too_early.codes() == [10407]
    # The demo dissolution sent again as it stands: nothing changes.
    demo = informat.register_refusal(Refusal(DEMO_SECONDARY, "INF-2590001", "12050976953",
                                             "O", dt.date(2025, 10, 21), "2590001"))
    assert demo.ok and demo.inhoud.outcome == "ONGEWIJZIGD", demo.uitzonderingen
    listed = informat.refusals(DEMO_SECONDARY)
    assert {(w.kind, w.insz) for w in listed.inhoud} >= {("W", candidate),
                                                          ("O", "12050976953")}


def discimus(server, *args):
    return subprocess.run(
        [sys.executable, "-m", "discimus_client.cli", "client", *args, "--url", server.url,
         "--pki", str(server.pki_dir)], capture_output=True, text=True, timeout=60)


def test_the_cli_lists_and_refuses_readably(server):
    done = discimus(server, "measures", "list", "--as", "informat", "--institution",
                    DEMO_SECONDARY, "--school-year", "2026")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "temporary exclusion (TU) from 2026-09-01 to 2026-09-05" in done.stdout
    done = discimus(server, "support", "list", "--as", "wisa", "--institution",
                    DEMO_SPECIAL, "--json")
    assert done.returncode == 0, done.stdout + done.stderr
    assert {s["stamnummer"] for s in json.loads(done.stdout)["inhoud"]} >= {"2290001"}
    done = discimus(server, "refusals", "register", "--as", "informat", "--institution",
                    DEMO_SECONDARY, "--insz", MARGARETA[1], "--kind", "O", "--date",
                    "2026-09-02", "--stamnummer", MARGARETA[0])
    assert done.returncode == 1 and "30403" in done.stdout and "reason O" in done.stdout
