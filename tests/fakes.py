"""In-memory implementations of the ports, for unit tests of the use cases.

They subclass the abstract ports, so a port change breaks them loudly. Commit copies the
working state over the committed state; rollback throws the working state away, which
is what the real unit of work does with a transaction.
"""
from __future__ import annotations

import copy
import itertools

from discimus_service.domain import consultations
from discimus_service.services import ports


class _State:
    def __init__(self):
        self.enrollments: dict[int, object] = {}
        self.absences: dict[int, object] = {}
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
        self.schools = FakeSchools(self.state)
        self.senders = FakeSenders(self.state)
        self.mandates = FakeMandates(self.state)
        self.journal = FakeJournal(self.state)
        self.partners = FakePartners(self.state)
        self.interests = FakeInterests(self.state, self.db.ids)
        self.dko = FakeDko(self.state, self.db.ids)
        self.numbers = FakeNumbers(self.state, self.db.ids)

    def commit(self):
        if self.read_only:
            raise RuntimeError("a read-only unit of work cannot commit")
        # The unique keys a concurrent unit may have taken since this one began: the
        # real databases refuse the second commit (DuplicateKeyError), so do the fakes.
        taken = self.db.committed
        if any((_keys(self.state) - _keys(self._begun)) & _keys(taken)
               for _keys in (_replay_keys, _referte_keys, _natural_keys,
                          _absence_keys)):
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
