"""Getting a machine ready and running: PKI, database, demo data, gunicorn.

``make serve`` calls ``discimus serve --init``, which creates only what is missing, so
a second start keeps the keys vendors already copied and the data they sent.
"""
from __future__ import annotations

from discimus_client.errors import ConfigurationError
from discimus_service.settings import Settings


def ensure_ready(settings: Settings, *, progress: bool = False) -> None:
    """Create the dev PKI, migrate the database and load the demo data, where missing.

    A complete PKI is left untouched and unlocked (it may be read-only). A missing CA is
    only created for a database without senders: a new CA would make every certificate
    vendors already copied fail with S141.

    :raises ConfigurationError: the database cannot be opened, the PKI is gone while the
        database has senders, or the PKI folder cannot be written.
    """
    from discimus_fixtures.senders import SENDER_IDS
    from discimus_service import preflight
    from discimus_service.security.pki import PkiPaths, init_pki

    preflight.check_database(settings)
    has_senders = preflight.database_has_senders(settings)
    paths = PkiPaths(settings.pki_dir)
    missing = preflight.missing_pki_files(paths, SENDER_IDS)
    new_ca = paths.ca_cert in missing or paths.ca_key in missing
    if new_ca and has_senders:
        raise ConfigurationError(
            f"{paths.directory} has no CA, but the database "
            f"{preflight.shown_url(settings.database_url)} already has vendors whose "
            f"certificates came from one: restore the PKI folder (or set DISCIMUS_PKI_DIR "
            f"to it); or, knowingly, `discimus pki init` for a new CA (every vendor's "
            f"copied key then gets S141 until they copy the new one)")
    if missing:
        try:
            init_pki(paths.directory, SENDER_IDS)
        except OSError as error:
            raise ConfigurationError(
                f"cannot create the PKI in {paths.directory}: "
                f"{error.strerror or error}; make the folder writable by this user, or "
                f"set DISCIMUS_PKI_DIR to a writable one") from None
        if new_ca:
            print(f"new development CA and keys in {paths.directory}: vendors copy "
                  f"<sender>.pem/.key and server.pem from there")
    if not has_senders:
        counts = load_fixtures(settings, progress=progress)
        print("demo data loaded: " + ", ".join(f"{k} {v}" for k, v in counts.items()))


def check_ready(settings: Settings) -> None:
    """What ``serve`` without ``--init`` needs: a PKI and a database that opens.

    :raises ConfigurationError: one line saying what is missing and how to fix it.
    """
    from discimus_service import preflight
    preflight.check_pki(settings)
    preflight.check_database(settings)


def check_port(host: str, port: int) -> None:
    """Is the address free? gunicorn would retry for seconds and then exit in a log.

    :raises ConfigurationError: another process listens there, or the host is not ours.
    """
    import errno
    import socket
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as error:
        raise ConfigurationError(f"--host {host!r} is not an address of this machine: "
                                 f"{error.strerror}") from None
    family, kind, proto, _name, address = infos[0]
    with socket.socket(family, kind, proto) as probe:
        # As gunicorn binds: SO_REUSEADDR, so a closed server's TIME_WAIT is no obstacle.
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(address)
        except OSError as error:
            if error.errno == errno.EADDRINUSE:
                raise ConfigurationError(
                    f"{host}:{port} is in use (another `discimus serve`?): stop it, or "
                    f"choose another port (--port, or PORT=... make serve) and point the "
                    f"client at it (DISCIMUS_URL)") from None
            raise ConfigurationError(f"cannot listen on {host}:{port}: "
                                     f"{error.strerror}") from None


def load_fixtures(settings: Settings, *, seed: int = 2026, schools: int = 12,
                  students: int = 200, progress: bool = False,
                  empty_first: bool = False) -> dict[str, int]:
    """Generate the demo data for ``seed`` and load it (what exists is skipped).

    :param empty_first: first empty every table, journal included, in the same
        transaction as the load (``discimus reset``): a running server's workers see
        the old data or the new, never an empty database.
    """
    from discimus_fixtures.generator import generate
    from discimus_fixtures.loader import load
    from discimus_service import preflight
    from discimus_service.persistence.database import make_engine

    preflight.check_database(settings)
    engine = make_engine(settings.database_url,
                         sqlite_synchronous=settings.sqlite_synchronous)
    today = settings.business_date
    dataset = generate(seed, schools=schools, students=students, today=today)
    from discimus_service.persistence import emptying, unit_of_work
    factory = (emptying.EmptyingUnitOfWork if empty_first
               else unit_of_work.SqlAlchemyUnitOfWork)
    try:
        return load(lambda: factory(engine), dataset, progress=progress)
    finally:
        engine.dispose()


def run_gunicorn(settings: Settings, *, host: str, port: int, workers: int,
                 threads: int = 1, front: bool = True) -> int:
    """Serve ``create_app``: gunicorn's sync workers behind the buffering front.

    The front reads every request whole before a worker takes it, so slow clients do
    not hold workers (``serving/front.py``, README "Deployment").

    :returns: the exit status.
    """
    from discimus_service.serving.process import serve
    return serve(settings, host=host, port=port, workers=workers, threads=threads,
                 front=front)
