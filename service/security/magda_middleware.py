"""The WS-Security middleware in front of the MAGDA services, without spyne.

The same class as the school side (``middleware.SecuredSoapApp``): transport checks,
hardened parse, envelope, strict signature, certificate and sender, verified Body
against the schema, then the operation, then the signed answer. What differs is only
what the school side delegates to spyne:

- the schema is MAGDA's reference XSD of the Body element's service, chosen by its
  qualified name (``soap/magda/catalogue.py``), so one endpoint serves every service;
- the SOAPAction: MAGDA's connector posts every service with ``SOAPAction: ""``
  (``MagdaSoapConnection`` in MAGDA-Mock), and MAGDA's WSDLs declare ``""``; the
  service name in the header is accepted too; a missing header is still S116;
- more Vragen than the schema allows is answered as MAGDA does, with 20110 in a
  Repliek, not as a schema fault (so that one Vraag is validated, the rest counted);
- GET serves the service's WSDL (``?wsdl``) and no spyne is involved anywhere;
- a message in the shape MAGDA's own Java connector signs (no Timestamp, an
  X509PKIPathv1 token) is verified with the magda-connector profile
  (``client/wsse/connector.py``) and served only to a partner whose sender record opts
  into it; any other message with the strict profile, as on the school side.
"""
from __future__ import annotations

import copy
import datetime as dt
import logging
from collections.abc import Callable

from lxml import etree
from lxml.builder import ElementMaker

from discimus_client.wsse import ns
from discimus_client.wsse.connector import ConnectorVerifier, is_connector_shape
from discimus_client.wsse.errors import SchemaViolation, SecurityError, UnsupportedAlgorithm
from discimus_service.security.faults import WrongSoapAction
from discimus_service.security.middleware import RequestInfo, SecuredSoapApp, _clean
from discimus_service.security.schema_check import BodySchema
from discimus_service.security.trust import sender_id_of
from discimus_service.soap.magda import envelope, schemas
from discimus_service.domain.model import SecurityProfile, SenderKind
from discimus_service.soap.magda.catalogue import MagdaService

log = logging.getLogger("discimus.security")
_SOAP = ElementMaker(namespace=ns.SOAP11_ENV, nsmap={"soap": ns.SOAP11_ENV})

# Answers one verified MAGDA request: (service, request element, request info, now) →
# the …Response element. ``soap/magda/dispatch.py`` provides it.
Handler = Callable[[MagdaService, etree._Element, RequestInfo, dt.datetime], etree._Element]


class MagdaSchemas:
    """The reference schema of each service, chosen by the Body element's name."""

    def __init__(self, services: dict[str, MagdaService]):
        self._services = services
        self._schemas = {tag: BodySchema(schemas.schema(s.request_xsd))
                         for tag, s in services.items()}

    def check(self, payload) -> None:
        """:raises SchemaViolation: against the service's reference schema, or a Context
            that names another service or version."""
        service = self._services[payload.tag]
        vragen = envelope.questions(payload)
        if len(vragen) > service.max_questions:
            # 20110 is an answer, not a fault: validate the message as if it held the
            # allowed number of Vragen; the dispatch then refuses the rest.
            payload = copy.deepcopy(payload)
            for extra in envelope.questions(payload)[service.max_questions:]:
                extra.getparent().remove(extra)
        self._schemas[payload.tag].check(payload)
        naam = payload.findtext("Verzoek/Context/Naam")
        versie = payload.findtext("Verzoek/Context/Versie")
        if (naam, versie) != (service.naam, service.versie):
            raise SchemaViolation(
                f"Verzoek/Context says {_clean(naam, 48)!r} version {_clean(versie, 10)!r}"
                f" but the Body is {service.naam} {service.versie}; send Naam "
                f"{service.naam!r} and Versie {service.versie!r}")


class MagdaSoapApp(SecuredSoapApp):
    """One MAGDA endpoint: the shared one (every service) or one service's own path."""

    def __init__(self, services: list[MagdaService], handler: Handler, *, wsdl=None,
                 settings, verifier, signer, trust, senders, uow_factory, clock):
        services_by_tag = {s.request_tag: s for s in services}
        super().__init__(None, {tag: "" for tag in services_by_tag}, settings=settings,
                         verifier=verifier, signer=signer, trust=trust, senders=senders,
                         uow_factory=uow_factory, clock=clock)
        self._services = services_by_tag
        self._body_schema = MagdaSchemas(services_by_tag)
        self._handler = handler
        self._wsdl_of = wsdl           # (base_url) → WSDL bytes, for a service's own path
        # The same freshness window as the Timestamp's (DISCIMUS_MAX_AGE_SECONDS, …).
        self._connector_verifier = ConnectorVerifier(settings.security,
                                                     settings.magda_connector)

    def _authenticate(self, envelope, now):
        """The strict profile, or the magda-connector one for a partner who opted in."""
        if not is_connector_shape(envelope):
            return super()._authenticate(envelope, now)
        verified = self._connector_verifier.verify(envelope, now=now)
        self._trust.validate(verified.certificate, at=now)
        sender = self._senders.get(sender_id_of(verified.certificate))
        profile = SecurityProfile.MAGDA_CONNECTOR
        if not sender.accepts(profile):
            raise UnsupportedAlgorithm(_not_opted_in(sender))
        return verified, sender, profile.value

    def _wsdl(self, environ, start_response):
        if self._wsdl_of is None or environ.get("QUERY_STRING", "").lower() != "wsdl":
            start_response("404 Not Found", [("Content-Type", "text/plain")])
            return [b"POST a signed MAGDA request here; each service's WSDL is at its "
                    b"own path with ?wsdl (GET / lists them)\n"]
        body = self._wsdl_of(_base_url_of(environ))
        start_response("200 OK", [("Content-Type", "text/xml; charset=utf-8"),
                                  ("Content-Length", str(len(body)))])
        return [body]

    def _check_soap_action(self, environ, operation: str) -> None:
        """``""`` as MAGDA's connector and WSDLs have it, or the service's name."""
        sent = environ.get("HTTP_SOAPACTION")
        value = (sent or "").strip()
        if len(value) >= 2 and value[0] == value[-1] == '"':
            value = value[1:-1]
        service = self._services[operation]
        if sent is not None and value in ("", service.naam):
            return
        told = ("the SOAPAction HTTP header is missing" if sent is None else
                f"SOAPAction {_clean(sent, 60)!r} does not name the {service.naam} "
                "service in the Body")
        raise WrongSoapAction(f'{told}; send SOAPAction: "" as MAGDA clients do (the '
                              "soapAction of every MAGDA operation in its WSDL)")

    def _dispatch(self, environ, start_response, verified_body, request, now):
        payload = next(iter(verified_body.iterchildren(tag=etree.Element)))
        try:
            answer = self._handler(self._services[payload.tag], payload, request, now)
        except SecurityError as error:    # a replay, found inside the transaction
            return self._refuse(start_response, error, environ, now)
        except Exception:
            return self._internal_error(start_response, environ, now)
        return self._send(start_response, "200 OK", _SOAP.Envelope(_SOAP.Body(answer)), now)


def _not_opted_in(sender) -> str:
    """S130 for a connector-shaped message from a sender on the strict profile."""
    told = (f"{sender.sender_id!r} is on the strict profile: RSA-SHA1 with SHA-1 digests "
            "over the Body only, without a Timestamp, is MAGDA's connector shape, the "
            "magda-connector profile")
    if sender.kind is not SenderKind.AGENCY:
        return told + ", which only partner agencies may opt into; sign Body and " \
                      "Timestamp with RSA-SHA256"
    return (told + ", which a partner's sender record opts into (security_profile "
            f"magda-connector: `discimus partners profile {sender.sender_id} "
            "magda-connector`); or sign Body and Timestamp with RSA-SHA256")


def _base_url_of(environ) -> str:
    host = environ.get("HTTP_HOST") or (
        f"{environ.get('SERVER_NAME', '127.0.0.1')}:{environ.get('SERVER_PORT', '80')}")
    return f"{environ.get('wsgi.url_scheme', 'http')}://{host}"
