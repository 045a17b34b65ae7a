"""The CLB feed against fakes: notifications written with the absences that cause them,
once per INSZ, school year and threshold, and read with a cursor."""
import dataclasses
import datetime as dt

import pytest

from discimus_fixtures.partners import AUTHORISATIONS, PARTNERS
from discimus_service.domain.absence import AbsenceCode as C, HalfDay
from discimus_service.domain.errors import PartnerNotAuthorisedError, SenderMismatchError
from discimus_service.domain.model import Sender, SenderKind
from discimus_service.services.absence_views import AbsencesQuestion
from discimus_service.services.cancel_absences import cancel_absences
from discimus_service.services.clb_feed import FeedQuestion, read_feed
from discimus_service.services.exchange import Receipt
from discimus_service.services.register_absences import register_absences
from tests import factories as f
from tests.fakes import FakeDatabase

D = dt.date
SCHOOL, OTHER = "034567", "012345"
CLB = Sender("clb", SenderKind.AGENCY, "CLB")
GROEIPAKKET = Sender("groeipakket", SenderKind.AGENCY, "Groeipakket")
STUDENT = f.identification(stamnummer="2500001", sequence=41)
AT_OTHER = dataclasses.replace(STUDENT, stamnummer="2500077")
MONDAY = D(2025, 10, 6)


@pytest.fixture
def db():
    db = FakeDatabase()
    f.seed(db.uow(), mandates=f.absence_mandates())
    with db.uow() as uow:
        for p in PARTNERS:
            uow.partners.add(p)
        for a in AUTHORISATIONS:
            uow.partners.add_authorisation(a)
        uow.senders.add(CLB)
        uow.clb.assign(SCHOOL, "clb")
        uow.clb.assign(OTHER, "clb")
        # The same student (one INSZ) at two schools in school year 2025.
        for identification, school in ((STUDENT, SCHOOL), (AT_OTHER, OTHER)):
            uow.enrollments.add(f.enrollment_of(f.question(
                identification=identification, institution_number=school,
                start_date=D(2025, 9, 1), registration_date=D(2025, 8, 20))))
        uow.commit()
    return db


def b_half_days(n, start=0, stamnummer="2500001", code=C.B):
    """B half days on school days from Monday 6 October 2025, morning then afternoon."""
    out = []
    for i in range(start, start + n):
        day = MONDAY + dt.timedelta(days=7 * (i // 10) + (i % 10) // 2)
        out.append(f.half_day(student_id="LL-1", stamnummer=stamnummer, date=day,
                              half_day=(HalfDay.VM, HalfDay.NM)[i % 2], code=code))
    return tuple(out)


def receipt(sender=f.VENDOR, referte="r"):
    return Receipt(sender=sender, afzender=sender.sender_id, referte=referte,
                   operation="op", raw_message=b"", replay_key=f"k-{referte}",
                   received_at=dt.datetime(2026, 9, 3, 8, tzinfo=dt.timezone.utc),
                   today=f.TODAY)


def send(db, items, school=SCHOOL, cancel=False):
    with db.uow() as uow:
        use_case = cancel_absences if cancel else register_absences
        answer = use_case(uow, receipt(), AbsencesQuestion(school, tuple(items)))
        if answer.accepted:
            uow.commit()
    return answer


def feed(db, after=0, limit=100, sender=CLB, afzender="kb.vlaanderen.be/aiv/clb"):
    return read_feed(db.uow(read_only=True), receipt(sender),
                     FeedQuestion(afzender, None, after, limit)).result


def test_the_tenth_half_day_notifies_the_guiding_clb_once(db):
    assert send(db, b_half_days(9)).accepted
    assert feed(db).notifications == ()
    assert send(db, b_half_days(1, start=9)).accepted
    (n,) = feed(db).notifications
    assert (n.sequence, n.insz, n.school_year, n.threshold, n.half_days) == (
        1, STUDENT.insz, 2025, 10, 10)
    assert (n.tenth, n.thirtieth, n.institutions) == (D(2025, 10, 10), None, (SCHOOL,))
    # The same week again, and one more B half day: nothing new for the 10.
    assert send(db, b_half_days(11)).accepted
    assert len(feed(db).notifications) == 1


def test_thirty_half_days_over_two_schools_give_the_second_notification(db):
    assert send(db, b_half_days(20)).accepted
    assert send(db, b_half_days(10, start=20, stamnummer="2500077"), school=OTHER).accepted
    ten, thirty = feed(db).notifications
    assert (ten.threshold, thirty.threshold, thirty.sequence) == (10, 30, 2)
    assert thirty.thirtieth == D(2025, 10, 24) and thirty.tenth == D(2025, 10, 10)
    assert thirty.institutions == (OTHER, SCHOOL) and thirty.half_days == 30


def test_one_late_message_reaching_both_thresholds_gives_both_in_order(db):
    assert send(db, b_half_days(30)).accepted
    assert [(n.sequence, n.threshold) for n in feed(db).notifications] == [(1, 10), (2, 30)]


def test_other_codes_do_not_count(db):
    assert send(db, b_half_days(10, code=C.Z)).accepted
    assert feed(db).notifications == ()


def test_a_correction_to_b_counts(db):
    assert send(db, b_half_days(9) + b_half_days(1, start=9, code=C.Z)).accepted
    assert send(db, b_half_days(1, start=9)).accepted          # Z corrected to B
    assert [n.threshold for n in feed(db).notifications] == [10]


def test_cancelled_below_the_threshold_the_notification_stays_and_is_not_repeated(db):
    assert send(db, b_half_days(10)).accepted
    assert send(db, b_half_days(3), cancel=True).accepted
    assert [n.threshold for n in feed(db).notifications] == [10]
    assert send(db, b_half_days(3)).accepted                   # reaching 10 again
    assert [n.threshold for n in feed(db).notifications] == [10]


def test_a_refused_message_writes_no_notification(db):
    bad = b_half_days(10) + (f.half_day(stamnummer="2699999", code=C.B),)
    assert not send(db, bad).accepted
    assert feed(db).notifications == ()


def test_a_school_no_clb_guides_gives_no_notification(db):
    with db.uow() as uow:
        uow.clb.assign(SCHOOL, "other-clb")
        uow.commit()
    assert send(db, b_half_days(10)).accepted
    assert feed(db).notifications == ()
    with db.uow() as uow:
        (n,) = uow.clb.feed("other-clb", 0, 10)
    assert n.threshold == 10


def test_the_cursor_reads_in_order_without_removing(db):
    students = [dataclasses.replace(STUDENT, stamnummer=f"25000{i:02d}", insz=None)
                for i in range(10, 13)]
    with db.uow() as uow:
        for i, s in enumerate(students):
            uow.enrollments.add(f.enrollment_of(f.question(
                identification=f.identification(stamnummer=s.stamnummer,
                                                 sequence=60 + i),
                institution_number=SCHOOL, start_date=D(2025, 9, 1))))
        uow.commit()
    for s in students:
        assert send(db, b_half_days(10, stamnummer=s.stamnummer)).accepted
    first = feed(db, limit=2)
    assert [n.sequence for n in first.notifications] == [1, 2]
    assert (first.cursor, first.more) == (2, True)
    rest = feed(db, after=first.cursor, limit=2)
    assert [n.sequence for n in rest.notifications] == [3]
    assert (rest.cursor, rest.more) == (3, False)
    empty = feed(db, after=rest.cursor)
    assert (empty.notifications, empty.cursor, empty.more) == ((), 3, False)
    assert [n.sequence for n in feed(db).notifications] == [1, 2, 3]   # still there


def test_a_partner_without_the_authorisation_is_refused(db):
    with pytest.raises(PartnerNotAuthorisedError):
        feed(db, sender=GROEIPAKKET, afzender="kb.vlaanderen.be/aiv/groeipakket")


def test_another_partners_identification_is_refused(db):
    with pytest.raises(SenderMismatchError):
        feed(db, afzender="kb.vlaanderen.be/aiv/groeipakket")


def test_the_audit_names_each_person_a_feed_answer_showed_once(db):
    from discimus_service.services import audit
    from discimus_service.services.answers import Answer
    from discimus_service.services.clb_feed import FEED, FeedResult
    other = dataclasses.replace(STUDENT, stamnummer="2500099", insz="21051660106")
    with db.uow() as uow:
        uow.enrollments.add(f.enrollment_of(f.question(
            identification=other, institution_number=SCHOOL, start_date=D(2025, 9, 1))))
        uow.commit()
    send(db, b_half_days(30))
    send(db, b_half_days(10, stamnummer="2500099"))
    shown = feed(db)
    assert [n.insz for n in shown.notifications] == [STUDENT.insz] * 2 + [other.insz]
    hook = audit.consultation_audit(FEED, lambda result: ("Meldingen/Melding/INSZ",))
    question = FeedQuestion("kb.vlaanderen.be/aiv/clb", None, 0, 100)
    with db.uow() as uow:
        hook(uow, receipt(CLB), question, Answer(shown))
        hook(uow, receipt(CLB), question, Answer(FeedResult((), 3, False, "VTC 05/2016")))
        entries = uow.audit.find(sender_id="clb")
    assert [e.insz for e in entries] == [STUDENT.insz, other.insz, None]
    assert {e.deliberation for e in entries} == {"VTC 05/2016"}
