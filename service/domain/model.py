"""Entities and values of message type 1: enrollments and de-registrations.

Plain dataclasses: SQLAlchemy maps onto them from outside (``persistence/orm.py``), and
the SOAP layer converts its own types to and from them, so a column change is never a
contract change and vice versa.
"""
from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass


class SenderKind(str, enum.Enum):
    VENDOR = "vendor"      # school-administration package (Informat, Wisa, Broekx, ...)
    AGENCY = "agency"      # partner agency consulting through MAGDA


class SecurityProfile(str, enum.Enum):
    """The WS-Security profile a sender's messages are verified with (docs/security.rst).

    ``strict`` is every sender's, always; a partner agency may opt into
    ``magda-connector``, the shape MAGDA's own Java connector signs (RSA-SHA1, the Body
    only, no Timestamp), and may then send either.
    """

    STRICT = "strict"
    MAGDA_CONNECTOR = "magda-connector"


class MessageType(str, enum.Enum):
    """Discimus message types (DOMAIN.md table); the value is the mandate key."""

    INSCHRIJVING = "inschrijving"          # 1 enrollments and de-registrations
    AFWEZIGHEDEN = "afwezigheden"          # 2 absences
    LEERLINGENKENMERKEN = "leerlingenkenmerken"
    STUDIEBEWIJZEN = "studiebewijzen"
    TUCHT = "tucht"
    ONDERSTEUNING = "ondersteuning"
    INTERNATEN = "internaten"
    WEIGERINGEN = "weigeringen"
    KLASINFORMATIE = "klasinformatie"      # class information for LeerID (seed 003)
    DKO = "dko"                            # part-time arts education: its own channel (002)


class Niveau(int, enum.Enum):
    """Education level, MAGDA code values."""

    KLEUTER = 1
    LAGER = 2
    SECUNDAIR = 3


class Sex(str, enum.Enum):
    M = "M"
    V = "V"
    X = "X"


# Reasons of de-registration (Uitschrijving/Aanleiding): one capital letter in MAGDA.
class Aanleiding(str, enum.Enum):
    SCHOOLVERANDERING = "S"        # change of school
    EINDE_SCHOOLJAAR = "E"         # end of the school year / programme completed
    VERHUIS = "V"                  # moved abroad or out of reach
    DEFINITIEVE_UITSLUITING = "D"  # definitive exclusion
    ONTBINDING = "O"               # dissolution: adaptations unreasonable (000 §2.1)
    HUISONDERWIJS = "H"            # home education
    OVERLIJDEN = "X"               # death
    ANDERE = "A"                   # other


@dataclass(frozen=True)
class Address:
    street: str | None
    house_number: str | None
    box: str | None
    postcode: str | None
    municipality: str | None
    country: str                   # NIS country code; "00150" Belgium, "00999" other/unknown


@dataclass(frozen=True)
class Identification:
    """Identification data of a student as sent by the school."""

    insz: str | None               # None: pending a number (AGODI supplies it later)
    stamnummer: str
    first_name: str
    last_name: str
    birth_date: dt.date
    sex: Sex
    nationality: str               # NIS country code
    address: Address


@dataclass(frozen=True)
class Deregistration:
    end_date: dt.date
    reason: Aanleiding
    situation_after: str           # SituatieNa: one or two digits


@dataclass
class Enrollment:
    """One enrollment of a student in one administrative group of one institution.

    A change of group is close-and-open: the old enrollment gets a de-registration,
    a new one starts. ``end_date`` is None while the enrollment runs.
    """

    institution_number: str
    administrative_group: str
    establishment: str | None      # vestigingsplaats
    start_date: dt.date
    first_attendance_date: dt.date | None
    registration_date: dt.date     # DatumInschrijving: the moment of enrollment
    identification: Identification
    sender_id: str                 # the package that sent it
    deregistration: Deregistration | None = None
    id: int | None = None

    @property
    def insz(self) -> str | None:
        return self.identification.insz

    @property
    def stamnummer(self) -> str:
        return self.identification.stamnummer

    @property
    def end_date(self) -> dt.date | None:
        return self.deregistration.end_date if self.deregistration else None


class InstitutionKind(str, enum.Enum):
    """What kind of institution a number belongs to (stored with the school).

    Boarding schools send message type 7 (000 §8); a boarder's school number is sent
    only for European schools and recognised non-funded schools, which send no
    enrollments of their own.
    """

    SCHOOL = "school"                  # a funded school: sends message type 1
    BOARDING = "internaat"             # an onderwijsinternaat: sends message type 7
    EUROPEAN = "europese_school"       # a European school
    NON_FUNDED = "niet_gefinancierd"   # recognised, not subsidisable / fundable


@dataclass(frozen=True)
class School:
    institution_number: str
    name: str
    niveau: Niveau
    municipality: str = ""
    special_needs: bool = False    # buitengewoon onderwijs (MAGDA SoortOnderwijs 2)
    kind: InstitutionKind = InstitutionKind.SCHOOL


@dataclass(frozen=True)
class Sender:
    """A registered sender: a vendor package or a partner agency.

    ``sender_id`` is the certificate subject's CN; it is also what Afzender/Identificatie
    must say.
    """

    sender_id: str
    kind: SenderKind
    name: str
    security_profile: SecurityProfile = SecurityProfile.STRICT

    def accepts(self, profile: SecurityProfile) -> bool:
        """Whether a message verified with ``profile`` may come from this sender."""
        return profile is SecurityProfile.STRICT or profile is self.security_profile


@dataclass(frozen=True)
class Mandate:
    """A school's mandate for one package to send one message type, over a period.

    A change of vendor is two mandates: the old one with an end date, the new one with a
    start date.
    """

    sender_id: str
    institution_number: str
    message_type: MessageType
    valid_from: dt.date
    valid_to: dt.date | None = None

    def covers(self, day: dt.date) -> bool:
        return self.valid_from <= day and (self.valid_to is None or day <= self.valid_to)


@dataclass(frozen=True)
class JournalEntry:
    """One received message, journaled with its effect in the same transaction."""

    sender_id: str
    referte: str
    operation: str
    received_at: dt.datetime
    raw_message: bytes
    question_digest: str           # SHA-256 of the question, to tell a resend from a reuse
    verdict: str                   # "AANVAARD" (accepted) or "GEWEIGERD" (refused)
    codes: str                     # comma-separated Uitzondering codes
    answer_json: str               # the answer as given, replayed on an identical resend
    replay_key: str                # SHA-256 of canonical SignedInfo + signer fingerprint
    id: int | None = None
    # The profile the message was verified with (SecurityProfile value).
    security_profile: str = "strict"
