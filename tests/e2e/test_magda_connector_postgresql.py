"""The magda-connector profile on PostgreSQL: accepted, journaled with its profile, and a
reused Referte refused as a replay (runs, never skips, under CI=true)."""
from __future__ import annotations

import pytest
import sqlalchemy as sa
from lxml import etree

from discimus_client.magda import MagdaClient
from discimus_service.persistence import tables
from discimus_service.persistence.database import make_engine, row_counts
from tests import dbhelpers, magda
from tests.e2e.server import start_server
from tests.e2e.test_magda_connector import register_request


@pytest.fixture(scope="module")
def pg_server(tmp_path_factory):
    dbhelpers.require_postgres()
    with dbhelpers.postgres_schema() as url:
        running = start_server(tmp_path_factory.mktemp("e2e-connector-postgres"), url)
        try:
            yield running
        finally:
            running.stop()


def test_a_connector_message_and_its_replayed_referte_on_postgresql(pg_server):
    groeipakket = MagdaClient.from_pki(pg_server.url, pg_server.pki_dir, "groeipakket",
                                       profile="magda-connector")
    engine = make_engine(pg_server.database_url)
    try:
        assert groeipakket.register_interest("12031555672", referte="pg-connector").ok
        with engine.connect() as connection:
            profile = connection.execute(sa.select(tables.journal.c.security_profile).where(
                tables.journal.c.referte == "pg-connector")).scalar_one()
        assert profile == "magda-connector"
        counts = row_counts(engine)
        again = groeipakket.sign(register_request("12031555672", referte="pg-connector"))
        response = magda.post(groeipakket.url, again)
        faultstring = etree.fromstring(response.content).findtext(
            f".//{{{magda.SOAP}}}Fault/faultstring")
        assert faultstring.startswith("[S160] "), faultstring
        assert row_counts(engine) == counts
    finally:
        engine.dispose()
