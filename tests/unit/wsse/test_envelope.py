"""Envelope shape: one optional Header, one Body with one operation, nothing else."""
import pytest
from lxml import etree

from discimus_client.wsse.envelope import check_envelope
from discimus_client.wsse.errors import (
    ForbiddenXml, InvalidEnvelope, MustUnderstandFault, SecurityHeaderMissing,
    UnsupportedSoapVersion,
)
from discimus_client.wsse.policy import STRICT

S = "http://schemas.xmlsoap.org/soap/envelope/"
W = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd"


def env(inner: str, ns: str = S) -> etree._Element:
    return etree.fromstring(f'<s:Envelope xmlns:s="{ns}" xmlns:w="{W}">{inner}</s:Envelope>')


SEC = "<s:Header><w:Security/></s:Header>"


def test_the_parts_are_returned():
    e = check_envelope(env(SEC + "<s:Body><op/></s:Body>"), STRICT, require_security=True)
    assert e.payload.tag == "op" and e.security.tag == f"{{{W}}}Security"


@pytest.mark.parametrize("inner, error", [
    ("<s:Body><op/></s:Body><s:Body><op/></s:Body>", InvalidEnvelope),
    (SEC, InvalidEnvelope),
    ("<s:Body><op/></s:Body>" + SEC, InvalidEnvelope),
    (SEC + "<s:Body><op/><op2/></s:Body>", InvalidEnvelope),
    (SEC + "<s:Body>text<op/></s:Body>", InvalidEnvelope),
    (SEC + "<s:Body><op>a<!--x-->b</op></s:Body>", ForbiddenXml),
    ("<s:Header><w:Security/><w:Security/></s:Header><s:Body><op/></s:Body>",
     InvalidEnvelope),
    ('<s:Header><w:Security/><r:Route xmlns:r="urn:r" s:mustUnderstand="1"/></s:Header>'
     "<s:Body><op/></s:Body>", MustUnderstandFault),
    ("<s:Body><op/></s:Body>", SecurityHeaderMissing),
])
def test_shape_refusals(inner, error):
    with pytest.raises(error):
        check_envelope(env(inner), STRICT, require_security=True)


def test_soap12_is_named_as_such():
    with pytest.raises(UnsupportedSoapVersion):
        check_envelope(env("<s:Body><op/></s:Body>", "http://www.w3.org/2003/05/soap-envelope"),
                       STRICT, require_security=False)


def test_an_unsigned_envelope_passes_when_security_is_not_required():
    e = check_envelope(env("<s:Body><op/></s:Body>"), STRICT, require_security=False)
    assert e.security is None
