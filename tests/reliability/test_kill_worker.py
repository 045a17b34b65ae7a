"""kill -9 of gunicorn workers under load: every acknowledged message is stored.

Four clients register distinct students while two workers are killed with SIGKILL
(gunicorn starts new ones). Every answer must be signed by the server: 200 with the
stored enrollment, or a fault (S500 from the front when a worker died under a request).
Afterwards every message answered 200 without a refusal is in the journal and its
enrollment in the database; and resending the others, signed anew with the same
Referte, stores each exactly once.
"""
from __future__ import annotations

import os
import signal
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests
from sqlalchemy import select

from discimus_client.client import DiscimusClient
from discimus_fixtures.generator import DEMO_SECONDARY
from discimus_service.persistence import tables
from discimus_service.persistence.database import make_engine
from tests.reliability.helpers import (
    codes, fault_code, registrations, verified_answer, worker_pids,
)

CLIENTS, PER_CLIENT = 4, 15


@pytest.mark.parametrize("database", ["sqlite", "postgresql"])
def test_killing_workers_under_load_loses_no_acknowledged_message(server_on, database):
    server = server_on(database)
    client = DiscimusClient.from_pki(server.url, server.pki_dir, "informat")
    messages = registrations(client, DEMO_SECONDARY, CLIENTS * PER_CLIENT,
                             prefix="kill")
    headers = client.http_headers("RegistreerInschrijving")
    answered = threading.Semaphore(0)
    killed: list[int] = []

    def load(share):
        out = []
        with requests.Session() as session:
            for referte, _stam, _inhoud, body in share:
                response = session.post(server.url + "/inschrijving", data=body,
                                        headers=headers, timeout=120)
                out.append((referte, response))
                answered.release()
        return out

    def killer():
        for after in (10, 20):           # answers to wait for before each kill
            for _ in range(after):
                if not answered.acquire(timeout=120):     # the load broke off
                    return
            victim = worker_pids(server)[0]
            os.kill(victim, signal.SIGKILL)
            killed.append(victim)

    with ThreadPoolExecutor(CLIENTS + 1) as pool:
        kills = pool.submit(killer)
        shares = [messages[i::CLIENTS] for i in range(CLIENTS)]
        results = [r for part in pool.map(load, shares) for r in part]
        kills.result()

    server_cert = (server.pki_dir / "server.pem").read_bytes()
    acknowledged, unanswered = set(), set()
    for referte, response in results:
        verified_answer(response.content, server_cert)      # signed, always
        if response.status_code == 200 and 30020 not in codes(response.content):
            acknowledged.add(referte)
        else:
            assert fault_code(response.content) in ("S500", "S501"), referte
            unanswered.add(referte)
    assert len(killed) == 2 and not set(killed) & set(worker_pids(server))

    engine = make_engine(server.database_url)
    try:
        journal = _column(engine, tables.journal.c.referte)
        enrolled = _column(engine, tables.enrollments.c.stamnummer,
                           tables.enrollments.c.institution_number == DEMO_SECONDARY)
        stamnummer = {referte: stam for referte, stam, _i, _b in messages}
        assert acknowledged <= journal
        assert {stamnummer[r] for r in acknowledged} <= enrolled

        # Whatever happened to the others, a resend (same Referte) settles them once.
        by_referte = {referte: inhoud for referte, _s, inhoud, _b in messages}
        for referte in sorted(unanswered):
            again = requests.post(server.url + "/inschrijving", headers=headers,
                                  data=client.signed_request(
                                      "RegistreerInschrijving", by_referte[referte],
                                      referte=referte), timeout=120)
            assert again.status_code == 200, referte
        assert {r for r, *_ in messages} <= _column(engine, tables.journal.c.referte)
        assert set(stamnummer.values()) <= _column(
            engine, tables.enrollments.c.stamnummer,
            tables.enrollments.c.institution_number == DEMO_SECONDARY)
    finally:
        engine.dispose()


def _column(engine, column, *where) -> set:
    with engine.connect() as connection:
        return set(connection.execute(select(column).where(*where)).scalars())
