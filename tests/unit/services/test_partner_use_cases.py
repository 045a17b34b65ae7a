"""Partner use cases (MAGDA side) against in-memory fakes: the refusals and their order."""
import datetime as dt

import pytest

from discimus_fixtures.partners import AUTHORISATIONS, PARTNERS
from discimus_service.domain.errors import (
    CapacityNotAllowedError, InvalidInszError, NoDataFoundError,
    OutsideRegisteredPeriodError, PartnerNotAuthorisedError, PersonNotRegisteredError,
    SenderMismatchError,
)
from discimus_service.domain.model import Aanleiding, Deregistration, Sender, SenderKind
from discimus_service.services.enrollment_history import HistoryQuestion, enrollment_history
from discimus_service.services.exchange import Receipt
from discimus_service.services.partner_interest import (
    END, REGISTER, InterestQuestion, end_interest, register_interest,
)
from tests import factories as f
from tests.fakes import FakeDatabase

D = dt.date
GROEIPAKKET = Sender("groeipakket", SenderKind.AGENCY, "Groeipakket")
INSPECTIE = Sender("onderwijsinspectie", SenderKind.AGENCY, "Onderwijsinspectie")
URI = "kb.vlaanderen.be/aiv/groeipakket"
Q = f.question()
INSZ = Q.identification.insz


@pytest.fixture
def db():
    db = FakeDatabase()
    f.seed(db.uow())
    with db.uow() as uow:
        for p in PARTNERS:
            uow.partners.add(p)
        for a in AUTHORISATIONS:
            uow.partners.add_authorisation(a)
        uow.enrollments.add(f.enrollment_of(Q))
        uow.enrollments.add(f.enrollment_of(
            f.question(institution_number="056789", start_date=D(2025, 9, 1),
                       registration_date=D(2025, 8, 20)),
            deregistration=Deregistration(D(2026, 6, 30), Aanleiding.SCHOOLVERANDERING, "1")))
        uow.commit()
    return db


def receipt(sender=GROEIPAKKET):
    return Receipt(sender=sender, afzender=sender.sender_id, referte="r", operation="op",
                   raw_message=b"", replay_key="k",
                   received_at=dt.datetime(2026, 9, 3, tzinfo=dt.timezone.utc), today=f.TODAY)


def interest(service=REGISTER, insz=INSZ, begin=D(2025, 9, 1), end=None, capacity="1300",
             identification=URI, afzender=URI):
    return InterestQuestion(service, afzender, identification, capacity, (insz,), begin, end)


def history(begin=D(2025, 9, 1), end=D(2026, 12, 31), insz=INSZ, capacity=None,
            afzender=URI):
    return HistoryQuestion(afzender, capacity, insz, begin, end)


def test_registered_partner_gets_every_enrollment_of_the_period_oldest_first(db):
    uow = db.uow()
    assert register_interest(uow, receipt(), interest()).result.persons == 1
    entries = enrollment_history(uow, receipt(), history()).result.entries
    assert [(e.institution_number, e.start_date, e.end_date, e.reason) for e in entries] == [
        ("056789", D(2025, 9, 1), D(2026, 6, 30), "S"), ("034567", D(2026, 9, 1), None, None)]
    assert entries[0].institution_name == "Atheneum Brugge"
    assert entries[0].school_year == 2025 and entries[1].institution_niveau == 3


def test_only_enrollments_overlapping_the_period_are_answered(db):
    uow = db.uow()
    register_interest(uow, receipt(), interest())
    entries = enrollment_history(uow, receipt(), history(D(2026, 1, 1), D(2026, 6, 30)))
    assert [e.institution_number for e in entries.result.entries] == ["056789"]


def test_no_enrollment_in_the_period_is_30101(db):
    uow = db.uow()
    register_interest(uow, receipt(), interest())
    with pytest.raises(NoDataFoundError) as none:
        enrollment_history(uow, receipt(), history(D(2026, 7, 1), D(2026, 8, 31)))
    assert none.value.code == 30101


def test_a_partner_without_the_authorisation_is_refused_before_anything_else(db):
    with pytest.raises(PartnerNotAuthorisedError):
        enrollment_history(db.uow(), receipt(INSPECTIE),
                           history(insz="123", afzender="kb.vlaanderen.be/aiv/onderwijsinspectie"))


def test_the_capacity_of_the_context_must_be_authorised(db):
    with pytest.raises(CapacityNotAllowedError):
        enrollment_history(db.uow(), receipt(), history(capacity="1200"))


def test_an_invalid_insz_is_20002_after_the_authorisation(db):
    with pytest.raises(InvalidInszError):
        enrollment_history(db.uow(), receipt(), history(insz="12345678901"))


def test_an_unregistered_person_is_40022_and_outside_the_period_40023(db):
    uow = db.uow()
    with pytest.raises(PersonNotRegisteredError):
        enrollment_history(uow, receipt(), history())
    register_interest(uow, receipt(), interest(begin=D(2026, 1, 1)))
    with pytest.raises(OutsideRegisteredPeriodError):
        enrollment_history(uow, receipt(), history(D(2025, 9, 1), D(2026, 12, 31)))


def test_ending_the_interest_closes_the_consultation(db):
    uow = db.uow()
    register_interest(uow, receipt(), interest())
    end_interest(uow, receipt(), interest(service=END, begin=None))
    with pytest.raises(OutsideRegisteredPeriodError):
        enrollment_history(uow, receipt(), history())


@pytest.mark.parametrize("kw", [dict(identification="kb.vlaanderen.be/aiv/clb"),
                                dict(afzender="groeipakket")],
                         ids=["for-another-partner", "context-not-the-uri"])
def test_a_partner_registers_for_itself_only_under_its_own_uri(db, kw):
    with pytest.raises(SenderMismatchError):
        register_interest(db.uow(), receipt(), interest(**kw))


def test_a_vendor_is_no_partner(db):
    with pytest.raises(SenderMismatchError, match="not registered as a partner"):
        register_interest(db.uow(), receipt(f.VENDOR), interest(afzender="informat"))


def test_registering_needs_the_repertorium_authorisation_and_capacity(db):
    clb = Sender("clb", SenderKind.AGENCY, "CLB")
    with pytest.raises(PartnerNotAuthorisedError):
        register_interest(db.uow(), receipt(clb), interest(
            afzender="kb.vlaanderen.be/aiv/clb", identification="kb.vlaanderen.be/aiv/clb"))
    with pytest.raises(CapacityNotAllowedError):
        register_interest(db.uow(), receipt(), interest(capacity="9999"))


def test_registering_an_invalid_insz_writes_nothing(db):
    uow = db.uow()
    with pytest.raises(InvalidInszError):
        register_interest(uow, receipt(), interest(insz="12345678901"))
    assert uow.interests.of_person("groeipakket", "12345678901") == []


def test_a_field_set_leaves_out_the_optional_fields_it_does_not_grant(db):
    import dataclasses
    with db.uow() as uow:
        uow.state.authorisations[:] = [
            dataclasses.replace(a, field_set=("DatumEersteLes",))
            if a.service == "Onderwijs.GeefHistoriekInschrijving" else a
            for a in uow.state.authorisations]
        uow.commit()
    uow = db.uow()
    register_interest(uow, receipt(), interest())
    first, later = enrollment_history(uow, receipt(), history()).result.entries
    assert (first.reason, first.situation_after, first.institution_municipality) == (
        None, None, None)
    assert first.first_attendance_date == D(2025, 9, 1)          # granted
    assert first.institution_number == "056789" and first.end_date == D(2026, 6, 30)
