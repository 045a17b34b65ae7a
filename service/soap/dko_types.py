"""DKO (part-time arts education): the contract's types, documented.

The student's identification has message type 1's shape and rules (002 §2.4: INSZ or
empty pending, stamnummer, official names, address with street, house and box number,
postcode of 4 or 6 digits, country with 00999, nationality); the registration is per
school year, with the studierichting and the fee category of the circular.
"""
from __future__ import annotations

from spyne.model.complex import ComplexModel
from spyne.model.primitive import Date, Integer, Unicode

from discimus_service.domain.dko import FEES_2001, Discipline, FeeCategory
from discimus_service.domain.model import Sex
from discimus_service.soap import identificatienummers
from discimus_service.soap.documented import code_list, complex_type, field, simple_type
from discimus_service.soap.generiek import NaamType
from discimus_service.soap.namespaces import DKO as NS
from discimus_service.soap.shared_types import (
    instellingsnummer_type, stamnummer_type, vervolg_type,
)

# -- simple types ----------------------------------------------------------------------------
InstellingsnummerType = instellingsnummer_type(NS)
StamnummerType = stamnummer_type(NS)
VervolgType = vervolg_type(NS)
INSZType = simple_type(
    "INSZType", NS, "National register or bis number (INSZ), 11 digits. Empty or absent "
    "while the student has none: the administration supplies it. A number that fails "
    "its checks does not stop the registration: it is reported (50603) and looked up.",
    max_len=20)
PersoonsnaamType = simple_type(
    "PersoonsnaamType", NS, "An official first name or family name as on the identity "
    "document, never a nickname, 1 to 120 characters.", min_len=1, max_len=120)
NISLandcodeType = simple_type(
    "NISLandcodeType", NS, "NIS country code, five digits: 00150 Belgium, 00129 the "
    "Netherlands, 00103 Germany, 00113 Luxembourg, 00111 France, 00999 other or "
    "unknown.", pattern=r"\d{5}")
StraatType = simple_type("StraatType", NS, "Street name, at most 120 characters.",
                         max_len=120)
AdresnummerType = simple_type("AdresnummerType", NS, "A house or box number as written "
                              "(e.g. 12A), at most 15 characters.", max_len=15)
PostcodeType = simple_type(
    "PostcodeType", NS, "Postcode, at most 10 characters: Belgian 4 digits, or 6 for a "
    "sub-municipality (9050 01 Gentbrugge); Dutch 4 digits without the letters.",
    max_len=10)
SchooljaarType = simple_type(
    "SchooljaarType", NS, "A school year by its starting year (2026 is 2026-2027); "
    "the running, previous or next one (10600).", model=Integer, ge=2000, le=2999)
GeslachtType = code_list("GeslachtType", NS, "Sex as registered.", {
    "M": "Male.", "V": "Female (vrouwelijk).",
    "X": "Neither M nor V is registered (X in the national register).",
}, codes=Sex)
StudierichtingType = code_list(
    "StudierichtingType", NS, "Studierichting of the registration (the 1990 decrees).", {
        Discipline.BEELDENDE_KUNST.value: "Beeldende kunst (visual arts).",
        Discipline.MUZIEK.value: "Muziek (music).",
        Discipline.WOORDKUNST.value: "Woordkunst (word art and drama).",
        Discipline.DANS.value: "Dans (dance).",
    }, codes=Discipline)


def _fee(category: FeeCategory, meaning: str) -> str:
    normal, fund, total = FEES_2001[category]
    return f"{meaning} In 2001: {normal} + {fund} for the fund = {total} BEF."


TariefcategorieType = code_list(
    "TariefcategorieType", NS, "Enrollment fee category (002 §1).", {
        FeeCategory.VOLWASSENEN.value: _fee(FeeCategory.VOLWASSENEN, "Adults."),
        FeeCategory.VOLWASSENEN_VERMINDERD.value: _fee(
            FeeCategory.VOLWASSENEN_VERMINDERD, "Adults, reduced tariff."),
        FeeCategory.JONGEREN.value: _fee(FeeCategory.JONGEREN, "Youth."),
        FeeCategory.JONGEREN_VERMINDERD.value: _fee(FeeCategory.JONGEREN_VERMINDERD,
                                                    "Youth, reduced tariff."),
    }, codes=FeeCategory)
StatusType = code_list("DkoStatusType", NS, "State of a registration.", {
    "INGESCHREVEN": "Registered: no de-registration.",
    "UITGESCHREVEN": "De-registered: EindDatum is the last day.",
})


# -- question types --------------------------------------------------------------------------
@complex_type
class AdresType(ComplexModel):
    """The official address of the identity document (002 §2.4.4); for 00999 street,
    house and box number and postcode stay empty."""

    __namespace__ = NS
    _type_info = [
        ("Straat", field(StraatType, "Street.", optional=True)),
        ("Huisnummer", field(AdresnummerType, "House number.", optional=True)),
        ("Busnummer", field(AdresnummerType, "Box number.", optional=True)),
        ("Postcode", field(PostcodeType, "Postcode.", optional=True)),
        ("Gemeente", field(NaamType, "Municipality.", optional=True)),
        ("Land", field(NISLandcodeType, "Country.")),
    ]


@complex_type
class LeerlingType(ComplexModel):
    """The student's official identification data (002 §2.4)."""

    __namespace__ = NS
    _type_info = [
        ("INSZ", field(INSZType, "The national register number; leave it out while "
                       "there is none: the administration supplies it (50600, 50601).",
                       optional=True)),
        ("Stamnummer", field(StamnummerType, "The academy's student number: one "
                             "student's in every school year (20600, 20601).")),
        ("Voornaam", field(PersoonsnaamType, "Official first given name.")),
        ("Naam", field(PersoonsnaamType, "Official family name.")),
        ("Geboortedatum", field(Date, "Date of birth.")),
        ("Geslacht", field(GeslachtType, "Sex.")),
        ("Nationaliteit", field(NISLandcodeType, "Nationality.")),
        ("Adres", field(AdresType, "Official address.")),
    ]


@complex_type
class DkoInschrijvingType(ComplexModel):
    """A registration at one academy for one school year."""

    __namespace__ = NS
    _type_info = [
        ("Instellingsnummer", field(InstellingsnummerType, "The academy.")),
        ("Schooljaar", field(SchooljaarType, "The school year.")),
        ("Studierichting", field(StudierichtingType, "The studierichting.")),
        ("Tariefcategorie", field(TariefcategorieType, "The fee category.")),
        ("DatumInschrijving", field(Date, "The day the student registered; not after "
                                    "today.")),
    ]


@complex_type
class DkoInschrijvingVraagInhoudType(ComplexModel):
    """RegistreerDkoInschrijving and CorrigeerDkoInschrijving: student and
    registration."""

    __namespace__ = NS
    _type_info = [
        ("Leerling", field(LeerlingType, "The student.")),
        ("Inschrijving", field(DkoInschrijvingType, "The registration.")),
    ]


@complex_type
class DkoUitschrijvingVraagInhoudType(ComplexModel):
    """RegistreerDkoUitschrijving: which registration ends, and its last day."""

    __namespace__ = NS
    _type_info = [
        ("Instellingsnummer", field(InstellingsnummerType, "The academy.")),
        ("Stamnummer", field(StamnummerType, "The student.")),
        ("Schooljaar", field(SchooljaarType, "The school year of the registration.")),
        ("EindDatum", field(Date, "Last day; not before DatumInschrijving.")),
    ]


# -- answer types ---------------------------------------------------------------------------
@complex_type
class DkoInschrijvingResultaatType(ComplexModel):
    """A registration as Discimus holds it."""

    __namespace__ = NS
    _type_info = [
        ("DiscimusReferte", field(Integer, "Discimus's own number of the registration.")),
        ("Instellingsnummer", field(InstellingsnummerType, "The academy.")),
        ("InstellingNaam", field(Unicode, "Name of the academy.", optional=True)),
        ("Stamnummer", field(StamnummerType, "The student's number there.")),
        ("Schooljaar", field(SchooljaarType, "The school year.")),
        ("INSZ", field(INSZType, "The INSZ stored; absent while pending or when the "
                       "number sent was wrong.", optional=True)),
        ("Studierichting", field(StudierichtingType, "The studierichting.")),
        ("Tariefcategorie", field(TariefcategorieType, "The fee category.")),
        ("DatumInschrijving", field(Date, "The day of registration.")),
        ("EindDatum", field(Date, "Last day: present once de-registered.",
                            optional=True)),
        ("Status", field(StatusType, "Registered or de-registered.")),
    ]


@complex_type
class DkoInschrijvingAntwoordInhoudType(ComplexModel):
    """The registration as stored after the question."""

    __namespace__ = NS
    _type_info = [("Inschrijving", field(DkoInschrijvingResultaatType,
                                         "The registration."))]


IDENTIFICATIENUMMERS = identificatienummers.consultation(
    NS, instellingsnummer=InstellingsnummerType, stamnummer=StamnummerType,
    insz=INSZType, naam=PersoonsnaamType, vervolg=VervolgType)
