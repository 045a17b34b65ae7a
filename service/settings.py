"""All configuration in one frozen object, read from the environment in one place.

Nothing reads ``os.environ`` at import time; :func:`configure` is called by the
composition root (``app.py``) and the command line.

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
=============================  ==========================================================
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo

from discimus_client.wsse.policy import STRICT, SecurityPolicy

BRUSSELS = ZoneInfo("Europe/Brussels")


@dataclass(frozen=True)
class Settings:
    database_url: str = "sqlite:///var/discimus.sqlite"
    pki_dir: Path = Path("var/pki")
    security: SecurityPolicy = STRICT
    business_date: dt.date | None = None
    sqlite_synchronous: str = "FULL"
    echo_enabled: bool = False
    transaction_seconds: float = 12.0
    doubles_per_answer: int = 500
    request_read_seconds: float = 10.0

    def today(self, now: dt.datetime) -> dt.date:
        """The business date: the configured one, else the date in Brussels."""
        return self.business_date or now.astimezone(BRUSSELS).date()


def configure(env: Mapping[str, str] | None = None, **overrides) -> Settings:
    """Build the settings from the environment (``os.environ`` by default)."""
    env = os.environ if env is None else env
    policy = STRICT
    if "DISCIMUS_MAX_AGE_SECONDS" in env:
        policy = dataclasses.replace(
            policy, max_age=dt.timedelta(seconds=int(env["DISCIMUS_MAX_AGE_SECONDS"])))
    if "DISCIMUS_CLOCK_SKEW_SECONDS" in env:
        policy = dataclasses.replace(
            policy, future_skew=dt.timedelta(seconds=int(env["DISCIMUS_CLOCK_SKEW_SECONDS"])))
    values = dict(
        database_url=env.get("DISCIMUS_DATABASE_URL", Settings.database_url),
        pki_dir=Path(env.get("DISCIMUS_PKI_DIR", str(Settings.pki_dir))),
        security=policy,
        business_date=(dt.date.fromisoformat(env["DISCIMUS_BUSINESS_DATE"])
                       if env.get("DISCIMUS_BUSINESS_DATE") else None),
        sqlite_synchronous=env.get("DISCIMUS_SQLITE_SYNCHRONOUS", "FULL").upper(),
        echo_enabled=env.get("DISCIMUS_ECHO", "") in ("1", "true", "yes"),
        transaction_seconds=float(env.get("DISCIMUS_TRANSACTION_SECONDS",
                                          Settings.transaction_seconds)),
        doubles_per_answer=int(env.get("DISCIMUS_DOUBLES_PER_ANSWER",
                                       Settings.doubles_per_answer)),
        request_read_seconds=float(env.get("DISCIMUS_REQUEST_READ_SECONDS",
                                           Settings.request_read_seconds)),
    )
    values.update(overrides)
    if values["sqlite_synchronous"] not in ("FULL", "NORMAL"):
        raise ValueError("DISCIMUS_SQLITE_SYNCHRONOUS must be FULL or NORMAL")
    return Settings(**values)
