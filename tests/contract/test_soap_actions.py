"""The SOAPAction the service demands is the one its served WSDL declares.

The middleware reads the soapAction of each operation from the spyne interface
(``app.operations_of``); vendors read it from the WSDL. They must not drift apart.
"""
from __future__ import annotations

from lxml import etree

from discimus_service.app import SERVICES, operations_of
from discimus_service.contracts import served_wsdl

WSDL = "http://schemas.xmlsoap.org/wsdl/"
SOAP = "http://schemas.xmlsoap.org/wsdl/soap/"


def _declared(wsdl: bytes) -> dict[str, str]:
    """Clark name of each operation's input element → its soap:operation soapAction."""
    root = etree.fromstring(wsdl)
    target = root.get("targetNamespace")
    elements = {}
    for message in root.iterfind(f"{{{WSDL}}}message"):
        part = message.find(f"{{{WSDL}}}part")
        prefix, _, local = part.get("element").rpartition(":")
        elements[message.get("name")] = f"{{{part.nsmap[prefix or None]}}}{local}"
    inputs = {}
    for operation in root.iterfind(f"{{{WSDL}}}portType/{{{WSDL}}}operation"):
        message = operation.find(f"{{{WSDL}}}input").get("message").rpartition(":")[2]
        inputs[operation.get("name")] = elements[message]
    assert target
    return {inputs[op.get("name")]: op.find(f"{{{SOAP}}}operation").get("soapAction")
            for op in root.iterfind(f"{{{WSDL}}}binding/{{{WSDL}}}operation")}


def test_every_operation_demands_the_soap_action_its_wsdl_declares():
    for path, (_title, factory) in SERVICES.items():
        declared = _declared(served_wsdl(path, factory))
        assert declared == operations_of(factory()), path
        assert all(declared.values()), "an empty soapAction cannot tell operations apart"
