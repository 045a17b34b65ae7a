"""One exception tree with stable codes.

Every business refusal the emulator can give is a :class:`DomainError` subclass with a
numeric ``code`` that never changes meaning. The SOAP edge turns them into MAGDA
``Uitzondering`` elements (Identificatie = code, Type = severity); nothing else does.
Codes reuse MAGDA's where the meaning matches (20002, 30001, 40006); ours sit in the
same ranges: 1xxxx message content, 2xxxx identification, 3xxxx data, 4xxxx rights,
5xxxx deadlines and notices.

The table is rendered into the README by ``discimus contracts codes``; keep the
docstrings to one line, they are the user-facing meaning.
"""
from __future__ import annotations

import enum


class Severity(str, enum.Enum):
    """MAGDA UitzonderingTypeType."""

    FOUT = "FOUT"
    WAARSCHUWING = "WAARSCHUWING"
    INFORMATIE = "INFORMATIE"


class DomainError(Exception):
    """Root of every business refusal; carries a stable code and a diagnosis."""

    code: int = 99999
    severity: Severity = Severity.FOUT
    # The Identificatie a MAGDA client receives when it is not ``code`` (our finer code
    # then travels as an Annotatie, soap/magda/envelope.py): MAGDA has one code, 40006,
    # for every authorisation refusal.
    magda_code: int | None = None

    def __init__(self, diagnose: str, *, field: str | None = None):
        super().__init__(diagnose)
        self.diagnose = diagnose
        self.field = field


class ValidationError(DomainError, ValueError):
    """A field of the message breaks a content rule."""

    code = 10000


class MissingFieldError(ValidationError):
    """A required field is missing or empty."""

    code = 10001


class InvalidDateError(ValidationError):
    """A date is impossible or dates are in the wrong order."""

    code = 10002


class InvalidStamnummerError(ValidationError):
    """The stamnummer is not 7 digits starting with a school year."""

    code = 10003


class InvalidPostcodeError(ValidationError):
    """The postcode is not a 4- or 6-digit Belgian postcode (or digits only abroad)."""

    code = 10004


class InvalidAddressError(ValidationError):
    """The address breaks the country rules (00999: street stays empty)."""

    code = 10005


class ReferteConflictError(DomainError):
    """The sender already used this Referte for a different message."""

    code = 10006


class InvalidCodeValueError(ValidationError):
    """A coded value (sex, reason, situation) is not in its code list."""

    code = 10007


class TooManyItemsError(ValidationError):
    """A message holds more items (half days) than one message may carry (1,000)."""

    code = 10008


class DuplicateItemError(ValidationError):
    """The same student and half day appear twice in one message."""

    code = 10009


class AbsenceCodeNotAllowedError(ValidationError):
    """The absence code does not apply to the student's level or kind of education."""

    code = 10010


class AbsenceCodeNotInForceError(ValidationError):
    """The absence code was not in force on that date (N and X: 2020-2022 only)."""

    code = 10011


class InvalidContinuationError(ValidationError):
    """Vervolg is not one this service gave."""

    code = 10012


class InvalidSchoolYearError(ValidationError):
    """The DKO school year is not the running, the previous or the next school year."""

    code = 10600


class InvalidInszError(ValidationError):
    """The INSZ or bis number fails its check digits or birth-date rules (MAGDA 20002)."""

    code = 20002


class InszBirthDateMismatchError(ValidationError):
    """The birth date encoded in the INSZ differs from the given birth date."""

    code = 20010


class StamnummerTakenError(ValidationError):
    """At this academy the stamnummer belongs to another student (unique across years)."""

    code = 20600


class StamnummerChangedError(ValidationError):
    """The student already has another stamnummer at this academy, kept across years."""

    code = 20601


class NoDataError(DomainError):
    """MAGDA's no data (30001): reserved for partner consultations; type 1 never raises it."""

    code = 30001


class NoDataFoundError(NoDataError):
    """No data found for the partner's question (MAGDA 30101, origin Disci)."""

    code = 30101


class EnrollmentNotFoundError(NoDataError):
    """No enrollment with this institution, stamnummer and start date."""

    code = 30010


class AbsenceNotFoundError(NoDataError):
    """No absence of this student on this half day is registered at this institution."""

    code = 30030


class DkoRegistrationNotFoundError(NoDataError):
    """No DKO registration with this academy, stamnummer and school year."""

    code = 30600


class DkoRegistrationConflictError(DomainError):
    """The student is already registered at this academy for this school year."""

    code = 30601


class DkoRegistrationCancelledError(DomainError):
    """The DKO registration is already de-registered."""

    code = 30602


class EnrollmentConflictError(DomainError):
    """The student already has an overlapping enrollment at this institution."""

    code = 30020


class EnrollmentClosedError(DomainError):
    """The enrollment is already de-registered."""

    code = 30021


class AuthorisationError(DomainError):
    """The sender has no mandate for this school, message type and date (MAGDA 40006)."""

    code = 40006
    magda_code = 40006    # every refusal of this family, whatever its finer code


class NotEnrolledHereError(AuthorisationError):
    """A school only sends or sees data of students enrolled with it."""

    code = 40010


class SenderMismatchError(AuthorisationError):
    """Afzender/Identificatie in the Context is not the certificate's sender."""

    code = 40011


class DkoMandateError(AuthorisationError):
    """The sender has no DKO mandate for this academy (school mandates do not count)."""

    code = 40600


class NotAnAcademyError(AuthorisationError):
    """The institution is not a DKO academy (schools register on /inschrijving)."""

    code = 40601


class TooManyQuestionsError(DomainError):
    """More Vragen in one Verzoek than the MAGDA service allows (MAGDA 20110)."""

    code = 20110


class PartnerNotAuthorisedError(AuthorisationError):
    """The partner has no authorisation for this MAGDA service today (answered as 40006)."""

    code = 40020


class CapacityNotAllowedError(AuthorisationError):
    """The Hoedanigheid is not one the partner's authorisation allows (answered as 40006)."""

    code = 40021


class PersonNotRegisteredError(AuthorisationError):
    """The partner has not registered its interest in this INSZ (answered as 40006)."""

    code = 40022


class OutsideRegisteredPeriodError(AuthorisationError):
    """The question's period is not covered by the partner's registration (answered as 40006)."""

    code = 40023


class Notice(Exception):
    """A non-blocking remark (WAARSCHUWING or INFORMATIE) returned with a stored answer.

    Notices are values, not raised: use cases append them to their result.
    """

    code: int = 50000
    severity: Severity = Severity.WAARSCHUWING

    def __init__(self, diagnose: str):
        super().__init__(diagnose)
        self.diagnose = diagnose


class LateRegistrationNotice(Notice):
    """Registered more than 7 calendar days after the enrollment date; stored anyway."""

    code = 50001


class DoubleEnrollmentNotice(Notice):
    """The student is also enrolled at another school in an overlapping period."""

    code = 50002
    severity = Severity.INFORMATIE


class ReplayedAnswerNotice(Notice):
    """This Referte was already processed; the first answer is returned, nothing written."""

    code = 50003
    severity = Severity.INFORMATIE


class LateAbsenceNotice(Notice):
    """Absences sent more than 7 calendar days after the half day; stored anyway."""

    code = 50004


class AbsenceReplacedNotice(Notice):
    """A registered half day was sent again with another code; the new code replaces it."""

    code = 50005
    severity = Severity.INFORMATIE


class InszSuppliedNotice(Notice):
    """The student sent without a valid INSZ was matched: its number is supplied."""

    code = 50600
    severity = Severity.INFORMATIE


class InszPendingNotice(Notice):
    """No INSZ yet and no unique match; the number is supplied later, or a pseudo number."""

    code = 50601
    severity = Severity.INFORMATIE


class AmbiguousMatchNotice(Notice):
    """Several persons match the student's identification data; no number is guessed."""

    code = 50602


class WrongInszNotice(Notice):
    """The INSZ sent fails its checks; stored without it, reported and looked up (DKO)."""

    code = 50603


def all_codes() -> list[type]:
    """Every error and notice class, for the documented code table."""
    seen: dict[tuple[int, str], type] = {}
    stack: list[type] = [DomainError, Notice]
    while stack:
        cls = stack.pop()
        seen.setdefault((cls.code, cls.__name__), cls)
        stack.extend(cls.__subclasses__())
    return [seen[k] for k in sorted(seen)]
