"""WS-Security as WSGI middleware in front of one spyne application.

spyne has no WS-Security, and on its own it processes the first of two Bodies, crashes
on a missing one and ignores mustUnderstand (docs/security.rst). So every POST passes here
first, in this order, and spyne only ever sees the verified Body:

1. transport: method, Content-Type text/xml, size capped before reading;
2. hardened parse (no DTD, entities, PIs; element, depth and namespace limits);
3. envelope shape, one wsse:Security, the operation is one this service offers and the
   HTTP SOAPAction header is the one the WSDL gives it;
4. signature (strict profile) with xmlsec, Body and Timestamp pinned, fresh Timestamp;
5. certificate chain, dates, key usage, revocation; sender from the certificate; the
   verified Body against the service's XML Schema (``schema_check``);
6. spyne runs the operation; replay and idempotency are settled in the use case's
   transaction (services/exchange.py), which runs inside this call;
7. the response (answers and faults alike) is signed with the server's key.

Any refusal is a signed SOAP fault with a stable code; nothing is written before step 6.
"""
from __future__ import annotations

import datetime as dt
import io
import logging
import re
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from lxml import etree
from lxml.builder import ElementMaker

from discimus_client.wsse import ns
from discimus_client.wsse.envelope import check_envelope
from discimus_client.wsse.errors import (
    MessageTooLarge, SchemaViolation, SecurityError, UnknownOperation,
    WrongContentType,
)
from discimus_client.wsse.parser import parse_xml
from discimus_client.wsse.signing import Signer
from discimus_client.wsse.verifying import Verifier
from discimus_service.domain.model import Sender
from discimus_service.security.faults import InternalError, WrongSoapAction, fault_envelope
from discimus_service.security.schema_check import BodySchema
from discimus_service.security.senders import SenderDirectory
from discimus_service.security.trust import TrustStore, sender_id_of
from discimus_service.services.ports import UnitOfWork
from discimus_service.settings import Settings
from discimus_service.soap.wsdl import canonical_wsdl

log = logging.getLogger("discimus.security")

ENVIRON_REQUEST = "discimus.request"     # RequestInfo for the adapters
ENVIRON_ERROR = "discimus.error"         # an adapter's SecurityError, rendered here
_SOAP = ElementMaker(namespace=ns.SOAP11_ENV, nsmap={"soap": ns.SOAP11_ENV})
# Our own response documents: trusted, but still parsed without entities or network.
_RESPONSE_PARSER = etree.XMLParser(resolve_entities=False, no_network=True,
                                   load_dtd=False, huge_tree=False)


@dataclass(frozen=True)
class RequestInfo:
    """What the security checks established, handed to the @rpc adapters."""

    sender: Sender
    raw_message: bytes
    replay_key: str
    received_at: dt.datetime
    today: dt.date
    uow_factory: Callable[[], UnitOfWork]
    profile: str = "strict"          # the profile the message was verified with


class SecuredSoapApp:
    """Wrap one spyne ``WsgiApplication``: verify in, sign out."""

    def __init__(self, spyne_app, operations: Mapping[str, str], *, settings: Settings,
                 verifier: Verifier, signer: Signer, trust: TrustStore,
                 senders: SenderDirectory, uow_factory: Callable[[], UnitOfWork],
                 clock: Callable[[], dt.datetime]):
        self._spyne = spyne_app
        # Clark-notation QName of each request element → its soapAction in the WSDL.
        self._operations = dict(operations)
        # No spyne app: a subclass brings its own schema (security/magda_middleware.py).
        self._body_schema = BodySchema.of(spyne_app.app) if spyne_app is not None else None
        self._settings = settings
        self._policy = settings.security
        self._verifier = verifier
        self._signer = signer
        self._trust = trust
        self._senders = senders
        self._uow_factory = uow_factory
        self._clock = clock

    def __call__(self, environ, start_response):
        method = environ.get("REQUEST_METHOD", "GET").upper()
        if method == "GET":          # WSDL: public, unsigned, made by spyne
            return self._wsdl(environ, start_response)
        if method != "POST":
            start_response("405 Method Not Allowed", [("Allow", "GET, POST"),
                                                      ("Content-Type", "text/plain")])
            return [b"POST a signed SOAP 1.1 message, or GET ?wsdl\n"]
        now = self._clock()
        try:
            raw, verified_body, request = self._admit(environ, now)
        except SecurityError as error:
            return self._refuse(start_response, error, environ, now)
        except Exception:            # a library failure we did not foresee: fail closed
            return self._internal_error(start_response, environ, now)
        return self._dispatch(environ, start_response, verified_body, request, now)

    def _wsdl(self, environ, start_response):
        captured: dict = {}

        def capture(status, headers, exc_info=None):
            captured["status"], captured["headers"] = status, headers

        body = b"".join(self._spyne(environ, capture))
        if captured.get("status", "").startswith("200") and body.lstrip().startswith(b"<"):
            body = canonical_wsdl(body)
            headers = [(k, v) for k, v in captured["headers"] if k.lower() != "content-length"]
            start_response(captured["status"], headers + [("Content-Length", str(len(body)))])
            return [body]
        start_response(captured.get("status", "404 Not Found"),
                       captured.get("headers", [("Content-Type", "text/plain")]))
        return [body]

    # -- inbound -------------------------------------------------------------------------
    def _admit(self, environ, now: dt.datetime):
        content_type = environ.get("CONTENT_TYPE", "")
        if content_type.split(";")[0].strip().lower() != "text/xml":
            raise WrongContentType(
                f"Content-Type must be text/xml (SOAP 1.1), not {content_type[:60]!r}")
        raw = _read_capped(environ, self._policy.max_bytes)
        root = parse_xml(raw, self._policy)
        envelope = check_envelope(root, self._policy, require_security=True)
        if envelope.payload.tag not in self._operations:
            raise UnknownOperation(
                f"the Body holds {etree.QName(envelope.payload).localname[:60]!r}, "
                "which is no operation of this service; see its WSDL")
        self._check_soap_action(environ, envelope.payload.tag)
        verified, sender, profile = self._authenticate(envelope, now)
        # The element the signature covered, from the parse of the bytes as sent: its
        # errors carry the sender's line numbers (spyne would see a re-serialised copy).
        self._body_schema.check(verified.payload)
        request = RequestInfo(sender=sender, raw_message=raw,
                              replay_key=verified.replay_key, received_at=now,
                              today=self._settings.today(now),
                              uow_factory=self._uow_factory, profile=profile)
        return raw, verified.body, request

    def _authenticate(self, envelope, now: dt.datetime):
        """Signature, certificate and sender: (verified message, sender, profile name).

        The school side has one profile, the strict one; the MAGDA side adds the
        magda-connector profile for partners who opted in (``magda_middleware``).
        """
        verified = self._verifier.verify(envelope, now=now)
        self._trust.validate(verified.certificate, at=now)
        return verified, self._senders.get(sender_id_of(verified.certificate)), "strict"

    def _check_soap_action(self, environ, operation: str) -> None:
        """The SOAPAction must name the operation in the Body, as the WSDL declares it.

        WS-I Basic Profile 1.1 R1109 sends it as a quoted string; an unquoted value is
        accepted too, an empty one (``""``) or none at all is not.
        """
        expected = self._operations[operation]
        sent = environ.get("HTTP_SOAPACTION")
        value = (sent or "").strip()
        if len(value) >= 2 and value[0] == value[-1] == '"':
            value = value[1:-1]
        if sent is not None and value == expected:
            return
        if sent is None:
            told = "the SOAPAction HTTP header is missing"
        else:
            told = (f"SOAPAction {_clean(sent, 60)!r} does not name the "
                    f"{etree.QName(operation).localname} operation in the Body")
        raise WrongSoapAction(f'{told}; send the HTTP header SOAPAction: "{expected}" '
                              "(the soapAction of the operation in the WSDL)")

    def _dispatch(self, environ, start_response, verified_body, request, now):
        # spyne gets a new envelope holding exactly the verified Body element (moved,
        # not copied or re-read from the original bytes).
        inner = _SOAP.Envelope()
        inner.append(verified_body)
        data = etree.tostring(inner)
        inner_env = dict(environ)
        inner_env.update({"wsgi.input": io.BytesIO(data), "CONTENT_LENGTH": str(len(data)),
                          ENVIRON_REQUEST: request})
        captured: dict = {}

        def capture(status, headers, exc_info=None):
            captured["status"], captured["headers"] = status, headers

        try:
            body = b"".join(self._spyne(inner_env, capture))
            error = inner_env.get(ENVIRON_ERROR)
            if error is not None:
                return self._refuse(start_response, error, environ, now)
            document = etree.fromstring(body, _RESPONSE_PARSER)
            violation = _schema_violation(document)
            if violation is not None:
                return self._refuse(start_response, violation, environ, now)
            return self._send(start_response, captured["status"], document, now)
        except Exception:
            return self._internal_error(start_response, environ, now)

    # -- outbound ------------------------------------------------------------------------
    def _send(self, start_response, status: str, document, now: dt.datetime):
        self._signer.sign(document, now=now)
        payload = etree.tostring(document, xml_declaration=True, encoding="UTF-8")
        start_response(status, [("Content-Type", "text/xml; charset=utf-8"),
                                ("Content-Length", str(len(payload)))])
        return [payload]

    def _refuse(self, start_response, error: SecurityError, environ, now):
        log.warning("refused S%s %s from %s: %s", error.code, type(error).__name__,
                    _clean(environ.get("REMOTE_ADDR", "?")), _clean(error.message))
        status = {413: "413 Request Entity Too Large",
                  415: "415 Unsupported Media Type"}.get(error.http_status,
                                                         "500 Internal Server Error")
        return self._send(start_response, status, fault_envelope(error), now)

    def _internal_error(self, start_response, environ, now):
        reference = uuid.uuid4().hex[:12]
        log.exception("internal error, reference %s", reference)
        return self._refuse(start_response, InternalError(reference), environ, now)


def _schema_violation(document) -> SchemaViolation | None:
    """spyne's own Client faults as our coded fault.

    The Body was validated against the same schema before spyne saw it
    (``schema_check``), so what is left is spyne failing to read a value the schema
    allows: its message, bounded and cleaned, never libxml2's raw text.
    """
    fault = document.find(f"{{{ns.SOAP11_ENV}}}Body/{{{ns.SOAP11_ENV}}}Fault")
    if fault is None:
        return None
    code = fault.findtext("faultcode") or ""
    if not code.split(":")[-1].startswith("Client"):
        return None
    detail = _clean(_LIBXML2_PREFIX.sub("", fault.findtext("faultstring") or ""), 400)
    return SchemaViolation(f"the message does not follow the service's schema "
                           f"(see its WSDL): {detail}")


_LIBXML2_PREFIX = re.compile(r"^\S*:\d+:\d+:\w+:\w+:\w+: ")


def _read_capped(environ, limit: int) -> bytes:
    """Read the body, never more than ``limit`` bytes whatever Content-Length says."""
    try:
        declared = int(environ.get("CONTENT_LENGTH") or -1)
    except ValueError:
        declared = -1
    if declared > limit:
        raise MessageTooLarge(f"the message is {declared} bytes; the limit is {limit}")
    stream = environ["wsgi.input"]
    data = stream.read(declared if declared >= 0 else limit + 1)
    if len(data) > limit:
        raise MessageTooLarge(f"the message is over the limit of {limit} bytes")
    return data


def _clean(text: str, limit: int = 200) -> str:
    """Log-safe: no forged line breaks or control characters, bounded length."""
    return "".join(c if c.isprintable() else "?" for c in str(text)[:limit])
