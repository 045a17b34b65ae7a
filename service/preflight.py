"""What ``discimus serve`` checks before any banner or worker: the database and the PKI.

An operator's mistake (a database that is not there, a PKI folder that was moved, a
read-only ``var/``) would otherwise surface as a traceback in every gunicorn worker and
then "Worker failed to boot". Each check here raises :class:`ConfigurationError` with
one line that says what is wrong and how to fix it; ``discimus`` prints it and exits 3.
"""
from __future__ import annotations

import importlib.util
from pathlib import Path

from discimus_client.errors import ConfigurationError
from discimus_service.cli import install_hint
from discimus_service.settings import Settings

# The probe connection gives up after this long: a firewalled host would otherwise hold
# ``discimus serve`` for the operating system's TCP timeout (minutes) before a word.
_CONNECT_TIMEOUT_SECONDS = 10


def shown_url(database_url: str) -> str:
    """The URL with its password hidden, for banners and messages."""
    from sqlalchemy.engine import make_url
    return make_url(database_url).render_as_string(hide_password=True)


def check_database(settings: Settings) -> None:
    """Open the database and bring it to the newest migration.

    :raises ConfigurationError: the driver is missing, the server or the database is not
        there, or the file cannot be written.
    """
    from alembic.util import CommandError
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import SQLAlchemyError

    from discimus_service.persistence.database import make_engine, migrate

    url = make_url(settings.database_url)
    postgres = url.get_backend_name() != "sqlite"
    if postgres and importlib.util.find_spec("psycopg") is None:
        raise ConfigurationError(
            f"DISCIMUS_DATABASE_URL is PostgreSQL and psycopg is not installed: install "
            f"the postgres extra: {install_hint('server,postgres')}")
    if postgres and "connect_timeout" not in url.query:
        url = url.update_query_dict({"connect_timeout": str(_CONNECT_TIMEOUT_SECONDS)})
    try:
        engine = make_engine(url.render_as_string(hide_password=False),
                             sqlite_synchronous=settings.sqlite_synchronous)
    except OSError as error:      # SQLite: the folder cannot be created
        raise ConfigurationError(_database_problem(settings, error)) from None
    try:
        migrate(engine)
    except (SQLAlchemyError, OSError, CommandError) as error:
        raise ConfigurationError(_database_problem(settings, error)) from None
    finally:
        engine.dispose()


def database_has_senders(settings: Settings) -> bool:
    """Whether vendors and agencies are registered (so certificates were handed out)."""
    from sqlalchemy import func, select

    from discimus_service.persistence import tables
    from discimus_service.persistence.database import make_engine
    engine = make_engine(settings.database_url,
                         sqlite_synchronous=settings.sqlite_synchronous)
    try:
        with engine.connect() as connection:
            count = connection.execute(
                select(func.count()).select_from(tables.senders)).scalar_one()
            connection.rollback()
    finally:
        engine.dispose()
    return count > 0


def check_pki(settings: Settings) -> None:
    """The files every worker reads: CA, CRL, the server's key and certificate.

    :raises ConfigurationError: the folder or a file is missing, unreadable or not PEM.
    """
    from cryptography import x509

    from discimus_service.security.pki import PkiPaths, load_private_key
    paths = PkiPaths(Path(settings.pki_dir))
    directory = paths.directory
    if not directory.is_dir():
        raise ConfigurationError(
            f"no PKI folder {directory}: restore it from a copy, set DISCIMUS_PKI_DIR to "
            f"where it is, or create a new one with `discimus serve --init` (a new CA: "
            f"vendors must copy their new keys)")
    loaders = {paths.ca_cert: x509.load_pem_x509_certificate,
               paths.crl: x509.load_pem_x509_crl,
               paths.server_cert: x509.load_pem_x509_certificate,
               paths.server_key: None}
    missing = [path.name for path in loaders if not path.exists()]
    if missing:
        raise ConfigurationError(
            f"the PKI in {directory} has no {', '.join(missing)}: restore the folder from "
            f"a copy, or run `discimus pki init` to issue what is missing")
    for path, load in loaders.items():
        try:
            if load is None:
                load_private_key(path)
            else:
                load(path.read_bytes())
        except PermissionError:
            raise ConfigurationError(
                f"cannot read {path}: permission denied; run the emulator as the user "
                f"that owns {directory}, or make the file readable") from None
        except ValueError:
            raise ConfigurationError(
                f"{path} is not a PEM {'key' if load is None else 'file'} the emulator "
                f"can read: restore it, or run `discimus pki init --force` for a new "
                f"PKI") from None


def missing_pki_files(paths, sender_ids) -> list[Path]:
    """What ``init_pki`` would create; empty when the PKI is complete."""
    wanted = [paths.ca_cert, paths.ca_key, paths.server_cert, paths.server_key, paths.crl]
    wanted += [p for s in sender_ids for p in (paths.sender_cert(s), paths.sender_key(s))]
    return [path for path in wanted if not path.exists()]


def _database_problem(settings: Settings, error: BaseException) -> str:
    shown = shown_url(settings.database_url)
    detail = _first_line(getattr(error, "orig", None) or error)
    lowered = detail.lower()
    if shown.startswith("sqlite"):
        fix = ("make its folder writable by this user (SQLite writes -wal and -shm files "
               "beside the database), or set DISCIMUS_DATABASE_URL to another file")
    elif "does not exist" in lowered and "database" in lowered:
        fix = ("create it (createdb NAME, or CREATE DATABASE), or fix the database name "
               "in DISCIMUS_DATABASE_URL")
    elif any(word in lowered for word in ("authentication", "password", "role")):
        fix = "check the user and password in DISCIMUS_DATABASE_URL"
    elif "revision" in lowered:
        fix = ("the database was migrated by a newer version of the emulator: use that "
               "version, or another database")
    else:
        fix = ("is PostgreSQL running and reachable there? Start it, or fix the host and "
               "port in DISCIMUS_DATABASE_URL")
    return f"cannot open the database {shown}: {detail}; {fix}"


def _first_line(error: BaseException) -> str:
    text = str(error).strip() or type(error).__name__
    return " ".join(text.splitlines()[0].split()).rstrip(".")

