"""All configuration in one frozen object, read from the environment in one place.

Nothing reads ``os.environ`` at import time; :func:`configure` is called by the
composition root (``app.py``) and the command line. Every value is checked here: a bad
one raises :class:`ConfigurationError` with one line naming the variable, what it holds
and what it should hold, before any database is opened or any worker started. An empty
variable counts as unset.

=============================  ==========================================================
variable                       meaning (default)
=============================  ==========================================================
DISCIMUS_DATABASE_URL          SQLAlchemy URL (``sqlite:///var/discimus.sqlite``);
                               ``postgresql://…`` uses psycopg 3
DISCIMUS_PKI_DIR               the development PKI (``var/pki``)
DISCIMUS_BUSINESS_DATE         pretend "today" is this date (ISO) for deadlines and
                               visibility rules; signatures always use the real clock
DISCIMUS_MAX_AGE_SECONDS       oldest acceptable wsu:Timestamp/Created (300)
DISCIMUS_CLOCK_SKEW_SECONDS    allowed clock skew into the future (60)
DISCIMUS_SQLITE_SYNCHRONOUS    FULL (default: nothing acknowledged is lost) or NORMAL
DISCIMUS_ECHO                  1 mounts the bare unsigned /echo baseline (benchmarks only)
DISCIMUS_TRANSACTION_SECONDS   most time one transaction may take, lock waits included;
                               past it the answer is fault S501, nothing stored (12)
DISCIMUS_REQUEST_READ_SECONDS  a request must arrive whole within this, or it gets HTTP
                               408 with fault S501 (10; ``discimus serve``'s front)
DISCIMUS_DOUBLES_PER_ANSWER    most doubles in one GeefDubbeleInschrijvingen answer;
                               more come in parts, with Vervolg (500)
DISCIMUS_FAULT_RULES           1 applies testers' ``discimus faults`` rules to the MAGDA
                               services (default); 0 ignores them and skips their query
=============================  ==========================================================
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo

from discimus_client.errors import ConfigurationError
from discimus_client.wsse.policy import MAGDA_CONNECTOR, STRICT, ConnectorPolicy, SecurityPolicy

__all__ = ["BRUSSELS", "ConfigurationError", "Settings", "configure", "non_defaults",
           "VARIABLES"]

BRUSSELS = ZoneInfo("Europe/Brussels")
VARIABLES = ("DISCIMUS_DATABASE_URL", "DISCIMUS_PKI_DIR", "DISCIMUS_BUSINESS_DATE",
             "DISCIMUS_MAX_AGE_SECONDS", "DISCIMUS_CLOCK_SKEW_SECONDS",
             "DISCIMUS_SQLITE_SYNCHRONOUS", "DISCIMUS_ECHO", "DISCIMUS_TRANSACTION_SECONDS",
             "DISCIMUS_REQUEST_READ_SECONDS", "DISCIMUS_DOUBLES_PER_ANSWER",
             "DISCIMUS_FAULT_RULES")
# A day: a Timestamp older than that is no freshness check at all.
_MAX_SECONDS = 86_400
_TRUE, _FALSE = ("1", "true", "yes", "on"), ("0", "false", "no", "off")


@dataclass(frozen=True)
class Settings:
    database_url: str = "sqlite:///var/discimus.sqlite"
    pki_dir: Path = Path("var/pki")
    security: SecurityPolicy = STRICT
    # What partners who opted into the magda-connector profile may send; its freshness
    # window is ``security``'s (docs/security.rst, "The magda-connector profile").
    magda_connector: ConnectorPolicy = MAGDA_CONNECTOR
    business_date: dt.date | None = None
    sqlite_synchronous: str = "FULL"
    echo_enabled: bool = False
    transaction_seconds: float = 12.0
    doubles_per_answer: int = 500
    request_read_seconds: float = 10.0
    fault_rules: bool = True          # apply testers' fault rules (services/fault_injection)

    def today(self, now: dt.datetime) -> dt.date:
        """The business date: the configured one, else the date in Brussels."""
        return self.business_date or now.astimezone(BRUSSELS).date()


def configure(env: Mapping[str, str] | None = None, **overrides) -> Settings:
    """Build the settings from the environment (``os.environ`` by default).

    :raises ConfigurationError: a variable holds a value it cannot hold (one line).
    """
    env = os.environ if env is None else env
    given = {name: env[name].strip() for name in VARIABLES if env.get(name, "").strip()}
    policy = STRICT
    if "DISCIMUS_MAX_AGE_SECONDS" in given:
        policy = dataclasses.replace(policy, max_age=dt.timedelta(
            seconds=_seconds(given, "DISCIMUS_MAX_AGE_SECONDS", minimum=1)))
    if "DISCIMUS_CLOCK_SKEW_SECONDS" in given:
        policy = dataclasses.replace(policy, future_skew=dt.timedelta(
            seconds=_seconds(given, "DISCIMUS_CLOCK_SKEW_SECONDS", minimum=0)))
    values = dict(
        database_url=_database_url(given.get("DISCIMUS_DATABASE_URL",
                                             Settings.database_url)),
        pki_dir=Path(given.get("DISCIMUS_PKI_DIR", str(Settings.pki_dir))),
        security=policy,
        business_date=_business_date(given.get("DISCIMUS_BUSINESS_DATE")),
        sqlite_synchronous=_choice(given, "DISCIMUS_SQLITE_SYNCHRONOUS", "FULL",
                                   ("FULL", "NORMAL")),
        echo_enabled=_flag(given, "DISCIMUS_ECHO"),
        transaction_seconds=float(_seconds(given, "DISCIMUS_TRANSACTION_SECONDS",
                                           minimum=1))
        if "DISCIMUS_TRANSACTION_SECONDS" in given else Settings.transaction_seconds,
        request_read_seconds=float(_seconds(given, "DISCIMUS_REQUEST_READ_SECONDS",
                                            minimum=1))
        if "DISCIMUS_REQUEST_READ_SECONDS" in given else Settings.request_read_seconds,
        doubles_per_answer=_count(given, "DISCIMUS_DOUBLES_PER_ANSWER", minimum=1,
                                  maximum=10_000, default=Settings.doubles_per_answer),
        fault_rules=_flag({"DISCIMUS_FAULT_RULES": "1", **given}, "DISCIMUS_FAULT_RULES"),
    )
    values.update(overrides)
    if values["sqlite_synchronous"] not in ("FULL", "NORMAL"):
        raise ConfigurationError("sqlite_synchronous must be FULL or NORMAL")
    return Settings(**values)


def non_defaults(settings: Settings) -> dict[str, str]:
    """The settings that differ from the defaults, by variable name, for the banner."""
    shown = {}
    if settings.business_date is not None:
        shown["DISCIMUS_BUSINESS_DATE"] = settings.business_date.isoformat()
    if settings.security.max_age != STRICT.max_age:
        shown["DISCIMUS_MAX_AGE_SECONDS"] = str(
            int(settings.security.max_age.total_seconds()))
    if settings.security.future_skew != STRICT.future_skew:
        shown["DISCIMUS_CLOCK_SKEW_SECONDS"] = str(
            int(settings.security.future_skew.total_seconds()))
    if settings.sqlite_synchronous != Settings.sqlite_synchronous:
        shown["DISCIMUS_SQLITE_SYNCHRONOUS"] = settings.sqlite_synchronous
    if settings.echo_enabled:
        shown["DISCIMUS_ECHO"] = "1 (unsigned /echo mounted)"
    if not settings.fault_rules:
        shown["DISCIMUS_FAULT_RULES"] = "0 (testers' fault rules ignored)"
    return shown


def _seconds(given: Mapping[str, str], name: str, *, minimum: int) -> int:
    text = given[name]
    try:
        value = int(text)
    except ValueError:
        value = None
    if value is None or not minimum <= value <= _MAX_SECONDS:
        raise ConfigurationError(
            f"{name}={text!r} is not a number of seconds: give a whole number from "
            f"{minimum} to {_MAX_SECONDS}, or unset it for the default")
    return value


def _count(given: Mapping[str, str], name: str, *, minimum: int, maximum: int,
           default: int) -> int:
    if name not in given:
        return default
    text = given[name]
    value = int(text) if text.isdigit() else None
    if value is None or not minimum <= value <= maximum:
        raise ConfigurationError(
            f"{name}={text!r} is not a count: give a whole number from {minimum} to "
            f"{maximum}, or unset it for the default")
    return value


def _business_date(text: str | None) -> dt.date | None:
    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise ConfigurationError(
            f"DISCIMUS_BUSINESS_DATE={text!r} is not a date: give YYYY-MM-DD (e.g. "
            "2026-09-03), or unset it to use today's date") from None


def _choice(given: Mapping[str, str], name: str, default: str, allowed) -> str:
    value = given.get(name, default).upper()
    if value not in allowed:
        raise ConfigurationError(f"{name}={given[name]!r} is not one of "
                                 f"{', '.join(allowed)}: set one of them, or unset it "
                                 f"for {default}")
    return value


def _flag(given: Mapping[str, str], name: str) -> bool:
    value = given.get(name, "0").lower()
    if value not in _TRUE + _FALSE:
        raise ConfigurationError(f"{name}={given[name]!r} is not a yes/no value: set it "
                                 "to 1 or 0, or unset it")
    return value in _TRUE


def _database_url(text: str) -> str:
    """Check the URL's shape; whether the database answers is checked before serving."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError
    hint = ("use sqlite:///path/to/file.sqlite or postgresql://user@host:5432/dbname")
    try:
        url = make_url(text)
    except (ArgumentError, ValueError):
        masked = re.sub(r"(//[^:/@]*:)[^@/]*@", r"\1***@", text)   # no password on screen
        raise ConfigurationError(f"DISCIMUS_DATABASE_URL={masked!r} is not a database "
                                 f"URL: {hint}") from None
    shown = url.render_as_string(hide_password=True)
    backend = url.get_backend_name()
    if backend == "sqlite":
        if not url.database or url.database == ":memory:":
            raise ConfigurationError(
                f"DISCIMUS_DATABASE_URL={shown!r} is an in-memory SQLite database, which "
                f"each worker would have for itself: {hint}")
    elif backend in ("postgresql", "postgres"):
        if "+" in url.drivername and url.drivername.split("+", 1)[1] != "psycopg":
            raise ConfigurationError(
                f"DISCIMUS_DATABASE_URL={shown!r} names the driver "
                f"{url.drivername.split('+', 1)[1]!r}; the emulator uses psycopg 3: "
                "write postgresql://… or postgresql+psycopg://…")
        if not url.database:
            raise ConfigurationError(f"DISCIMUS_DATABASE_URL={shown!r} names no database: "
                                     f"{hint}")
    else:
        raise ConfigurationError(f"DISCIMUS_DATABASE_URL={shown!r} is a {backend!r} "
                                 f"database; the emulator runs on SQLite or PostgreSQL: "
                                 f"{hint}")
    return text
