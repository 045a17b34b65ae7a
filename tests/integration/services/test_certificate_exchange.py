"""Message type 4 through the exchange on a real database: journal, resend, refusal."""
from __future__ import annotations

import datetime as dt

from discimus_service.domain.certificate import CertificateKind as K
from discimus_service.persistence.database import row_counts
from discimus_service.persistence.unit_of_work import SqlAlchemyUnitOfWork
from discimus_service.services import exchange
from discimus_service.services.certificate_views import (
    CertificatesQuestion, CertificatesStoredView,
)
from discimus_service.services.exchange import Receipt
from discimus_service.services.register_certificates import register_certificates
from tests import factories as f


def receipt(referte, key) -> Receipt:
    return Receipt(sender=f.VENDOR, afzender="informat", referte=referte,
                   operation="RegistreerStudiebewijzen", raw_message=b"<signed/>",
                   replay_key=key,
                   received_at=dt.datetime(2026, 7, 3, 8, 0, tzinfo=dt.timezone.utc),
                   today=dt.date(2026, 7, 3))


def test_stored_once_resent_answered_again_refused_writes_only_its_journal(engine):
    factory = lambda **kw: SqlAlchemyUnitOfWork(engine, **kw)  # noqa: E731
    with factory() as uow:
        f.seed(uow, mandates=f.certificate_mandates())
    with factory() as uow:
        uow.enrollments.add(f.enrollment_of(f.question(start_date=dt.date(2025, 9, 1))))
        uow.commit()
    before = row_counts(engine)
    good = CertificatesQuestion("034567", (f.certificate_item(),))

    def send(question, referte, key):
        return exchange.handle(factory, receipt(referte, key), question,
                               register_certificates, CertificatesStoredView)

    first = send(good, "r-1", "k-1")
    assert first.accepted and first.result.new == 1
    again = send(good, "r-1", "k-2")                   # a resend after a lost answer
    assert again.result == first.result and [i.code for i in again.issues] == [50003]
    bad = CertificatesQuestion("034567", (f.certificate_item(stamnummer="2600002"),
                                          f.certificate_item(data_kw=dict(kind=K.VEI))))
    refused = send(bad, "r-2", "k-3")
    assert not refused.accepted and sorted(i.code for i in refused.issues) == [
        10300, 40010]
    after = row_counts(engine)
    assert after["certificates"] == before["certificates"] + 1
    assert after["journal"] == before["journal"] + 2
    assert after["replay_keys"] == before["replay_keys"] + 3
    with factory() as uow:
        assert uow.journal.find("informat", "r-2").verdict == "GEWEIGERD"
        assert uow.journal.find("informat", "r-2").codes in ("10300,40010", "40010,10300")
