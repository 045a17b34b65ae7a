"""Audit log, fault rules, field sets and the retention run, against SQLite and PostgreSQL."""
import dataclasses
import datetime as dt

from discimus_fixtures.partners import PARTNERS
from discimus_service.domain.absence import Absence, AbsenceCode, HalfDay
from discimus_service.domain.audit import ALL, AuditEntry, FaultKind, FaultRule
from discimus_service.domain.model import (
    Aanleiding, Deregistration, JournalEntry, Sender, SenderKind,
)
from discimus_service.domain.partners import PartnerAuthorisation
from discimus_service.persistence.database import row_counts
from discimus_service.services.retention import run_retention
from tests import factories as f

D = dt.date
UTC = dt.timezone.utc


def entry(at, insz="21051660106", sender="groeipakket", fields=("Schooljaren/Schooljaar/Jaar",)):
    return AuditEntry(at=at, sender_id=sender, identification=f"kb.vlaanderen.be/aiv/{sender}",
                      service="GeefAantalAanwezigheden-02.00", referte=f"r-{at:%H%M%S}",
                      insz=insz, capacity="1300", deliberation="VTC 16/2016",
                      verdict="AANVAARD", codes="", fields=fields)


def test_the_audit_is_found_by_insz_and_by_sender_oldest_first(uow_factory):
    brussels = dt.timezone(dt.timedelta(hours=2))
    first = dt.datetime(2026, 9, 3, 10, tzinfo=UTC)
    with uow_factory() as uow:
        uow.audit.add(entry(first + dt.timedelta(hours=1), fields=()))
        uow.audit.add(entry(first.astimezone(brussels)))
        uow.audit.add(entry(first, insz="12031527701", sender="clb"))
        uow.commit()
    with uow_factory(read_only=True) as uow:
        about = uow.audit.find(insz="21051660106")
        by_clb = uow.audit.find(sender_id="clb")
        assert len(uow.audit.find(insz="21051660106", limit=1)) == 1
    assert [e.at for e in about] == [first, first + dt.timedelta(hours=1)]
    assert about[0].fields == ("Schooljaren/Schooljaar/Jaar",) and about[1].fields == ()
    assert about[0].at.utcoffset() is not None
    assert [e.insz for e in by_clb] == ["12031527701"]


def test_fault_rules_are_stored_listed_and_removed(uow_factory):
    now = dt.datetime(2026, 9, 3, tzinfo=UTC)
    with uow_factory() as uow:
        one = uow.fault_rules.add(FaultRule(ALL, ALL, FaultKind.BUSY), now)
        two = uow.fault_rules.add(FaultRule("GeefAantalAanwezigheden", "21051660106",
                                            FaultKind.SLOW, 2.5, "demo"), now)
        uow.commit()
    with uow_factory(read_only=True) as uow:
        rules = uow.fault_rules.all()
    assert [(r.id, r.kind, r.delay_seconds, r.note) for r in rules] == [
        (one, FaultKind.BUSY, 0.0, ""), (two, FaultKind.SLOW, 2.5, "demo")]
    with uow_factory() as uow:
        assert uow.fault_rules.remove(service="GeefAantalAanwezigheden") == 1
        assert uow.fault_rules.remove() == 1
        uow.commit()
    with uow_factory(read_only=True) as uow:
        assert uow.fault_rules.all() == []


def test_an_authorisations_field_set_is_kept(uow_factory):
    with uow_factory() as uow:
        f.seed(uow)
        uow.senders.add(Sender("groeipakket", SenderKind.AGENCY, "Groeipakket"))
        uow.partners.add(PARTNERS[0])
        for fields in (None, (), ("Instellingen", "AantalHalveDagenIngeschreven")):
            uow.partners.add_authorisation(PartnerAuthorisation(
                "groeipakket", f"S{fields!r}"[:80], "VTC 16/2016", ("1300",), D(2016, 9, 1),
                field_set=fields))
        uow.commit()
    with uow_factory(read_only=True) as uow:
        for fields in (None, (), ("Instellingen", "AantalHalveDagenIngeschreven")):
            (found,) = uow.partners.authorisations("groeipakket", f"S{fields!r}"[:80])
            assert found.field_set == fields


def _old_and_new(uow):
    """An ended career (2018-2019), a running one that began then, a recent ended one."""
    f.seed(uow)
    old = f.question(identification=f.identification(stamnummer="1800001", sequence=310),
                     start_date=D(2018, 9, 1), registration_date=D(2018, 8, 20))
    uow.enrollments.add(f.enrollment_of(old, deregistration=Deregistration(
        D(2019, 6, 30), Aanleiding.SCHOOLVERANDERING, "1")))
    uow.enrollments.add(f.enrollment_of(dataclasses.replace(
        old, institution_number="012345"), deregistration=Deregistration(
        D(2019, 8, 31), Aanleiding.SCHOOLVERANDERING, "1")))
    running = f.question(identification=f.identification(stamnummer="1800002", sequence=311),
                         start_date=D(2018, 9, 1), registration_date=D(2018, 8, 20))
    uow.enrollments.add(f.enrollment_of(running))
    recent = f.question(identification=f.identification(stamnummer="2400003", sequence=312),
                        start_date=D(2024, 9, 1), registration_date=D(2024, 8, 20))
    uow.enrollments.add(f.enrollment_of(recent, deregistration=Deregistration(
        D(2025, 6, 30), Aanleiding.SCHOOLVERANDERING, "1")))
    uow.absences.add_many([
        Absence("034567", "LL", "1800001", D(2019, 3, 4), HalfDay.VM, AbsenceCode.Z,
                "informat", D(2019, 3, 4)),
        Absence("034567", "LL", "1800002", D(2019, 3, 4), HalfDay.VM, AbsenceCode.B,
                "informat", D(2019, 3, 4)),
        Absence("034567", "LL", "1800002", D(2025, 3, 4), HalfDay.VM, AbsenceCode.B,
                "informat", D(2025, 3, 4))])
    for referte, received in (("old", dt.datetime(2019, 3, 4, 9, tzinfo=UTC)),
                              ("new", dt.datetime(2025, 3, 4, 9, tzinfo=UTC))):
        uow.journal.add(JournalEntry(sender_id="informat", referte=referte,
                                     operation="RegistreerAfwezigheden",
                                     received_at=received, raw_message=b"<x/>",
                                     question_digest="d", verdict="AANVAARD", codes="",
                                     answer_json="{}", replay_key=f"k-{referte}"))
        uow.audit.add(entry(received))
    uow.commit()


def test_a_dry_run_counts_and_changes_nothing(uow_factory, engine):
    with uow_factory() as uow:
        _old_and_new(uow)
    before = row_counts(engine)
    with uow_factory() as uow:
        report = run_retention(uow, D(2025, 9, 15), dry_run=True)
    assert report.cutoff == D(2020, 9, 1) and report.dry_run
    assert (report.absences, report.careers, report.enrollments, report.journal_entries,
            report.audit_entries) == (2, 1, 2, 1, 1)
    assert row_counts(engine) == before


def test_the_run_purges_what_is_past_retention_and_keeps_the_rest(uow_factory, engine):
    with uow_factory() as uow:
        _old_and_new(uow)
    before = row_counts(engine)
    with uow_factory() as uow:
        report = run_retention(uow, D(2025, 9, 15), dry_run=False)
    assert (report.absences, report.careers, report.enrollments) == (2, 1, 2)
    after = row_counts(engine)
    assert after["absences"] == before["absences"] - 2
    assert after["enrollments"] == before["enrollments"] - 2
    assert after["journal"] == before["journal"] - 1
    assert after["audit_log"] == before["audit_log"] - 1
    with uow_factory(read_only=True) as uow:
        kept = [e.stamnummer for e in uow.enrollments.at_institution("034567")]
        assert kept == ["1800002", "2400003"]
        assert uow.journal.find("informat", "new") is not None
    # A second run finds nothing more.
    with uow_factory() as uow:
        again = run_retention(uow, D(2025, 9, 15), dry_run=False)
    assert (again.absences, again.careers, again.journal_entries) == (0, 0, 0)


def test_an_ended_career_takes_its_rows_in_the_other_tables_but_not_its_certificates(
        uow_factory, engine):
    from discimus_service.persistence import tables as t
    with uow_factory() as uow:
        _old_and_new(uow)
        (gone,) = [e for e in uow.enrollments.at_institution("034567", "1800001")]
        (kept,) = [e for e in uow.enrollments.at_institution("034567", "1800002")]
    now = dt.datetime(2019, 6, 1, tzinfo=UTC)
    with engine.begin() as c:
        for e in (gone, kept):
            c.execute(t.characteristics.insert().values(
                institution_number="034567", stamnummer=e.stamnummer,
                declared_on=D(2018, 9, 3), student_id="LL", home_language="N",
                mother_education="4", sender_id="informat", received_on=D(2018, 9, 3)))
            c.execute(t.motivated_reports.insert().values(
                clb_id="clb", insz=e.insz, report_date=D(2019, 5, 2), kind="BA",
                valid_from=D(2019, 5, 2), received_at=now))
            c.execute(t.certificates.insert().values(
                institution_number="034567", stamnummer=e.stamnummer, kind="GBO",
                school_year=2018, student_id="LL", insz=e.insz, obtained_on=D(2019, 6, 28),
                excluded_forms="", institution_name="Sint-Jozefscollege",
                special_needs=False, sender_id="informat", received_on=D(2019, 6, 28)))
    before = row_counts(engine)
    with uow_factory() as uow:
        dry = run_retention(uow, D(2025, 9, 15), dry_run=True)
    assert (dry.person_rows["characteristics"], dry.person_rows["motivated_reports"]) == (1, 1)
    assert row_counts(engine) == before
    with uow_factory() as uow:
        done = run_retention(uow, D(2025, 9, 15), dry_run=False)
    assert done.person_rows == dry.person_rows
    after = row_counts(engine)
    assert after["characteristics"] == before["characteristics"] - 1
    assert after["motivated_reports"] == before["motivated_reports"] - 1
    # A certificate is a proof of learning for life (LED): it outlives the career.
    assert after["certificates"] == before["certificates"]
    with engine.connect() as c:
        left = {r.stamnummer for r in c.execute(t.characteristics.select())}
    assert left == {"1800002"}
