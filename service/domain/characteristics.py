"""Rules of message type 3: student characteristics (leerlingenkenmerken, 000 §4).

The parents fill in a declaration on honour (verklaring op eer) with the student's home
language (thuistaal) and the mother's education level (opleidingsniveau moeder); the
school sends it through Discimus with the Unieke Identificator Leerling, the stamnummer
and the date of the declaration. "Aangezien het om stabiele informatie gaat die niet
snel wijzigt, moet de verklaring op eer slechts één keer in een volledige
schoolloopbaan van een leerling ingevuld en doorgestuurd worden" (000 §4): AGODI keeps
every declaration, and the most recent one (by date of declaration, then by arrival) is
the student's characteristics, whichever school sent it.

A school then asks whether AGODI holds characteristics for a student it enrolled, and
whether the student meets the indicators "thuistaal" and "opleidingsniveau van de
moeder" (000 §4). The seeds name the indicators but not the form's answer codes; the
code lists below are the emulator's, built so that each indicator follows from one
field: thuistaal is met when the home language is not Dutch, opleidingsniveau moeder
when the mother has no diploma of secondary education. Each code's meaning says so, in
the contract and in the README, from these tables.
"""
from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from discimus_service.domain import identifiers
from discimus_service.domain.errors import (
    DeclarationBeforeBirthError, DuplicateDeclarationError, InvalidDateError,
    MissingFieldError, NotEnrolledHereError, TooManyItemsError, TooManyStudentsError,
)
from discimus_service.domain.model import Enrollment

# One message carries the declarations a school collected; 1,000 is a large school's
# intake at the start of a school year, and keeps a message well under the size limit.
MAX_ITEMS_PER_MESSAGE = 1000
# One consultation asks about the students a package shows on one screen or one batch.
MAX_STUDENTS_PER_QUESTION = 500


class HomeLanguage(str, enum.Enum):
    """Thuistaal: the language the student speaks at home, in the family."""

    NEDERLANDS = "N"
    ANDERE_TAAL = "A"
    ONBEKEND = "O"


class MotherEducation(str, enum.Enum):
    """Opleidingsniveau moeder: the highest certificate the mother obtained."""

    GEEN_GETUIGSCHRIFT = "1"
    BASISONDERWIJS = "2"
    LAGER_SECUNDAIR = "3"
    SECUNDAIR = "4"
    HOGER = "5"
    ONBEKEND = "9"


class Indicator(str, enum.Enum):
    """Whether a student meets an indicator, as answered to the school."""

    JA = "J"
    NEEN = "N"
    ONBEKEND = "O"


HOME_LANGUAGE_MEANINGS = {
    HomeLanguage.NEDERLANDS: "Dutch: the student speaks Dutch at home. The indicator "
                             "thuistaal is not met.",
    HomeLanguage.ANDERE_TAAL: "Another language than Dutch: the home language is not "
                              "Dutch. The indicator thuistaal is met.",
    HomeLanguage.ONBEKEND: "Not declared: the parents did not answer this question. The "
                           "indicator thuistaal is unknown (O).",
}
MOTHER_EDUCATION_MEANINGS = {
    MotherEducation.GEEN_GETUIGSCHRIFT: "No certificate at all, not even of primary "
                                        "education. The indicator opleidingsniveau "
                                        "moeder is met.",
    MotherEducation.BASISONDERWIJS: "Certificate of primary education (getuigschrift "
                                    "basisonderwijs), no more. The indicator is met.",
    MotherEducation.LAGER_SECUNDAIR: "Some secondary education without its diploma (a "
                                     "certificate of the first or second grade). The "
                                     "indicator is met.",
    MotherEducation.SECUNDAIR: "Diploma of secondary education (or an equivalent). The "
                               "indicator is not met.",
    MotherEducation.HOGER: "Diploma of higher education. The indicator is not met.",
    MotherEducation.ONBEKEND: "Not declared or not known to the parents. The indicator "
                              "opleidingsniveau moeder is unknown (O).",
}
INDICATOR_MEANINGS = {
    Indicator.JA: "The student meets the indicator.",
    Indicator.NEEN: "The student does not meet the indicator.",
    Indicator.ONBEKEND: "Unknown: AGODI holds no declaration for the student, or its "
                        "most recent declaration leaves this question unanswered; ask "
                        "the parents for a declaration on honour.",
}

# "Thuistaal niet Nederlands"; "moeder heeft geen diploma secundair onderwijs".
_HOME_LANGUAGE_INDICATOR = {HomeLanguage.NEDERLANDS: Indicator.NEEN,
                            HomeLanguage.ANDERE_TAAL: Indicator.JA,
                            HomeLanguage.ONBEKEND: Indicator.ONBEKEND}
_WITHOUT_SECONDARY_DIPLOMA = frozenset({MotherEducation.GEEN_GETUIGSCHRIFT,
                                        MotherEducation.BASISONDERWIJS,
                                        MotherEducation.LAGER_SECUNDAIR})


@dataclass
class Declaration:
    """One declaration on honour of one student, as registered by one school."""

    institution_number: str
    student_id: str                 # Unieke Identificator Leerling: the package's own id
    stamnummer: str
    declared_on: dt.date            # the date of the declaration on honour
    home_language: HomeLanguage
    mother_education: MotherEducation
    sender_id: str                  # the package that sent it (last)
    received_on: dt.date            # the business day it was (last) registered
    id: int | None = None

    @property
    def key(self) -> tuple[str, str, dt.date]:
        """One declaration of one student at one school on one date: stored once."""
        return (self.institution_number, self.stamnummer, self.declared_on)

    def same_content(self, other: "Declaration") -> bool:
        return ((self.home_language, self.mother_education, self.student_id)
                == (other.home_language, other.mother_education, other.student_id))


def home_language_indicator(language: HomeLanguage) -> Indicator:
    """The indicator thuistaal: met when the home language is not Dutch."""
    return _HOME_LANGUAGE_INDICATOR[language]


def mother_education_indicator(level: MotherEducation) -> Indicator:
    """The indicator opleidingsniveau moeder: met when the mother has no diploma of
    secondary education."""
    if level is MotherEducation.ONBEKEND:
        return Indicator.ONBEKEND
    return Indicator.JA if level in _WITHOUT_SECONDARY_DIPLOMA else Indicator.NEEN


def most_recent(declarations: Iterable[Declaration]) -> Declaration | None:
    """The declaration in force: the latest date of declaration; of two on one date, the
    one registered last (the higher id; stored ones before unsaved ones)."""
    def order(d: Declaration):
        return (d.declared_on, d.received_on, d.id if d.id is not None else float("inf"))
    return max(declarations, key=order, default=None)


def enrolled_from(enrollments: Sequence[Enrollment], day: dt.date) -> Enrollment | None:
    """The enrollment among ``enrollments`` running on ``day`` or starting after it.

    A school may send and see characteristics of the students enrolled with it: running
    today, or enrolled already for a later start (the declaration is typically filled in
    at enrollment, before the first day). A de-registered student is no longer its own.
    """
    running = [e for e in enrollments if e.end_date is None or e.end_date >= day]
    return min(running, key=lambda e: e.start_date, default=None)


def require_enrolled(enrollments: Sequence[Enrollment], institution_number: str,
                     stamnummer: str, day: dt.date) -> Enrollment:
    """:raises NotEnrolledHereError: the student is not enrolled with the school."""
    found = enrolled_from(enrollments, day)
    if found is None:
        ended = [e.end_date for e in enrollments if e.end_date is not None]
        raise NotEnrolledHereError(
            f"stamnummer {stamnummer} is not enrolled at {institution_number}"
            + (f" (its enrollment there ended on {max(ended)})" if ended else
               " (no enrollment there at all)")
            + "; a school sends and sees characteristics only of its own students",
            field="Stamnummer")
    return found


def check_item_fields(student_id: str, stamnummer: str) -> str:
    """:returns: the normalised stamnummer.

    :raises MissingFieldError: no Unieke Identificator Leerling.
    :raises InvalidStamnummerError: the stamnummer is not valid.
    """
    if not (student_id or "").strip():
        raise MissingFieldError("the Unieke Identificator Leerling is required",
                                field="UniekeIdentificatorLeerling")
    return identifiers.validate_stamnummer(stamnummer)


def check_declaration_date(declared_on: dt.date, today: dt.date,
                           birth_date: dt.date | None) -> None:
    """:raises InvalidDateError: the declaration is dated in the future.
    :raises DeclarationBeforeBirthError: it is dated before the student was born.
    """
    if declared_on > today:
        raise InvalidDateError(f"the declaration is dated {declared_on}, in the future; "
                               "give the date the parents signed it", field="DatumVerklaring")
    if birth_date is not None and declared_on < birth_date:
        raise DeclarationBeforeBirthError(
            f"the declaration is dated {declared_on}, before the student was born "
            f"({birth_date}); give the date the parents signed it", field="DatumVerklaring")


def check_item_count(count: int) -> None:
    """:raises TooManyItemsError: more than :data:`MAX_ITEMS_PER_MESSAGE` declarations."""
    if count > MAX_ITEMS_PER_MESSAGE:
        raise TooManyItemsError(
            f"the message holds {count} declarations; at most {MAX_ITEMS_PER_MESSAGE} "
            "fit in one message: send the rest in further messages",
            field="Leerlingenkenmerken")


def check_student_count(count: int) -> None:
    """:raises TooManyStudentsError: a question about too many students."""
    if count > MAX_STUDENTS_PER_QUESTION:
        raise TooManyStudentsError(
            f"the question names {count} students; at most {MAX_STUDENTS_PER_QUESTION} "
            "per question: ask about the rest in further questions", field="Leerlingen")


def duplicate_error(first: int) -> DuplicateDeclarationError:
    return DuplicateDeclarationError(
        f"this student's declaration of this date is also item {first + 1} of the "
        "message; send each declaration once", field="Leerlingenkenmerk")
