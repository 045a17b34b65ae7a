"""MAGDA's Generiek-02.00 envelope with lxml: reading a Verzoek, building a Repliek.

Children are unqualified (the schemas' elementFormDefault), so one ``ElementMaker``
without a namespace builds them all; only the ``…Response`` wrapper is qualified.

Where Uitzonderingen go, as MAGDA does (its mock's recorded answers): what MAGDA itself
checks before asking a source (authorisation 40006, INSZ structure 20002, too many
questions 20110, a Referte reused) sits under ``Repliek`` with Oorsprong ``MAGDA`` and
no ``Antwoorden``; what the source says about the question (30101 no data, …) sits under
``Antwoord`` with the source's Oorsprong (``Disci`` for Discimus).
"""
from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from lxml import etree
from lxml.builder import ElementMaker

from discimus_service.domain.errors import AuthorisationError, all_codes
from discimus_service.services.answers import Answer, Issue

E = ElementMaker()
SERVER_ID = "vip.vlaanderen.be"           # MAGDA answers as VIP (its mock's answers)
SERVER_NAME = "Discimus-emulator"
MAGDA = "MAGDA"                           # Oorsprong of MAGDA's own checks

# Our code → the Identificatie a MAGDA client sees: every authorisation refusal is
# MAGDA's 40006; the finer code travels as the Annotatie "DiscimusCode".
MAGDA_CODE = {cls.code: cls.magda_code or cls.code for cls in all_codes()
              if hasattr(cls, "magda_code")}
_MAGDA_LEVEL = {20002, 20110, 10006} | {
    cls.code for cls in all_codes() if issubclass(cls, AuthorisationError)
    or getattr(cls, "magda_level", False)}
MAGDA_LEVEL = frozenset(_MAGDA_LEVEL)     # what MAGDA itself checks, before any source


@dataclass(frozen=True)
class RequestContext:
    """What the answer needs of the question's Context (schema-valid already)."""

    naam: str
    versie: str
    identificatie: str
    referte: str
    hoedanigheid: str | None


def read_context(payload) -> RequestContext:
    afzender = payload.find("Verzoek/Context/Bericht/Afzender")
    return RequestContext(
        naam=payload.findtext("Verzoek/Context/Naam"),
        versie=payload.findtext("Verzoek/Context/Versie"),
        identificatie=afzender.findtext("Identificatie"),
        referte=afzender.findtext("Referte"),
        hoedanigheid=afzender.findtext("Hoedanigheid") or None)


def questions(payload) -> list:
    return payload.findall("Verzoek/Vragen/Vraag")


def tijdstip(now: dt.datetime):
    """Datum and Tijd with milliseconds, as MAGDA writes them (TijdType allows hh:mm too)."""
    now = now.astimezone(dt.timezone.utc)
    return E.Tijdstip(E.Datum(now.date().isoformat()),
                      E.Tijd(now.strftime("%H:%M:%S.") + f"{now.microsecond // 1000:03d}"))


def uitzondering(issue: Issue, oorsprong: str, now: dt.datetime):
    code = MAGDA_CODE.get(issue.code, issue.code)
    element = E.Uitzondering(
        E.Identificatie(f"{code:05d}"),
        E.Oorsprong(MAGDA if issue.code in _MAGDA_LEVEL else oorsprong),
        E.Type(issue.severity), tijdstip(now), E.Diagnose(issue.diagnose))
    if code != issue.code:
        element.append(E.Annotaties(E.Annotatie(E.Naam("DiscimusCode"),
                                                E.Waarde(str(issue.code)))))
    return element


def response_context(naam: str, versie: str, asked: RequestContext, now: dt.datetime):
    ontvanger = E.Ontvanger(E.Identificatie(asked.identificatie), E.Referte(asked.referte))
    if asked.hoedanigheid:
        ontvanger.append(E.Hoedanigheid(asked.hoedanigheid))
    return E.Context(
        E.Naam(naam), E.Versie(versie),
        E.Bericht(E.Type("ANTWOORD"), tijdstip(now),
                  E.Afzender(E.Identificatie(SERVER_ID), E.Naam(SERVER_NAME),
                             E.Referte(str(uuid.uuid4()))),
                  ontvanger))


def repliek(response_tag: str, naam: str, versie: str, asked: RequestContext,
            vraag_referte: str | None, answer: Answer, inhoud, oorsprong: str,
            now: dt.datetime):
    """The ``…Response`` element: Context, then Antwoorden or Repliek Uitzonderingen.

    :param inhoud: the Antwoord's Inhoud element when the answer has a result.
    """
    namespace = etree.QName(response_tag).namespace
    wrapper = etree.Element(response_tag, nsmap={"web": namespace})
    body = E.Repliek(response_context(naam, versie, asked, now))
    wrapper.append(body)
    magda_refusal = any(i.blocking and i.code in _MAGDA_LEVEL for i in answer.issues)
    problems = [uitzondering(i, oorsprong, now) for i in answer.issues]
    if magda_refusal or vraag_referte is None:
        body.append(E.Uitzonderingen(*problems))
        return wrapper
    antwoord = E.Antwoord(E.Referte(vraag_referte))
    if inhoud is not None:
        antwoord.append(inhoud)
    if problems:
        antwoord.append(E.Uitzonderingen(*problems))
    body.append(E.Antwoorden(antwoord))
    return wrapper
