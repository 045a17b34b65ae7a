"""The CLB feed's tables, against SQLite and PostgreSQL: guidance, numbering per CLB,
the unique key per INSZ + school year + threshold, and reading after a cursor."""
import dataclasses
import datetime as dt

import pytest

from discimus_service.domain.clb import ClbNotification
from discimus_service.domain.model import Sender, SenderKind
from discimus_service.services import ports
from discimus_service.services.absence_views import AbsencesQuestion
from discimus_service.services.exchange import Receipt
from discimus_service.services.register_absences import register_absences
from discimus_service.domain.absence import AbsenceCode, HalfDay
from tests import factories as f

D = dt.date
AT = dt.datetime(2026, 9, 3, 10, tzinfo=dt.timezone(dt.timedelta(hours=2)))


def note(insz="12031508360", threshold=10, clb="clb", year=2025):
    return ClbNotification(clb, insz, year, threshold, threshold, D(2025, 10, 10),
                           D(2025, 10, 24) if threshold == 30 else None,
                           ("012345", "034567"), AT)


def test_guidance_is_one_clb_per_school_and_can_change(uow_factory):
    with uow_factory() as uow:
        uow.clb.assign("034567", "clb")
        uow.clb.assign("034567", "clb-gent")
        uow.commit()
    with uow_factory(read_only=True) as uow:
        assert uow.clb.guiding("034567") == "clb-gent"
        assert uow.clb.guiding("012345") is None


def test_each_clb_numbers_its_own_feed_and_reads_it_after_a_cursor(uow_factory):
    with uow_factory() as uow:
        assert uow.clb.add(note()) == 1
        assert uow.clb.add(note(threshold=30)) == 2
        assert uow.clb.add(note(insz="21051660106", clb="clb-gent")) == 1
        assert uow.clb.add(note(insz="21051660106", threshold=30, clb="clb-gent")) == 2
        uow.commit()
    with uow_factory(read_only=True) as uow:
        mine = uow.clb.feed("clb", 0, 10)
        assert [n.sequence for n in uow.clb.feed("clb", 1, 10)] == [2]
        assert [n.sequence for n in uow.clb.feed("clb-gent", 0, 1)] == [1]
        assert uow.clb.notified("12031508360", 2025) == {10, 30}
        assert uow.clb.notified("12031508360", 2024) == set()
    assert mine[1] == dataclasses.replace(note(threshold=30), sequence=2)
    assert mine[1].created_at == AT                # stored in UTC, the same moment


def test_a_threshold_is_notified_once_per_insz_and_school_year(uow_factory):
    with uow_factory() as uow:
        uow.clb.add(note())
        uow.commit()
    with pytest.raises(ports.DuplicateKeyError):
        with uow_factory() as uow:
            uow.clb.add(note(clb="clb-gent"))      # even to another CLB
            uow.commit()


def test_notifications_commit_with_the_absences_that_cause_them(uow_factory):
    with uow_factory() as uow:
        f.seed(uow, mandates=f.absence_mandates())
    with uow_factory() as uow:
        uow.enrollments.add(f.enrollment_of(f.question(start_date=D(2025, 9, 1))))
        uow.clb.assign("034567", "clb")
        uow.commit()
    items = tuple(f.half_day(date=D(2025, 10, 6) + dt.timedelta(days=i // 2),
                             half_day=(HalfDay.VM, HalfDay.NM)[i % 2], code=AbsenceCode.B)
                  for i in range(10))
    receipt = Receipt(sender=f.VENDOR, afzender="informat", referte="r", operation="op",
                      raw_message=b"", replay_key="k", received_at=AT, today=f.TODAY)
    with uow_factory() as uow:
        assert register_absences(uow, receipt, AbsencesQuestion("034567", items)).accepted
        # Not committed: rolled back with the absences.
    with uow_factory(read_only=True) as uow:
        assert uow.clb.feed("clb", 0, 10) == []
    with uow_factory() as uow:
        register_absences(uow, receipt, AbsencesQuestion("034567", items))
        uow.commit()
    with uow_factory(read_only=True) as uow:
        (n,) = uow.clb.feed("clb", 0, 10)
    assert (n.sequence, n.threshold, n.tenth, n.institutions) == (
        1, 10, D(2025, 10, 10), ("034567",))
