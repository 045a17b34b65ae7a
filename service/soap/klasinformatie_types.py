"""Class information for LeerID (seed 003): the contract's types, documented.

The school's package sends each student's class (klas) and sub-class (subklas) as it
shows them; LeerID reads them while the school shares them. The rules are in
``domain/class_info.py``; the limits documented here are read from there.
"""
from __future__ import annotations

from spyne.model.complex import ComplexModel
from spyne.model.primitive import Boolean, Date, DateTime, Integer

from discimus_service.domain.class_info import (
    MAX_CLASS_LENGTH, MAX_ITEMS_PER_MESSAGE, PROTOCOL_VERSION,
)
from discimus_service.soap.documented import complex_type, field, list_type, simple_type
from discimus_service.soap.namespaces import KLASINFORMATIE as NS
from discimus_service.soap.shared_types import instellingsnummer_type, stamnummer_type

# -- simple types ----------------------------------------------------------------------------
InstellingsnummerType = instellingsnummer_type(NS)
StamnummerType = stamnummer_type(NS)
UniekeIdentificatorLeerlingType = simple_type(
    "UniekeIdentificatorLeerlingType", NS, "The student's id inside the sending "
    "software package (Unieke Identificator Leerling), 1 to 50 characters.",
    min_len=1, max_len=50)
KlasnaamType = simple_type(
    "KlasnaamType", NS, f"A class or sub-class as the package shows it (1A, 3LAT, "
    f"5WEWI-b), 1 to {MAX_CLASS_LENGTH} characters; blank is refused (10150).",
    max_len=MAX_CLASS_LENGTH)
INSZType = simple_type(
    "INSZType", NS, "National register or bis number (INSZ) of the student: 11 "
    "digits, no separators.", pattern=r"\d{11}")
AantalType = simple_type("AantalType", NS, "A number of students, 0 or more.",
                         model=Integer, ge=0)


# -- question types --------------------------------------------------------------------------
@complex_type
class KlasType(ComplexModel):
    """One student's class as the package now has it."""

    __namespace__ = NS
    _type_info = [
        ("UniekeIdentificatorLeerling", field(UniekeIdentificatorLeerlingType,
                                              "The student's id in the package.")),
        ("Stamnummer", field(StamnummerType, "The student's number at the school; the "
                             "student must be enrolled there today (40010), at most "
                             "once per message (10152).")),
        ("Klas", field(KlasnaamType, "The class.")),
        ("Subklas", field(KlasnaamType, "The sub-class (a language or option group); "
                          "absent when the student has none.", optional=True)),
    ]


KlassenType = list_type(
    "KlassenType", NS, f"The students' classes, 1 to {MAX_ITEMS_PER_MESSAGE} (more: "
    "10008). One transaction: when any item breaks a rule nothing is stored and every "
    "problem is answered, its Omstandigheid naming the item (Klassen/Klas[3]/Klas).",
    KlasType, "Klas", "One student's class.", at_least=1)


@complex_type
class RegistreerKlasinformatieVraagInhoudType(ComplexModel):
    """RegistreerKlasinformatie: the school's package (Broekx, Informat or Wisa; others
    40150) sends its students' classes, as they now stand, while the school shares class
    information with LeerID (40152 otherwise). A student's class replaces the one sent
    before."""

    __namespace__ = NS
    _type_info = [
        ("Instellingsnummer", field(InstellingsnummerType, "The school.")),
        ("Klassen", field(KlassenType, "The classes.")),
    ]


@complex_type
class InstellingVraagInhoudType(ComplexModel):
    """GeefKlasinformatie (LeerID only, 40150): the classes of a school's students;
    GeefKlasinformatieDeling (the school's packages, LeerID): whether the school shares
    class information, since when and under which protocol."""

    __namespace__ = NS
    _type_info = [
        ("Instellingsnummer", field(InstellingsnummerType, "The school.")),
    ]


# -- answer types ----------------------------------------------------------------------------
@complex_type
class KlasinformatieVerwerktType(ComplexModel):
    """What the message did, counted in students."""

    __namespace__ = NS
    _type_info = [
        ("Instellingsnummer", field(InstellingsnummerType, "The school.")),
        ("AantalNieuw", field(AantalType, "Students whose class was sent for the first "
                              "time.")),
        ("AantalGewijzigd", field(AantalType, "Students with another class or sub-class "
                                  "than before.")),
        ("AantalOngewijzigd", field(AantalType, "Students sent again unchanged.")),
    ]


@complex_type
class DelingType(ComplexModel):
    """The school's sharing of class information with LeerID."""

    __namespace__ = NS
    _type_info = [
        ("Actief", field(Boolean, "true while the school shares class information.")),
        ("Sinds", field(DateTime, "When the school's LeerID data manager switched it on "
                        "(or off); absent if never switched on.", optional=True)),
        ("Protocol", field(simple_type(
            "ProtocolType", NS, f"The protocol the data manager accepted, e.g. "
            f"{PROTOCOL_VERSION}.", max_len=60),
            "The protocol accepted; present while shared.", optional=True)),
        ("Databeheerder", field(simple_type(
            "DatabeheerderType", NS, "The name of the LeerID data manager (a person "
            "with a director's assignment for the school).", max_len=200),
            "Who switched it on (or off).", optional=True)),
    ]


@complex_type
class LeerlingKlasType(ComplexModel):
    """One enrolled student's class, as LeerID reads it."""

    __namespace__ = NS
    _type_info = [
        ("Stamnummer", field(StamnummerType, "The student's number at the school.")),
        ("INSZ", field(INSZType, "The student's INSZ; absent while the school has none.",
                       optional=True)),
        ("Klas", field(KlasnaamType, "The class.")),
        ("Subklas", field(KlasnaamType, "The sub-class, if any.", optional=True)),
        ("Sinds", field(Date, "Since when the student is in this class (the day the "
                        "emulator received it).")),
    ]


LeerlingKlassenType = list_type(
    "LeerlingKlassenType", NS, "The classes of the students enrolled at the school "
    "today, by stamnummer; empty when the package sent none.", LeerlingKlasType,
    "LeerlingKlas", "One student's class.")


@complex_type
class GeefKlasinformatieAntwoordInhoudType(ComplexModel):
    """The school's shared class information."""

    __namespace__ = NS
    _type_info = [
        ("Instellingsnummer", field(InstellingsnummerType, "The school.")),
        ("Deling", field(DelingType, "The sharing it is read under.")),
        ("Leerlingen", field(LeerlingKlassenType, "The students' classes.")),
    ]


@complex_type
class GeefKlasinformatieDelingAntwoordInhoudType(ComplexModel):
    """Whether the school shares class information with LeerID."""

    __namespace__ = NS
    _type_info = [
        ("Instellingsnummer", field(InstellingsnummerType, "The school.")),
        ("Deling", field(DelingType, "The sharing.")),
    ]
