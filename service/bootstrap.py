"""Getting a machine ready and running: PKI, database, demo data, gunicorn.

``make serve`` calls ``discimus serve --init``, which creates only what is missing, so
a second start keeps the keys vendors already copied and the data they sent.
"""
from __future__ import annotations

from discimus_service.settings import Settings


def ensure_ready(settings: Settings, *, progress: bool = False) -> None:
    """Create the dev PKI, migrate the database and load the demo data, where missing."""
    from discimus_fixtures.senders import SENDER_IDS
    from discimus_service.persistence.database import make_engine, migrate
    from discimus_service.persistence.unit_of_work import SqlAlchemyUnitOfWork
    from discimus_service.security.pki import init_pki

    init_pki(settings.pki_dir, SENDER_IDS)
    engine = make_engine(settings.database_url,
                         sqlite_synchronous=settings.sqlite_synchronous)
    migrate(engine)
    with SqlAlchemyUnitOfWork(engine) as uow:
        empty = uow.senders.get(SENDER_IDS[0]) is None
    engine.dispose()
    if empty:
        counts = load_fixtures(settings, progress=progress)
        print("demo data loaded: " + ", ".join(f"{k} {v}" for k, v in counts.items()))


def load_fixtures(settings: Settings, *, seed: int = 2026, schools: int = 12,
                  students: int = 200, progress: bool = False) -> dict[str, int]:
    from discimus_fixtures.generator import generate
    from discimus_fixtures.loader import load
    from discimus_service.persistence.database import make_engine, migrate
    from discimus_service.persistence.unit_of_work import SqlAlchemyUnitOfWork

    engine = make_engine(settings.database_url,
                         sqlite_synchronous=settings.sqlite_synchronous)
    migrate(engine)
    today = settings.business_date
    dataset = generate(seed, schools=schools, students=students, today=today)
    try:
        return load(lambda: SqlAlchemyUnitOfWork(engine), dataset, progress=progress)
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
