"""Fixtures shared by the tiers that talk to a real server (e2e and security)."""
from __future__ import annotations

import pytest

from tests.e2e.server import start_server


@pytest.fixture(scope="session")
def server(tmp_path_factory):
    """The emulator on SQLite under gunicorn, with demo data, for the whole session."""
    root = tmp_path_factory.mktemp("server-sqlite")
    running = start_server(root, f"sqlite:///{root / 'discimus.sqlite'}")
    yield running
    running.stop()


@pytest.fixture
def client_for(server):
    from discimus_client.client import DiscimusClient

    def make(sender_id: str, **kwargs) -> DiscimusClient:
        return DiscimusClient.from_pki(server.url, server.pki_dir, sender_id, **kwargs)
    return make
