"""A WSDL 1.1 per MAGDA service that includes MAGDA's own request and response schemas.

Document/literal, one operation, ``soapAction=""`` as MAGDA declares it, and a
``wsdl:types`` schema that includes the reference ``WebService/*.xsd`` files, served by
the emulator at ``/magda-xsd/…`` (their own relative imports resolve there too). So a
tool generating a client from this WSDL gets MAGDA's types, not a copy.
"""
from __future__ import annotations

from lxml import etree
from lxml.builder import ElementMaker

from discimus_service.soap.magda.catalogue import MagdaService

WSDL_NS = "http://schemas.xmlsoap.org/wsdl/"
SOAP_NS = "http://schemas.xmlsoap.org/wsdl/soap/"
XS_NS = "http://www.w3.org/2001/XMLSchema"
XSD_PREFIX = "/magda-xsd/"


def wsdl_of(service: MagdaService, base_url: str) -> bytes:
    """The WSDL of ``service`` as served from ``base_url`` (e.g. http://127.0.0.1:8080)."""
    nsmap = {"wsdl": WSDL_NS, "soap": SOAP_NS, "xs": XS_NS, "tns": service.namespace}
    W = ElementMaker(namespace=WSDL_NS, nsmap=nsmap)
    S = ElementMaker(namespace=SOAP_NS, nsmap=nsmap)
    X = ElementMaker(namespace=XS_NS, nsmap=nsmap)
    naam, base = service.naam, base_url.rstrip("/")
    schema = X.schema(
        X.include(schemaLocation=f"{base}{XSD_PREFIX}{service.request_xsd}"),
        X.include(schemaLocation=f"{base}{XSD_PREFIX}{service.response_xsd}"),
        targetNamespace=service.namespace, elementFormDefault="unqualified")
    literal = S.body(use="literal")
    root = W.definitions(
        W.documentation(f"MAGDA {service.dienst} ({naam} {service.versie}) as emulated by "
                        "Discimus: sign every request with WS-Security (README); the "
                        "same service is also at /Magda-02.00/soap/WebService."),
        W.types(schema),
        W.message(W.part(name="parameters", element=f"tns:{naam}"), name=f"{naam}Request"),
        W.message(W.part(name="parameters", element=f"tns:{naam}Response"),
                  name=f"{naam}Response"),
        W.portType(W.operation(W.input(message=f"tns:{naam}Request"),
                               W.output(message=f"tns:{naam}Response"), name=naam),
                   name=f"{service.dienst}PortType"),
        W.binding(S.binding(style="document",
                            transport="http://schemas.xmlsoap.org/soap/http"),
                  W.operation(S.operation(soapAction="", style="document"),
                              W.input(literal), W.output(S.body(use="literal")),
                              name=naam),
                  name=f"{service.dienst}Binding", type=f"tns:{service.dienst}PortType"),
        W.service(W.port(S.address(location=f"{base}{service.path}"),
                         name=f"{service.dienst}Port",
                         binding=f"tns:{service.dienst}Binding"),
                  name=service.dienst),
        name=service.dienst, targetNamespace=service.namespace)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
