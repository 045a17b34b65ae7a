""".NET WCF requests: what the profile accepts and what it refuses with advice (docs/wcf.rst).

The messages imitate what WCF sends for a customBinding with textMessageEncoding
messageVersion="Soap11", security authenticationMode="MutualCertificate" and
messageSecurityVersion WSSecurity10…BasicSecurityProfile10, as its documentation
("Security Protocols version 1.0", 6.2.1) describes the header: Timestamp first, the
client certificate as BinarySecurityToken (InclusionMode AlwaysToRecipient) referenced
directly, Timestamp and Body signed, no WS-Addressing headers.
"""
import datetime as dt

import pytest
from lxml import etree

from discimus_client.wsse import ns
from discimus_client.wsse.envelope import check_envelope
from discimus_client.wsse.errors import (
    EncryptionNotSupported, MustUnderstandFault, SecurityError, UnsupportedAlgorithm,
    UnsupportedSoapVersion,
)
from discimus_client.wsse.parser import parse_xml
from discimus_client.wsse.policy import STRICT
from discimus_client.wsse.verifying import Verifier
from tests.unit.wsse.conftest import NOW
from tests.unit.wsse.shapes import RSA_SHA1, SHA1, build, q

XENC = "http://www.w3.org/2001/04/xmlenc#"
WSA10 = "http://www.w3.org/2005/08/addressing"


def verify(data: bytes):
    envelope = check_envelope(parse_xml(data, STRICT), STRICT, require_security=True)
    return Verifier().verify(envelope, now=NOW)


def refusal(data: bytes, error: type[SecurityError]) -> str:
    with pytest.raises(error) as caught:
        verify(data)
    return caught.value.faultstring


def test_the_imitation_has_wcfs_layout(rsa_pair):
    root = etree.fromstring(build(rsa_pair, NOW))
    assert root.prefix == "s" and root.nsmap["u"] == ns.WSU
    security = root.find(f"{{{ns.SOAP11_ENV}}}Header/{ns.SECURITY}")
    assert security.prefix == "o" and security.get(ns.MUST_UNDERSTAND) == "1"
    assert [etree.QName(c).localname for c in security] == [
        "Timestamp", "BinarySecurityToken", "Signature"]
    assert security[0].get(ns.WSU_ID) == "_0" and security[2].prefix is None


@pytest.mark.parametrize("order", [("timestamp", "body"), ("body", "timestamp")])
def test_mutual_certificate_sign_only_with_basic256sha256_is_accepted(rsa_pair, order):
    verified = verify(build(rsa_pair, NOW, signed=order))
    assert verified.payload.findtext("{urn:test}School") == "034567"
    assert verified.expires - verified.created == dt.timedelta(minutes=5)   # WCF default


def test_a_debugger_header_visual_studio_adds_is_ignored(rsa_pair):
    # Unsigned and not mustUnderstand: nothing reads it, so it does no harm.
    root = etree.fromstring(build(rsa_pair, NOW))
    debug = etree.SubElement(root[0], "{http://schemas.microsoft.com/vstudio/diagnostics/"
                                      "servicemodelsink}VsDebuggerCausalityData")
    debug.text = "uIDPo0Fh"
    verify(etree.tostring(root))


def test_the_default_basic256_suite_is_refused_naming_the_wcf_setting(rsa_pair):
    text = refusal(build(rsa_pair, NOW, method=RSA_SHA1, digest=SHA1), UnsupportedAlgorithm)
    assert text.startswith("[S130] ") and 'defaultAlgorithmSuite="Basic256Sha256"' in text


def _encrypted(rsa_pair) -> bytes:
    """WCF's default ProtectionLevel (EncryptAndSign): an EncryptedKey, an encrypted Body."""
    root = etree.fromstring(build(rsa_pair, NOW))
    security = root.find(f".//{ns.SECURITY}")
    key = etree.Element(q(XENC, "EncryptedKey"), Id="_2")
    etree.SubElement(key, q(XENC, "EncryptionMethod"),
                     Algorithm="http://www.w3.org/2001/04/xmlenc#rsa-oaep-mgf1p")
    etree.SubElement(etree.SubElement(key, q(XENC, "CipherData")),
                     q(XENC, "CipherValue")).text = "c2VjcmV0"
    security.insert(2, key)
    body = root.find(f"{{{ns.SOAP11_ENV}}}Body")
    body.remove(body[0])
    data = etree.SubElement(body, q(XENC, "EncryptedData"), Id="_3",
                            Type="http://www.w3.org/2001/04/xmlenc#Content")
    etree.SubElement(etree.SubElement(data, q(XENC, "CipherData")),
                     q(XENC, "CipherValue")).text = "c2VjcmV0"
    return etree.tostring(root)


def test_encrypt_and_sign_is_refused_saying_set_protection_level_sign(rsa_pair):
    text = refusal(_encrypted(rsa_pair), EncryptionNotSupported)
    assert text.startswith("[S134] ") and "ProtectionLevel=Sign" in text


def test_wshttpbinding_soap12_is_refused_naming_a_soap11_binding(rsa_pair):
    data = build(rsa_pair, NOW).replace(ns.SOAP11_ENV.encode(),
                                        b"http://www.w3.org/2003/05/soap-envelope")
    text = refusal(data, UnsupportedSoapVersion)
    assert text.startswith("[S111] ") and 'messageVersion="Soap11"' in text


def test_ws_addressing_headers_are_refused_naming_the_message_version(rsa_pair):
    # messageVersion="Soap11WSAddressing10" adds <a:Action s:mustUnderstand="1">.
    root = etree.fromstring(build(rsa_pair, NOW))
    action = etree.Element(q(WSA10, "Action"), nsmap={"a": WSA10})
    action.set(ns.MUST_UNDERSTAND, "1")
    action.text = "urn:test/Vraag"
    root[0].insert(0, action)
    text = refusal(etree.tostring(root), MustUnderstandFault)
    assert text.startswith("[S112] ") and "WS-Addressing" in text
    assert 'messageVersion="Soap11"' in text
