"""``discimus serve``: gunicorn on a private unix socket, the buffering front on the port.

One process tree: the front (this process, asyncio) and gunicorn's arbiter (a child
process, which forks the sync workers). The front forwards complete requests only
(``front.py``), so slow clients never hold a worker. The child dies with the front
(``PR_SET_PDEATHSIG``), and the front stops when gunicorn does (it failed to boot, or
was stopped), so neither outlives the other. ``--no-front`` serves gunicorn directly,
for when another buffering proxy (nginx) is in front already.
"""
from __future__ import annotations

import asyncio
import ctypes
import logging
import multiprocessing
import os
import signal
import socket
import sys
import tempfile
from pathlib import Path

from discimus_service.settings import Settings

log = logging.getLogger("discimus.front")
_GUNICORN_TIMEOUT = 30


def serve(settings: Settings, *, host: str, port: int, workers: int, threads: int = 1,
          front: bool = True) -> int:
    """Run until stopped (SIGTERM, SIGINT) or until gunicorn stops; the exit status.

    :param front: put the buffering front before gunicorn (the default).
    """
    if not front:
        run_gunicorn(settings, bind=f"{host}:{port}", workers=workers, threads=threads)
        return 0
    _log_to_stderr()
    with tempfile.TemporaryDirectory(prefix="discimus-") as tmp:
        socket_path = str(Path(tmp) / "gunicorn.sock")
        backend = multiprocessing.get_context("fork").Process(
            target=_backend, args=(settings, socket_path, workers, threads),
            name="discimus-gunicorn")
        backend.start()
        try:
            return asyncio.run(_run_front(settings, host, port, socket_path, backend))
        finally:
            _stop(backend)


def run_gunicorn(settings: Settings, *, bind: str, workers: int, threads: int = 1,
                 behind_front: bool = False) -> None:
    """Serve ``create_app`` with gunicorn; each worker builds its own app after the fork."""
    from gunicorn.app.base import BaseApplication

    # A transaction gives up after transaction_seconds (fault S501); a request opens
    # at most two, so the worker timeout only ever catches what is not the database.
    timeout = max(_GUNICORN_TIMEOUT, int(2 * settings.transaction_seconds) + 6)

    class _Gunicorn(BaseApplication):
        def load_config(self):
            self.cfg.set("bind", bind)
            self.cfg.set("workers", workers)
            self.cfg.set("threads", threads)
            self.cfg.set("worker_class", "gthread" if threads > 1 else "sync")
            self.cfg.set("timeout", timeout)
            self.cfg.set("graceful_timeout", 10)
            self.cfg.set("limit_request_line", 8190)
            self.cfg.set("accesslog", None)
            self.cfg.set("errorlog", "-")
            self.cfg.set("loglevel", "warning")

        def load(self):
            from discimus_service.app import create_app
            app = create_app(settings)
            return _ClientAddress(app) if behind_front else app

    _Gunicorn().run()


def _backend(settings: Settings, socket_path: str, workers: int, threads: int) -> None:
    # Linux: SIGTERM to gunicorn's arbiter when the front dies, even by kill -9.
    if sys.platform.startswith("linux"):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGTERM)                    # PR_SET_PDEATHSIG
    run_gunicorn(settings, bind=f"unix:{socket_path}", workers=workers, threads=threads,
                 behind_front=True)


class _ClientAddress:
    """REMOTE_ADDR from the front's header: on the unix socket it would be empty."""

    def __init__(self, app):
        self._app = app

    def __call__(self, environ, start_response):
        from discimus_service.serving.front import FORWARDED_FOR
        key = "HTTP_" + FORWARDED_FOR.decode().upper().replace("-", "_")
        environ["REMOTE_ADDR"] = environ.pop(key, "") or environ.get("REMOTE_ADDR", "")
        return self._app(environ, start_response)


async def _run_front(settings: Settings, host: str, port: int, socket_path: str,
                     backend) -> int:
    from discimus_client.wsse.signing import Signer
    from discimus_service.security.pki import PkiPaths
    from discimus_service.serving.front import Front, FrontPolicy

    paths = PkiPaths(settings.pki_dir)
    signer = Signer(paths.server_key.read_bytes(), paths.server_cert.read_bytes(),
                    policy=settings.security)
    policy = FrontPolicy(max_bytes=settings.security.max_bytes,
                         request_seconds=settings.request_read_seconds,
                         backend_seconds=max(_GUNICORN_TIMEOUT,
                                             2 * settings.transaction_seconds + 6) + 15)
    front = Front(socket_path, policy, lambda document, now: signer.sign(document, now=now))
    loop = asyncio.get_running_loop()
    stop = asyncio.Event()
    for number in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(number, stop.set)
    loop.add_reader(backend.sentinel, stop.set)
    if not await _backend_listening(socket_path, backend, stop):
        return _exit_status(backend)
    try:
        server = await front.serve(host, port)
    except OSError as error:
        log.error("cannot listen on %s:%s: %s; choose another --port or --host",
                  host, port, error.strerror or error)
        return 2
    await stop.wait()
    server.close()
    return _exit_status(backend)


async def _backend_listening(socket_path: str, backend, stop: asyncio.Event) -> bool:
    """Wait until gunicorn accepts on its socket; False when it stopped first."""
    while not stop.is_set():
        try:
            with socket.socket(socket.AF_UNIX) as probe:
                probe.connect(socket_path)
            return True
        except OSError:
            await asyncio.sleep(0.05)
    return False


def _exit_status(backend) -> int:
    if backend.is_alive():
        return 0                                 # we were asked to stop
    log.error("gunicorn stopped (exit status %s); the front stops too", backend.exitcode)
    return 1


def _stop(backend) -> None:
    if backend.is_alive():
        os.kill(backend.pid, signal.SIGTERM)     # gunicorn: graceful, up to 10 s
        backend.join(15)
    if backend.is_alive():
        backend.kill()
        backend.join(5)


def _log_to_stderr() -> None:
    if not log.handlers:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("[%(asctime)s] [front] %(message)s"))
        log.addHandler(handler)
        log.setLevel(logging.WARNING)
        log.propagate = False

