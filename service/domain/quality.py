"""Quality feedback to a school (000 §1.5): the rules behind the control panel.

"verschillen tussen de gegevens in het schooladministratiepakket en Discimus; een
fouten- en inconsistentiescherm; [...] een overzicht van ingeschreven leerlingen op
een gekozen datum". What a school sends is compared with what Discimus holds for it,
field by field; what Discimus itself can see is wrong or pending is listed as a
problem with a kind. The rules are here; the use cases only gather the records.
"""
from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from discimus_service.domain import consultations
from discimus_service.domain.absence import Absence, check_code, enrollment_on
from discimus_service.domain.errors import DomainError
from discimus_service.domain.model import Enrollment, School

# A message may hold at most 10,000 elements (the hardened parser's cap, S102) and a
# listed student takes up to 7; 1,500 students stay under it with the envelope and
# cover most schools; a bigger one sends a list per administrative group.
MAX_COMPARED_STUDENTS = 1500


class DifferenceKind(str, enum.Enum):
    MISSING_AT_AGODI = "ONTBREEKT_BIJ_AGODI"        # the school has it, Discimus not
    UNKNOWN_TO_SCHOOL = "ONBEKEND_BIJ_SCHOOL"       # Discimus has it, the school not
    DIFFERENT = "AFWIJKEND"                         # both, one field differs


DIFFERENCE_MEANINGS = {
    DifferenceKind.MISSING_AT_AGODI: "The school lists the student, Discimus holds no "
    "enrollment of that stamnummer at the school on the day: send the enrollment.",
    DifferenceKind.UNKNOWN_TO_SCHOOL: "Discimus holds an enrollment on the day the "
    "school's list does not have: send the de-registration, or add the student.",
    DifferenceKind.DIFFERENT: "Both have the student; the field named differs: correct "
    "it (CorrigeerInschrijving) or the package.",
}


class ProblemKind(str, enum.Enum):
    DOUBLE_ENROLLMENT = "DUBBELE_INSCHRIJVING"
    PENDING_NUMBER = "INSZ_ONTBREEKT"
    ABSENCE_OUTSIDE_ENROLLMENT = "AFWEZIGHEID_BUITEN_INSCHRIJVING"
    ABSENCE_CODE_INVALID = "AFWEZIGHEIDSCODE_NIET_GELDIG"


PROBLEM_MEANINGS = {
    ProblemKind.DOUBLE_ENROLLMENT: "The student is also enrolled at another school on "
    "overlapping days; one of the two schools must de-register (or correct) it.",
    ProblemKind.PENDING_NUMBER: "The enrollment has no INSZ yet: AGODI supplies the "
    "number later, or a pseudo number; until then no other school's data matches.",
    ProblemKind.ABSENCE_OUTSIDE_ENROLLMENT: "Half days of absence registered on days "
    "the student is no longer enrolled at the school (the enrollment was corrected or "
    "ended later): cancel them.",
    ProblemKind.ABSENCE_CODE_INVALID: "Half days whose code the current enrollment "
    "data no longer allow (e.g. A after a corrected birth date): register them again "
    "with the right code.",
}


@dataclass(frozen=True)
class ListedStudent:
    """One student as the school's package has it."""

    stamnummer: str
    insz: str | None
    first_name: str
    last_name: str
    birth_date: dt.date
    administrative_group: str | None = None


@dataclass(frozen=True)
class Difference:
    stamnummer: str
    kind: DifferenceKind
    field: str | None = None
    at_school: str | None = None
    at_agodi: str | None = None


@dataclass(frozen=True)
class Problem:
    kind: ProblemKind
    stamnummer: str
    detail: str
    first: dt.date                  # the first day concerned: always known
    last: dt.date | None = None     # None: open
    other_institution_number: str | None = None


def _text(value) -> str | None:
    if value is None:
        return None
    return value.isoformat() if isinstance(value, dt.date) else str(value).strip() or None


def _digits(insz: str | None) -> str | None:
    """An INSZ as written by a package (``11.06.27-060.14``) reduced to its digits."""
    return "".join(c for c in insz if c.isdigit()) or None if insz else None


def compare(listed: Sequence[ListedStudent], held: Iterable[Enrollment]) -> list[Difference]:
    """The differences between the school's list and the enrollments Discimus holds
    for the school on the day, by stamnummer then field.

    Names compare exactly (after trimming): they are the official ones, as on the ID
    document; a difference in case or accents is a difference. INSZ numbers compare by
    their digits (dots and dashes as packages print them do not count); one the school
    leaves out while Discimus has one is a difference. The administrative group only
    when the school gives it.
    """
    by_number = {e.stamnummer: e for e in held}
    out: list[Difference] = []
    for s in listed:
        e = by_number.pop(s.stamnummer, None)
        if e is None:
            out.append(Difference(s.stamnummer, DifferenceKind.MISSING_AT_AGODI))
            continue
        pairs = [("INSZ", _digits(s.insz), e.insz),
                 ("Voornaam", s.first_name, e.identification.first_name),
                 ("Naam", s.last_name, e.identification.last_name),
                 ("Geboortedatum", s.birth_date, e.identification.birth_date)]
        if s.administrative_group is not None:
            pairs.append(("AdministratieveGroep", s.administrative_group,
                          e.administrative_group))
        out += [Difference(s.stamnummer, DifferenceKind.DIFFERENT, name, _text(mine),
                           _text(theirs))
                for name, mine, theirs in pairs if _text(mine) != _text(theirs)]
    out += [Difference(number, DifferenceKind.UNKNOWN_TO_SCHOOL) for number in by_number]
    return sorted(out, key=lambda d: (d.stamnummer, d.kind.value, d.field or ""))


def enrollment_problems(own: Sequence[Enrollment], others: Sequence[Enrollment],
                        today: dt.date) -> list[Problem]:
    """Open problems of the school's enrollments running today or later: doubles with
    another school and numbers still pending."""
    current = [e for e in own if e.end_date is None or e.end_date >= today]
    out = [Problem(ProblemKind.PENDING_NUMBER, e.stamnummer,
                   f"enrollment from {e.start_date} has no INSZ", e.start_date, e.end_date)
           for e in current if e.insz is None]
    for d in consultations.double_enrollments(current, list(others)):
        out.append(Problem(
            ProblemKind.DOUBLE_ENROLLMENT, d.own.stamnummer,
            f"also enrolled at {d.other.institution_number} from {d.other.start_date}",
            d.overlap_start, d.overlap_end, d.other.institution_number))
    return sorted(out, key=_problem_order)


def absence_problems(school: School, absences: Iterable[Absence],
                     enrollments: dict[str, list[Enrollment]]) -> list[Problem]:
    """Half days the school's current enrollment data no longer carry, grouped per
    student and kind (first and last day, how many).

    :param enrollments: the school's enrollments by stamnummer.
    """
    found: dict[tuple, list[dt.date]] = {}
    for a in absences:
        mine = enrollments.get(a.stamnummer, [])
        e = enrollment_on(mine, a.date)
        if e is None:
            kind = ProblemKind.ABSENCE_OUTSIDE_ENROLLMENT
        else:
            try:
                check_code(a.code, a.date, school, e.identification.birth_date)
                continue
            except DomainError:
                kind = ProblemKind.ABSENCE_CODE_INVALID
        found.setdefault((kind, a.stamnummer, a.code), []).append(a.date)
    out = [Problem(kind, number, f"{len(days)} half day{'s' if len(days) > 1 else ''} "
                   f"with code {code.value}", min(days), max(days))
           for (kind, number, code), days in found.items()]
    return sorted(out, key=_problem_order)


def _problem_order(p: Problem) -> tuple:
    return (p.stamnummer, p.kind.value, p.first)
