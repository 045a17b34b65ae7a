"""MAGDA's Repliek as the emulator builds it: where each Uitzondering goes, and its codes.

Built without a server and validated against MAGDA's reference response schema.
"""
import datetime as dt

import pytest

from discimus_service.domain.errors import (
    CapacityNotAllowedError, InvalidInszError, NoDataFoundError, PersonNotRegisteredError,
    ReplayedAnswerNotice, SenderMismatchError, TooManyQuestionsError,
)
from discimus_service.services.answers import Answer, Issue
from discimus_service.services.partner_interest import InterestResult
from discimus_service.soap.magda import envelope
from discimus_service.soap.magda.catalogue import SERVICES
from tests import magda

NOW = dt.datetime(2026, 9, 3, 10, 15, 30, 123000, tzinfo=dt.timezone.utc)
ASKED = envelope.RequestContext("GeefHistoriekInschrijving", "02.01.0000",
                                "kb.vlaanderen.be/aiv/groeipakket", "ref-1", "1300")
HISTORY = next(s for s in SERVICES if s.naam == "GeefHistoriekInschrijving")
REGISTER = next(s for s in SERVICES if s.operation == "RegistreerInschrijving-02.00")


def build(service, answer, referte="vraag-1"):
    inhoud = service.inhoud(answer.result) if answer.result is not None else None
    return envelope.repliek(service.response_tag, service.naam, service.versie, ASKED,
                            referte, answer, inhoud, service.oorsprong, NOW)


def uitzonderingen(element, where):
    return [(u.findtext("Identificatie"), u.findtext("Oorsprong"),
             u.findtext("Annotaties/Annotatie/Waarde"))
            for u in element.findall(f"{where}/Uitzonderingen/Uitzondering")]


@pytest.mark.parametrize("problem, expected", [
    (PersonNotRegisteredError("x"), ("40006", "MAGDA", "40022")),
    (CapacityNotAllowedError("x"), ("40006", "MAGDA", "40021")),
    (SenderMismatchError("x"), ("40006", "MAGDA", "40011")),
    (InvalidInszError("x"), ("20002", "MAGDA", None)),
    (TooManyQuestionsError("x"), ("20110", "MAGDA", None)),
], ids=["not-registered", "capacity", "sender", "insz", "too-many"])
def test_what_magda_checks_itself_goes_under_the_repliek_without_antwoorden(problem,
                                                                            expected):
    reply = build(HISTORY, Answer(None, (Issue.of(problem),)))
    magda.assert_valid(reply, magda.HISTORY_XSD + "Response")
    assert reply.find("Repliek/Antwoorden") is None
    assert uitzonderingen(reply, "Repliek") == [expected]


def test_what_the_source_says_goes_under_the_antwoord_with_its_origin():
    reply = build(HISTORY, Answer(None, (Issue.of(NoDataFoundError("none")),)))
    magda.assert_valid(reply, magda.HISTORY_XSD + "Response")
    assert reply.findtext("Repliek/Antwoorden/Antwoord/Referte") == "vraag-1"
    assert uitzonderingen(reply, "Repliek/Antwoorden/Antwoord") == [("30101", "Disci", None)]


def test_an_answer_with_a_notice_keeps_its_inhoud():
    answer = Answer(InterestResult(1), (Issue.of(ReplayedAnswerNotice("again")),))
    reply = build(REGISTER, answer)
    magda.assert_valid(reply, magda.REGISTER_XSD["02.00"] + "Response")
    antwoord = reply.find("Repliek/Antwoorden/Antwoord")
    assert antwoord.findtext("Inhoud/Resultaat") == "1"
    assert uitzonderingen(reply, "Repliek/Antwoorden/Antwoord") == [("50003", "MAGDA", None)]


def test_the_context_is_turned_around_as_magda_does():
    reply = build(REGISTER, Answer(InterestResult(1)))
    context = reply.find("Repliek/Context")
    assert context.findtext("Naam") == "RegistreerInschrijving"
    assert context.findtext("Versie") == "02.00.0000"
    assert context.findtext("Bericht/Type") == "ANTWOORD"
    assert context.findtext("Bericht/Tijdstip/Tijd") == "10:15:30.123"
    assert context.findtext("Bericht/Afzender/Identificatie") == "vip.vlaanderen.be"
    ontvanger = context.find("Bericht/Ontvanger")
    assert [ontvanger.findtext(n) for n in ("Identificatie", "Referte", "Hoedanigheid")] == [
        "kb.vlaanderen.be/aiv/groeipakket", "ref-1", "1300"]


def test_only_the_wrapper_is_qualified():
    reply = build(REGISTER, Answer(InterestResult(1)))
    assert reply.tag == REGISTER.response_tag
    assert all("}" not in e.tag for e in reply.iterdescendants())
