"""Message type 3, student characteristics: the contract's types, documented.

Field names follow AGODI's vocabulary: Unieke Identificator Leerling, Stamnummer,
Instellingsnummer, and the declaration on honour's thuistaal and opleidingsniveau
moeder (000 §4). The code lists come from the domain's tables
(``domain/characteristics.py``), so each value is documented with the indicator it
leads to, and a code added to the domain without a meaning fails at import.
"""
from __future__ import annotations

from spyne.model.complex import ComplexModel
from spyne.model.primitive import Boolean, Date, Integer

from discimus_service.domain.characteristics import (
    HOME_LANGUAGE_MEANINGS, INDICATOR_MEANINGS, MAX_ITEMS_PER_MESSAGE,
    MAX_STUDENTS_PER_QUESTION, MOTHER_EDUCATION_MEANINGS, HomeLanguage, Indicator,
    MotherEducation,
)
from discimus_service.soap.documented import (
    code_list, complex_type, field, list_type, simple_type,
)
from discimus_service.soap.namespaces import LEERLINGENKENMERKEN as NS
from discimus_service.soap.shared_types import (
    instellingsnummer_type, stamnummer_type, vervolg_type,
)

# -- simple types ----------------------------------------------------------------------------
InstellingsnummerType = instellingsnummer_type(NS)
StamnummerType = stamnummer_type(NS)
VervolgType = vervolg_type(NS)
UniekeIdentificatorLeerlingType = simple_type(
    "UniekeIdentificatorLeerlingType", NS, "The student's id inside the sending "
    "software package (Unieke Identificator Leerling), 1 to 50 characters; a school "
    "using two packages has two.", min_len=1, max_len=50)
AantalType = simple_type("AantalType", NS, "A number of declarations, 0 or more.",
                         model=Integer, ge=0)

ThuistaalType = code_list(
    "ThuistaalType", NS, "Home language (thuistaal) as the parents declared it: the "
    "language the student speaks at home, in the family. The indicator thuistaal is met "
    "when it is not Dutch.",
    {c.value: m for c, m in HOME_LANGUAGE_MEANINGS.items()}, codes=HomeLanguage)
OpleidingsniveauMoederType = code_list(
    "OpleidingsniveauMoederType", NS, "The mother's education level (opleidingsniveau "
    "moeder) as the parents declared it: her highest certificate or diploma. The "
    "indicator opleidingsniveau moeder is met when she has no diploma of secondary "
    "education (1, 2 or 3).",
    {c.value: m for c, m in MOTHER_EDUCATION_MEANINGS.items()}, codes=MotherEducation)
IndicatorType = code_list(
    "IndicatorType", NS, "Whether a student meets an indicator, after the declaration "
    "in force (the most recent one AGODI holds).",
    {c.value: m for c, m in INDICATOR_MEANINGS.items()}, codes=Indicator)


# -- question types --------------------------------------------------------------------------
@complex_type
class LeerlingenkenmerkType(ComplexModel):
    """One declaration on honour of one student."""

    __namespace__ = NS
    _type_info = [
        ("UniekeIdentificatorLeerling", field(UniekeIdentificatorLeerlingType,
                                              "The student's id in the package.")),
        ("Stamnummer", field(StamnummerType, "The student's number at the school; the "
                             "student must be enrolled there, now or for a later start "
                             "(40010).")),
        ("DatumVerklaring", field(Date, "The date the parents signed the declaration: "
                                  "not in the future (10002), not before the student's "
                                  "birth (10200). With the stamnummer it names the "
                                  "declaration: sent again, it corrects it (50200).")),
        ("Thuistaal", field(ThuistaalType, "The home language.")),
        ("OpleidingsniveauMoeder", field(OpleidingsniveauMoederType,
                                         "The mother's education level.")),
    ]


@complex_type
class VerklaringType(ComplexModel):
    """One registered declaration of one student, to cancel."""

    __namespace__ = NS
    _type_info = [
        ("UniekeIdentificatorLeerling", field(UniekeIdentificatorLeerlingType,
                                              "The student's id in the package.")),
        ("Stamnummer", field(StamnummerType, "The student's number at the school.")),
        ("DatumVerklaring", field(Date, "The date of the declaration; it must be "
                                  "registered by this school (30200).")),
    ]


LeerlingenkenmerkenType = list_type(
    "LeerlingenkenmerkenType", NS, f"The declarations of the message, 1 to "
    f"{MAX_ITEMS_PER_MESSAGE} (more: 10008). Each student's declaration of a date at "
    "most once (10201). The message is one transaction: when any item breaks a rule "
    "nothing is stored and every problem is answered, its Omstandigheid naming the item "
    "(Leerlingenkenmerken/Leerlingenkenmerk[3]/DatumVerklaring).",
    LeerlingenkenmerkType, "Leerlingenkenmerk", "One declaration.", at_least=1)
VerklaringenType = list_type(
    "VerklaringenType", NS, f"The declarations to cancel, 1 to {MAX_ITEMS_PER_MESSAGE}; "
    "all or nothing, like a registration.", VerklaringType, "Verklaring",
    "One declaration.", at_least=1)
@complex_type
class LeerlingType(ComplexModel):
    """One student asked about."""

    __namespace__ = NS
    _type_info = [
        ("Stamnummer", field(StamnummerType, "The student's number at the asking "
                             "school.")),
    ]


LeerlingenType = list_type(
    "LeerlingenType", NS, f"The students asked about, 1 to {MAX_STUDENTS_PER_QUESTION} "
    "(more: 10202); a student named twice is answered once. Each must be enrolled at "
    "the asking school, now or for a later start; otherwise the question is refused "
    "(40010, its Omstandigheid naming the student: Leerlingen/Leerling[2]) and nothing "
    "is answered.", LeerlingType, "Leerling", "One student.", at_least=1)


@complex_type
class RegistreerLeerlingenkenmerkenVraagInhoudType(ComplexModel):
    """RegistreerLeerlingenkenmerken: declarations on honour a school collected, once
    per student's school career. A declaration registered before (same student and
    date) takes the new values (50200)."""

    __namespace__ = NS
    _type_info = [
        ("Instellingsnummer", field(InstellingsnummerType, "The school.")),
        ("Leerlingenkenmerken", field(LeerlingenkenmerkenType, "The declarations.")),
    ]


@complex_type
class AnnuleerLeerlingenkenmerkenVraagInhoudType(ComplexModel):
    """AnnuleerLeerlingenkenmerken: declarations registered by mistake."""

    __namespace__ = NS
    _type_info = [
        ("Instellingsnummer", field(InstellingsnummerType, "The school.")),
        ("Verklaringen", field(VerklaringenType, "The declarations to cancel.")),
    ]


@complex_type
class LeerlingenVraagInhoudType(ComplexModel):
    """GeefLeerlingenkenmerken or GeefIndicatoren: about students of the asking
    school."""

    __namespace__ = NS
    _type_info = [
        ("Instellingsnummer", field(InstellingsnummerType, "The asking school.")),
        ("Leerlingen", field(LeerlingenType, "The students.")),
    ]


@complex_type
class GeefGeregistreerdeLeerlingenkenmerkenVraagInhoudType(ComplexModel):
    """GeefGeregistreerdeLeerlingenkenmerken: the school's own registrations, of one
    student or all, one page at a time."""

    __namespace__ = NS
    _type_info = [
        ("Instellingsnummer", field(InstellingsnummerType, "The asking school.")),
        ("Stamnummer", field(StamnummerType, "Only this student; absent: all.",
                             optional=True)),
        ("Vervolg", field(VervolgType, "The Vervolg of the previous answer, to get the "
                          "next page; absent for the first page.", optional=True)),
    ]


# -- answer types ----------------------------------------------------------------------------
@complex_type
class LeerlingenkenmerkenVerwerktType(ComplexModel):
    """What the message did, counted in declarations."""

    __namespace__ = NS
    _type_info = [
        ("Instellingsnummer", field(InstellingsnummerType, "The school.")),
        ("AantalNieuw", field(AantalType, "Declarations registered for the first "
                              "time.")),
        ("AantalGewijzigd", field(AantalType, "Declarations registered before, now "
                                  "with the new values or student id.")),
        ("AantalOngewijzigd", field(AantalType, "Declarations sent again unchanged.")),
        ("AantalGeannuleerd", field(AantalType, "Declarations cancelled.")),
    ]


@complex_type
class GeregistreerdLeerlingenkenmerkType(ComplexModel):
    """A declaration as Discimus holds it."""

    __namespace__ = NS
    _type_info = [
        ("Instellingsnummer", field(InstellingsnummerType, "The school that "
                                    "registered it.")),
        ("UniekeIdentificatorLeerling", field(UniekeIdentificatorLeerlingType,
                                              "The student's id in the package that "
                                              "sent it last.")),
        ("Stamnummer", field(StamnummerType, "The student's number at that school.")),
        ("DatumVerklaring", field(Date, "The date of the declaration.")),
        ("Thuistaal", field(ThuistaalType, "The home language.")),
        ("OpleidingsniveauMoeder", field(OpleidingsniveauMoederType,
                                         "The mother's education level.")),
    ]


GeregistreerdeLeerlingenkenmerkenType = list_type(
    "GeregistreerdeLeerlingenkenmerkenType", NS, "Declarations in the order they were "
    "registered; empty when there are none.", GeregistreerdLeerlingenkenmerkType,
    "Leerlingenkenmerk", "One declaration.")


@complex_type
class LeerlingKenmerkenType(ComplexModel):
    """What AGODI holds for one student."""

    __namespace__ = NS
    _type_info = [
        ("Stamnummer", field(StamnummerType, "The student's number at the asking "
                             "school.")),
        ("KenmerkenBeschikbaar", field(Boolean, "Whether AGODI holds a declaration for "
                                      "the student, from any school; false: ask the "
                                      "parents for one.")),
        ("Kenmerken", field(GeregistreerdLeerlingenkenmerkType, "The declaration in "
                            "force: the most recent one (by date of declaration, then "
                            "by registration), whichever school registered it; "
                            "present when KenmerkenBeschikbaar is true.",
                            optional=True)),
    ]


LeerlingenKenmerkenType = list_type(
    "LeerlingenKenmerkenType", NS, "One entry per student asked, in the question's "
    "order.", LeerlingKenmerkenType, "Leerling", "One student.")


@complex_type
class GeefLeerlingenkenmerkenAntwoordInhoudType(ComplexModel):
    """Whether AGODI holds characteristics for the students, and the ones in force."""

    __namespace__ = NS
    _type_info = [
        ("Instellingsnummer", field(InstellingsnummerType, "The asking school.")),
        ("Leerlingen", field(LeerlingenKenmerkenType, "The students.")),
    ]


@complex_type
class LeerlingIndicatorenType(ComplexModel):
    """Whether one student meets the indicators thuistaal and opleidingsniveau
    moeder."""

    __namespace__ = NS
    _type_info = [
        ("Stamnummer", field(StamnummerType, "The student's number at the asking "
                             "school.")),
        ("IndicatorThuistaal", field(IndicatorType, "Thuistaal: the home language is "
                                     "not Dutch.")),
        ("IndicatorOpleidingsniveauMoeder", field(IndicatorType, "Opleidingsniveau "
                                                  "moeder: the mother has no diploma "
                                                  "of secondary education.")),
        ("DatumVerklaring", field(Date, "The date of the declaration the indicators "
                                  "follow from; absent when AGODI holds none.",
                                  optional=True)),
    ]


LeerlingenIndicatorenType = list_type(
    "LeerlingenIndicatorenType", NS, "One entry per student asked, in the question's "
    "order.", LeerlingIndicatorenType, "Leerling", "One student.")


@complex_type
class GeefIndicatorenAntwoordInhoudType(ComplexModel):
    """The indicators of the students asked about."""

    __namespace__ = NS
    _type_info = [
        ("Instellingsnummer", field(InstellingsnummerType, "The asking school.")),
        ("Leerlingen", field(LeerlingenIndicatorenType, "The students.")),
    ]


@complex_type
class GeefGeregistreerdeLeerlingenkenmerkenAntwoordInhoudType(ComplexModel):
    """The school's own declarations, one page at a time (at most 500)."""

    __namespace__ = NS
    _type_info = [
        ("Instellingsnummer", field(InstellingsnummerType, "The asking school.")),
        ("Leerlingenkenmerken", field(GeregistreerdeLeerlingenkenmerkenType,
                                      "This page.")),
        ("Vervolg", field(VervolgType, "Present only when more declarations follow: "
                          "send it back as the question's Vervolg to get the next "
                          "page.", optional=True)),
    ]
