"""GeefDubbeleInschrijvingen on a large school: every pair in Python (before) vs the database.

In-process, no HTTP: one school of N students, each with an earlier enrollment at
another school, a tenth of them also enrolled elsewhere right now (the doubles). Runs
the use case as it was (load the school and all its students' enrollments, compare
every pair in Python, inside a writing transaction) and as it is (one indexed
self-join, read-only, at most ``--page`` doubles an answer; "all parts" follows the
continuation to the end).

    .venv/bin/python bench/doubles.py --students 2000 8000 12000
    .venv/bin/python bench/doubles.py --database-url postgresql://postgres@127.0.0.1/test
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SCHOOL, ELSEWHERE, BEFORE = "034567", "056789", "012345"


def school_rows(students: int, school: str = SCHOOL, elsewhere: str = ELSEWHERE,
                before: str = BEFORE, born_from: dt.date = dt.date(2008, 1, 1)) -> list[dict]:
    """Enrollment rows: ``students`` at ``school``, each earlier at ``before``, one in ten
    also at ``elsewhere`` now. Stamnummers 2180000 and up, INSZ sequences 200..498."""
    from discimus_fixtures.generator import insz_for
    from discimus_service.domain.model import Sex
    common = dict(administrative_group="1A", establishment=None, sender_id="informat",
                  first_name="Bench", sex="M", nationality="00150", street="Kerkstraat",
                  house_number="1", box=None, postcode="9000", municipality="Gent",
                  country="00150", dereg_reason=None, situation_after=None)
    rows = []
    for n in range(students):
        birth = born_from + dt.timedelta(days=n // 299)
        insz = insz_for(birth, Sex.M, 200 + n % 299)
        person = dict(common, insz=insz, last_name=f"Leerling{n}", birth_date=birth)
        stamnummer = f"21{80_000 + n:05d}"
        rows.append(dict(person, institution_number=school, stamnummer=stamnummer,
                         start_date=dt.date(2025, 9, 1), first_attendance_date=None,
                         registration_date=dt.date(2025, 8, 25), end_date=None))
        rows.append(dict(person, institution_number=before, stamnummer=stamnummer,
                         start_date=dt.date(2024, 9, 1), first_attendance_date=None,
                         registration_date=dt.date(2024, 8, 25),
                         end_date=dt.date(2025, 6, 30), dereg_reason="E",
                         situation_after="1"))
        if n % 10 == 0:
            rows.append(dict(person, institution_number=elsewhere, stamnummer=stamnummer,
                             start_date=dt.date(2026, 1, 5), first_attendance_date=None,
                             registration_date=dt.date(2026, 1, 2), end_date=None))
    return rows


def _load(engine, students: int) -> None:
    from sqlalchemy import delete, insert
    from discimus_service.persistence import tables as t
    from discimus_service.persistence.unit_of_work import SqlAlchemyUnitOfWork
    from tests import factories
    with SqlAlchemyUnitOfWork(engine) as uow:
        if uow.schools.get(SCHOOL) is None:
            factories.seed(uow)
    with engine.begin() as connection:
        connection.execute(delete(t.enrollments))
        connection.execute(insert(t.enrollments), school_rows(students))


def _before(engine, receipt, question):
    """The use case as it was until this change (services/consult_double_enrollments)."""
    from discimus_service.domain import consultations
    from discimus_service.persistence.unit_of_work import SqlAlchemyUnitOfWork
    from discimus_service.services.common import require_mandate, view_of
    with SqlAlchemyUnitOfWork(engine) as uow:            # BEGIN IMMEDIATE on SQLite
        require_mandate(uow, receipt, question.institution_number)
        own = uow.enrollments.at_institution(question.institution_number)
        inszs = {e.insz for e in own if e.insz}
        others = uow.enrollments.for_students(inszs) if inszs else []
        doubles = consultations.double_enrollments(own, others, on=question.on)
        return [(view_of(uow, d.own), view_of(uow, d.other)) for d in doubles]


def _after(engine, receipt, question, page: int):
    from discimus_service.persistence.unit_of_work import SqlAlchemyUnitOfWork
    from discimus_service.services.consult_double_enrollments import (
        consult_double_enrollments,
    )
    with SqlAlchemyUnitOfWork(engine, read_only=True, page_size=page) as uow:
        return consult_double_enrollments(uow, receipt, question).result


def _timed(call, repeat: int) -> tuple[float, object]:
    best, result = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        result = call()
        best = min(best, time.perf_counter() - start)
    return best, result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, nargs="+", default=[2000, 8000, 12000])
    parser.add_argument("--page", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--database-url", help="default: a fresh SQLite file")
    args = parser.parse_args()

    import dataclasses
    from discimus_service.persistence.database import make_engine, migrate
    from discimus_service.services.exchange import Receipt
    from discimus_service.services.views import DoubleEnrollmentsQuestion
    from tests import dbhelpers, factories

    schema = None
    url = args.database_url or f"sqlite:///{tempfile.mkdtemp()}/doubles.sqlite"
    if url.startswith("postgresql"):
        schema = f"bench_{uuid.uuid4().hex[:8]}"
        dbhelpers.create_schema(schema)
        url = f"{url}?options=-csearch_path%3D{schema}"
    engine = make_engine(url)
    report = []
    try:
        migrate(engine)
        receipt = Receipt(sender=factories.VENDOR, afzender="informat", referte="b",
                          operation="GeefDubbeleInschrijvingen", raw_message=b"",
                          replay_key="b", received_at=dt.datetime.now(dt.timezone.utc),
                          today=dt.date(2026, 2, 1))
        question = DoubleEnrollmentsQuestion(SCHOOL)
        for students in args.students:
            _load(engine, students)
            before, old = _timed(lambda: _before(engine, receipt, question), 1)
            first, part = _timed(lambda: _after(engine, receipt, question, args.page),
                                 args.repeat)

            def all_parts():
                token, count = None, 0
                while True:
                    view = _after(engine, receipt,
                                  dataclasses.replace(question, continuation=token),
                                  args.page)
                    count += len(view.items)
                    if (token := view.continuation) is None:
                        return count
            whole, count = _timed(all_parts, args.repeat)
            assert count == len(old), (count, len(old))
            report.append({
                "students": students, "doubles": len(old),
                "before_s": round(before, 3), "after_first_part_s": round(first, 4),
                "after_all_parts_s": round(whole, 4),
                "ratio_before_vs_first_part": round(before / first, 1),
                "ratio_before_vs_all_parts": round(before / whole, 1)})
            print(json.dumps(report[-1]), flush=True)
    finally:
        engine.dispose()
        if schema:
            dbhelpers.drop_schema(schema)
    return 0


if __name__ == "__main__":
    sys.exit(main())
