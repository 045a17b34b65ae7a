"""DKO registrations and the number look-up, through the exchange, on SQLite and PostgreSQL.

Every refusal writes nothing but its journal entry; a resend writes nothing twice; the
screening supplies, creates pseudo numbers and refuses to guess, once.
"""
from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from discimus_service.domain.dko import Academy, Discipline, FeeCategory
from discimus_service.domain.identification_numbers import Channel, is_pseudo
from discimus_service.domain.model import Mandate, MessageType, Sender, SenderKind, Sex
from discimus_service.persistence.database import row_counts
from discimus_service.services import exchange
from discimus_service.services.consult_identification_numbers import (
    consult_dko_numbers, consult_school_numbers,
)
from discimus_service.services.deregister_dko import deregister_dko
from discimus_service.services.dko_views import (
    DkoDeregistrationQuestion, DkoQuestion, DkoView, NumbersQuestion, NumbersView,
)
from discimus_service.services.exchange import Receipt
from discimus_service.services.register_dko import correct_dko, register_dko
from discimus_service.services.register_enrollment import register_enrollment
from discimus_service.services.screen_identification_numbers import screen
from discimus_service.services.views import EnrollmentView
from tests import factories as f

TODAY = f.TODAY                      # 2026-09-03
ACADEMY = "130001"
DKO_VENDOR = Sender("dkosoft", SenderKind.VENDOR, "DKO-Soft")


@pytest.fixture
def uow(uow_factory):
    with uow_factory() as u:
        f.seed(u)
    with uow_factory() as u:
        u.senders.add(DKO_VENDOR)
        u.dko.add_academy(Academy(ACADEMY, "Academie Gent", "Gent"))
        u.dko.add_academy(Academy("130002", "Academie Brugge", "Brugge"))
        u.dko.add_mandate(Mandate("dkosoft", ACADEMY, MessageType.DKO, dt.date(2020, 9, 1)))
        u.dko.add_mandate(Mandate("informat", "130002", MessageType.DKO,
                                  dt.date(2020, 9, 1)))
        u.commit()
    return uow_factory


_counter = iter(range(1, 10_000))


def send(factory, use_case, question, result_type=DkoView, *, sender=DKO_VENDOR,
         referte=None, operation="RegistreerDkoInschrijving"):
    n = next(_counter)
    receipt = Receipt(sender=sender, afzender=sender.sender_id,
                      referte=referte or f"r-{n}", operation=operation,
                      raw_message=b"<signed/>", replay_key=f"k-{n}",
                      received_at=dt.datetime(2026, 9, 3, 8, 0, tzinfo=dt.timezone.utc),
                      today=TODAY)
    return exchange.handle(factory, receipt, question, use_case, result_type)


def question(**kw) -> DkoQuestion:
    ident = kw.pop("identification", f.identification(stamnummer="2600001"))
    base = dict(institution_number=ACADEMY, school_year=2026, identification=ident,
                discipline=Discipline.MUZIEK, fee_category=FeeCategory.JONGEREN,
                registration_date=dt.date(2026, 9, 2))
    return DkoQuestion(**{**base, **kw})


def codes(answer):
    return [i.code for i in answer.issues]


def test_a_registration_is_stored_and_its_resend_writes_nothing_twice(uow):
    first = send(uow, register_dko, question(), referte="same")
    assert first.accepted and codes(first) == []
    assert first.result.insz == f.identification().insz
    assert first.result.academy_name == "Academie Gent"
    again = send(uow, register_dko, question(), referte="same")
    assert codes(again) == [50003] and again.result == first.result
    with uow() as u:
        assert len(u.dko.of_student(ACADEMY, stamnummer="2600001")) == 1


@pytest.mark.parametrize("make,code", [
    (lambda: question(institution_number="034567"), 40601),
    (lambda: question(institution_number="130002"), 40600),
    (lambda: question(school_year=2020), 10600),
    (lambda: question(identification=f.identification(first_name=" ")), 10001),
])
def test_refusals_write_nothing_but_their_journal_entry(uow, engine, make, code):
    before = row_counts(engine)
    answer = send(uow, register_dko, make())
    assert codes(answer) == [code] and not answer.accepted
    after = row_counts(engine)
    assert {k: after[k] - before[k] for k in after if after[k] != before[k]} == {
        "journal": 1, "replay_keys": 1}


def test_a_school_mandate_is_no_dko_mandate_and_a_dko_mandate_no_school_mandate(uow):
    # informat is mandated for school 034567 (message type 1), not for academy 130001
    refused = send(uow, register_dko, question(), sender=f.VENDOR)
    assert codes(refused) == [40600]
    assert "school's message types does not count" in refused.issues[0].diagnose
    # dkosoft is mandated for academy 130001, not for any school
    school = send(uow, register_enrollment, f.question(), EnrollmentView, sender=DKO_VENDOR,
                  operation="RegistreerInschrijving")
    assert codes(school) == [40006]


def test_registering_twice_correcting_and_deregistering(uow):
    send(uow, register_dko, question())
    assert codes(send(uow, register_dko, question())) == [30601]
    corrected = send(uow, correct_dko, question(fee_category=FeeCategory.JONGEREN_VERMINDERD),
                     operation="CorrigeerDkoInschrijving")
    assert corrected.accepted and corrected.result.fee_category is FeeCategory.JONGEREN_VERMINDERD
    assert codes(send(uow, correct_dko, question(school_year=2025),
                      operation="CorrigeerDkoInschrijving")) == [30600]
    end = DkoDeregistrationQuestion(ACADEMY, "2600001", 2026, dt.date(2026, 9, 3))
    done = send(uow, deregister_dko, end, operation="RegistreerDkoUitschrijving")
    assert done.result.status == "UITGESCHREVEN" and done.result.end_date == end.end_date
    assert codes(send(uow, deregister_dko, end,
                      operation="RegistreerDkoUitschrijving")) == [30602]
    assert codes(send(uow, correct_dko, question(),
                      operation="CorrigeerDkoInschrijving")) == [30602]
    missing = dataclasses.replace(end, stamnummer="2600099")
    assert codes(send(uow, deregister_dko, missing,
                      operation="RegistreerDkoUitschrijving")) == [30600]


def test_stamnummer_rules_across_school_years(uow):
    send(uow, register_dko, question(school_year=2025, registration_date=dt.date(2025, 9, 2)))
    other = f.identification(stamnummer="2600001", sequence=5, first_name="Jan",
                             last_name="Claes")
    assert codes(send(uow, register_dko, question(identification=other))) == [20600]
    renumbered = f.identification(stamnummer="2600002")
    assert codes(send(uow, register_dko, question(identification=renumbered))) == [20601]
    assert send(uow, register_dko, question()).accepted      # same student, next year


def _school_pupil(uow, **kw):
    """Enroll a pupil with an INSZ at school 034567 (the record a match finds)."""
    answer = send(uow, register_enrollment, f.question(**kw), EnrollmentView,
                  sender=f.VENDOR, operation="RegistreerInschrijving")
    assert answer.accepted, answer.issues


def test_a_student_without_insz_is_matched_on_receipt(uow):
    _school_pupil(uow)
    pending = f.identification(stamnummer="2600001", insz=None)
    answer = send(uow, register_dko, question(identification=pending))
    assert codes(answer) == [50600] and f.identification().insz in answer.issues[0].diagnose
    assert answer.result.insz is None           # stored as sent; the number is supplied
    listed = send(uow, consult_dko_numbers, NumbersQuestion(ACADEMY), NumbersView,
                  operation="GeefIdentificatienummers")
    [item] = listed.result.items
    assert (item.kind.value, item.insz, item.stamnummer) == (
        "AANGEVULD", f.identification().insz, "2600001")


def test_a_wrong_insz_is_stored_without_it_reported_and_looked_up(uow):
    _school_pupil(uow)
    typo = f.identification(stamnummer="2600001", insz="12031500344")
    answer = send(uow, register_dko, question(identification=typo))
    assert codes(answer) == [50603, 50600] and answer.accepted
    assert answer.result.insz is None
    items = send(uow, consult_dko_numbers, NumbersQuestion(ACADEMY, "2600001"), NumbersView,
                 operation="GeefIdentificatienummers").result.items
    assert [(i.kind.value, i.insz_sent, i.insz) for i in items] == [
        ("FOUT", "12031500344", None), ("AANGEVULD", None, f.identification().insz)]
    assert "check digits" in items[0].diagnose


def test_nothing_to_match_is_pending_and_two_persons_are_not_guessed(uow):
    pending = f.identification(stamnummer="2600001", insz=None)
    assert codes(send(uow, register_dko, question(identification=pending))) == [50601]
    _school_pupil(uow)
    _school_pupil(uow, identification=f.identification(sequence=2, stamnummer="2600002"),
                  institution_number="012345")
    twin = f.identification(stamnummer="2600003", insz=None)
    answer = send(uow, register_dko, question(identification=twin))
    assert codes(answer) == [50602] and "2 different persons" in answer.issues[0].diagnose


def test_the_screening_supplies_creates_pseudo_numbers_and_waits(uow):
    # school channel: a pupil without INSZ at 034567, the same person known at the academy
    pupil = f.identification(insz=None, stamnummer="2600001")
    _school_pupil(uow, identification=pupil)
    known = f.identification(stamnummer="2600050")
    assert send(uow, register_dko, question(identification=known)).accepted
    # DKO: one pending since last school year, matching nobody; one registered today
    old = f.identification(insz=None, stamnummer="2500060", first_name="Amina",
                           last_name="Haddad", birth_date=dt.date(2015, 2, 14), sex=Sex.V)
    send(uow, register_dko, question(identification=old, school_year=2025,
                                     registration_date=dt.date(2025, 9, 2)))
    new = dataclasses.replace(old, stamnummer="2600061", first_name="Yara")
    send(uow, register_dko, question(identification=new))
    with uow() as u:
        report = screen(u, today=TODAY)
    assert report.counts() == {"supplied": 1, "pseudo": 1, "waiting": 1}
    [(_, school, stamnummer, number)] = report.outcomes["supplied"]
    assert (school, stamnummer, number) == ("034567", "2600001", known.insz)
    [(_, _, _, pseudo)] = report.outcomes["pseudo"]
    assert is_pseudo(pseudo) and pseudo.startswith("1502")
    with uow() as u:                      # run again: nothing is given twice
        again = screen(u, today=TODAY)
    assert again.counts() == {"known": 2, "waiting": 1}
    school_items = send(uow, consult_school_numbers, NumbersQuestion("034567"), NumbersView,
                        sender=f.VENDOR, operation="GeefIdentificatienummers").result.items
    assert [(i.kind.value, i.insz) for i in school_items] == [("AANGEVULD", known.insz)]
    # the school's numbers are not the academy's, and each channel asks with its rights
    refused = send(uow, consult_school_numbers, NumbersQuestion("034567"), NumbersView,
                   operation="GeefIdentificatienummers")
    assert codes(refused) == [40006]


def test_the_consultation_pages_and_refuses_a_foreign_continuation(uow, monkeypatch):
    from discimus_service.services import consult_identification_numbers as c
    monkeypatch.setattr(c, "PAGE_SIZE", 1)
    for n in range(3):
        send(uow, register_dko, question(identification=f.identification(
            insz=None, stamnummer=f"260010{n}", sequence=10 + n)))
    page = send(uow, consult_dko_numbers, NumbersQuestion(ACADEMY), NumbersView,
                operation="GeefIdentificatienummers").result
    assert len(page.items) == 0 and page.continuation is None  # all pending: nothing yet
    with uow() as u:
        screen(u, today=TODAY + dt.timedelta(days=60))
    seen, token = [], None
    while True:
        page = send(uow, consult_dko_numbers, NumbersQuestion(ACADEMY, None, token),
                    NumbersView, operation="GeefIdentificatienummers").result
        seen += [i.stamnummer for i in page.items]
        token = page.continuation
        if token is None:
            break
    assert seen == ["2600100", "2600101", "2600102"]
    bad = send(uow, consult_dko_numbers, NumbersQuestion(ACADEMY, None, "afw1:xyz"),
               NumbersView, operation="GeefIdentificatienummers")
    assert codes(bad) == [10012]


def test_the_school_channel_looks_a_pending_student_up_on_receipt(uow):
    known = f.identification(stamnummer="2600050")
    assert send(uow, register_dko, question(identification=known)).accepted
    pending = f.identification(insz=None, stamnummer="2600001")
    answer = send(uow, register_enrollment, f.question(identification=pending),
                  EnrollmentView, sender=f.VENDOR, operation="RegistreerInschrijving")
    assert codes(answer) == [50600] and known.insz in answer.issues[0].diagnose
    from discimus_service.services.correct_enrollment import correct_enrollment
    again = send(uow, correct_enrollment, f.question(identification=pending),
                 EnrollmentView, sender=f.VENDOR, operation="CorrigeerInschrijving")
    assert codes(again) == [50600]              # the number given before, not twice
    with uow() as u:
        assert len(u.numbers.of_student(Channel.SCHOOL, "034567", "2600001")) == 1
    fixed = send(uow, correct_enrollment, f.question(), EnrollmentView, sender=f.VENDOR,
                 operation="CorrigeerInschrijving")
    assert fixed.accepted and codes(fixed) == []   # the school took the number in


def test_a_pseudo_number_given_before_is_named_as_such_on_the_next_message(uow):
    old = f.identification(insz=None, stamnummer="2500060", first_name="Amina",
                           last_name="Haddad", birth_date=dt.date(2015, 2, 14), sex=Sex.V)
    send(uow, register_dko, question(identification=old, school_year=2025,
                                     registration_date=dt.date(2025, 9, 2)))
    with uow() as u:
        [(_, _, _, pseudo)] = screen(u, today=TODAY).outcomes["pseudo"]
    again = send(uow, register_dko, question(identification=old))
    assert codes(again) == [50600]
    assert f"pseudo number {pseudo}" in again.issues[0].diagnose


def test_a_dko_mandate_that_ended_or_has_not_started_says_so(uow):
    with uow() as u:
        u.dko.add_mandate(Mandate("wisa", ACADEMY, MessageType.DKO, dt.date(2020, 9, 1),
                                  dt.date(2026, 8, 31)))
        u.dko.add_mandate(Mandate("wisa", "130002", MessageType.DKO, dt.date(2026, 10, 1)))
        u.commit()
    ended = send(uow, register_dko, question(), sender=f.OTHER_VENDOR)
    assert codes(ended) == [40600] and "ended on 2026-08-31" in ended.issues[0].diagnose
    later = send(uow, register_dko, question(institution_number="130002"),
                 sender=f.OTHER_VENDOR)
    assert codes(later) == [40600] and "starts only on 2026-10-01" in later.issues[0].diagnose


def test_a_correction_racing_the_screening_for_one_number_on_postgresql(uow, engine):
    """The screening commits the student's number between the message's check and its
    insert: the message loses that unique key once, tries again, and answers from the
    screening's record."""
    if engine.dialect.name != "postgresql":
        pytest.skip("SQLite: writers begin IMMEDIATE, one at a time; they cannot meet")
    from discimus_service.persistence.unit_of_work import SqlAlchemyUnitOfWork
    from discimus_service.services.correct_enrollment import correct_enrollment
    pending = f.question(identification=f.identification(insz=None, stamnummer="2600001"))
    send(uow, register_enrollment, pending, EnrollmentView, sender=f.VENDOR,
         operation="RegistreerInschrijving")          # nobody to match yet: 50601
    known = f.identification(stamnummer="2600050")
    assert send(uow, register_dko, question(identification=known)).accepted
    units = []

    class Raced(SqlAlchemyUnitOfWork):
        def __enter__(self):
            super().__enter__()
            if not units:
                of_student = self.numbers.of_student

                def checked_then_lose_the_race(*args):
                    found = of_student(*args)
                    with uow() as other:           # the screening, on another connection
                        screen(other, today=TODAY)
                    return found
                self.numbers.of_student = checked_then_lose_the_race
            units.append(self)
            return self

    answer = send(lambda **kw: Raced(engine, **kw), correct_enrollment, pending,
                  EnrollmentView, sender=f.VENDOR, operation="CorrigeerInschrijving")
    assert codes(answer) == [50600] and known.insz in answer.issues[0].diagnose
    assert len(units) == 2
    with uow() as u:
        assert len(u.numbers.of_student(Channel.SCHOOL, "034567", "2600001")) == 1
