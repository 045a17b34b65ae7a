"""Use case: destroy what the retention periods no longer allow (004 §71-73).

One transaction: every kind goes, or (a failure, or ``dry_run``) nothing does. The
rules and the meaning of "the end of the whole school career" are in
``domain/retention.py``.
"""
from __future__ import annotations

import datetime as dt

from discimus_service.domain.retention import RetentionReport, cutoff, ended_careers
from discimus_service.services.ports import UnitOfWork


def run_retention(uow: UnitOfWork, today: dt.date, *, dry_run: bool) -> RetentionReport:
    """Purge (or, dry, count) absences, ended careers' identifiers (their enrollments
    and their rows in ``PERSON_TABLES``), journal and audit entries from before the
    cut-off; commits unless ``dry_run``."""
    before = cutoff(today)
    remove = not dry_run
    stubs = uow.retention.enrollment_stubs()
    careers = ended_careers(stubs, before)
    enrollment_ids = [i for career in careers for i in career]
    ended = {s.id: s for s in stubs}
    school_keys = sorted({(ended[i].institution_number, ended[i].stamnummer)
                          for i in enrollment_ids})
    inszs = sorted({ended[i].insz for i in enrollment_ids if ended[i].insz})
    report = RetentionReport(
        cutoff=before, dry_run=dry_run,
        absences=uow.retention.absences_before(before, remove=remove),
        careers=len(careers), enrollments=len(enrollment_ids),
        journal_entries=uow.retention.journal_before(before, remove=remove),
        audit_entries=uow.retention.audit_before(before, remove=remove),
        person_rows=uow.retention.person_rows(school_keys, inszs, remove=remove))
    if remove:
        uow.retention.remove_enrollments(enrollment_ids)
        uow.commit()
    return report
