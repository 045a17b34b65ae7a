"""The profile a message was verified with is journaled with it; who may use which."""
import dataclasses
import datetime as dt

import pytest

from discimus_client.wsse.connector import referte_replay_key
from discimus_client.wsse.errors import ReplayedMessage
from discimus_service.domain.model import SecurityProfile, Sender, SenderKind
from discimus_service.services import exchange
from discimus_service.services.exchange import Receipt
from discimus_service.services.register_enrollment import register_enrollment
from discimus_service.services.views import EnrollmentView
from tests import factories as f
from tests.fakes import FakeDatabase

PARTNER = Sender("groeipakket", SenderKind.AGENCY, "Groeipakket",
                 security_profile=SecurityProfile.MAGDA_CONNECTOR)


@pytest.fixture
def db():
    db = FakeDatabase()
    f.seed(db.uow())
    return db


def receipt(referte="r-1", profile="strict", replay_key=None):
    return Receipt(sender=f.VENDOR, afzender=f.VENDOR.sender_id, referte=referte,
                   operation="RegistreerInschrijving", raw_message=b"<signed/>",
                   replay_key=replay_key or f"k-{referte}",
                   received_at=dt.datetime(2026, 9, 3, 8, 0, tzinfo=dt.timezone.utc),
                   today=f.TODAY, profile=profile)


def test_the_journal_entry_names_the_profile(db):
    exchange.handle(db.uow, receipt(profile="magda-connector"), f.question(),
                    register_enrollment, EnrollmentView)
    (entry,) = db.committed.journal
    assert entry.security_profile == "magda-connector"


def test_a_connector_message_reusing_a_referte_is_a_replay(db):
    """Its replay key is sender + Referte: a second message with it is S160, not a
    resend answered again (a connector message has no Timestamp to tell them apart)."""
    key = referte_replay_key("informat", "r-1")
    first = receipt(profile="magda-connector", replay_key=key)
    exchange.handle(db.uow, first, f.question(), register_enrollment, EnrollmentView)
    with pytest.raises(ReplayedMessage):
        exchange.handle(db.uow, dataclasses.replace(first, raw_message=b"<other/>"),
                        f.question(), register_enrollment, EnrollmentView)


def test_strict_is_accepted_from_everyone_the_connector_shape_only_when_opted_in():
    vendor, strict_partner = f.VENDOR, dataclasses.replace(
        PARTNER, security_profile=SecurityProfile.STRICT)
    assert vendor.security_profile is SecurityProfile.STRICT
    for sender in (vendor, strict_partner, PARTNER):
        assert sender.accepts(SecurityProfile.STRICT)
    assert PARTNER.accepts(SecurityProfile.MAGDA_CONNECTOR)
    assert not strict_partner.accepts(SecurityProfile.MAGDA_CONNECTOR)
    assert not vendor.accepts(SecurityProfile.MAGDA_CONNECTOR)
