"""In-memory implementations of the ports, for unit tests of the use cases.

They subclass the abstract ports, so a port change breaks them loudly. Commit copies the
working state over the committed state; rollback throws the working state away, which
is what the real unit of work does with a transaction.
"""
from __future__ import annotations

import copy
import dataclasses
import itertools

from discimus_service.domain import consultations
from discimus_service.domain.model import SecurityProfile
from discimus_service.services import ports


class _State:
    def __init__(self):
        self.enrollments: dict[int, object] = {}
        self.absences: dict[int, object] = {}
        self.characteristics: dict[int, object] = {}
        self.records: dict[int, object] = {}
        self.certificates: dict[int, object] = {}
        self.schools: dict[str, object] = {}
        self.senders: dict[str, object] = {}
        self.mandates: list = []
        self.journal: list = []
        self.replay_keys: set = set()
        self.partners: dict[str, object] = {}
        self.authorisations: list = []
        self.interests: list = []
        self.academies: dict[str, object] = {}
        self.dko_mandates: list = []
        self.dko: dict[int, object] = {}
        self.numbers: dict[int, object] = {}
        self.boarding: dict[int, object] = {}
        self.audit: list = []
        self.fault_rules: list = []
        self.directors: list = []
        self.sharing_events: list = []
        self.home_inspections: dict = {}     # (insz, visit date) -> InspectionResult
        self.exam_results: dict = {}         # (insz, decision date) -> ExamResult
        self.classes: dict[tuple[str, str], object] = {}
        self.clb_guidance: dict[str, str] = {}
        self.clb_notifications: list = []
        self.motivated_reports: list = []


class FakeEnrollments(ports.EnrollmentRepository):
    def __init__(self, state, ids):
        self.s, self.ids = state, ids

    def add(self, enrollment):
        if enrollment.id is None:
            enrollment.id = next(self.ids)
        self.s.enrollments[enrollment.id] = copy.deepcopy(enrollment)

    def get(self, institution_number, stamnummer, start_date):
        for e in self.s.enrollments.values():
            if (e.institution_number, e.stamnummer, e.start_date) == (
                    institution_number, stamnummer, start_date):
                return copy.deepcopy(e)
        return None

    def at_institution(self, institution_number, stamnummer=None, *, insz=None):
        return sorted((copy.deepcopy(e) for e in self.s.enrollments.values()
                       if e.institution_number == institution_number
                       and (stamnummer is None or e.stamnummer == stamnummer)
                       and (insz is None or e.insz == insz)),
                      key=lambda e: (e.start_date, e.id))

    def doubles_at(self, institution_number, *, on=None, after=None, limit):
        # The domain rule over every pair: what the SQL query must agree with.
        own = self.at_institution(institution_number)
        doubles = consultations.double_enrollments(
            own, [copy.deepcopy(e) for e in self.s.enrollments.values()], on=on)
        pairs = [(d.own, d.other) for d in doubles
                 if after is None or consultations.order_key(d) > tuple(after)]
        return pairs[:limit]

    def for_students(self, inszs):
        inszs = set(inszs)
        return [copy.deepcopy(e) for e in self.s.enrollments.values() if e.insz in inszs]


class FakeAbsences(ports.AbsenceRepository):
    def __init__(self, state, ids):
        self.s, self.ids = state, ids

    def add_many(self, absences):
        for a in absences:
            if any(b.key == a.key for b in self.s.absences.values()):
                raise ports.DuplicateKeyError(str(a.key))
            stored = copy.deepcopy(a)
            stored.id = next(self.ids)
            self.s.absences[stored.id] = stored

    def update(self, absence):
        self.s.absences[absence.id] = copy.deepcopy(absence)

    def remove(self, ids):
        for i in ids:
            del self.s.absences[i]

    def of_students(self, institution_number, stamnummers, first, last):
        stamnummers = set(stamnummers)
        return sorted((copy.deepcopy(a) for a in self.s.absences.values()
                       if a.institution_number == institution_number
                       and a.stamnummer in stamnummers and first <= a.date <= last),
                      key=lambda a: (a.date, a.id))

    def count_code(self, institution_number, stamnummers, code, first, last):
        counts: dict = {}
        for a in self.s.absences.values():
            if (a.institution_number == institution_number and a.stamnummer in
                    set(stamnummers) and a.code == code and first <= a.date <= last):
                counts[a.stamnummer] = counts.get(a.stamnummer, 0) + 1
        return counts

    def page(self, institution_number, *, stamnummer, first, last, after, limit):
        rows = sorted((a for a in self.s.absences.values()
                       if a.institution_number == institution_number
                       and (stamnummer is None or a.stamnummer == stamnummer)
                       and (first is None or first <= a.date)
                       and (last is None or a.date <= last)
                       and (after is None or (a.date, a.id) > after)),
                      key=lambda a: (a.date, a.id))
        return [copy.deepcopy(a) for a in rows[:limit]]


class FakeRecords(ports.RecordRepository):
    def __init__(self, state, ids):
        self.s, self.ids = state, ids

    def add(self, record):
        import dataclasses
        if self.get(record.kind, record.institution_number, record.key) is not None:
            raise ports.DuplicateKeyError(record.key)
        stored = dataclasses.replace(record, id=next(self.ids))
        self.s.records[stored.id] = stored

    def get(self, kind, institution_number, key):
        return next((r for r in self.s.records.values()
                     if (r.kind, r.institution_number, r.key) == (
                         kind, institution_number, key)), None)

    def replace(self, record):
        self.s.records[record.id] = record

    def remove(self, record_id):
        del self.s.records[record_id]

    def of_school(self, kind, institution_number, *, first, last, include_other=False):
        return sorted((r for r in self.s.records.values()
                       if r.kind == kind
                       and (r.institution_number == institution_number
                            or (include_other and r.other_institution == institution_number))
                       and (first is None or first <= r.start_date)
                       and (last is None or r.start_date <= last)),
                      key=lambda r: (r.start_date, r.id))


class FakeCertificates(ports.CertificateRepository):
    def __init__(self, state, ids):
        self.s, self.ids = state, ids

    def add(self, certificate):
        if any(c.key == certificate.key for c in self.s.certificates.values()):
            raise ports.DuplicateKeyError(str(certificate.key))
        certificate.id = next(self.ids)
        self.s.certificates[certificate.id] = copy.deepcopy(certificate)

    def update(self, certificate):
        self.s.certificates[certificate.id] = copy.deepcopy(certificate)

    def remove(self, ids):
        for i in ids:
            del self.s.certificates[i]

    def _sorted(self, keep):
        return sorted((copy.deepcopy(c) for c in self.s.certificates.values() if keep(c)),
                      key=lambda c: (c.data.obtained_on, c.id))

    def of_students(self, institution_number, stamnummers):
        stamnummers = set(stamnummers)
        return self._sorted(lambda c: c.institution_number == institution_number
                            and c.stamnummer in stamnummers)

    def of_person(self, insz):
        return self._sorted(lambda c: c.insz == insz)

    def page(self, institution_number, *, stamnummer, school_year, after, limit):
        rows = sorted((c for c in self.s.certificates.values()
                       if c.institution_number == institution_number
                       and (stamnummer is None or c.stamnummer == stamnummer)
                       and (school_year is None or c.school_year == school_year)
                       and (after is None or c.id > after)), key=lambda c: c.id)
        return [copy.deepcopy(c) for c in rows[:limit]]


class FakeCharacteristics(ports.CharacteristicsRepository):
    def __init__(self, state, ids):
        self.s, self.ids = state, ids

    def add_many(self, declarations):
        for d in declarations:
            if any(o.key == d.key for o in self.s.characteristics.values()):
                raise ports.DuplicateKeyError(str(d.key))
            stored = copy.deepcopy(d)
            stored.id = next(self.ids)
            self.s.characteristics[stored.id] = stored

    def update(self, declaration):
        self.s.characteristics[declaration.id] = copy.deepcopy(declaration)

    def remove(self, ids):
        for i in ids:
            del self.s.characteristics[i]

    def of_students(self, institution_number, stamnummers):
        wanted = set(stamnummers)
        return sorted((copy.deepcopy(d) for d in self.s.characteristics.values()
                       if d.institution_number == institution_number
                       and d.stamnummer in wanted),
                      key=lambda d: (d.stamnummer, d.declared_on, d.id))

    def page(self, institution_number, *, stamnummer, after, limit):
        rows = sorted((d for d in self.s.characteristics.values()
                       if d.institution_number == institution_number
                       and (stamnummer is None or d.stamnummer == stamnummer)
                       and (after is None or d.id > after)), key=lambda d: d.id)
        return [copy.deepcopy(d) for d in rows[:limit]]


class FakeSchools(ports.SchoolRepository):
    def __init__(self, state):
        self.s = state

    def add(self, school):
        self.s.schools[school.institution_number] = school

    def get(self, institution_number):
        return self.s.schools.get(institution_number)


class FakeSenders(ports.SenderRepository):
    def __init__(self, state):
        self.s = state

    def add(self, sender):
        self.s.senders[sender.sender_id] = sender

    def get(self, sender_id):
        return self.s.senders.get(sender_id)

    def set_profile(self, sender_id, profile):
        self.s.senders[sender_id] = dataclasses.replace(
            self.s.senders[sender_id], security_profile=SecurityProfile(profile))


class FakeMandates(ports.MandateRepository):
    def __init__(self, state):
        self.s = state

    def add(self, mandate):
        self.s.mandates.append(mandate)

    def find(self, sender_id, institution_number, message_type):
        return [m for m in self.s.mandates if (m.sender_id, m.institution_number,
                                               m.message_type) == (
            sender_id, institution_number, message_type)]


class FakeJournal(ports.JournalRepository):
    def __init__(self, state):
        self.s = state

    def add(self, entry):
        self.s.journal.append(entry)

    def find(self, sender_id, referte):
        return next((j for j in self.s.journal
                     if (j.sender_id, j.referte) == (sender_id, referte)), None)

    def add_replay_key(self, replay_key, sender_id, received_at):
        if replay_key in self.s.replay_keys:
            raise ports.DuplicateKeyError(replay_key)
        self.s.replay_keys.add(replay_key)

    def has_replay_key(self, replay_key):
        return replay_key in self.s.replay_keys

    def count(self):
        return len(self.s.journal)


class FakePartners(ports.PartnerRepository):
    def __init__(self, state):
        self.s = state

    def add(self, partner):
        self.s.partners[partner.sender_id] = partner

    def get(self, sender_id):
        return self.s.partners.get(sender_id)

    def add_authorisation(self, authorisation):
        self.s.authorisations.append(authorisation)

    def authorisations(self, sender_id, service):
        return [a for a in self.s.authorisations
                if a.sender_id == sender_id and a.service == service]


class FakeInterests(ports.InterestRepository):
    def __init__(self, state, ids):
        self.s, self.ids = state, ids

    def add(self, event, received_at):
        import dataclasses
        self.s.interests.append(dataclasses.replace(event, sequence=next(self.ids)))

    def of_person(self, sender_id, insz):
        return [e for e in self.s.interests if e.sender_id == sender_id and e.insz == insz]


class FakeHomeEducation(ports.HomeEducationRepository):
    def __init__(self, state):
        self.s = state

    def put_inspection(self, result, received_at):
        key = (result.insz, result.visit_date)
        replaced = key in self.s.home_inspections
        self.s.home_inspections[key] = result
        return replaced

    def inspections(self, insz):
        return sorted((r for r in self.s.home_inspections.values() if r.insz == insz),
                      key=lambda r: r.visit_date)

    def put_exam(self, result, received_at):
        key = (result.insz, result.decision_date)
        replaced = key in self.s.exam_results
        self.s.exam_results[key] = result
        return replaced

    def exams(self, insz):
        return sorted((r for r in self.s.exam_results.values() if r.insz == insz),
                      key=lambda r: r.decision_date)


class FakeClassInfo(ports.ClassInfoRepository):
    def __init__(self, state):
        self.s = state

    def add_director(self, assignment):
        self.s.directors.append(assignment)

    def directors(self, institution_number):
        return [d for d in self.s.directors if d.institution_number == institution_number]

    def add_event(self, event):
        self.s.sharing_events.append(event)

    def events(self, institution_number):
        return [e for e in self.s.sharing_events
                if e.institution_number == institution_number]

    def put_classes(self, assignments, sender_id):
        new = changed = 0
        for a in assignments:
            old = self.s.classes.get((a.institution_number, a.stamnummer))
            if old is None:
                new += 1
            elif (old.class_name, old.subclass) != (a.class_name, a.subclass):
                changed += 1
            else:
                continue
            self.s.classes[(a.institution_number, a.stamnummer)] = a
        return new, changed

    def classes(self, institution_number):
        return sorted((c for (school, _), c in self.s.classes.items()
                       if school == institution_number), key=lambda c: c.stamnummer)

    def remove_classes(self, institution_number):
        gone = [k for k in self.s.classes if k[0] == institution_number]
        for key in gone:
            del self.s.classes[key]
        return len(gone)


class FakeAudit(ports.AuditRepository):
    def __init__(self, state):
        self.s = state

    def add(self, entry):
        self.s.audit.append(entry)

    def find(self, *, insz=None, sender_id=None, limit=1000):
        return [e for e in self.s.audit if (insz is None or e.insz == insz)
                and (sender_id is None or e.sender_id == sender_id)][:limit]


class FakeDko(ports.DkoRepository):
    def __init__(self, state, ids):
        self.s, self.ids = state, ids

    def add_academy(self, academy):
        self.s.academies[academy.institution_number] = academy

    def get_academy(self, institution_number):
        return self.s.academies.get(institution_number)

    def add_mandate(self, mandate):
        self.s.dko_mandates.append(mandate)

    def mandates(self, sender_id, institution_number):
        return [m for m in self.s.dko_mandates
                if (m.sender_id, m.institution_number) == (sender_id, institution_number)]

    def add(self, registration):
        if registration.id is None:
            registration.id = next(self.ids)
        self.s.dko[registration.id] = copy.deepcopy(registration)

    def get(self, institution_number, stamnummer, school_year):
        return next((copy.deepcopy(r) for r in self.s.dko.values()
                     if (r.institution_number, r.stamnummer, r.school_year)
                     == (institution_number, stamnummer, school_year)), None)

    def of_student(self, institution_number, *, stamnummer=None, insz=None):
        if stamnummer is None and insz is None:
            return []
        return [copy.deepcopy(r) for r in self.s.dko.values()
                if r.institution_number == institution_number
                and (stamnummer is None or r.stamnummer == stamnummer)
                and (insz is None or r.insz == insz)]

    def pending(self):
        return sorted((copy.deepcopy(r) for r in self.s.dko.values()
                       if r.insz is None and r.end_date is None),
                      key=lambda r: (r.institution_number, r.stamnummer, r.school_year))

    def with_insz_born(self, birth_date):
        return [copy.deepcopy(r) for r in self.s.dko.values()
                if r.insz and r.identification.birth_date == birth_date]


class FakeNumbers(ports.IdentificationNumberRepository):
    def __init__(self, state, ids):
        self.s, self.ids = state, ids

    def add(self, record):
        import dataclasses
        stored = dataclasses.replace(record, id=next(self.ids))
        self.s.numbers[stored.id] = stored
        return stored.id

    def of_student(self, channel, institution_number, stamnummer):
        return [r for r in self.s.numbers.values()
                if (r.channel, r.institution_number, r.stamnummer)
                == (channel, institution_number, stamnummer)]

    def page(self, channel, institution_number, *, stamnummer, after, limit):
        rows = [r for _, r in sorted(self.s.numbers.items())
                if (r.channel, r.institution_number) == (channel, institution_number)
                and (stamnummer is None or r.stamnummer == stamnummer)
                and (after is None or r.id > after)]
        return rows[:limit]

    def given_born(self, birth_date):
        return [r for r in self.s.numbers.values()
                if r.kind.value in ("AANGEVULD", "PSEUDO")
                and r.identification.birth_date == birth_date]

    def pseudo_numbers(self, prefix):
        return {r.insz for r in self.s.numbers.values()
                if r.kind.value == "PSEUDO" and r.insz.startswith(prefix)}

    def pending_enrollments(self):
        latest = {}
        for e in sorted(self.s.enrollments.values(),
                        key=lambda e: (e.institution_number, e.stamnummer, e.start_date,
                                       e.id)):
            if e.insz is None:
                latest[(e.institution_number, e.stamnummer)] = copy.deepcopy(e)
        return list(latest.values())

    def enrollments_born(self, birth_date):
        return [copy.deepcopy(e) for e in self.s.enrollments.values()
                if e.insz and e.identification.birth_date == birth_date]


class FakeFaultRules(ports.FaultRuleRepository):
    def __init__(self, state, ids):
        self.s, self.ids = state, ids

    def add(self, rule, created_at):
        import dataclasses
        rule = dataclasses.replace(rule, id=next(self.ids))
        self.s.fault_rules.append(rule)
        return rule.id

    def all(self):
        return list(self.s.fault_rules)

    def remove(self, *, rule_id=None, service=None, insz=None):
        keep = [r for r in self.s.fault_rules
                if (rule_id is not None and r.id != rule_id)
                or (service is not None and r.service != service)
                or (insz is not None and r.insz != insz)]
        removed = len(self.s.fault_rules) - len(keep)
        self.s.fault_rules[:] = keep
        return removed


class FakeBoarding(ports.BoardingRepository):
    def __init__(self, state, ids):
        self.s, self.ids = state, ids

    def add(self, stay):
        if stay.id is None:
            stay.id = next(self.ids)
        self.s.boarding[stay.id] = copy.deepcopy(stay)

    def get(self, institution_number, stamnummer, start_date):
        return next((copy.deepcopy(b) for b in self.s.boarding.values()
                     if (b.institution_number, b.stamnummer, b.start_date)
                     == (institution_number, stamnummer, start_date)), None)

    def of_boarder(self, institution_number, stamnummer, insz):
        return sorted((copy.deepcopy(b) for b in self.s.boarding.values()
                       if b.institution_number == institution_number
                       and (b.stamnummer == stamnummer
                            or (insz is not None and b.insz == insz))),
                      key=lambda b: (b.start_date, b.id))

    def starting_in(self, institution_number, first, last, *, stamnummer=None):
        return sorted((copy.deepcopy(b) for b in self.s.boarding.values()
                       if b.institution_number == institution_number
                       and first <= b.start_date <= last
                       and (stamnummer is None or b.stamnummer == stamnummer)),
                      key=lambda b: (b.start_date, b.stamnummer))


class FakeClb(ports.ClbRepository):
    def __init__(self, state):
        self.s = state

    def assign(self, institution_number, clb_id):
        self.s.clb_guidance[institution_number] = clb_id

    def guiding(self, institution_number):
        return self.s.clb_guidance.get(institution_number)

    def notified(self, insz, school_year):
        return {n.threshold for n in self.s.clb_notifications
                if (n.insz, n.school_year) == (insz, school_year)}

    def add(self, notification):
        import dataclasses
        if notification.threshold in self.notified(notification.insz,
                                                   notification.school_year):
            raise ports.DuplicateKeyError("uq_clb_notifications_once")
        sequence = 1 + max((n.sequence for n in self.s.clb_notifications
                            if n.clb_id == notification.clb_id), default=0)
        self.s.clb_notifications.append(dataclasses.replace(notification, sequence=sequence))
        return sequence

    def feed(self, clb_id, after, limit):
        return [n for n in self.s.clb_notifications
                if n.clb_id == clb_id and n.sequence > after][:limit]

    def put_report(self, report, received_at):
        import dataclasses
        key = (report.clb_id, report.insz, report.report_date, report.kind)
        for i, old in enumerate(self.s.motivated_reports):
            if (old.clb_id, old.insz, old.report_date, old.kind) == key:
                self.s.motivated_reports[i] = dataclasses.replace(report, id=old.id)
                return False
        self.s.motivated_reports.append(dataclasses.replace(
            report, id=len(self.s.motivated_reports) + 1))
        return True

    def reports_of(self, insz):
        return sorted((r for r in self.s.motivated_reports if r.insz == insz),
                      key=lambda r: (r.report_date, r.id))


class FakeDatabase:
    """The committed state; ``uow()`` opens a unit of work on a copy of it."""

    def __init__(self):
        self.committed = _State()
        self.ids = itertools.count(1)
        self.commits = 0

    def uow(self, *, read_only: bool = False) -> "FakeUnitOfWork":
        return FakeUnitOfWork(self, read_only=read_only)


class FakeUnitOfWork(ports.UnitOfWork):
    def __init__(self, db: FakeDatabase, *, read_only: bool = False,
                 page_size: int = ports.DEFAULT_PAGE_SIZE):
        self.db = db
        self.read_only = read_only
        self.page_size = page_size
        self._begin()

    def _begin(self):
        self._begun = self.db.committed
        self.state = copy.deepcopy(self.db.committed)
        self.enrollments = FakeEnrollments(self.state, self.db.ids)
        self.absences = FakeAbsences(self.state, self.db.ids)
        self.characteristics = FakeCharacteristics(self.state, self.db.ids)
        self.records = FakeRecords(self.state, self.db.ids)
        self.certificates = FakeCertificates(self.state, self.db.ids)
        self.schools = FakeSchools(self.state)
        self.senders = FakeSenders(self.state)
        self.mandates = FakeMandates(self.state)
        self.journal = FakeJournal(self.state)
        self.partners = FakePartners(self.state)
        self.interests = FakeInterests(self.state, self.db.ids)
        self.dko = FakeDko(self.state, self.db.ids)
        self.numbers = FakeNumbers(self.state, self.db.ids)
        self.class_info = FakeClassInfo(self.state)
        self.home_education = FakeHomeEducation(self.state)
        self.boarding = FakeBoarding(self.state, self.db.ids)
        self.audit = FakeAudit(self.state)
        self.fault_rules = FakeFaultRules(self.state, self.db.ids)
        self.clb = FakeClb(self.state)

    def commit(self):
        if self.read_only:
            raise RuntimeError("a read-only unit of work cannot commit")
        # The unique keys a concurrent unit may have taken since this one began: the
        # real databases refuse the second commit (DuplicateKeyError), so do the fakes.
        taken = self.db.committed
        if any((_keys(self.state) - _keys(self._begun)) & _keys(taken)
               for _keys in (_replay_keys, _referte_keys, _natural_keys,
                          _absence_keys, _record_keys, _certificate_keys,
                          _declaration_keys, _boarding_keys, _clb_keys)):
            self.rollback()
            raise ports.DuplicateKeyError("a unique key was taken meanwhile")
        self.db.committed = copy.deepcopy(self.state)
        self.db.commits += 1

    def rollback(self):
        self._begin()


def _replay_keys(state: _State) -> set:
    return state.replay_keys


def _referte_keys(state: _State) -> set:
    return {(j.sender_id, j.referte) for j in state.journal}


def _natural_keys(state: _State) -> set:
    return {(e.institution_number, e.stamnummer, e.start_date)
            for e in state.enrollments.values()}


def _absence_keys(state: _State) -> set:
    return {a.key for a in state.absences.values()}


def _record_keys(state: _State) -> set:
    return {(r.kind, r.institution_number, r.key) for r in state.records.values()}


def _certificate_keys(state: _State) -> set:
    return {c.key for c in state.certificates.values()}


def _declaration_keys(state: _State) -> set:
    return {d.key for d in state.characteristics.values()}


def _boarding_keys(state: _State) -> set:
    return {(b.institution_number, b.stamnummer, b.start_date)
            for b in state.boarding.values()}


def _clb_keys(state: _State) -> set:
    return ({(n.clb_id, n.sequence) for n in state.clb_notifications}
            | {(n.insz, n.school_year, n.threshold) for n in state.clb_notifications})
