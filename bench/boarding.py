"""What the boarding school's consultation costs (message type 7), in-process, SQLite.

A boarding school with ``--boarders`` stays, each boarder enrolled at one or two of 20
schools (message type 1). Times GeefSchoolInschrijvingenInternen's use case (no HTTP,
no signature) and counts its SQL statements: one for the stays, one for the boarders'
enrollments, one per distinct school.

    .venv/bin/python bench/boarding.py --boarders 400
"""
from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--boarders", type=int, default=400)
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()

    from sqlalchemy import event

    from discimus_fixtures.generator import insz_for
    from discimus_service.domain.boarding import BoardingEnrollment
    from discimus_service.domain.model import (
        InstitutionKind, Mandate, MessageType, Niveau, School, Sex,
    )
    from discimus_service.persistence.database import make_engine, migrate
    from discimus_service.persistence.unit_of_work import SqlAlchemyUnitOfWork
    from discimus_service.services.boarding_views import BoardingConsultation
    from discimus_service.services.consult_boarding import consult_boarders_schools
    from discimus_service.services.exchange import Receipt
    from tests import factories as f

    start = dt.date(2026, 9, 1)
    with tempfile.TemporaryDirectory() as tmp:
        engine = make_engine(f"sqlite:///{tmp}/bench.sqlite")
        migrate(engine)
        with SqlAlchemyUnitOfWork(engine) as uow:
            f.seed(uow)
            uow.schools.add(School("099001", "Internaat", Niveau.SECUNDAIR,
                                   kind=InstitutionKind.BOARDING))
            for n in range(20):
                uow.schools.add(School(f"2000{n:02d}", f"School {n}", Niveau.SECUNDAIR))
            uow.mandates.add(Mandate("informat", "099001", MessageType.INTERNATEN, start))
            for n in range(args.boarders):
                birth = dt.date(2010, 1, 1) + dt.timedelta(days=n % 1500)
                ident = f.identification(birth_date=birth, sex=Sex.M, sequence=n // 1500,
                                         stamnummer=f"26{n + 1:05d}")
                assert ident.insz == insz_for(birth, Sex.M, n // 1500)
                for k in range(1 + n % 2):
                    uow.enrollments.add(f.enrollment_of(f.question(
                        identification=ident, institution_number=f"2000{(n + k) % 20:02d}")))
                uow.boarding.add(BoardingEnrollment(
                    "099001", ident, "Gent", start, None, False, None, True, False,
                    "informat"))
            uow.commit()
        statements = []
        event.listen(engine, "before_cursor_execute",
                     lambda *a, **k: statements.append(1))
        receipt = Receipt(sender=f.VENDOR, afzender="informat", referte="r",
                          operation="GeefSchoolInschrijvingenInternen", raw_message=b"",
                          replay_key="k", received_at=dt.datetime.now(dt.timezone.utc),
                          today=dt.date(2026, 11, 26))
        times = []
        for _ in range(args.repeat):
            statements.clear()
            began = time.perf_counter()
            with SqlAlchemyUnitOfWork(engine, read_only=True) as uow:
                answer = consult_boarders_schools(uow, receipt,
                                                  BoardingConsultation("099001"))
            times.append(time.perf_counter() - began)
        items = answer.result.items
        print(f"{len(items)} boarders, {sum(len(i.schools) for i in items)} school "
              f"enrollments, {len(statements)} SQL statements; median "
              f"{statistics.median(times) * 1000:.1f} ms, best {min(times) * 1000:.1f} ms "
              f"over {args.repeat} runs")
        engine.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
