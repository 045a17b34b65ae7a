"""The published contracts: export the served WSDLs and their schemas to wsdl/ and xsd/.

The WSDL is produced by spyne from the models; the committed copy is what vendors code
against, and ``tests/contract`` fails when the two drift. The soap:address in the
committed copy is the default local endpoint, ``http://127.0.0.1:8080/<service>``.
"""
from __future__ import annotations

import copy
import io
import re
from pathlib import Path
from wsgiref.util import setup_testing_defaults

from lxml import etree
from spyne.server.wsgi import WsgiApplication

from discimus_service.app import SERVICES
from discimus_service.soap.magda import catalogue as magda_catalogue
from discimus_service.soap.magda.wsdl import wsdl_of
from discimus_service.soap.wsdl import canonical_wsdl, serialize, with_minimal_namespaces

CANONICAL_HOST = "127.0.0.1:8080"
XS = "http://www.w3.org/2001/XMLSchema"
WSDL = "http://schemas.xmlsoap.org/wsdl/"


def served_wsdl(path: str, factory, host: str = CANONICAL_HOST) -> bytes:
    """The WSDL exactly as the service serves it at ``http://<host><path>?wsdl``."""
    environ: dict = {}
    setup_testing_defaults(environ)
    name, _, port = host.partition(":")
    environ.update({"REQUEST_METHOD": "GET", "QUERY_STRING": "wsdl", "HTTP_HOST": host,
                    "SERVER_NAME": name, "SERVER_PORT": port or "80",
                    "SCRIPT_NAME": path, "PATH_INFO": "", "wsgi.input": io.BytesIO()})
    status: list = []
    body = b"".join(WsgiApplication(factory())(environ, lambda s, h: status.append(s)))
    if not status or not status[0].startswith("200"):
        raise RuntimeError(f"WSDL of {path} not served: {status}")
    return canonical_wsdl(body)


def schema_file_name(namespace: str) -> str:
    """``urn:discimus-emulator:inschrijving:01.00`` → ``inschrijving-01.00.xsd``."""
    parts = namespace.split(":")
    return re.sub(r"[^A-Za-z0-9.\-]", "_", "-".join(parts[-2:])) + ".xsd"


def schemas_of(wsdl: bytes) -> dict[str, bytes]:
    """The WSDL's inline schemas as standalone XSD files that import each other."""
    root = etree.fromstring(wsdl, etree.XMLParser(resolve_entities=False, no_network=True,
                                                  remove_blank_text=True))
    out = {}
    for schema in root.iterfind(f"{{{WSDL}}}types/{{{XS}}}schema"):
        # The prefixes of type="generiek:..." live on wsdl:definitions: start from
        # those, then keep only what this schema uses.
        standalone = etree.Element(schema.tag, schema.attrib, nsmap=root.nsmap)
        standalone[:] = [copy.deepcopy(child) for child in schema]
        for imp in standalone.iterfind(f"{{{XS}}}import"):
            imp.set("schemaLocation", schema_file_name(imp.get("namespace")))
        out[schema_file_name(schema.get("targetNamespace"))] = serialize(
            with_minimal_namespaces(standalone))
    return out


def export(root: Path) -> list[Path]:
    """Write ``wsdl/<service>.wsdl`` and ``xsd/*.xsd`` under ``root``; return the files."""
    written = []
    for path, (_title, factory) in SERVICES.items():
        name = path.strip("/")
        wsdl = served_wsdl(path, factory)
        target = root / "wsdl" / f"{name}.wsdl"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(wsdl)
        written.append(target)
        for file_name, data in schemas_of(wsdl).items():
            xsd = root / "xsd" / file_name
            xsd.parent.mkdir(parents=True, exist_ok=True)
            xsd.write_bytes(data)
            written.append(xsd)
    for service in magda_catalogue.SERVICES:
        target = root / "wsdl" / "magda" / f"{service.dienst}.wsdl"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(magda_wsdl(service))
        written.append(target)
    return written


def magda_wsdl(service) -> bytes:
    """A MAGDA service's WSDL as served from the default local address; its schemas are
    MAGDA's own (``xsd/magda``), served at ``/magda-xsd/``, not exported again."""
    return wsdl_of(service, f"http://{CANONICAL_HOST}")
