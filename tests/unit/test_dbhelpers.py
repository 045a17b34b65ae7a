"""Under CI the PostgreSQL tests are mandatory, whatever spelling of "true" CI uses."""
import pytest

from tests import dbhelpers


@pytest.mark.parametrize("value", ["true", "1", "TRUE", "yes", "True "])
def test_a_true_ci_value_makes_postgresql_mandatory(monkeypatch, value):
    monkeypatch.setenv("CI", value)
    assert dbhelpers.running_in_ci() is True


@pytest.mark.parametrize("value", ["", "false", "0", "False", " "])
def test_an_empty_or_false_ci_value_does_not(monkeypatch, value):
    monkeypatch.setenv("CI", value)
    assert dbhelpers.running_in_ci() is False


def test_no_ci_variable_does_not(monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    assert dbhelpers.running_in_ci() is False


def test_under_ci_an_unreachable_postgresql_fails_instead_of_skipping(monkeypatch):
    monkeypatch.setenv("CI", "1")
    monkeypatch.setattr(dbhelpers, "postgres_available", lambda: False)
    with pytest.raises(pytest.fail.Exception, match="required under CI"):
        dbhelpers.require_postgres()


def test_outside_ci_an_unreachable_postgresql_skips(monkeypatch):
    monkeypatch.setenv("CI", "0")
    monkeypatch.setattr(dbhelpers, "postgres_available", lambda: False)
    with pytest.raises(pytest.skip.Exception):
        dbhelpers.require_postgres()
