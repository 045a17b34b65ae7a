"""School allowances (VTC 16/2016) against fakes: counting, refusals, field sets, audit,
fault rules."""
import dataclasses
import datetime as dt

import pytest

from discimus_fixtures.partners import AUTHORISATIONS, PARTNERS
from discimus_service.domain.absence import Absence, AbsenceCode, HalfDay
from discimus_service.domain.audit import ALL, FaultKind, FaultRule
from discimus_service.domain.errors import (
    CapacityNotAllowedError, InvalidInszError, NoDataFoundError, NoSchoolCalendarError,
    PartnerNotAuthorisedError, PersonNotRegisteredError, SourceBusyError,
    SourceUnavailableError,
)
from discimus_service.domain.model import (
    Aanleiding, Deregistration, Niveau, School, Sender, SenderKind,
)
from discimus_service.services import audit, exchange, fault_injection
from discimus_service.services.attendance import (
    ATTENDANCE, PROBLEMATIC, CountQuestion, CountResult, nursery_attendance,
    problematic_absences,
)
from discimus_service.services.exchange import Receipt
from discimus_service.services.partner_interest import (
    REGISTER, InterestQuestion, register_interest,
)
from tests import factories as f
from tests.fakes import FakeDatabase

D = dt.date
GROEIPAKKET = Sender("groeipakket", SenderKind.AGENCY, "Groeipakket")
INSPECTIE = Sender("onderwijsinspectie", SenderKind.AGENCY, "Onderwijsinspectie")
URI = "kb.vlaanderen.be/aiv/groeipakket"
NURSERY = School("045678", "Kleuterschool De Zonnebloem", Niveau.KLEUTER, "Gent")
TODDLER = f.identification(birth_date=D(2021, 5, 16), stamnummer="2500901", sequence=300)
INSZ = TODDLER.insz
TODAY = D(2026, 9, 3)
YEAR_2025 = (D(2025, 9, 1), D(2026, 8, 31))


def absence(day, half, code, school="045678", stamnummer="2500901"):
    return Absence(school, "LL-1", stamnummer, day, half, code, "informat", day)


@pytest.fixture
def db():
    db = FakeDatabase()
    f.seed(db.uow())
    with db.uow() as uow:
        uow.schools.add(NURSERY)
        for p in PARTNERS:
            uow.partners.add(p)
        for a in AUTHORISATIONS:
            uow.partners.add_authorisation(a)
        # Nursery 2025-2026 (to 30 June), then primary from September 2026.
        uow.enrollments.add(f.enrollment_of(f.question(
            identification=TODDLER, institution_number="045678", administrative_group="K3",
            start_date=D(2025, 9, 1), registration_date=D(2025, 8, 20)),
            deregistration=Deregistration(D(2026, 6, 30), Aanleiding.SCHOOLVERANDERING, "1")))
        uow.enrollments.add(f.enrollment_of(f.question(
            identification=dataclasses.replace(TODDLER, stamnummer="2600901"),
            institution_number="012345", administrative_group="L1",
            start_date=D(2026, 9, 1))))
        uow.absences.add_many([
            absence(D(2025, 9, 8), HalfDay.VM, AbsenceCode.A),
            absence(D(2025, 9, 8), HalfDay.NM, AbsenceCode.A),
            absence(D(2026, 3, 2), HalfDay.VM, AbsenceCode.B),
            absence(D(2026, 9, 2), HalfDay.VM, AbsenceCode.B, "012345", "2600901")])
        uow.commit()
    with db.uow() as uow:
        register_interest(uow, receipt(), InterestQuestion(
            REGISTER, URI, URI, "1300", (INSZ,), D(2025, 9, 1), None))
        uow.commit()
    return db


def receipt(sender=GROEIPAKKET, referte="r"):
    return Receipt(sender=sender, afzender=sender.sender_id, referte=referte, operation="op",
                   raw_message=b"", replay_key=f"k-{referte}",
                   received_at=dt.datetime(2026, 9, 3, 8, tzinfo=dt.timezone.utc), today=TODAY)


def ask(begin=YEAR_2025[0], end=YEAR_2025[1], insz=INSZ, capacity=None, afzender=URI):
    return CountQuestion(afzender, capacity, insz, begin, end)


def test_attendance_counts_school_half_days_enrolled_minus_absences(db):
    from discimus_service.domain.school_calendar import CALENDARS
    result = nursery_attendance(db.uow(), receipt(), ask()).result
    enrolled = len(CALENDARS[2025].half_days(D(2025, 9, 1), D(2026, 6, 30)))
    (year,) = result.years
    assert (year.school_year, year.enrolled_half_days, year.half_days) == (
        2025, enrolled, enrolled - 3)                         # two A and one B
    assert [(i.institution_number, i.half_days) for i in year.institutions] == [
        ("045678", enrolled - 3)]
    assert result.deliberation == "VTC 16/2016"


def test_primary_school_is_no_nursery_attendance(db):
    with pytest.raises(NoDataFoundError) as none:
        nursery_attendance(db.uow(), receipt(), ask(D(2026, 9, 1), D(2026, 12, 31)))
    assert none.value.code == 30101 and "Niveau 1" in none.value.diagnose


def test_problematic_counts_b_at_every_school_per_school_year(db):
    result = problematic_absences(db.uow(), receipt(),
                                  ask(D(2025, 9, 1), D(2026, 12, 31))).result
    assert [(y.school_year, y.half_days, y.enrolled_half_days) for y in result.years] == [
        (2025, 1, None), (2026, 1, None)]
    assert result.years[1].institutions[0].institution_number == "012345"


def test_a_period_without_any_enrollment_is_30101(db):
    with pytest.raises(NoDataFoundError):
        problematic_absences(db.uow(), receipt(), ask(D(2026, 7, 1), D(2026, 8, 31)))


@pytest.mark.parametrize("use_case", [nursery_attendance, problematic_absences])
def test_the_refusals_of_geefhistoriekinschrijving_apply(db, use_case):
    with pytest.raises(PartnerNotAuthorisedError):
        use_case(db.uow(), receipt(INSPECTIE),
                 ask(afzender="kb.vlaanderen.be/aiv/onderwijsinspectie"))
    with pytest.raises(CapacityNotAllowedError):
        use_case(db.uow(), receipt(), ask(capacity="1200"))
    with pytest.raises(InvalidInszError):
        use_case(db.uow(), receipt(), ask(insz="12345678901"))
    with pytest.raises(PersonNotRegisteredError):
        use_case(db.uow(), receipt(), ask(insz=f.identification(sequence=301).insz))


def test_a_period_reaching_a_year_without_calendar_is_30901(db):
    with db.uow() as uow:
        register_interest(uow, receipt(), InterestQuestion(
            REGISTER, URI, URI, "1300", (INSZ,), D(2010, 9, 1), None))
        uow.enrollments.add(f.enrollment_of(f.question(
            identification=dataclasses.replace(TODDLER, stamnummer="1000901"),
            institution_number="045678", administrative_group="K1",
            start_date=D(2010, 9, 1), registration_date=D(2010, 8, 20)),
            deregistration=Deregistration(D(2011, 6, 30), Aanleiding.SCHOOLVERANDERING, "1")))
        uow.commit()
    with pytest.raises(NoSchoolCalendarError) as refused:
        nursery_attendance(db.uow(), receipt(), ask(D(2010, 9, 1), D(2011, 6, 30)))
    assert refused.value.code == 30901


@pytest.mark.parametrize("field_set, institutions, enrolled", [
    ((), False, False), (("Instellingen",), True, False),
    (("AantalHalveDagenIngeschreven",), False, True)])
def test_the_field_set_leaves_out_the_optional_fields_not_granted(db, field_set,
                                                                  institutions, enrolled):
    with db.uow() as uow:
        uow.state.authorisations[:] = [
            dataclasses.replace(a, field_set=field_set) if a.service == ATTENDANCE else a
            for a in uow.state.authorisations]
        uow.commit()
    (year,) = nursery_attendance(db.uow(), receipt(), ask()).result.years
    assert bool(year.institutions) is institutions
    assert (year.enrolled_half_days is not None) is enrolled
    assert year.half_days > 0                                    # always answered


def test_an_answered_consultation_is_audited_with_its_journal_entry(db):
    hook = audit.consultation_audit(ATTENDANCE, lambda result: ("Schooljaren/Schooljaar/Jaar",))
    answer = exchange.handle(db.uow, receipt(referte="a-1"), ask(), nursery_attendance,
                             CountResult, audit=hook)
    assert answer.accepted
    (entry,) = audit.who_looked(db.uow(), INSZ)
    assert (entry.sender_id, entry.identification, entry.service, entry.referte) == (
        "groeipakket", URI, "op", "a-1")
    assert (entry.deliberation, entry.capacity, entry.verdict) == (
        "VTC 16/2016", "1300", "AANVAARD")
    assert entry.fields == ("Schooljaren/Schooljaar/Jaar",)
    assert audit.what_was_seen(db.uow(), "groeipakket") == [entry]
    # The resend is answered from the journal: nothing new was seen, nothing audited.
    again = exchange.handle(db.uow, dataclasses.replace(receipt(referte="a-1"),
                                                        replay_key="k-2"),
                            ask(), nursery_attendance, CountResult, audit=hook)
    assert [i.code for i in again.issues] == [50003]
    assert len(audit.who_looked(db.uow(), INSZ)) == 1


def test_a_refused_consultation_writes_its_journal_entry_only(db):
    hook = audit.consultation_audit(PROBLEMATIC, lambda result: ())
    answer = exchange.handle(db.uow, receipt(referte="a-2"), ask(capacity="1200"),
                             problematic_absences, CountResult, audit=hook)
    assert not answer.accepted
    with db.uow() as uow:
        assert uow.journal.count() == 1 and uow.audit.find(insz=INSZ) == []


def test_fault_rules_refuse_or_delay_before_the_transaction(db):
    slept = []
    now = dt.datetime(2026, 9, 3, tzinfo=dt.timezone.utc)
    assert fault_injection.injected(db.uow, "GeefAantalAanwezigheden", INSZ,
                                    sleep=slept.append) is None
    with db.uow() as uow:
        busy = fault_injection.add_rule(uow, FaultRule(ALL, ALL, FaultKind.BUSY), now)
    with db.uow() as uow:
        fault_injection.add_rule(uow, FaultRule("GeefAantalAanwezigheden", INSZ,
                                                FaultKind.UNAVAILABLE, 1.5, "demo"), now)
    refusal = fault_injection.injected(db.uow, "GeefAantalAanwezigheden", INSZ,
                                       sleep=slept.append)
    assert isinstance(refusal, SourceUnavailableError) and slept == [1.5]
    assert refusal.magda_code == 60006 and "Geen antwoord van de bron" in refusal.diagnose
    other = fault_injection.injected(db.uow, "GeefHistoriekInschrijving", INSZ,
                                     sleep=slept.append)
    assert isinstance(other, SourceBusyError) and other.magda_code == 99996
    with db.uow() as uow:
        assert fault_injection.clear_rules(uow, rule_id=busy) == 1
    with db.uow() as uow:
        assert fault_injection.clear_rules(uow) == 1
    assert fault_injection.injected(db.uow, "GeefAantalAanwezigheden", INSZ,
                                    sleep=slept.append) is None


@pytest.mark.parametrize("rule, problem", [
    (FaultRule(ALL, ALL, FaultKind.SLOW), "needs a delay"),
    (FaultRule(ALL, ALL, FaultKind.BUSY, -1), "give 0 to"),
    (FaultRule(ALL, ALL, FaultKind.SLOW, 21), "give 0 to")])
def test_a_fault_rule_needs_a_sensible_delay(db, rule, problem):
    with pytest.raises(ValueError, match=problem):
        fault_injection.add_rule(db.uow(), rule, dt.datetime.now(dt.timezone.utc))


def test_a_fault_rule_for_an_invalid_insz_is_refused(db):
    with pytest.raises(InvalidInszError):
        fault_injection.add_rule(db.uow(), FaultRule(ALL, "12345678901", FaultKind.BUSY),
                                 dt.datetime.now(dt.timezone.utc))


def test_a_school_year_not_begun_yet_is_no_year_of_the_problematic_answer(db):
    result = problematic_absences(db.uow(), receipt(),
                                  ask(D(2025, 9, 1), D(2027, 12, 31))).result
    assert [y.school_year for y in result.years] == [2025, 2026]        # not 2027
