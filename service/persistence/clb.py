"""SQL implementation of the CLB port: school guidance and the CLBs' notification feeds.

The same habits as ``repositories.py``: Core statements built once, bind parameters,
times stored in UTC. A feed number is the CLB's highest plus one, taken in the writing
transaction; the unique key (CLB, sequence) turns a concurrent taker into a
:class:`~discimus_service.services.ports.DuplicateKeyError` (the exchange retries), so
numbers are handed out in commit order, without gaps.
"""
from __future__ import annotations

import datetime as dt

from sqlalchemy import bindparam, delete, func, insert, select, update

from discimus_service.domain.clb import ClbNotification
from discimus_service.domain.motivated_report import MotivatedReport, SpecialNeedsType
from discimus_service.persistence import tables as t
from discimus_service.persistence.repositories import _write
from discimus_service.services import ports

_G, _N = t.clb_guidance.c, t.clb_notifications.c
_GUIDING = select(_G.clb_id).where(_G.institution_number == bindparam("school"))
_UNASSIGN = delete(t.clb_guidance).where(_G.institution_number == bindparam("school"))
_ASSIGN = insert(t.clb_guidance)
_NOTIFIED = select(_N.threshold).where(_N.insz == bindparam("insz"),
                                       _N.school_year == bindparam("year"))
_LAST = select(func.max(_N.sequence)).where(_N.clb_id == bindparam("clb"))
_ADD = insert(t.clb_notifications)
_FEED = (select(t.clb_notifications)
         .where(_N.clb_id == bindparam("clb"), _N.sequence > bindparam("after"))
         .order_by(_N.sequence).limit(bindparam("limit")))
_R = t.motivated_reports.c
_REPORT_KEY = select(_R.id).where(
    _R.clb_id == bindparam("clb"), _R.insz == bindparam("insz"),
    _R.report_date == bindparam("day"), _R.kind == bindparam("kind"))
_REPORT_ADD = insert(t.motivated_reports)
_REPORT_UPDATE = (update(t.motivated_reports).where(_R.id == bindparam("rid"))
                  .values(valid_from=bindparam("vf"), valid_to=bindparam("vt"),
                          received_at=bindparam("at")))
_REPORTS_OF = (select(t.motivated_reports).where(_R.insz == bindparam("insz"))
               .order_by(_R.report_date, _R.id))


class SqlClb(ports.ClbRepository):
    def __init__(self, connection):
        self._c = connection

    def assign(self, institution_number, clb_id):
        self._c.execute(_UNASSIGN, {"school": institution_number})
        self._c.execute(_ASSIGN, dict(institution_number=institution_number, clb_id=clb_id))

    def guiding(self, institution_number):
        return self._c.execute(_GUIDING, {"school": institution_number}).scalar()

    def notified(self, insz, school_year):
        return set(self._c.execute(_NOTIFIED, {"insz": insz, "year": school_year}).scalars())

    def add(self, n: ClbNotification) -> int:
        sequence = (self._c.execute(_LAST, {"clb": n.clb_id}).scalar() or 0) + 1
        _write(self._c, _ADD, dict(
            clb_id=n.clb_id, sequence=sequence, insz=n.insz, school_year=n.school_year,
            threshold=n.threshold, half_days=n.half_days, tenth=n.tenth,
            thirtieth=n.thirtieth, institutions=",".join(n.institutions),
            created_at=n.created_at.astimezone(dt.timezone.utc)))
        return sequence

    def feed(self, clb_id, after, limit):
        rows = self._c.execute(_FEED, {"clb": clb_id, "after": after, "limit": limit})
        return [ClbNotification(
            r.clb_id, r.insz, r.school_year, r.threshold, r.half_days, r.tenth,
            r.thirtieth, tuple(i for i in r.institutions.split(",") if i),
            r.created_at if r.created_at.tzinfo
            else r.created_at.replace(tzinfo=dt.timezone.utc), r.sequence)
            for r in rows]

    def put_report(self, report: MotivatedReport, received_at: dt.datetime) -> bool:
        at = received_at.astimezone(dt.timezone.utc)
        existing = self._c.execute(_REPORT_KEY, {
            "clb": report.clb_id, "insz": report.insz, "day": report.report_date,
            "kind": report.kind.value}).scalar()
        if existing is not None:
            self._c.execute(_REPORT_UPDATE, {"rid": existing, "vf": report.valid_from,
                                             "vt": report.valid_to, "at": at})
            return False
        _write(self._c, _REPORT_ADD, dict(
            clb_id=report.clb_id, insz=report.insz, report_date=report.report_date,
            kind=report.kind.value, valid_from=report.valid_from,
            valid_to=report.valid_to, received_at=at))
        return True

    def reports_of(self, insz):
        return [MotivatedReport(r.clb_id, r.insz, r.report_date, SpecialNeedsType(r.kind),
                                r.valid_from, r.valid_to, r.id)
                for r in self._c.execute(_REPORTS_OF, {"insz": insz})]
