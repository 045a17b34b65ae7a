"""Every setting is checked where it is read: one line naming the variable and the fix."""
from __future__ import annotations

import datetime as dt

import pytest

from discimus_service.settings import ConfigurationError, Settings, configure, non_defaults


@pytest.mark.parametrize("name, value, says", [
    ("DISCIMUS_DATABASE_URL", "nonsense", "is not a database URL"),
    ("DISCIMUS_DATABASE_URL", "mysql://u@h/db", "runs on SQLite or PostgreSQL"),
    ("DISCIMUS_DATABASE_URL", "sqlite://", "in-memory SQLite"),
    ("DISCIMUS_DATABASE_URL", "postgresql+psycopg2://u@h/db", "uses psycopg 3"),
    ("DISCIMUS_DATABASE_URL", "postgresql://u@h", "names no database"),
    ("DISCIMUS_BUSINESS_DATE", "2026-13-01", "YYYY-MM-DD"),
    ("DISCIMUS_BUSINESS_DATE", "03/09/2026", "YYYY-MM-DD"),
    ("DISCIMUS_MAX_AGE_SECONDS", "5m", "whole number from 1 to 86400"),
    ("DISCIMUS_MAX_AGE_SECONDS", "0", "whole number from 1 to 86400"),
    ("DISCIMUS_MAX_AGE_SECONDS", "86401", "whole number from 1 to 86400"),
    ("DISCIMUS_CLOCK_SKEW_SECONDS", "-1", "whole number from 0 to 86400"),
    ("DISCIMUS_SQLITE_SYNCHRONOUS", "OFF", "FULL, NORMAL"),
    ("DISCIMUS_ECHO", "maybe", "1 or 0"),
])
def test_a_bad_value_is_one_line_naming_the_variable(name, value, says):
    with pytest.raises(ConfigurationError) as refused:
        configure({name: value})
    message = str(refused.value)
    assert message.startswith(name) and says in message
    assert "\n" not in message


def test_the_password_of_a_refused_url_is_not_shown():
    with pytest.raises(ConfigurationError) as refused:
        configure({"DISCIMUS_DATABASE_URL": "postgresql+psycopg2://u:secret@h/db"})
    assert "secret" not in str(refused.value)


def test_good_values_and_edges_are_taken():
    settings = configure({"DISCIMUS_DATABASE_URL": "postgresql://u@h:5432/db",
                          "DISCIMUS_BUSINESS_DATE": "2026-09-03",
                          "DISCIMUS_MAX_AGE_SECONDS": "1",
                          "DISCIMUS_CLOCK_SKEW_SECONDS": "0",
                          "DISCIMUS_SQLITE_SYNCHRONOUS": "normal",
                          "DISCIMUS_ECHO": "yes"})
    assert settings.business_date == dt.date(2026, 9, 3)
    assert settings.security.max_age == dt.timedelta(seconds=1)
    assert settings.security.future_skew == dt.timedelta(0)
    assert settings.sqlite_synchronous == "NORMAL" and settings.echo_enabled
    assert configure({"DISCIMUS_MAX_AGE_SECONDS": "86400"}).security.max_age == \
        dt.timedelta(days=1)


def test_an_empty_variable_counts_as_unset():
    names = ("DISCIMUS_DATABASE_URL", "DISCIMUS_PKI_DIR", "DISCIMUS_BUSINESS_DATE",
             "DISCIMUS_MAX_AGE_SECONDS", "DISCIMUS_CLOCK_SKEW_SECONDS",
             "DISCIMUS_SQLITE_SYNCHRONOUS", "DISCIMUS_ECHO")
    assert configure(dict.fromkeys(names, "")) == Settings()


def test_the_banner_lists_what_differs_from_the_defaults():
    assert non_defaults(configure({})) == {}
    shown = non_defaults(configure({"DISCIMUS_BUSINESS_DATE": "2026-09-03",
                                    "DISCIMUS_MAX_AGE_SECONDS": "600"}))
    assert shown == {"DISCIMUS_BUSINESS_DATE": "2026-09-03",
                     "DISCIMUS_MAX_AGE_SECONDS": "600"}


def test_the_password_of_an_unparsable_url_is_not_shown():
    with pytest.raises(ConfigurationError) as refused:
        configure({"DISCIMUS_DATABASE_URL": "postgresql://u:secret@h:notaport/db"})
    assert "secret" not in str(refused.value) and "u:***@h" in str(refused.value)
