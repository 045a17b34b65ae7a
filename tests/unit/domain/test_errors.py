"""The domain's exception tree: the roots and the code listing.

The codes of the subclasses are pinned by the README code table
(tests/contract/test_contracts.py); these pin what the table does not show.
"""
from __future__ import annotations

from discimus_service.domain import errors


def test_an_unclassified_refusal_is_a_fout_with_code_99999():
    problem = errors.DomainError("something is wrong", field="Naam")
    assert (problem.code, problem.severity) == (99999, errors.Severity.FOUT)
    assert (problem.diagnose, problem.field) == ("something is wrong", "Naam")
    assert errors.DomainError("x").field is None


def test_an_unclassified_notice_is_a_warning_with_code_50000():
    notice = errors.Notice("note")
    assert (notice.code, notice.severity, notice.diagnose) == (
        50000, errors.Severity.WAARSCHUWING, "note")


def test_every_code_is_listed_once_in_order():
    listed = errors.all_codes()
    codes = [cls.code for cls in listed]
    assert codes == sorted(codes) and len(set(codes)) == len(codes)
    assert errors.DomainError in listed and errors.Notice in listed
    assert errors.ReplayedAnswerNotice in listed and errors.SenderMismatchError in listed


def test_validation_errors_are_value_errors():
    assert issubclass(errors.InvalidInszError, ValueError)
    assert not issubclass(errors.EnrollmentConflictError, ValueError)
