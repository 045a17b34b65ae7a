"""SQL implementation of the home-education port (``domain/home_education.py``)."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import bindparam, delete, insert, select

from discimus_service.domain.home_education import ExamResult, InspectionResult
from discimus_service.domain.model import Sex
from discimus_service.persistence import tables as t
from discimus_service.persistence.repositories import _write
from discimus_service.services import ports

_I, _X = t.home_education_inspections.c, t.exam_board_results.c
_INSPECTIONS = (select(t.home_education_inspections).where(_I.insz == bindparam("insz"))
                .order_by(_I.visit_date))
_INSPECTION_DELETE = delete(t.home_education_inspections).where(
    _I.insz == bindparam("insz"), _I.visit_date == bindparam("day"))
_EXAMS = (select(t.exam_board_results).where(_X.insz == bindparam("insz"))
          .order_by(_X.decision_date))
_EXAM_DELETE = delete(t.exam_board_results).where(
    _X.insz == bindparam("insz"), _X.decision_date == bindparam("day"))


class SqlHomeEducation(ports.HomeEducationRepository):
    def __init__(self, connection):
        self._c = connection

    def put_inspection(self, r: InspectionResult, received_at: dt.datetime) -> bool:
        replaced = self._c.execute(_INSPECTION_DELETE,
                                   {"insz": r.insz, "day": r.visit_date}).rowcount
        _write(self._c, insert(t.home_education_inspections), dict(
            insz=r.insz, visit_date=r.visit_date, sufficient=r.sufficient,
            sender_id=r.sender_id, received_at=received_at.astimezone(dt.timezone.utc)))
        return bool(replaced)

    def inspections(self, insz: str) -> list[InspectionResult]:
        return [InspectionResult(r.insz, r.visit_date, r.sufficient, r.sender_id)
                for r in self._c.execute(_INSPECTIONS, {"insz": insz})]

    def put_exam(self, r: ExamResult, received_at: dt.datetime) -> bool:
        replaced = self._c.execute(_EXAM_DELETE,
                                   {"insz": r.insz, "day": r.decision_date}).rowcount
        _write(self._c, insert(t.exam_board_results), dict(
            insz=r.insz, last_name=r.last_name, first_name=r.first_name, sex=r.sex.value,
            birth_date=r.birth_date, decision_date=r.decision_date, passed=r.passed,
            sender_id=r.sender_id, received_at=received_at.astimezone(dt.timezone.utc)))
        return bool(replaced)

    def exams(self, insz: str) -> list[ExamResult]:
        return [ExamResult(r.insz, r.last_name, r.first_name, Sex(r.sex), r.birth_date,
                           r.decision_date, r.passed, r.sender_id)
                for r in self._c.execute(_EXAMS, {"insz": insz})]
