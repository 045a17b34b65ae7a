"""A message that runs out of time gets a signed fault S501, and nothing is stored.

The test holds SQLite's write lock itself, so the registration cannot begin its
transaction; with a three-second budget it gives up, rolls back and says so, signed,
long before gunicorn's worker timeout could answer with an unsigned HTML page.
"""
from __future__ import annotations

import sqlite3

import requests

from discimus_client.client import DiscimusClient
from discimus_fixtures.generator import DEMO_SECONDARY
from discimus_service.persistence.database import make_engine, row_counts
from tests.reliability.helpers import fault_code, registrations, verified_answer


def test_a_registration_that_cannot_get_the_lock_in_time_is_a_signed_s501(server_on):
    server = server_on("sqlite")           # transactions have 3 s there (helpers.py)
    client = DiscimusClient.from_pki(server.url, server.pki_dir, "informat")
    [(referte, _stam, inhoud, body)] = registrations(
        client, DEMO_SECONDARY, 1, prefix="late", first=2_000)
    headers = client.http_headers("RegistreerInschrijving")
    engine = make_engine(server.database_url)
    before = row_counts(engine)
    blocker = sqlite3.connect(server.database_url.removeprefix("sqlite:///"),
                              isolation_level=None)
    try:
        blocker.execute("BEGIN IMMEDIATE")               # the write lock is ours
        response = requests.post(server.url + "/inschrijving", data=body,
                                 headers=headers, timeout=60)
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    verified_answer(response.content, (server.pki_dir / "server.pem").read_bytes())
    assert response.status_code == 500 and fault_code(response.content) == "S501"
    assert row_counts(engine) == before
    # And the same message, signed anew, goes through once the lock is free.
    again = requests.post(server.url + "/inschrijving", headers=headers, timeout=60,
                          data=client.signed_request("RegistreerInschrijving", inhoud,
                                                     referte=referte))
    assert again.status_code == 200
    engine.dispose()
