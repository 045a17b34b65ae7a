"""The student's identification, as every school-side contract that carries it declares it.

Message type 1 defined the student (``LeerlingType``: INSZ, stamnummer, names, birth
date, sex, nationality, address); boarding schools (message type 7) send the very same
data, checked by the very same rules (``domain/enrollment.validate_identification``).
Each contract has its own target namespace (one WSDL, one XSD per message type), so the
types are declared once per contract from here: the facets and the documentation
cannot drift apart. :func:`identification_of` reads any of them into the domain's
:class:`Identification`.
"""
from __future__ import annotations

from types import SimpleNamespace

from spyne.model.complex import ComplexModel
from spyne.model.primitive import Date

from discimus_service.domain.model import Address, Identification, Sex
from discimus_service.soap.documented import code_list, complex_type, field, simple_type
from discimus_service.soap.generiek import NaamType
from discimus_service.soap.shared_types import stamnummer_type

_MADE: dict[str, SimpleNamespace] = {}


def identification_types(ns: str) -> SimpleNamespace:
    """The identification types in namespace ``ns`` (made once per namespace).

    :returns: ``INSZType``, ``PersoonsnaamType``, ``NISLandcodeType``, ``StraatType``,
        ``AdresnummerType``, ``PostcodeType``, ``GeslachtType``, ``AdresType`` and
        ``LeerlingType``.
    """
    if ns in _MADE:
        return _MADE[ns]
    insz = simple_type(
        "INSZType", ns, "National register or bis number (INSZ), 11 digits; the service "
        "checks it (code 20002). Empty or absent while the student awaits a number.",
        max_len=20)
    persoonsnaam = simple_type(
        "PersoonsnaamType", ns, "A first name or family name, 1 to 120 characters.",
        min_len=1, max_len=120)
    landcode = simple_type(
        "NISLandcodeType", ns, "NIS country code, five digits: 00150 Belgium, 00999 other "
        "or unknown.", pattern=r"\d{5}")
    straat = simple_type("StraatType", ns, "Street name, at most 120 characters.",
                         max_len=120)
    adresnummer = simple_type("AdresnummerType", ns, "A house or box number as written "
                              "(e.g. 12A), at most 15 characters.", max_len=15)
    postcode = simple_type("PostcodeType", ns, "Postcode, at most 10 characters; a "
                           "Belgian one has four digits.", max_len=10)
    geslacht = code_list("GeslachtType", ns, "Sex as registered.", {
        "M": "Male.",
        "V": "Female (vrouwelijk).",
        "X": "Neither M nor V is registered (X in the national register).",
    }, codes=Sex)
    stamnummer = stamnummer_type(ns)

    @complex_type
    class AdresType(ComplexModel):
        """The student's address; only Land is required (00999 when unknown)."""

        __namespace__ = ns
        _type_info = [
            ("Straat", field(straat, "Street.", optional=True)),
            ("Huisnummer", field(adresnummer, "House number.", optional=True)),
            ("Busnummer", field(adresnummer, "Box number.", optional=True)),
            ("Postcode", field(postcode, "Postcode.", optional=True)),
            ("Gemeente", field(NaamType, "Municipality.", optional=True)),
            ("Land", field(landcode, "Country.")),
        ]

    @complex_type
    class LeerlingType(ComplexModel):
        """Identification data of the student as the school has them."""

        __namespace__ = ns
        _type_info = [
            ("INSZ", field(insz, "The student's INSZ; leave it out (or empty) while "
                           "the student has none yet: AGODI supplies it later.",
                           optional=True)),
            ("Stamnummer", field(stamnummer, "The school's student number.")),
            ("Voornaam", field(persoonsnaam, "First name.")),
            ("Naam", field(persoonsnaam, "Family name.")),
            ("Geboortedatum", field(Date, "Date of birth.")),
            ("Geslacht", field(geslacht, "Sex.")),
            ("Nationaliteit", field(landcode, "Nationality.")),
            ("Adres", field(AdresType, "Address.")),
        ]

    _MADE[ns] = SimpleNamespace(
        INSZType=insz, PersoonsnaamType=persoonsnaam, NISLandcodeType=landcode,
        StraatType=straat, AdresnummerType=adresnummer, PostcodeType=postcode,
        GeslachtType=geslacht, AdresType=AdresType, LeerlingType=LeerlingType)
    return _MADE[ns]


def _blank_to_none(value: str | None) -> str | None:
    return value.strip() or None if value is not None else None


def identification_of(leerling) -> Identification:
    """The domain's identification of a received ``LeerlingType`` (any namespace)."""
    adr = leerling.Adres
    return Identification(
        insz=_blank_to_none(leerling.INSZ),
        stamnummer=leerling.Stamnummer,
        first_name=leerling.Voornaam,
        last_name=leerling.Naam,
        birth_date=leerling.Geboortedatum,
        sex=Sex(leerling.Geslacht),
        nationality=leerling.Nationaliteit,
        address=Address(
            street=_blank_to_none(adr.Straat),
            house_number=_blank_to_none(adr.Huisnummer),
            box=_blank_to_none(adr.Busnummer),
            postcode=_blank_to_none(adr.Postcode),
            municipality=_blank_to_none(adr.Gemeente),
            country=adr.Land,
        ),
    )
