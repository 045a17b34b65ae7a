"""Each refusal carries the code and advice that fix it (issue 5, section 2).

Every message here is validly signed; only the construct under test differs from the
shape the profile accepts (first test), so the answer is about that construct alone.
"""
import copy

import pytest
from lxml import etree

from discimus_client.wsse import ns
from discimus_client.wsse.envelope import check_envelope
from discimus_client.wsse.errors import (
    InvalidSecurityToken, InvalidSignatureStructure, InvalidTimestamp, SecurityError,
)
from discimus_client.wsse.parser import parse_xml
from discimus_client.wsse.policy import STRICT
from discimus_client.wsse.verifying import Verifier
from tests.unit.wsse.conftest import NOW
from tests.unit.wsse.shapes import RSA_SHA1, build

X509_PKIPATH = ("http://docs.oasis-open.org/wss/2004/01/"
                "oasis-200401-wss-x509-token-profile-1.0#X509PKIPathv1")
HEX = ("http://docs.oasis-open.org/wss/2004/01/"
       "oasis-200401-wss-soap-message-security-1.0#HexBinary")


def verify(data: bytes):
    envelope = check_envelope(parse_xml(data, STRICT), STRICT, require_security=True)
    return Verifier().verify(envelope, now=NOW)


def refusal(data: bytes, error: type[SecurityError]) -> str:
    with pytest.raises(error) as caught:
        verify(data)
    return caught.value.faultstring


def test_the_shape_the_variations_start_from_is_accepted(rsa_pair):
    assert verify(build(rsa_pair, NOW)).payload.findtext("{urn:test}School") == "034567"


# -- a message without a (signed) Timestamp: S150, not a count of References ----------
def test_a_message_signing_only_its_body_without_timestamp_gets_s150(rsa_pair):
    text = refusal(build(rsa_pair, NOW, timestamp=False, signed=("body",)), InvalidTimestamp)
    assert text.startswith("[S150] ")
    assert "add a wsu:Timestamp" in text and "sign it" in text


def test_a_missing_timestamp_is_named_before_a_weak_algorithm(rsa_pair):
    # Both must change; the Timestamp is the more fundamental, so it is said first.
    data = build(rsa_pair, NOW, timestamp=False, signed=("body",), method=RSA_SHA1)
    assert refusal(data, InvalidTimestamp).startswith("[S150] ")


def test_a_timestamp_left_unsigned_gets_s150(rsa_pair):
    text = refusal(build(rsa_pair, NOW, signed=("body",)), InvalidTimestamp)
    assert "is not signed" in text and "ds:Reference" in text


def test_signing_only_the_timestamp_stays_a_reference_error(rsa_pair):
    text = refusal(build(rsa_pair, NOW, signed=("timestamp",)), InvalidSignatureStructure)
    assert text.startswith("[S131] ")


# -- a key reference to anything but a BinarySecurityToken in the header ----------------
@pytest.mark.parametrize("key_info", ["key_identifier", "thumbprint", "issuer_serial",
                                      "key_name", "x509data", "missing_token", "external"])
def test_a_key_reference_without_token_says_to_send_the_certificate(rsa_pair, key_info):
    text = refusal(build(rsa_pair, NOW, key_info=key_info), InvalidSecurityToken)
    assert text.startswith("[S140] ")
    assert "send the signing certificate as a wsse:BinarySecurityToken" in text
    assert 'wsse:Reference URI="#' in text
    assert "signatureKeyIdentifier=DirectReference" in text        # WSS4J
    assert "AlwaysToRecipient" in text                              # WCF


def test_the_refusal_names_what_was_sent_instead(rsa_pair):
    assert "wsse:KeyIdentifier" in refusal(build(rsa_pair, NOW, key_info="key_identifier"),
                                           InvalidSecurityToken)
    assert "ds:X509Data" in refusal(build(rsa_pair, NOW, key_info="issuer_serial"),
                                    InvalidSecurityToken)


# -- WS-I Basic Security Profile 1.1 --------------------------------------------------
def test_a_token_without_encoding_type_is_refused_bsp_r3029(rsa_pair):
    text = refusal(build(rsa_pair, NOW, token={"EncodingType": None}), InvalidSecurityToken)
    assert "R3029" in text and "EncodingType" in text


def test_a_token_with_another_encoding_is_refused_bsp_r3030(rsa_pair):
    text = refusal(build(rsa_pair, NOW, token={"EncodingType": HEX}), InvalidSecurityToken)
    assert "R3030" in text


@pytest.mark.parametrize("value_type", [None, X509_PKIPATH])
def test_a_token_that_is_not_x509v3_is_refused_bsp_r3033(rsa_pair, value_type):
    text = refusal(build(rsa_pair, NOW, token={"ValueType": value_type}),
                   InvalidSecurityToken)
    assert "R3033" in text


@pytest.mark.parametrize("part, rule", [("created", "R3225"), ("expires", "R3226")])
def test_a_time_with_a_value_type_is_refused(rsa_pair, part, rule):
    data = build(rsa_pair, NOW, **{part: {"ValueType": "xsd:dateTime"}})
    text = refusal(data, InvalidTimestamp)
    assert text.startswith("[S150] ") and rule in text and "ValueType" in text


def _with(data: bytes, change) -> bytes:
    root = etree.fromstring(data)
    change(root.find(f".//{ns.SECURITY}"))
    return etree.tostring(root)


def test_a_bare_hash_reference_is_no_token_reference(rsa_pair):
    def bare(security):
        security.find(f".//{{{ns.WSSE}}}Reference").set("URI", "#")
    text = refusal(_with(build(rsa_pair, NOW), bare), InvalidSecurityToken)
    assert "does not point to an element of this message" in text


def test_two_tokens_with_the_referenced_id_are_refused(rsa_pair):
    def twice(security):
        token = security.find(ns.BINARY_SECURITY_TOKEN)
        token.addnext(copy.deepcopy(token))
    text = refusal(_with(build(rsa_pair, NOW), twice), InvalidSecurityToken)
    assert "more than one wsse:BinarySecurityToken" in text


def test_two_timestamps_are_refused_bsp_r3227(rsa_pair):
    def twice(security):
        stamp = copy.deepcopy(security.find(ns.TIMESTAMP))
        stamp.set(ns.WSU_ID, "_9")
        security.insert(0, stamp)
    text = refusal(_with(build(rsa_pair, NOW), twice), InvalidTimestamp)
    assert "more than one wsu:Timestamp (WS-I BSP 1.1 R3227)" in text
