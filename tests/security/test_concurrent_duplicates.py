"""Duplicates that arrive at the same time, on different workers, are settled once."""
from __future__ import annotations

import datetime as dt
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests
from lxml import etree

from discimus_client.client import DiscimusClient
from discimus_client.results import Address, EnrollmentData, Student
from discimus_fixtures.generator import DEMO_SECONDARY, insz_for
from discimus_service.domain.model import Sex
from discimus_service.persistence.database import make_engine, row_counts
from tests import dbhelpers
from tests.e2e.server import start_server

@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def server(request, tmp_path_factory):
    """The session's SQLite server, and one on PostgreSQL: both settle races."""
    if request.param == "sqlite":
        yield request.getfixturevalue("server")
        return
    dbhelpers.require_postgres()
    with dbhelpers.postgres_schema() as url:
        running = start_server(tmp_path_factory.mktemp("concurrent-postgres"), url)
        try:
            yield running
        finally:
            running.stop()


@pytest.fixture
def client_for(server):
    def make(sender_id: str) -> DiscimusClient:
        return DiscimusClient.from_pki(server.url, server.pki_dir, sender_id)
    return make


@pytest.fixture
def engine(server):
    engine = make_engine(server.database_url)
    yield engine
    engine.dispose()


def _post_all(server, bodies, headers):
    with ThreadPoolExecutor(len(bodies)) as pool:
        return list(pool.map(lambda b: requests.post(
            server.url + "/inschrijving", data=b, headers=headers, timeout=30), bodies))


def _codes(response) -> list[int]:
    root = etree.fromstring(response.content)
    return [int(u.findtext("{*}Identificatie")) for u in root.iter("{*}Uitzondering")]


def _inhoud(client, stamnummer: str, sequence: int):
    birth = dt.date(2013, 2, 2)
    student = Student(insz=insz_for(birth, Sex.M, sequence), stamnummer=stamnummer,
                      first_name="Wout", last_name="Janssens", birth_date=birth, sex="M",
                      address=Address("Molenstraat", "8", "9100", "Sint-Niklaas"))
    enrollment = EnrollmentData(institution_number=DEMO_SECONDARY, administrative_group="2B",
                                start_date=dt.date(2026, 9, 1),
                                registration_date=dt.date(2026, 8, 28),
                                first_attendance_date=dt.date(2026, 9, 1))
    return client.enrollment_inhoud(student, enrollment)


def test_the_same_signed_message_four_times_at_once_is_processed_once(
        server, client_for, engine):
    informat = client_for("informat")
    data = informat.signed_request("RegistreerInschrijving", _inhoud(informat, "2600811", 311))
    before = row_counts(engine)

    responses = _post_all(server, [data] * 4, informat.http_headers("RegistreerInschrijving"))

    assert sorted(r.status_code for r in responses) == [200, 500, 500, 500]
    assert all(b"[S160]" in r.content for r in responses if r.status_code == 500)
    after = row_counts(engine)
    assert after["enrollments"] == before["enrollments"] + 1
    assert after["journal"] == before["journal"] + 1
    assert after["replay_keys"] == before["replay_keys"] + 1


def test_four_resends_with_one_referte_enroll_once_and_answer_alike(
        server, client_for, engine):
    informat = client_for("informat")
    inhoud = _inhoud(informat, "2600812", 312)
    bodies = [informat.signed_request("RegistreerInschrijving", inhoud,
                                      referte="concurrent-resend") for _ in range(4)]
    before = row_counts(engine)

    responses = _post_all(server, bodies, informat.http_headers("RegistreerInschrijving"))

    assert [r.status_code for r in responses] == [200] * 4
    assert sorted(50003 in _codes(r) for r in responses) == [False, True, True, True]
    after = row_counts(engine)
    assert after["enrollments"] == before["enrollments"] + 1
    assert after["journal"] == before["journal"] + 1
    assert after["replay_keys"] == before["replay_keys"] + 4


def test_four_copies_of_one_resend_at_once_answer_once_and_refuse_three(
        server, client_for, engine):
    """A resend is answered with the first answer (50003); its exact copies are replays."""
    informat = client_for("informat")
    inhoud = _inhoud(informat, "2600813", 313)
    headers = informat.http_headers("RegistreerInschrijving")
    first, resend = (informat.signed_request("RegistreerInschrijving", inhoud,
                                             referte="concurrent-copies") for _ in range(2))
    assert _post_all(server, [first], headers)[0].status_code == 200
    before = row_counts(engine)

    responses = _post_all(server, [resend] * 4, headers)

    assert sorted(r.status_code for r in responses) == [200, 500, 500, 500]
    (answered,) = [r for r in responses if r.status_code == 200]
    assert 50003 in _codes(answered)
    assert all(b"[S160]" in r.content for r in responses if r.status_code == 500)
    assert row_counts(engine) == {**before, "replay_keys": before["replay_keys"] + 1}
