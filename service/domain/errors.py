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


class SickNoteNotIllnessError(ValidationError):
    """ZonderMedischAttest (a parents' sick note) marks only an illness half day, code Z."""

    code = 10700


class SchoolYearNotAskableError(ValidationError):
    """The school year asked for is not one this consultation answers for."""

    code = 10701


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


# -- message types 5, 6 and 8: dated records (domain/records.py) ---------------------------
class MeasureEndDateRequiredError(ValidationError):
    """A preventive suspension or temporary exclusion needs an end date."""

    code = 10400


class MeasureEndDateNotAllowedError(ValidationError):
    """A definitive exclusion has no end date."""

    code = 10401


class MeasureNotExchangedError(ValidationError):
    """This disciplinary measure is not exchanged at this school's level on that date."""

    code = 10402


class SupportBeforeModelError(ValidationError):
    """Support model types 2, 4, 6, 7 are registered from school year 2019-2020 on."""

    code = 10403


class SupportReplacedByLeersteunError(ValidationError):
    """From school year 2023-2024 on the Leersteun decree replaces this registration."""

    code = 10404


class SupportingSchoolError(ValidationError):
    """The supporting school is not a known special-needs school."""

    code = 10405


class SupportByOrdinarySchoolError(ValidationError):
    """Only a school for ordinary education registers its supported students."""

    code = 10406


class RefusalBeforeExchangeError(ValidationError):
    """Refusals and dissolved enrollments are exchanged from school year 2020-2021 on."""

    code = 10407


class InszMismatchError(ValidationError):
    """The INSZ differs from the one the student's enrollment at the school carries."""

    code = 20400


class RecordNotFoundError(NoDataError):
    """No such measure, support or refusal is registered by this school."""

    code = 30400


class RecordConflictError(DomainError):
    """A different record with the same key is registered: correct it instead."""

    code = 30401


class RefusedStudentEnrolledError(DomainError):
    """A refused student is enrolled at the school on the date of the refusal."""

    code = 30402


class DissolutionNotDeregisteredError(DomainError):
    """A dissolution needs the enrollment de-registered with reason O on that date."""

    code = 30403


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


# -- LeerID class information (seed 003, domain/class_info.py) ------------------------------
class InvalidClassError(ValidationError):
    """A class or sub-class name is empty or longer than 20 characters."""

    code = 10150


class ProtocolNotAcceptedError(ValidationError):
    """Class sharing is switched on only when the data manager accepts the LeerID protocol."""

    code = 10151


class DuplicateStudentError(ValidationError):
    """The same student appears twice in one class-information message."""

    code = 10152


class PackageCannotShareClassesError(AuthorisationError):
    """Only Broekx, Informat and Wisa send class information, and only LeerID reads it."""

    code = 40150


class NotDataManagerError(AuthorisationError):
    """The person has no director's assignment for the school today (LeerID data manager)."""

    code = 40151


class ClassSharingOffError(AuthorisationError):
    """The school's LeerID data manager has not switched class sharing on (or stopped it)."""

    code = 40152


class NoSchoolCalendarError(NoDataError):
    """No school calendar is known for a school year the attendance question covers."""

    code = 30901


class SourceUnavailableError(DomainError):
    """A tester's fault rule: the source did not answer (answered as MAGDA 60006)."""

    code = 30902
    magda_code = 60006
    magda_level = True    # MAGDA itself says so, under Repliek, Oorsprong MAGDA


class SourceBusyError(DomainError):
    """A tester's fault rule: too many concurrent questions (answered as MAGDA 99996)."""

    code = 30903
    magda_code = 99996
    magda_level = True
# -- message type 7, boarding-school enrollments (internaten): codes x05xx ----------------
class BoardingNotParticipatingError(ValidationError):
    """Boarding schools exchange enrollments through Discimus from school year 2019-2020 on."""

    code = 10501


class BoardingPeriodSpansYearsError(ValidationError):
    """A boarding enrollment's period lies within one school year (1 September - 31 August)."""

    code = 10502


class SupportFieldsTooEarlyError(ValidationError):
    """Agreement framework and support plan are registered only from school year 2024-2025."""

    code = 10503


class SupportFieldsMissingError(ValidationError):
    """From school year 2024-2025 the agreement framework and support plan are required."""

    code = 10504


class SchoolNumberNotAllowedError(ValidationError):
    """A school number is sent only for a European or a recognised non-funded school."""

    code = 10505


class UnknownSchoolNumberError(NoDataError):
    """No institution with this school number is known to Discimus."""

    code = 30501


class BoardingEnrollmentConflictError(DomainError):
    """The boarder already has a boarding enrollment here over some of the same days."""

    code = 30502


class BoardingEnrollmentNotFoundError(NoDataError):
    """No boarding enrollment with this boarding school, stamnummer and start date."""

    code = 30503


class BoardingEnrollmentEndedError(DomainError):
    """The boarding enrollment already has an end date; correct it instead."""

    code = 30504


class NotABoardingSchoolError(AuthorisationError):
    """Message type 7 is sent and consulted only by boarding schools (internaten)."""

    code = 40501


class NotBasicEducationError(AuthorisationError):
    """Nursery attendance is consulted only by a nursery or primary school."""

    code = 40700


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


class BoarderSchoolUnknownNotice(Notice):
    """Discimus finds no school enrollment of the boarder in the period; stored anyway."""

    code = 50501


class AbsenceReplacedNotice(Notice):
    """A registered half day was sent again with another code; the new code replaces it."""

    code = 50005
    severity = Severity.INFORMATIE


class LateMeasureNotice(Notice):
    """A disciplinary measure sent more than 7 calendar days after its start; stored anyway."""

    code = 50400


# -- message type 4: certificates (studiebewijzen) --------------------------------------
class CertificateNotExchangedError(ValidationError):
    """Not sent to Discimus: safety-course sanctions, modular partial certificates, attests."""

    code = 10300


class CertificateKindNotInForceError(ValidationError):
    """This kind of certificate was not yet exchanged through Discimus when it was obtained."""

    code = 10301


class CertificateLevelError(ValidationError):
    """The kind of certificate belongs to another level of education than the school's."""

    code = 10302


class CertificateGradeError(ValidationError):
    """The grade, year or education form does not fit the kind of certificate."""

    code = 10303


class CertificateRestrictionError(ValidationError):
    """Excluded education forms go with an orientation attest B, and only with one."""

    code = 10304


class DuplicateCertificateError(ValidationError):
    """The same certificate of the same student appears twice in one message."""

    code = 10305


class CheckNotOfferedError(ValidationError):
    """Discimus checks only years 1-2 of grades 1-3, not modular, dual or OKAN education."""

    code = 10306


class CertificateNotFoundError(NoDataError):
    """No certificate of this kind, student and school year is registered at this school."""

    code = 30300


class LateCertificateNotice(Notice):
    """Certificate sent more than 7 calendar days after it was obtained; stored anyway."""

    code = 50300


class CertificateCorrectedNotice(Notice):
    """A registered certificate was sent again with other data; the new data replace it."""

    code = 50301
    severity = Severity.INFORMATIE


# -- message type 3: student characteristics (codes 10200-50299) ---------------------------
class DeclarationBeforeBirthError(InvalidDateError):
    """The declaration on honour is dated before the student was born."""

    code = 10200


class DuplicateDeclarationError(ValidationError):
    """The same student's declaration of one date appears twice in one message."""

    code = 10201


class TooManyStudentsError(ValidationError):
    """A consultation names more students than one question may (500)."""

    code = 10202


class DeclarationNotFoundError(NoDataError):
    """No declaration of this student on this date is registered at this institution."""

    code = 30200


class DeclarationReplacedNotice(Notice):
    """A registered declaration was sent again with other values; the new ones replace it."""

    code = 50200
    severity = Severity.INFORMATIE


class EarlierDeclarationKnownNotice(Notice):
    """AGODI already held a declaration for the student; once per school career suffices."""

    code = 50201
    severity = Severity.INFORMATIE


class NotMostRecentDeclarationNotice(Notice):
    """Stored, but a more recent declaration of the student stays in force."""

    code = 50202


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


# -- Home education (Onderwijsinspectie, VTC 38/2016 and 35/2016): 10180-10189, 50180- --
class ResultDateInFutureError(ValidationError):
    """An inspection or exam-board result is dated after today: it cannot have happened yet."""

    code = 10180


class InszSexMismatchError(ValidationError):
    """The sex encoded in the INSZ (odd or even sequence number) differs from the given sex."""

    code = 10181


class ResultReplacedNotice(Notice):
    """A result of this person on this date was already registered; the new one replaces it."""

    code = 50180
    severity = Severity.INFORMATIE
