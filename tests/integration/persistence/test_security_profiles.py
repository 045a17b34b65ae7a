"""The security profile in the database: per sender, per journaled message, migration 0013."""
from __future__ import annotations

import datetime as dt

import pytest
from alembic import command
from sqlalchemy import inspect, text

from discimus_service.domain.model import (
    JournalEntry, SecurityProfile, Sender, SenderKind,
)
from discimus_service.persistence.database import _alembic_config, make_engine, migrate
from discimus_service.persistence.unit_of_work import SqlAlchemyUnitOfWork
from discimus_service.services.security_profiles import ProfileRefused, set_profile

NOW = dt.datetime(2026, 9, 3, 8, 0, tzinfo=dt.timezone.utc)
PARTNER = Sender("groeipakket", SenderKind.AGENCY, "Groeipakket")


def _entry(referte: str, profile: str) -> JournalEntry:
    return JournalEntry(sender_id="groeipakket", referte=referte, operation="op",
                        received_at=NOW, raw_message=b"<x/>", question_digest="d",
                        verdict="AANVAARD", codes="", answer_json="{}",
                        replay_key=f"key-{referte}", security_profile=profile)


def test_a_sender_is_strict_until_it_opts_in(uow_factory):
    with uow_factory() as uow:
        uow.senders.add(PARTNER)
        uow.commit()
    with uow_factory(read_only=True) as uow:
        assert uow.senders.get("groeipakket").security_profile is SecurityProfile.STRICT
    stored = set_profile(uow_factory, "groeipakket", SecurityProfile.MAGDA_CONNECTOR)
    assert stored.security_profile is SecurityProfile.MAGDA_CONNECTOR
    with uow_factory(read_only=True) as uow:
        assert uow.senders.get("groeipakket") == stored


def test_only_a_registered_partner_may_opt_in(uow_factory):
    with uow_factory() as uow:
        uow.senders.add(Sender("informat", SenderKind.VENDOR, "Informat"))
        uow.commit()
    with pytest.raises(ProfileRefused, match="vendor"):
        set_profile(uow_factory, "informat", SecurityProfile.MAGDA_CONNECTOR)
    with pytest.raises(ProfileRefused, match="no sender"):
        set_profile(uow_factory, "nobody", SecurityProfile.STRICT)
    with uow_factory(read_only=True) as uow:
        assert uow.senders.get("informat").security_profile is SecurityProfile.STRICT


def test_the_journal_keeps_each_message_s_profile(uow_factory):
    with uow_factory() as uow:
        uow.journal.add(_entry("a", "magda-connector"))
        uow.journal.add(_entry("b", "strict"))
        uow.commit()
    with uow_factory(read_only=True) as uow:
        assert uow.journal.find("groeipakket", "a").security_profile == "magda-connector"
        assert uow.journal.find("groeipakket", "b").security_profile == "strict"


def test_the_upgrade_keeps_every_sender_and_message_strict(database_url):
    engine = make_engine(database_url)
    try:
        with engine.begin() as connection:
            command.upgrade(_alembic_config(connection), "0006")
            connection.execute(text(
                "INSERT INTO senders (sender_id, kind, name) VALUES ('clb', 'agency', 'CLB')"))
        migrate(engine)
        with SqlAlchemyUnitOfWork(engine) as uow:
            assert uow.senders.get("clb").security_profile is SecurityProfile.STRICT
        with engine.begin() as connection:
            command.downgrade(_alembic_config(connection), "0006")
        for table in ("senders", "journal"):
            assert "security_profile" not in {
                c["name"] for c in inspect(engine).get_columns(table)}
        migrate(engine)
    finally:
        engine.dispose()
