"""Ten clients trickling their message do not stall anybody else.

Ten connections send their headers and the start of a body, then go quiet (far short
of the deadline that will drop them). Meanwhile ordinary signed registrations must all
be answered. With gunicorn's sync workers reading bodies themselves, the first two
quiet connections took both workers until gunicorn's 30 s timeout killed them, and the
ordinary requests waited (or got gunicorn's HTML 500).
"""
from __future__ import annotations

import socket
from urllib.parse import urlparse

import requests

from discimus_client.client import DiscimusClient
from discimus_fixtures.generator import DEMO_SECONDARY
from tests.reliability.helpers import codes, registrations, verified_answer

SLOW_CLIENTS = 10


def test_normal_requests_are_answered_while_ten_clients_trickle(server_on):
    server = server_on("sqlite")
    client = DiscimusClient.from_pki(server.url, server.pki_dir, "informat")
    messages = registrations(client, DEMO_SECONDARY, 8, prefix="slow", first=1_000)
    headers = client.http_headers("RegistreerInschrijving")
    target = urlparse(server.url)
    quiet = []
    try:
        for _ in range(SLOW_CLIENTS):
            connection = socket.create_connection((target.hostname, target.port))
            connection.sendall(b"POST /inschrijving HTTP/1.1\r\nHost: x\r\n"
                               b"Content-Type: text/xml\r\nContent-Length: 5000\r\n\r\n<s")
            quiet.append(connection)
        server_cert = (server.pki_dir / "server.pem").read_bytes()
        for referte, _stam, _inhoud, body in messages:
            # The timeout only stops a broken run from hanging; nothing is timed.
            response = requests.post(server.url + "/inschrijving", data=body,
                                     headers=headers, timeout=25)
            verified_answer(response.content, server_cert)
            assert response.status_code == 200 and 30020 not in codes(response.content)
        for connection in quiet:          # still waiting for the rest of their body
            connection.setblocking(False)
            try:
                assert connection.recv(1) != b"", "a quiet client was dropped early"
            except BlockingIOError:
                pass                      # open and unanswered, as it should be
    finally:
        for connection in quiet:
            connection.close()
