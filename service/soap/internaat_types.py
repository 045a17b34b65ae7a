"""Message type 7, boarding-school enrollments: the contract's types, documented.

The boarder is message type 1's ``LeerlingType``, declared in this namespace from the
same definition (``soap/identification_types.py``): the same identification, checked by
the same rules (INSZ, stamnummer, names,
address with 00999 and 6-digit sub-municipality postcodes, nationality). The stay
follows MAGDA's InternaatType (Schooljaar + Periode) and the fields of 000 §8.
"""
from __future__ import annotations

from spyne.model.complex import ComplexModel
from spyne.model.primitive import Boolean, Date, Integer

from discimus_service.domain.boarding import PARTICIPATION_FROM, SUPPORT_FROM
from discimus_service.soap.documented import (
    code_list, complex_type, field, list_type, simple_type,
)
from discimus_service.soap.generiek import NaamType
from discimus_service.soap.identification_types import identification_types
from discimus_service.soap.namespaces import INTERNAAT as NS
from discimus_service.soap.shared_types import instellingsnummer_type, stamnummer_type

_FROM = f"{PARTICIPATION_FROM}-{PARTICIPATION_FROM + 1}"
_SUPPORT = f"{SUPPORT_FROM}-{SUPPORT_FROM + 1}"

# -- simple types ----------------------------------------------------------------------------
InstellingsnummerType = instellingsnummer_type(NS)
StamnummerType = stamnummer_type(NS)
# The boarder: message type 1's identification, declared in this contract's namespace.
_ID = identification_types(NS)
INSZType, PersoonsnaamType, LeerlingType = _ID.INSZType, _ID.PersoonsnaamType, _ID.LeerlingType
AdministratieveGroepType = simple_type(
    "AdministratieveGroepType", NS, "The administrative group (class group) of a school "
    "enrollment, as the school sent it, 1 to 20 characters.", min_len=1, max_len=20)
VestigingsplaatsType = simple_type(
    "VestigingsplaatsType", NS, "The establishment (vestigingsplaats) of the boarding "
    "school where the boarder stays, at most 20 characters (as in message type 1); not "
    "blank (10001).", max_len=20)
SchooljaarType = simple_type(
    "SchooljaarType", NS, f"A school year by the year it starts in (2026: 2026-2027), as "
    f"MAGDA's Schooljaar; boarding schools take part from {_FROM} (10002 before).",
    model=Integer, ge=2000, le=2999)
DiscimusReferteType = simple_type(
    "DiscimusReferteType", NS, "Discimus's own number of a boarding enrollment.",
    model=Integer, ge=0)
SoortOnderwijsType = code_list(
    "SoortOnderwijsType", NS, "Kind of education of the school enrollment (MAGDA's "
    "SoortOnderwijs).", {
        "1": "Ordinary education (gewoon onderwijs).",
        "2": "Special-needs education (buitengewoon onderwijs).",
    })


# -- question types --------------------------------------------------------------------------
@complex_type
class InternaatInschrijvingType(ComplexModel):
    """A boarder's stay at a boarding school, within one school year (000 §8)."""

    __namespace__ = NS
    _type_info = [
        ("Instellingsnummer", field(InstellingsnummerType, "The boarding school; it "
                                    "must be one (40501).")),
        ("Vestigingsplaats", field(VestigingsplaatsType, "The establishment where the "
                                   "boarder stays (10001 when blank).")),
        ("BeginDatum", field(Date, f"First day of the stay; from {_FROM} on (10501). "
                             "With the stamnummer it identifies the stay.")),
        ("EindDatum", field(Date, "Last day of the stay, in the school year of "
                            "BeginDatum (10502); absent: to the end of that school year "
                            "or until ended (BeeindigInternaatInschrijving).",
                            optional=True)),
        ("AmbulantBeroepOuders", field(Boolean, "true when both parents, or the only "
                                       "parent, practise an itinerant profession: inland "
                                       "boatman, fairground or circus operator or artist. "
                                       "Only for a boarder for whom an intervention in the "
                                       "personal contribution was requested (form of "
                                       "annex 13 of the boarding-school circular).")),
        ("Schoolnummer", field(InstellingsnummerType, "The school the boarder attends, "
                               "only for a European school or a recognised non-funded "
                               "school (10505 for another school, 30501 when unknown); "
                               "for any other school Discimus knows it from the school's "
                               "enrollment.", optional=True)),
        ("Afsprakenkader", field(Boolean, "Whether there is an agreement framework "
                                 f"(afsprakenkader): required from {_SUPPORT} on (10504), "
                                 "refused before (10503).", optional=True)),
        ("Ondersteuningsplan", field(Boolean, "Whether there is a support plan "
                                     f"(ondersteuningsplan): required from {_SUPPORT} on "
                                     "(10504), refused before (10503).", optional=True)),
    ]


@complex_type
class InternaatInschrijvingVraagInhoudType(ComplexModel):
    """RegistreerInternaatInschrijving and CorrigeerInternaatInschrijving: the boarder
    and the stay."""

    __namespace__ = NS
    _type_info = [
        ("Leerling", field(LeerlingType, "The boarder, identified as in message type 1 "
                           "and checked by the same rules; Stamnummer is the boarding "
                           "school's own number of the boarder.")),
        ("Inschrijving", field(InternaatInschrijvingType, "The stay.")),
    ]


@complex_type
class BeeindigInternaatInschrijvingVraagInhoudType(ComplexModel):
    """BeeindigInternaatInschrijving: which stay ends, and on which day."""

    __namespace__ = NS
    _type_info = [
        ("Instellingsnummer", field(InstellingsnummerType, "The boarding school.")),
        ("Stamnummer", field(StamnummerType, "The boarder.")),
        ("BeginDatum", field(Date, "BeginDatum of the stay that ends.")),
        ("EindDatum", field(Date, "Last day of the stay: not before BeginDatum (10002), "
                            "in the same school year (10502).")),
    ]


@complex_type
class InternaatVraagInhoudType(ComplexModel):
    """GeefInternaatInschrijvingen and GeefSchoolInschrijvingenInternen: the boarding
    school's stays of one school year, of all boarders or one."""

    __namespace__ = NS
    _type_info = [
        ("Instellingsnummer", field(InstellingsnummerType, "The asking boarding school.")),
        ("Schooljaar", field(SchooljaarType, "The school year the stays start in; "
                             "absent: the current one.", optional=True)),
        ("Stamnummer", field(StamnummerType, "Only this boarder; absent: all.",
                             optional=True)),
    ]


# -- answer types ----------------------------------------------------------------------------
@complex_type
class PeriodeType(ComplexModel):
    """A period of days; without EindDatum it is open-ended."""

    __namespace__ = NS
    _type_info = [
        ("BeginDatum", field(Date, "First day.")),
        ("EindDatum", field(Date, "Last day; absent: open-ended.", optional=True)),
    ]


@complex_type
class InternaatInschrijvingResultaatType(ComplexModel):
    """A stay as Discimus holds it."""

    __namespace__ = NS
    _type_info = [
        ("DiscimusReferte", field(DiscimusReferteType, "Discimus's own number of the "
                                  "stay.")),
        ("Instellingsnummer", field(InstellingsnummerType, "The boarding school.")),
        ("Stamnummer", field(StamnummerType, "The boarder's number there.")),
        ("INSZ", field(INSZType, "The boarder's INSZ, when known.", optional=True)),
        ("Naam", field(PersoonsnaamType, "Family name.")),
        ("Voornaam", field(PersoonsnaamType, "First name.")),
        ("Vestigingsplaats", field(VestigingsplaatsType, "The establishment.")),
        ("Schooljaar", field(SchooljaarType, "The school year of the stay.")),
        ("Periode", field(PeriodeType, "The stay; without EindDatum it runs to the end "
                          "of the school year.")),
        ("AmbulantBeroepOuders", field(Boolean, "Both parents (or the only parent) "
                                       "practise an itinerant profession.")),
        ("Schoolnummer", field(InstellingsnummerType, "The European or non-funded school "
                               "the boarding school gave.", optional=True)),
        ("Afsprakenkader", field(Boolean, f"Agreement framework; from {_SUPPORT} on.",
                                 optional=True)),
        ("Ondersteuningsplan", field(Boolean, f"Support plan; from {_SUPPORT} on.",
                                     optional=True)),
    ]


@complex_type
class InternaatInschrijvingAntwoordInhoudType(ComplexModel):
    """The stay as stored after the question."""

    __namespace__ = NS
    _type_info = [("Inschrijving", field(InternaatInschrijvingResultaatType,
                                         "The stay."))]


InternaatInschrijvingenType = list_type(
    "InternaatInschrijvingenType", NS, "Stays, by start date and stamnummer; empty when "
    "there are none.", InternaatInschrijvingResultaatType, "Inschrijving", "One stay.")


@complex_type
class GeefInternaatInschrijvingenAntwoordInhoudType(ComplexModel):
    """The boarding school's own stays of a school year."""

    __namespace__ = NS
    _type_info = [
        ("Instellingsnummer", field(InstellingsnummerType, "The asking boarding school.")),
        ("Schooljaar", field(SchooljaarType, "The school year.")),
        ("Inschrijvingen", field(InternaatInschrijvingenType, "The stays.")),
    ]


@complex_type
class SchoolInschrijvingType(ComplexModel):
    """Where the boarder goes to school: an enrollment a school sent (message type 1)."""

    __namespace__ = NS
    _type_info = [
        ("Instellingsnummer", field(InstellingsnummerType, "The school.")),
        ("InstellingNaam", field(NaamType, "Name of the school, when known.",
                                 optional=True)),
        ("AdministratieveGroep", field(AdministratieveGroepType, "The administrative "
                                       "group.")),
        ("Periode", field(PeriodeType, "The enrollment period; without EindDatum the "
                          "student is not de-registered.")),
        ("SoortOnderwijs", field(SoortOnderwijsType, "Ordinary (1) or special-needs (2) "
                                 "education. The type of special-needs education is not "
                                 "part of message type 1 in this emulator, so it is not "
                                 "given.")),
    ]


SchoolInschrijvingenType = list_type(
    "SchoolInschrijvingenType", NS, "The boarder's school enrollments that share at "
    "least one day with the stay, by start date; empty when Discimus knows none (no "
    "INSZ, or the school has not registered the enrollment).", SchoolInschrijvingType,
    "SchoolInschrijving", "One school enrollment.")


@complex_type
class InternSchoolType(ComplexModel):
    """One stay of a boarder and where the boarder goes to school meanwhile."""

    __namespace__ = NS
    _type_info = [
        ("Stamnummer", field(StamnummerType, "The boarder's number at the boarding "
                             "school.")),
        ("INSZ", field(INSZType, "The boarder's INSZ, by which the schools' enrollments "
                       "are found.", optional=True)),
        ("Naam", field(PersoonsnaamType, "Family name.")),
        ("Voornaam", field(PersoonsnaamType, "First name.")),
        ("Periode", field(PeriodeType, "The stay.")),
        ("Schoolnummer", field(InstellingsnummerType, "The European or non-funded school "
                               "the boarding school gave.", optional=True)),
        ("SchoolNaam", field(NaamType, "Name of that school, when known.",
                             optional=True)),
        ("SchoolInschrijvingen", field(SchoolInschrijvingenType, "The enrollments.")),
    ]


InternenType = list_type(
    "InternenType", NS, "The boarders' stays, by start date and stamnummer; empty when "
    "there are none.", InternSchoolType, "Intern", "One stay.")


@complex_type
class GeefSchoolInschrijvingenInternenAntwoordInhoudType(ComplexModel):
    """Where the boarding school's boarders of a school year go to school."""

    __namespace__ = NS
    _type_info = [
        ("Instellingsnummer", field(InstellingsnummerType, "The asking boarding school.")),
        ("Schooljaar", field(SchooljaarType, "The school year.")),
        ("Internen", field(InternenType, "The boarders.")),
    ]
