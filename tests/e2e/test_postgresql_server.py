"""The same server on PostgreSQL (production's database): exchange, resend, replay.

Runs, never skips, under CI=true (tests/dbhelpers.py).
"""
from __future__ import annotations

import datetime as dt

import pytest
import requests

from discimus_client.results import Address, EnrollmentData, Student
from discimus_fixtures.generator import DEMO_OTHER, DEMO_SECONDARY, insz_for
from discimus_service.domain.model import Sex
from discimus_service.persistence.database import make_engine, row_counts
from tests import dbhelpers
from tests.e2e.server import start_server


@pytest.fixture(scope="module")
def pg_server(tmp_path_factory):
    dbhelpers.require_postgres()
    with dbhelpers.postgres_schema() as url:
        running = start_server(tmp_path_factory.mktemp("e2e-postgres"), url)
        try:
            yield running
        finally:
            running.stop()


def test_signed_exchange_resend_and_replay_on_postgresql(pg_server):
    from discimus_client.client import DiscimusClient
    informat = DiscimusClient.from_pki(pg_server.url, pg_server.pki_dir, "informat")
    wisa = DiscimusClient.from_pki(pg_server.url, pg_server.pki_dir, "wisa")
    birth = dt.date(2011, 11, 11)
    student = Student(insz=insz_for(birth, Sex.V, 333), stamnummer="2600333",
                      first_name="Ella", last_name="Maes", birth_date=birth, sex="V",
                      address=Address("Stationsstraat", "2", "8000", "Brugge"))
    start = dt.date(2026, 9, 1)
    enrollment = EnrollmentData(DEMO_SECONDARY, "2A", start, start - dt.timedelta(days=2),
                                first_attendance_date=start)
    engine = make_engine(pg_server.database_url)
    try:
        first = informat.register_enrollment(student, enrollment, referte="pg-1")
        assert first.ok and first.inhoud.status == "INGESCHREVEN"
        counts = row_counts(engine)
        again = informat.register_enrollment(student, enrollment, referte="pg-1")
        assert again.inhoud == first.inhoud and 50003 in again.codes()
        assert row_counts(engine) == {**counts, "replay_keys": counts["replay_keys"] + 1}

        elsewhere = wisa.register_enrollment(
            Student(**{**student.__dict__, "stamnummer": "2600334"}),
            EnrollmentData(DEMO_OTHER, "2B", start, start - dt.timedelta(days=1)))
        assert 50002 in elsewhere.codes()

        replay = informat.signed_request("GeefDubbeleInschrijvingen",
                                         {"Instellingsnummer": DEMO_SECONDARY})
        headers = informat.http_headers("GeefDubbeleInschrijvingen")
        post = lambda: requests.post(pg_server.url + "/inschrijving", data=replay,  # noqa: E731
                                     headers=headers, timeout=30)
        assert post().status_code == 200
        refused = post()
        assert refused.status_code == 500 and b"[S160]" in refused.content
    finally:
        engine.dispose()


def test_absences_all_or_nothing_and_resend_on_postgresql(pg_server):
    """Message type 2 on PostgreSQL: a refused message stores no half day, a stored one
    is paged back, a resend stores nothing again."""
    from discimus_client.client import DiscimusClient
    from discimus_client.results import HalfDayAbsence
    informat = DiscimusClient.from_pki(pg_server.url, pg_server.pki_dir, "informat")
    birth = dt.date(2011, 10, 10)
    student = Student(insz=insz_for(birth, Sex.M, 334), stamnummer="2600335",
                      first_name="Lars", last_name="Maes", birth_date=birth, sex="M",
                      address=Address("Stationsstraat", "2", "8000", "Brugge"))
    start = dt.date(2026, 9, 1)
    assert informat.register_enrollment(student, EnrollmentData(
        DEMO_SECONDARY, "2A", start, start - dt.timedelta(days=2))).ok
    days = [HalfDayAbsence("INF-1", "2600335", day, half, "Z")
            for day in (start, start + dt.timedelta(days=1)) for half in ("VM", "NM")]
    engine = make_engine(pg_server.database_url)
    try:
        counts = row_counts(engine)
        refused = informat.register_absences(DEMO_SECONDARY, days + [
            HalfDayAbsence("INF-1", "2600335", start - dt.timedelta(days=1), "VM", "Z")])
        assert refused.codes() == [40010]
        assert row_counts(engine)["absences"] == counts["absences"]
        first = informat.register_absences(DEMO_SECONDARY, days, referte="pg-abs-1")
        again = informat.register_absences(DEMO_SECONDARY, days, referte="pg-abs-1")
        assert first.inhoud.new == 4 and again.inhoud == first.inhoud
        assert again.codes() == [50003]
        assert row_counts(engine)["absences"] == counts["absences"] + 4
        listed = informat.absences(DEMO_SECONDARY, stamnummer="2600335")
        assert [(a.date, a.half_day) for a in listed.inhoud] == [
            (a.date, a.half_day) for a in days]
    finally:
        engine.dispose()


def test_records_on_postgresql(pg_server):
    """Message types 5, 6 and 8 on PostgreSQL: a new measure, a resend of its Referte
    (nothing written again), a refusal that writes only its journal entry, and both
    schools' view of the demo support."""
    from discimus_client.client import DiscimusClient
    from discimus_client.results import Measure, Refusal
    from discimus_fixtures.records import DEMO_SPECIAL
    informat = DiscimusClient.from_pki(pg_server.url, pg_server.pki_dir, "informat")
    wisa = DiscimusClient.from_pki(pg_server.url, pg_server.pki_dir, "wisa")
    measure = Measure(DEMO_SECONDARY, "INF-2600002", "2600002", "13033023165", "TU",
                      dt.date(2026, 9, 2), dt.date(2026, 9, 3))
    engine = make_engine(pg_server.database_url)
    try:
        first = informat.register_measure(measure, referte="pg-tucht-1")
        assert first.ok and first.inhoud.outcome == "NIEUW"
        counts = row_counts(engine)
        again = informat.register_measure(measure, referte="pg-tucht-1")
        assert again.inhoud == first.inhoud and again.codes() == [50003]
        refused = informat.register_refusal(Refusal(
            DEMO_SECONDARY, "INF-2600002", "13033023165", "W", dt.date(2026, 9, 2)))
        assert refused.codes() == [30402]
        assert row_counts(engine) == {**counts, "journal": counts["journal"] + 1,
                                      "replay_keys": counts["replay_keys"] + 2}
        special = wisa.supported_students(DEMO_SPECIAL)
        assert {s.stamnummer for s in special.inhoud} == {"2290001", "2290002"}
    finally:
        engine.dispose()


def test_certificates_all_or_nothing_resend_and_checks_on_postgresql(pg_server):
    """Message type 4 on PostgreSQL: a refused message stores nothing, a resend stores
    nothing again, and the demo student's primary certificate opens 1A."""
    from discimus_client.certificate_messages import Certificate
    from discimus_client.client import DiscimusClient
    informat = DiscimusClient.from_pki(pg_server.url, pg_server.pki_dir, "informat")
    birth = dt.date(2012, 1, 12)
    student = Student(insz=insz_for(birth, Sex.V, 336), stamnummer="2600337",
                      first_name="Lien", last_name="Maes", birth_date=birth, sex="V",
                      address=Address("Stationsstraat", "2", "8000", "Brugge"))
    start = dt.date(2026, 9, 1)
    assert informat.register_enrollment(student, EnrollmentData(
        DEMO_SECONDARY, "1B", start, start - dt.timedelta(days=2))).ok
    avb = Certificate(None, "2600337", "AVB", start + dt.timedelta(days=1), grade=1,
                      year=1, form="B")
    engine = make_engine(pg_server.database_url)
    try:
        counts = row_counts(engine)
        refused = informat.register_certificates(DEMO_SECONDARY, [
            avb, Certificate(None, "2600337", "DCM", start, grade=1, year=1, form="B")])
        assert refused.codes() == [10300]
        assert row_counts(engine)["certificates"] == counts["certificates"]
        first = informat.register_certificates(DEMO_SECONDARY, [avb], referte="pg-sb-1")
        again = informat.register_certificates(DEMO_SECONDARY, [avb], referte="pg-sb-1")
        assert first.inhoud.new == 1 and again.inhoud == first.inhoud
        assert again.codes() == [50003]
        assert row_counts(engine)["certificates"] == counts["certificates"] + 1
        jan = informat.check_admission(DEMO_SECONDARY, "2600002", grade=1, year=1,
                                       form="A")
        assert (jan.inhoud.admission.outcome, jan.inhoud.admission.rule) == (
            "VOLDOET", "T01")
    finally:
        engine.dispose()


def test_absence_consultations_and_quality_feedback_on_postgresql(pg_server):
    """The consultations of issue 6 on PostgreSQL over HTTP: a sick note registered and
    counted, the demo nursery pupils, the comparison; a consultation writes only its
    journal entry, and its resend replays the first answer."""
    from discimus_client.client import DiscimusClient
    from discimus_client.results import HalfDayAbsence, ListedStudent
    informat = DiscimusClient.from_pki(pg_server.url, pg_server.pki_dir, "informat")
    birth = dt.date(2011, 11, 11)
    student = Student(insz=insz_for(birth, Sex.V, 443), stamnummer="2600643",
                      first_name="Noor", last_name="Aerts", birth_date=birth, sex="V",
                      address=Address("Stationsstraat", "4", "8000", "Brugge"))
    start = dt.date(2026, 9, 1)
    assert informat.register_enrollment(student, EnrollmentData(
        DEMO_SECONDARY, "2A", start, start - dt.timedelta(days=2))).ok
    assert informat.register_absences(DEMO_SECONDARY, [
        HalfDayAbsence("INF-2", "2600643", start, "VM", "Z", without_certificate=True),
        HalfDayAbsence("INF-2", "2600643", start, "NM", "B")]).ok
    engine = make_engine(pg_server.database_url)
    try:
        counts = row_counts(engine)
        first = informat.running_counts(DEMO_SECONDARY, stamnummer="2600643",
                                        referte="pg-counts-1")
        [mine] = first.inhoud.students
        assert (mine.problematic_half_days, mine.sick_notes) == (1, 1)
        again = informat.running_counts(DEMO_SECONDARY, stamnummer="2600643",
                                        referte="pg-counts-1")
        assert again.inhoud == first.inhoud and again.codes() == [50003]
        assert row_counts(engine) == {**counts, "journal": counts["journal"] + 1,
                                      "replay_keys": counts["replay_keys"] + 2}
        nursery = informat.nursery_attendance("012345")
        assert len(nursery.inhoud.students) == 4
        compared = informat.compare_students(DEMO_SECONDARY, [ListedStudent(
            "2600643", student.insz, "Noor", "Aerts", birth)])
        assert compared.ok and ("2600643", "AFWIJKEND") not in {
            (d.stamnummer, d.kind) for d in compared.inhoud.differences}
    finally:
        engine.dispose()
