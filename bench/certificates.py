"""Certificate registration (message type 4): a signed message of 1,000 certificates.

One run, one database: the emulator under gunicorn; the students are enrolled before
the clock starts. Timed per message, end to end (zeep signs, the server verifies,
checks mandate, kinds, placements and enrollments, stores and journals, signs; the
client verifies the answer): the first registration (all new), the same certificates
sent again with a new Referte (all unchanged) and a correction of all of them (all
replaced, one INFORMATIE 50301). Never a timed test.

    .venv/bin/python bench/certificates.py --students 1000
"""
from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.e2e.server import start_server  # noqa: E402  (the same launcher as e2e tests)

BUSINESS_DATE = dt.date(2026, 11, 27)
START = dt.date(2026, 9, 1)
INSTITUTION = "034567"


def _enroll(client, count: int) -> list[str]:
    from bench.students import student_and_enrollment
    stamnummers = []
    for i in range(count):
        student, enrollment = student_and_enrollment(3, i, INSTITUTION)
        result = client.register_enrollment(student, dataclasses.replace(
            enrollment, start_date=START, registration_date=START))
        if not result.ok:
            raise SystemExit(f"enrollment refused: {result.uitzonderingen}")
        stamnummers.append(student.stamnummer)
    return stamnummers


def _certificates(stamnummers, study_field=None):
    from discimus_client.certificate_messages import Certificate
    return [Certificate(f"BENCH-{s}", s, "AVB", dt.date(2026, 11, 20), grade=1, year=1,
                        form="A", study_field=study_field) for s in stamnummers]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--students", type=int, default=1000)
    parser.add_argument("--database-url", help="default: SQLite in a temporary folder")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    from discimus_client.client import DiscimusClient
    figures = {}
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        url = args.database_url or f"sqlite:///{root / 'bench.sqlite'}"
        server = start_server(root, url, workers=2, extra_env={
            "DISCIMUS_BUSINESS_DATE": BUSINESS_DATE.isoformat()})
        try:
            client = DiscimusClient.from_pki(server.url, server.pki_dir, "informat")
            students = _enroll(client, args.students)
            for name, items, count in (
                    ("new", _certificates(students), "new"),
                    ("unchanged", _certificates(students), "unchanged"),
                    ("corrected", _certificates(students, "Moderne talen"), "replaced")):
                start = time.perf_counter()
                result = client.register_certificates(INSTITUTION, items)
                seconds = time.perf_counter() - start
                if not result.ok or getattr(result.inhoud, count) != len(items):
                    raise SystemExit(f"{name}: {result.inhoud} {result.uitzonderingen[:3]}")
                figures[f"{name}_certificates_per_s"] = round(len(items) / seconds)
                figures[f"{name}_seconds"] = round(seconds, 2)
        finally:
            server.stop()
    figures["certificates_per_message"] = args.students
    if args.json:
        print(json.dumps(figures))
    else:
        for key, value in figures.items():
            print(f"{key}: {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
