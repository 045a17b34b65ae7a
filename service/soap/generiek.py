"""The MAGDA Generiek-02.00 envelope as spyne models.

Every operation, school side and partner side, has the same shape:
``Verzoek{Context, Vragen/Vraag{Referte, Inhoud}}`` in and
``Repliek{Context, Antwoorden/Antwoord{Referte, Inhoud?, Uitzonderingen?}, Uitzonderingen?}``
out, with Generiek's element names and order (shared/reference/magda-xsd/Generiek-02.00;
its optional elements the emulator never uses, such as Annotaties, are left out). Only
``Inhoud`` differs per operation: :func:`verzoek_type` and :func:`repliek_type` build the
envelope around an Inhoud, once per Inhoud type, so operations that share a question or
an answer share its envelope types.

These are contract types only; the domain never sees them (``soap/inschrijving.py`` maps).
"""
from __future__ import annotations

from spyne.model.complex import ComplexModel
from spyne.model.primitive import Date, Unicode

from discimus_service.domain.errors import Severity
from discimus_service.soap.documented import (
    code_list, complex_type, field, list_type, simple_type,
)
from discimus_service.soap.namespaces import GENERIEK as NS

# -- simple types (facets from Generiek-02.00/Context.xsd and GeneriekSimple.xsd) --------
VersieType = simple_type(
    "VersieType", NS, "Version of the message type, two digits, two digits and four "
    "digits separated by dots, e.g. 01.00.0000.", pattern=r"\d{2}\.\d{2}\.\d{4}")
BerichtTypeType = code_list(
    "BerichtTypeType", NS, "Kind of message (Generiek's BerichtTypeType, the values the "
    "emulator uses).", {
        "VRAAG": "A question: every request.",
        "ANTWOORD": "An answer: every response.",
    })
ReferteType = simple_type(
    "ReferteType", NS, "A reference chosen by the sender, 1 to 36 characters (a UUID "
    "fits). The Afzender's Referte identifies the message: a resend with the same "
    "Referte gets the first answer again.", min_len=1, max_len=36)
TijdType = simple_type(
    "TijdType", NS, "Time of day hh:mm:ss with optional milliseconds (.sss).",
    pattern=r"\d{2}:\d{2}:\d{2}(\.\d{1,3})?")
ApplicatieIdentificatieType = simple_type(
    "ApplicatieIdentificatieType", NS, "Identification of an application: for a school "
    "administration package, the common name (CN) of its certificate.",
    min_len=1, max_len=40)
ContextNaamType = simple_type(
    "ContextNaamType", NS, "Name of the exchange, 1 to 80 characters (DISCIMUS).",
    min_len=1, max_len=80)
NaamType = simple_type("NaamType", NS, "A name of at most 80 characters.", max_len=80)
UitzonderingIdentificatieType = simple_type(
    "UitzonderingIdentificatieType", NS, "Stable five-digit code of an Uitzondering (see "
    "the code table in the README).", pattern=r"\d{5}")
UitzonderingTypeType = code_list(
    "UitzonderingTypeType", NS, "Severity of an Uitzondering.", {
        "FOUT": "Error: the question was refused and nothing was stored.",
        "WAARSCHUWING": "Warning: the question was handled, but look at this.",
        "INFORMATIE": "Information only: the question was handled as asked.",
    }, codes=Severity)


# -- complex types -------------------------------------------------------------------------
@complex_type
class TijdstipType(ComplexModel):
    """A moment: date and time of day (the emulator's clock is UTC)."""

    __namespace__ = NS
    _type_info = [
        ("Datum", field(Date, "The date.")),
        ("Tijd", field(TijdType, "The time of day.")),
    ]


@complex_type
class AfzenderAdresType(ComplexModel):
    """The sender of a message."""

    __namespace__ = NS
    _type_info = [
        ("Identificatie", field(ApplicatieIdentificatieType,
                                "Who sends: in a request, the CN of the signing "
                                "certificate; in an answer, the emulator.")),
        ("Naam", field(NaamType, "Display name of the sender.", optional=True)),
        ("Referte", field(ReferteType, "The sender's own reference of this message; "
                          "in an answer, the request's Referte.")),
    ]


@complex_type
class OntvangerAdresType(ComplexModel):
    """The receiver of a message."""

    __namespace__ = NS
    _type_info = [
        ("Identificatie", field(ApplicatieIdentificatieType,
                                "Who receives: in an answer, the asker.")),
        ("Naam", field(NaamType, "Display name of the receiver.", optional=True)),
        ("Referte", field(ReferteType, "In an answer, the Referte of the request.",
                          optional=True)),
    ]


@complex_type
class BerichtType(ComplexModel):
    """What kind of message this is, when it was made, by whom and for whom."""

    __namespace__ = NS
    _type_info = [
        ("Type", field(BerichtTypeType, "VRAAG in a request, ANTWOORD in an answer.")),
        ("Tijdstip", field(TijdstipType, "When the message was made.")),
        ("Afzender", field(AfzenderAdresType, "The sender.")),
        ("Ontvanger", field(OntvangerAdresType, "The receiver: present in answers.",
                            optional=True)),
    ]


@complex_type
class ContextType(ComplexModel):
    """The context of a message: exchange, version and the message's own identity."""

    __namespace__ = NS
    _type_info = [
        ("Naam", field(ContextNaamType, "Name of the exchange; an answer repeats the "
                       "request's.")),
        ("Versie", field(VersieType, "Version; an answer repeats the request's.")),
        ("Bericht", field(BerichtType, "The message.")),
    ]


@complex_type
class UitzonderingType(ComplexModel):
    """One exception about a question: a refusal, a warning or information."""

    __namespace__ = NS
    _type_info = [
        ("Identificatie", field(UitzonderingIdentificatieType,
                                "Stable code; its meaning never changes.")),
        ("Oorsprong", field(Unicode, "Who found it: DISCIMUS.")),
        ("Type", field(UitzonderingTypeType, "Severity.")),
        ("Tijdstip", field(TijdstipType, "When it was found (optional in Generiek; "
                           "the emulator always says).")),
        ("Diagnose", field(Unicode, "What is wrong, in plain words.")),
        ("Omstandigheid", field(Unicode, "Which element of the question it is about, "
                                "by its name or path below Inhoud (e.g. INSZ, "
                                "Uitschrijving/EindDatum).", optional=True)),
    ]


UitzonderingenType = list_type(
    "UitzonderingenType", NS, "The exceptions about a question, at least one.",
    UitzonderingType, "Uitzondering", "One exception.", at_least=1)


# -- the envelope around an operation's Inhoud ----------------------------------------------
_VERZOEKEN: dict[type, type] = {}
_REPLIEKEN: dict[type, type] = {}


def _envelope_class(name: str, namespace: str, doc: str, members: list) -> type:
    cls = type(name, (ComplexModel,), {"__namespace__": namespace,
                                       "__type_name__": name, "__doc__": doc,
                                       "_type_info": members})
    return complex_type(cls)


def verzoek_type(concept: str, namespace: str, inhoud: type) -> type:
    """The ``<concept>VerzoekType`` around a question's Inhoud (one per Inhoud type).

    One Vraag per message: a message is one effect in one transaction, and its
    Afzender/Referte is the idempotency key (a resend returns the first answer).
    """
    if inhoud in _VERZOEKEN:
        return _VERZOEKEN[inhoud]
    vraag = _envelope_class(f"{concept}VraagType", namespace,
                            f"One {concept} question: its Referte and Inhoud.", [
        ("Referte", field(ReferteType, "The sender's reference of this question; the "
                          "answer repeats it.")),
        ("Inhoud", field(inhoud, "What is asked.")),
    ])
    vragen = _envelope_class(f"{concept}VragenType", namespace,
                             f"The {concept} questions of the message: exactly one.",
                             [("Vraag", field(vraag, "The question."))])
    verzoek = _envelope_class(f"{concept}VerzoekType", namespace,
                              f"A request with one {concept} question.", [
        ("Context", field(ContextType, "Context of the request.")),
        ("Vragen", field(vragen, "The question.")),
    ])
    _VERZOEKEN[inhoud] = verzoek
    return verzoek


def repliek_type(concept: str, namespace: str, inhoud: type) -> type:
    """The ``<concept>RepliekType`` around an answer's Inhoud (one per Inhoud type)."""
    if inhoud in _REPLIEKEN:
        return _REPLIEKEN[inhoud]
    antwoord = _envelope_class(f"{concept}AntwoordType", namespace,
                               f"The {concept} answer to the question.", [
        ("Referte", field(ReferteType, "The question's Referte.")),
        ("Inhoud", field(inhoud, "The answer: present when the question was handled, "
                         "absent when it was refused (see Uitzonderingen).",
                         optional=True)),
        ("Uitzonderingen", field(UitzonderingenType, "Why the question was refused, "
                                 "or warnings and information about it.",
                                 optional=True)),
    ])
    antwoorden = _envelope_class(f"{concept}AntwoordenType", namespace,
                                 f"The {concept} answers: exactly one.",
                                 [("Antwoord", field(antwoord, "The answer."))])
    repliek = _envelope_class(f"{concept}RepliekType", namespace,
                              f"A reply with one {concept} answer.", [
        ("Context", field(ContextType, "Context of the reply: the request's, turned "
                          "around.")),
        ("Antwoorden", field(antwoorden, "The answer.")),
        ("Uitzonderingen", field(UitzonderingenType, "Exceptions about the message as "
                                 "a whole (Generiek); the emulator refuses a whole "
                                 "message with a SOAP fault instead, so it never sends "
                                 "them.", optional=True)),
    ])
    repliek.Antwoorden_, repliek.Antwoord_ = antwoorden, antwoord   # for adapter.repliek
    _REPLIEKEN[inhoud] = repliek
    return repliek
