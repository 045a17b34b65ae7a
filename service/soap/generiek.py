"""The MAGDA Generiek-02.00 envelope as spyne models.

Every operation, school side and partner side, has the same shape:
``Verzoek{Context, Vragen/Vraag{Referte, Inhoud}}`` in and
``Repliek{Context, Antwoorden/Antwoord{Referte, Inhoud | Uitzonderingen}, Uitzonderingen}``
out (shared/reference/magda-xsd/Generiek-02.00). Only ``Inhoud`` differs per operation,
so :func:`envelope_types` builds the Verzoek/Repliek pair around an operation's Inhoud.

These are contract types only; the domain never sees them (``soap/convert.py`` maps).
"""
from __future__ import annotations

from spyne.model.complex import Array, ComplexModel
from spyne.model.primitive import Date, Unicode

from discimus_service.soap.namespaces import GENERIEK


def required(model, **facets):
    """A mandatory element: minOccurs=1 and not nillable.

    (spyne's ``Mandatory.*`` would name its types in a ``spyne.model...`` namespace,
    which would leak into our contracts.)
    """
    return model(min_occurs=1, nillable=False, **facets)


def simple_type(name: str, model=Unicode, **facets):
    """A named simple type in the Generiek namespace, as MAGDA names them."""
    return model(type_name=name, __namespace__=GENERIEK, **facets)


# Facets from Generiek-02.00/Context.xsd and GeneriekSimple.xsd.
VersieType = simple_type("VersieType", pattern=r"\d{2}\.\d{2}\.\d{4}")
BerichtTypeType = simple_type("BerichtTypeType", values=["VRAAG", "ANTWOORD", "FOUT"])
ReferteType = simple_type("ReferteType", min_len=1, max_len=36)
TijdType = simple_type("TijdType", pattern=r"\d{2}:\d{2}:\d{2}(\.\d{1,3})?")
UitzonderingTypeType = simple_type("UitzonderingTypeType",
                                   values=["FOUT", "WAARSCHUWING", "INFORMATIE"])
IdentificatieType = simple_type("ApplicatieIdentificatieType", min_len=1, max_len=40)


class _Generiek(ComplexModel):
    __namespace__ = GENERIEK


class TijdstipType(_Generiek):
    _type_info = [
        ("Datum", required(Date)),
        ("Tijd", required(TijdType)),
    ]


class AfzenderAdresType(_Generiek):
    _type_info = [
        ("Identificatie", required(IdentificatieType)),
        ("Naam", Unicode(max_len=80)),
        ("Referte", required(ReferteType)),
    ]


class OntvangerAdresType(_Generiek):
    _type_info = [
        ("Identificatie", required(IdentificatieType)),
        ("Naam", Unicode(max_len=80)),
        ("Referte", ReferteType),
    ]


class BerichtType(_Generiek):
    _type_info = [
        ("Type", required(BerichtTypeType)),
        ("Tijdstip", TijdstipType.customize(min_occurs=1, nillable=False)),
        ("Afzender", AfzenderAdresType.customize(min_occurs=1, nillable=False)),
        ("Ontvanger", OntvangerAdresType),
    ]


class ContextType(_Generiek):
    _type_info = [
        ("Naam", required(Unicode, min_len=1, max_len=80)),
        ("Versie", required(VersieType)),
        ("Bericht", BerichtType.customize(min_occurs=1, nillable=False)),
    ]


class UitzonderingType(_Generiek):
    _type_info = [
        ("Identificatie", required(Unicode, pattern=r"\d{5}")),
        ("Oorsprong", required(Unicode)),
        ("Type", required(UitzonderingTypeType)),
        ("Tijdstip", TijdstipType),
        ("Diagnose", required(Unicode)),
        ("Omstandigheid", Unicode),
    ]


UitzonderingenType = Array(UitzonderingType.customize(type_name="UitzonderingType"),
                           type_name="UitzonderingenType", member_name="Uitzondering")


def envelope_types(operation: str, namespace: str, vraag_inhoud: type,
                   antwoord_inhoud: type) -> tuple[type, type]:
    """Build the ``Verzoek`` and ``Repliek`` types of one operation.

    One Vraag per message: a message is one effect in one transaction, and its
    Afzender/Referte is the idempotency key (a resend returns the first answer).
    """

    class Vraag(ComplexModel):
        __namespace__ = namespace
        __type_name__ = f"{operation}VraagType"
        _type_info = [
            ("Referte", required(ReferteType)),
            ("Inhoud", vraag_inhoud.customize(min_occurs=1, nillable=False)),
        ]

    class Vragen(ComplexModel):
        __namespace__ = namespace
        __type_name__ = f"{operation}VragenType"
        _type_info = [("Vraag", Vraag.customize(min_occurs=1, max_occurs=1,
                                                 nillable=False))]

    class Verzoek(ComplexModel):
        __namespace__ = namespace
        __type_name__ = f"{operation}VerzoekType"
        _type_info = [
            ("Context", ContextType.customize(min_occurs=1, nillable=False)),
            ("Vragen", Vragen.customize(min_occurs=1, nillable=False)),
        ]

    class Antwoord(ComplexModel):
        __namespace__ = namespace
        __type_name__ = f"{operation}AntwoordType"
        _type_info = [
            ("Referte", required(ReferteType)),
            ("Inhoud", antwoord_inhoud),
            ("Uitzonderingen", UitzonderingenType),
        ]

    class Antwoorden(ComplexModel):
        __namespace__ = namespace
        __type_name__ = f"{operation}AntwoordenType"
        _type_info = [("Antwoord", Antwoord.customize(max_occurs=1))]

    class Repliek(ComplexModel):
        __namespace__ = namespace
        __type_name__ = f"{operation}RepliekType"
        _type_info = [
            ("Context", ContextType.customize(min_occurs=1, nillable=False)),
            ("Antwoorden", Antwoorden),
            ("Uitzonderingen", UitzonderingenType),
        ]

    Verzoek.Vraag, Verzoek.Antwoord = Vraag, Antwoord  # for the adapters' convenience
    Repliek.Antwoorden_, Repliek.Antwoord_ = Antwoorden, Antwoord
    Verzoek.Vragen_ = Vragen
    return Verzoek, Repliek
