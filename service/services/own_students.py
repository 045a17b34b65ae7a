"""The asking school's own students, and where else they are enrolled.

Every consultation back to a school answers only for its own students (004 §67): those
enrolled there today, or the one stamnummer asked for, which must be one of them
(40010). Other schools' records of the same person are found by INSZ, never by
stamnummer (a stamnummer means something only at its own school).
"""
from __future__ import annotations

import datetime as dt
from collections import defaultdict

from discimus_service.domain import absence as rules, identifiers
from discimus_service.domain.errors import NotEnrolledHereError
from discimus_service.domain.model import Enrollment
from discimus_service.services.ports import UnitOfWork


def enrolled_today(uow: UnitOfWork, institution_number: str, stamnummer: str | None,
                   today: dt.date) -> list[Enrollment]:
    """The school's enrollments running today, of one student when given.

    :raises InvalidStamnummerError: the stamnummer asked for is not valid.
    :raises NotEnrolledHereError: the student asked for is not enrolled here today.
    """
    wanted = (identifiers.validate_stamnummer(stamnummer)
              if stamnummer is not None else None)
    own = [e for e in uow.enrollments.at_institution(institution_number, wanted)
           if rules.enrollment_on([e], today) is not None]
    if wanted is not None and not own:
        raise NotEnrolledHereError(f"stamnummer {wanted} is not enrolled at "
                                   f"{institution_number} today", field="Stamnummer")
    return own


def enrollments_of(uow: UnitOfWork, own: list[Enrollment], first: dt.date,
                   last: dt.date) -> dict[str, list[Enrollment]]:
    """Every enrollment (at any school, the asking one included) of the students of
    ``own`` that overlaps ``first``..``last``, by the student's stamnummer at the
    asking school. A student without INSZ: only the asking school's own."""
    by_insz = {e.insz: e.stamnummer for e in own if e.insz}
    out: dict[str, list[Enrollment]] = defaultdict(list)
    seen: set = set()

    def keep(stamnummer: str, e: Enrollment) -> None:
        key = (e.institution_number, e.stamnummer, e.start_date)
        if key in seen or e.start_date > last or (e.end_date is not None
                                                   and e.end_date < first):
            return
        seen.add(key)
        out[stamnummer].append(e)

    for e in uow.enrollments.for_students(by_insz):
        keep(by_insz[e.insz], e)
    for e in own:
        if e.insz:
            keep(e.stamnummer, e)        # found above with its INSZ; kept in any case
        else:                            # no INSZ: only the school's own records
            for mine in uow.enrollments.at_institution(e.institution_number,
                                                       e.stamnummer):
                keep(e.stamnummer, mine)
    return out
