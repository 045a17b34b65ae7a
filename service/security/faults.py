"""SOAP 1.1 faults for refused messages, built with lxml's ElementMaker.

The faultstring starts with the stable code (``[S133] …``) and says what to fix; the
detail repeats the code and the error class for programs. Nothing from a traceback, a
path or the refused message is ever included.
"""
from __future__ import annotations

from lxml import etree
from lxml.builder import ElementMaker

from discimus_client.wsse import ns
from discimus_client.wsse.errors import SecurityError

FOUT_NS = "urn:discimus-emulator:fout"
_PREFIXES = {"soap": ns.SOAP11_ENV, "wsse": ns.WSSE, "wsu": ns.WSU}

_SOAP = ElementMaker(namespace=ns.SOAP11_ENV, nsmap={**_PREFIXES, "dsc": FOUT_NS})
_PLAIN = ElementMaker()
_DSC = ElementMaker(namespace=FOUT_NS)


def fault_envelope(error: SecurityError) -> etree._Element:
    """The fault envelope for a refused message (unsigned: the middleware signs it)."""
    prefix, local = error.faultcode
    return _SOAP.Envelope(_SOAP.Body(_SOAP.Fault(
        _PLAIN.faultcode(f"{prefix}:{local}"),
        _PLAIN.faultstring(error.faultstring),
        _PLAIN.detail(_DSC.Fout(
            _DSC.Code(f"S{error.code}"),
            _DSC.Soort(type(error).__name__),
        )),
    )))


class InternalError(SecurityError):
    """Anything unexpected: logged with a reference on the server, never shown."""

    code = 500
    faultcode = ("soap", "Server")

    def __init__(self, reference: str):
        super().__init__(f"internal error; quote reference {reference} to the "
                         "emulator's operators")


class WrongSoapAction(SecurityError):
    """The HTTP SOAPAction header is missing or not the operation's soapAction in the WSDL.

    WS-I Basic Profile 1.1 R1109 quotes the value; unquoted values are accepted too.
    """

    code = 116
    faultcode = ("soap", "Client")


class RequestTimedOut(SecurityError):
    """The service did not answer in time; nothing was stored."""

    code = 501
    faultcode = ("soap", "Server")

    def __init__(self, message: str = "the service did not answer in time; nothing was "
                                      "stored: send the message again (same Referte)"):
        super().__init__(message)
