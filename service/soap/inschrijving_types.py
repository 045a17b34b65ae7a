"""Message type 1, enrollments and de-registrations: the contract's types, documented.

Field names follow MAGDA's own spelling (``BeginDatum``/``EindDatum`` as in Generiek's
PeriodeType, ``DatumInschrijving``, ``DatumEersteLes``, ``Aanleiding``, ``SituatieNa`` as
in LeerplichtOnderwijs-02.01). Code lists take their codes from the domain's enums and
document each one here, so a code added to the domain without a meaning fails at import.
"""
from __future__ import annotations

from spyne.model.complex import ComplexModel
from spyne.model.primitive import Date, Integer, Unicode

from discimus_service.domain.model import Aanleiding
from discimus_service.domain.motivated_report import SpecialNeedsType
from discimus_service.soap.documented import (
    code_list, complex_type, field, list_type, simple_type,
)
from discimus_service.soap.identification_types import identification_types
from discimus_service.soap.namespaces import INSCHRIJVING as NS
from discimus_service.soap.shared_types import (
    instellingsnummer_type, stamnummer_type, vervolg_type,
)

# -- simple types ----------------------------------------------------------------------------
InstellingsnummerType = instellingsnummer_type(NS)
StamnummerType = stamnummer_type(NS)
# The student's identification: shared with message type 7 (soap/identification_types.py).
_ID = identification_types(NS)
INSZType, PersoonsnaamType, NISLandcodeType = (_ID.INSZType, _ID.PersoonsnaamType,
                                               _ID.NISLandcodeType)
StraatType, AdresnummerType, PostcodeType = (_ID.StraatType, _ID.AdresnummerType,
                                             _ID.PostcodeType)
GeslachtType, AdresType, LeerlingType = _ID.GeslachtType, _ID.AdresType, _ID.LeerlingType
AdministratieveGroepType = simple_type(
    "AdministratieveGroepType", NS, "The administrative group (class group) of the "
    "enrollment, 1 to 20 characters.", min_len=1, max_len=20)
VestigingsplaatsType = simple_type(
    "VestigingsplaatsType", NS, "The establishment (vestigingsplaats) where the student "
    "is taught, at most 20 characters.", max_len=20)
SituatieNaUitschrijvingCodeType = simple_type(
    "SituatieNaUitschrijvingCodeType", NS, "Code of the student's situation after the "
    "de-registration, one or two digits (MAGDA's SituatieNaUitschrijvingCodeType). "
    "The code list is AGODI's and not public: the emulator checks the form only.",
    pattern=r"\d{1,2}")
VervolgType = vervolg_type(NS)

AanleidingUitschrijvingCodeType = code_list(
    "AanleidingUitschrijvingCodeType", NS, "Reason of a de-registration, one capital "
    "letter (MAGDA's AanleidingUitschrijvingCodeType).", {
        Aanleiding.SCHOOLVERANDERING.value: "Change of school (schoolverandering).",
        Aanleiding.EINDE_SCHOOLJAAR.value: "End of the school year, or the programme "
                                           "was completed.",
        Aanleiding.VERHUIS.value: "Moved abroad or out of reach (verhuis).",
        Aanleiding.DEFINITIEVE_UITSLUITING.value: "Definitive exclusion (definitieve "
                                                  "uitsluiting).",
        Aanleiding.ONTBINDING.value: "Dissolution of a conditional enrollment because "
                                     "the adaptations were unreasonable (ontbinding).",
        Aanleiding.HUISONDERWIJS.value: "Home education (huisonderwijs).",
        Aanleiding.OVERLIJDEN.value: "Death of the student (overlijden).",
        Aanleiding.ANDERE.value: "Another reason (andere).",
    }, codes=Aanleiding)
InschrijvingStatusType = code_list("InschrijvingStatusType", NS, "State of an "
                                   "enrollment.", {
    "INGESCHREVEN": "Enrolled: no de-registration is registered.",
    "UITGESCHREVEN": "De-registered: EindDatum is the last day.",
})


# -- question types ------------------------------------------------------------------------------
@complex_type
class InschrijvingType(ComplexModel):
    """An enrollment in one administrative group of one institution."""

    __namespace__ = NS
    _type_info = [
        ("Instellingsnummer", field(InstellingsnummerType, "The institution.")),
        ("AdministratieveGroep", field(AdministratieveGroepType, "The group.")),
        ("Vestigingsplaats", field(VestigingsplaatsType, "The establishment.",
                                   optional=True)),
        ("BeginDatum", field(Date, "First day of the enrollment.")),
        ("DatumEersteLes", field(Date, "Expected first day of attendance.",
                                 optional=True)),
        ("DatumInschrijving", field(Date, "The day the student was enrolled; not after "
                                    "today.")),
    ]


@complex_type
class InschrijvingVraagInhoudType(ComplexModel):
    """RegistreerInschrijving and CorrigeerInschrijving: the student and the
    enrollment."""

    __namespace__ = NS
    _type_info = [
        ("Leerling", field(LeerlingType, "The student.")),
        ("Inschrijving", field(InschrijvingType, "The enrollment.")),
    ]


@complex_type
class UitschrijvingType(ComplexModel):
    """A de-registration: last day, reason and what the student does next."""

    __namespace__ = NS
    _type_info = [
        ("EindDatum", field(Date, "Last day of the enrollment; not before its "
                            "BeginDatum.")),
        ("Aanleiding", field(AanleidingUitschrijvingCodeType, "Reason.")),
        ("SituatieNa", field(SituatieNaUitschrijvingCodeType, "Situation after.")),
    ]


@complex_type
class UitschrijvingVraagInhoudType(ComplexModel):
    """RegistreerUitschrijving: which enrollment ends, and how."""

    __namespace__ = NS
    _type_info = [
        ("Instellingsnummer", field(InstellingsnummerType, "The institution.")),
        ("Stamnummer", field(StamnummerType, "The student.")),
        ("BeginDatum", field(Date, "BeginDatum of the enrollment that ends.")),
        ("Uitschrijving", field(UitschrijvingType, "The de-registration.")),
    ]


@complex_type
class DubbeleInschrijvingenVraagInhoudType(ComplexModel):
    """GeefDubbeleInschrijvingen: the institution's students also enrolled elsewhere."""

    __namespace__ = NS
    _type_info = [
        ("Instellingsnummer", field(InstellingsnummerType, "The asking institution.")),
        ("Datum", field(Date, "Only overlaps that include this day; absent: all.",
                        optional=True)),
        ("Vervolg", field(VervolgType, "The Vervolg of the previous answer, to get the "
                          "next page; absent for the first page.", optional=True)),
    ]


@complex_type
class SchoolloopbaanVraagInhoudType(ComplexModel):
    """GeefSchoolloopbaan: a student's enrollment here and at the schools before and
    after; give INSZ or Stamnummer."""

    __namespace__ = NS
    _type_info = [
        ("Instellingsnummer", field(InstellingsnummerType, "The asking institution.")),
        ("INSZ", field(INSZType, "The student's INSZ.", optional=True)),
        ("Stamnummer", field(StamnummerType, "The student's number at the asking "
                             "institution.", optional=True)),
    ]


# -- answer types ---------------------------------------------------------------------------------
@complex_type
class InschrijvingResultaatType(ComplexModel):
    """An enrollment as Discimus holds it."""

    __namespace__ = NS
    _type_info = [
        ("DiscimusReferte", field(Integer, "Discimus's own number of the enrollment.")),
        ("Instellingsnummer", field(InstellingsnummerType, "The institution.")),
        ("InstellingNaam", field(Unicode, "Name of the institution, when known.",
                                 optional=True)),
        ("Stamnummer", field(StamnummerType, "The student's number there.")),
        ("AdministratieveGroep", field(AdministratieveGroepType, "The group.")),
        ("BeginDatum", field(Date, "First day.")),
        ("DatumInschrijving", field(Date, "Day of enrollment.")),
        ("DatumEersteLes", field(Date, "Expected first day of attendance.",
                                 optional=True)),
        ("EindDatum", field(Date, "Last day: present once de-registered.",
                            optional=True)),
        ("Status", field(InschrijvingStatusType, "Enrolled or de-registered.")),
    ]


@complex_type
class InschrijvingAntwoordInhoudType(ComplexModel):
    """The enrollment as stored after the question."""

    __namespace__ = NS
    _type_info = [("Inschrijving", field(InschrijvingResultaatType, "The enrollment."))]


@complex_type
class PeriodeType(ComplexModel):
    """A period of days; without EindDatum it is open-ended."""

    __namespace__ = NS
    _type_info = [
        ("BeginDatum", field(Date, "First day.")),
        ("EindDatum", field(Date, "Last day; absent: open-ended.", optional=True)),
    ]


@complex_type
class DubbeleInschrijvingType(ComplexModel):
    """A student enrolled here and at another institution over the same days."""

    __namespace__ = NS
    _type_info = [
        ("INSZ", field(INSZType, "The student's INSZ.")),
        ("Naam", field(PersoonsnaamType, "Family name.")),
        ("Voornaam", field(PersoonsnaamType, "First name.")),
        ("EigenInschrijving", field(InschrijvingResultaatType, "The enrollment at the "
                                    "asking institution.")),
        ("AndereInschrijving", field(InschrijvingResultaatType, "The enrollment at the "
                                     "other institution.")),
        ("OverlapPeriode", field(PeriodeType, "The days both enrollments run.")),
    ]


DubbeleInschrijvingenType = list_type(
    "DubbeleInschrijvingenType", NS, "Double enrollments; empty when there are none.",
    DubbeleInschrijvingType, "DubbeleInschrijving", "One double enrollment.")


@complex_type
class DubbeleInschrijvingenAntwoordInhoudType(ComplexModel):
    """The double enrollments of the asking institution, one page at a time."""

    __namespace__ = NS
    _type_info = [
        ("Instellingsnummer", field(InstellingsnummerType, "The asking institution.")),
        ("DubbeleInschrijvingen", field(DubbeleInschrijvingenType, "This page of "
                                        "double enrollments.")),
        ("Vervolg", field(VervolgType, "Present only when more double enrollments "
                          "follow: send it back as the question's Vervolg to get the "
                          "next page.", optional=True)),
    ]


TypeBuitengewoonOnderwijsType = code_list(
    "TypeBuitengewoonOnderwijsType", NS, "The type of special-needs education a CLB's "
    "motivated report gives access to (since the M-decree, 2015).", {
        SpecialNeedsType.BASISAANBOD.value: "Basisaanbod: the common curriculum for "
                                            "pupils who need more support.",
        SpecialNeedsType.TYPE_2.value: "Type 2: moderate or severe intellectual "
                                       "disability.",
        SpecialNeedsType.TYPE_3.value: "Type 3: emotional or behavioural disorder.",
        SpecialNeedsType.TYPE_4.value: "Type 4: physical disability.",
        SpecialNeedsType.TYPE_6.value: "Type 6: visual impairment.",
        SpecialNeedsType.TYPE_7.value: "Type 7: auditory impairment or speech and "
                                       "language disorder.",
        SpecialNeedsType.TYPE_9.value: "Type 9: autism spectrum disorder without "
                                       "intellectual disability.",
    }, codes=SpecialNeedsType)


@complex_type
class GemotiveerdVerslagType(ComplexModel):
    """A CLB's motivated report for access to special-needs education (VTC 06/2016)."""

    __namespace__ = NS
    _type_info = [
        ("Datum", field(Date, "The date of the report.")),
        ("Type", field(TypeBuitengewoonOnderwijsType, "The type of special-needs "
                       "education it gives access to.")),
        ("GeldigVan", field(Date, "First day it is valid.")),
        ("GeldigTot", field(Date, "Last day it is valid; absent: no end.", optional=True)),
    ]


@complex_type
class SchoolloopbaanAntwoordInhoudType(ComplexModel):
    """A student's enrollment at the asking institution and the ones around it."""

    __namespace__ = NS
    _type_info = [
        ("INSZ", field(INSZType, "The student's INSZ, when known.", optional=True)),
        ("Stamnummer", field(StamnummerType, "The student's number here.")),
        ("Inschrijving", field(InschrijvingResultaatType, "The enrollment here.")),
        ("VorigeSchool", field(InschrijvingResultaatType, "The enrollment before it, at "
                               "another institution.", optional=True)),
        ("VolgendeSchool", field(InschrijvingResultaatType, "The enrollment after it, "
                                 "at another institution.", optional=True)),
        # Added after the first publication, optional and last: older clients that
        # ignore unknown trailing elements, and every earlier answer, stay valid.
        ("GemotiveerdVerslag", field(GemotiveerdVerslagType, "The most recent motivated "
                                     "report for special-needs education that a CLB "
                                     "registered for the student (VTC 06/2016) and that "
                                     "is valid today; absent when there is none.",
                                     optional=True)),
    ]
