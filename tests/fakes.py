"""In-memory implementations of the ports, for unit tests of the use cases.

They subclass the abstract ports, so a port change breaks them loudly. A unit of work
works on a copy of the committed state; rollback throws the copy away, and commit
applies what this unit of work added or changed onto the state committed *now* (other
units of work may have committed meanwhile, as concurrent transactions do). Commit
enforces the unique keys of the real tables (persistence/tables.py) and raises
:class:`~discimus_service.services.ports.DuplicateKeyError` when one is taken, so a
lost race can be played out deterministically.
"""
from __future__ import annotations

import copy
import itertools

from discimus_service.services import ports


class _State:
    def __init__(self):
        self.enrollments: dict[int, object] = {}
        self.schools: dict[str, object] = {}
        self.senders: dict[str, object] = {}
        self.mandates: list = []
        self.journal: list = []


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

    def at_institution(self, institution_number, stamnummer=None):
        return sorted((copy.deepcopy(e) for e in self.s.enrollments.values()
                       if e.institution_number == institution_number
                       and (stamnummer is None or e.stamnummer == stamnummer)),
                      key=lambda e: e.start_date)

    def for_students(self, inszs):
        inszs = set(inszs)
        return [copy.deepcopy(e) for e in self.s.enrollments.values() if e.insz in inszs]


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

    def has_replay_key(self, replay_key):
        return any(j.replay_key == replay_key for j in self.s.journal)

    def count(self):
        return len(self.s.journal)


class FakeDatabase:
    """The committed state; ``uow()`` opens a unit of work on a copy of it."""

    def __init__(self):
        self.committed = _State()
        self.ids = itertools.count(1)
        self.commits = 0

    def uow(self) -> "FakeUnitOfWork":
        return FakeUnitOfWork(self)


def _enrollment_key(e):
    return (e.institution_number, e.stamnummer, e.start_date)


# The unique constraints of persistence/tables.py: name -> key of a row.
_JOURNAL_KEYS = {"uq_journal_sender_referte": lambda j: (j.sender_id, j.referte),
                 "uq_journal_replay_key": lambda j: j.replay_key}


def _check_unique(state: _State) -> None:
    for name, key in _JOURNAL_KEYS.items():
        keys = [key(j) for j in state.journal]
        if len(keys) != len(set(keys)):
            raise ports.DuplicateKeyError(f"journal: {name} taken")
    keys = [_enrollment_key(e) for e in state.enrollments.values()]
    if len(keys) != len(set(keys)):
        raise ports.DuplicateKeyError("enrollments: institution, stamnummer, start taken")


class FakeUnitOfWork(ports.UnitOfWork):
    def __init__(self, db: FakeDatabase):
        self.db = db
        self._begin()

    def _begin(self):
        self.begun = copy.deepcopy(self.db.committed)
        self.state = copy.deepcopy(self.begun)
        self.enrollments = FakeEnrollments(self.state, self.db.ids)
        self.schools = FakeSchools(self.state)
        self.senders = FakeSenders(self.state)
        self.mandates = FakeMandates(self.state)
        self.journal = FakeJournal(self.state)

    def commit(self):
        merged = copy.deepcopy(self.db.committed)
        mine, begun = self.state, self.begun
        merged.journal.extend(copy.deepcopy(mine.journal[len(begun.journal):]))
        merged.enrollments.update(copy.deepcopy(
            {i: e for i, e in mine.enrollments.items() if begun.enrollments.get(i) != e}))
        merged.schools.update(mine.schools)
        merged.senders.update(mine.senders)
        merged.mandates.extend(mine.mandates[len(begun.mandates):])
        _check_unique(merged)   # raises before anything is committed, like the database
        self.db.committed = merged
        self.db.commits += 1
        self._begin()

    def rollback(self):
        self._begin()
