"""Distinct valid students for load generation (no fixture collisions)."""
from __future__ import annotations

import datetime as dt

from discimus_client.results import Address, EnrollmentData, Student


def student_and_enrollment(worker: int, i: int, institution: str):
    from discimus_fixtures.generator import insz_for
    from discimus_service.domain.model import Sex
    index = (worker % 5) * 20_000 + i          # unique per (worker < 5, i < 20,000)
    # INSZ sequences 200..498 are free of generated fixtures (generator docstring).
    birth = dt.date(2008, 1, 1) + dt.timedelta(days=index // 299)
    sequence = 200 + index % 299
    sex = Sex.M if index % 2 else Sex.V
    # School years 2020-2024, sequences from 50000: fixtures number theirs from 1.
    stamnummer = f"2{worker % 5}{50000 + i:05d}"
    today = dt.date.today()
    student = Student(insz=insz_for(birth, sex, sequence), stamnummer=stamnummer,
                      first_name="Bench", last_name=f"Leerling{worker}x{i}",
                      birth_date=birth, sex=sex.value,
                      address=Address("Kerkstraat", "1", "9000", "Gent"))
    enrollment = EnrollmentData(institution_number=institution, administrative_group="1A",
                                start_date=today, registration_date=today)
    return student, enrollment
