"""Composition root: settings → engine → keys → one secured spyne app per message type.

``create_app()`` is what gunicorn workers and the end-to-end tests load; each worker
builds its own engine, xmlsec keys and caches (nothing is shared across a fork).
"""
from __future__ import annotations

import datetime as dt
import gc
import logging

from lxml.html import builder as H, tostring as html_tostring
from spyne.server.wsgi import WsgiApplication

from discimus_client.wsse.signing import Signer
from discimus_client.wsse.verifying import Verifier
from discimus_service.persistence.database import make_engine, migrate
from discimus_service.persistence.unit_of_work import SqlAlchemyUnitOfWork
from discimus_service.security.middleware import SecuredSoapApp
from discimus_service.security.pki import PkiPaths
from discimus_service.security.senders import SenderDirectory
from discimus_service.security.trust import TrustStore
from discimus_service.settings import Settings, configure
from discimus_service.soap import (
    afwezigheid, dko, echo, inschrijving, internaat, klasinformatie, leerlingenkenmerken,
    ondersteuning, studiebewijs, tucht, weigering,
)
from discimus_service.soap.magda import catalogue as magda, dispatch as magda_dispatch
from discimus_service.soap.magda.schemas import read_served
from discimus_service.soap.magda.wsdl import XSD_PREFIX, wsdl_of

# The published services: URL path → (title, spyne Application factory).
SERVICES = {
    "/inschrijving": ("Discimus message type 1: enrollments and de-registrations",
                      inschrijving.application),
    "/afwezigheid": ("Discimus message type 2: absences per half day",
                     afwezigheid.application),
    "/leerlingenkenmerken": ("Discimus message type 3: student characteristics",
                             leerlingenkenmerken.application),
    "/studiebewijs": ("Discimus message type 4: certificates obtained (studiebewijzen)",
                      studiebewijs.application),
    "/internaat": ("Discimus message type 7: boarding-school enrollments",
                   internaat.application),
    "/klasinformatie": ("Class information for LeerID (seed 003)",
                        klasinformatie.application),
    "/tucht": ("Discimus message type 5: disciplinary measures", tucht.application),
    "/ondersteuning": ("Discimus message type 6: support model types 2, 4, 6, 7",
                       ondersteuning.application),
    "/weigering": ("Discimus message type 8: refusals and dissolved enrollments (MNGI)",
                   weigering.application),
    "/dko": ("DKO, part-time arts education: the academies' own channel",
             dko.application),
}


def _utcnow() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def operations_of(application) -> dict[str, str]:
    """The request elements an Application accepts (Clark-notation QNames), each with
    the soapAction its soap:operation declares in the WSDL.

    spyne writes the method's ``operation_name`` as the soapAction
    (``spyne.interface.wsdl.wsdl11``); ``tests/contract`` checks the served WSDL agrees.
    """
    return {qname: methods[0].operation_name
            for qname, methods in sorted(application.interface.service_method_map.items())}


def create_app(settings: Settings | None = None, *, clock=_utcnow):
    settings = settings or configure()
    logging.getLogger("spyne").setLevel(logging.CRITICAL)  # it logs whole bodies
    engine = make_engine(settings.database_url,
                         sqlite_synchronous=settings.sqlite_synchronous)
    migrate(engine)

    def uow_factory(*, read_only: bool = False):
        return SqlAlchemyUnitOfWork(engine, read_only=read_only,
                                    timeout=settings.transaction_seconds,
                                    page_size=settings.doubles_per_answer)

    paths = PkiPaths(settings.pki_dir)
    signer = Signer(paths.server_key.read_bytes(), paths.server_cert.read_bytes(),
                    policy=settings.security)
    shared = dict(settings=settings, verifier=Verifier(settings.security), signer=signer,
                  trust=TrustStore.from_paths(paths), senders=SenderDirectory(uow_factory),
                  uow_factory=uow_factory, clock=clock)
    routes = {}
    for path, (_title, factory) in SERVICES.items():
        application = factory()
        routes[path] = SecuredSoapApp(WsgiApplication(application),
                                      operations_of(application), **shared)
    routes.update(magda_routes(shared))
    if settings.echo_enabled:
        routes["/echo"] = WsgiApplication(echo.application())
    # spyne runs a full gc.collect() at most once a second after a request
    # (spyne/context.py, MIN_GC_INTERVAL): ~40 ms over the ~90,000 objects of a built
    # worker, 4% of its time. Frozen, those objects are no longer traversed (~0.01 ms).
    gc.collect()
    gc.freeze()
    return Router(routes)


def magda_routes(shared: dict) -> dict:
    """The partner side: MAGDA's shared endpoint (every service) and each service's own."""
    import functools

    from discimus_service.security.magda_middleware import MagdaSoapApp
    answer = functools.partial(magda_dispatch.answer,
                               fault_rules=shared["settings"].fault_rules)
    routes = {path: MagdaSoapApp(list(magda.SERVICES), answer, **shared)
              for path in magda.SHARED_PATHS}
    for service in magda.SERVICES:
        routes[service.path] = MagdaSoapApp(
            [service], answer,
            wsdl=lambda base, s=service: wsdl_of(s, base), **shared)
    return routes


def _titles() -> dict[str, str]:
    titles = {path: title for path, (title, _factory) in SERVICES.items()}
    for path in magda.SHARED_PATHS:
        titles[path] = "MAGDA: every partner service, chosen by the Body element"
    for s in magda.SERVICES:
        titles[s.path] = f"MAGDA {s.naam} {s.versie} (partner agencies)"
    return titles


class Router:
    """Serves each service at exactly its path; GET / lists them with their WSDL URLs.

    Only the exact path: spyne ignores what follows it, so ``/inschrijving/inschrijving``
    would otherwise answer like ``/inschrijving`` and hide a client's wrong URL.
    """

    def __init__(self, routes: dict):
        self.routes = routes

    def __call__(self, environ, start_response):
        path = environ.get("PATH_INFO", "") or "/"
        app = self.routes.get(path)
        if app is not None:
            environ = dict(environ)
            environ["SCRIPT_NAME"] = environ.get("SCRIPT_NAME", "") + path
            environ["PATH_INFO"] = ""
            return app(environ, start_response)
        if path == "/" and environ.get("REQUEST_METHOD", "GET") == "GET":
            return self._index(environ, start_response)
        if path.startswith(XSD_PREFIX) and environ.get("REQUEST_METHOD", "GET") == "GET":
            data = read_served(path[len(XSD_PREFIX):])
            if data is not None:
                start_response("200 OK", [("Content-Type", "text/xml; charset=utf-8"),
                                          ("Content-Length", str(len(data)))])
                return [data]
        start_response("404 Not Found", [("Content-Type", "text/plain; charset=utf-8")])
        under = next((p for p in self.routes if path.startswith(p + "/")), None)
        if under is not None:
            return [f"no such service; the service is at {under} itself, not below "
                    "it\n".encode()]
        return [b"no such service; GET / lists the services\n"]

    def _index(self, environ, start_response):
        base = _base_url(environ)
        titles = _titles()
        items = [H.LI(H.B(path), " ", titles.get(path, "baseline"),
                      *([": ", H.A(f"{base}{path}?wsdl", href=f"{base}{path}?wsdl")]
                        if path not in magda.SHARED_PATHS else []))
                 for path in self.routes]
        page = H.HTML(H.HEAD(H.TITLE("Discimus exchange emulator")),
                      H.BODY(H.H1("Discimus exchange emulator"),
                             H.P("Signed SOAP 1.1 services (WS-Security, see README)."),
                             H.UL(*items)))
        body = html_tostring(page, doctype="<!DOCTYPE html>", encoding="utf-8")
        start_response("200 OK", [("Content-Type", "text/html; charset=utf-8")])
        return [body]


def _base_url(environ) -> str:
    host = environ.get("HTTP_HOST") or (
        f"{environ.get('SERVER_NAME', '127.0.0.1')}:{environ.get('SERVER_PORT', '80')}")
    return f"{environ.get('wsgi.url_scheme', 'http')}://{host}"
