"""The signer's own choices: time format, method per key type, the header it adds.

Equivalent mutant of client/wsse/signing.py (tools/mutation.py): ``root.insert(0,
header)`` turned into ``insert(-1, ...)``: it runs only when the envelope has no
Header, so the Body is its only child and both put the Header before it.
"""
from __future__ import annotations

import datetime as dt

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ed25519
from lxml import etree

from discimus_client.wsse import ns
from discimus_client.wsse.signing import Signer, timestamp_text
from tests.unit.wsse.conftest import MESSAGE, NOW
from tests.unit.wsse.forging import signature, timestamp, verify


def test_timestamp_text_is_utc_with_milliseconds_and_z():
    moment = dt.datetime(2026, 9, 3, 10, 0, 5, 123_456,
                         tzinfo=dt.timezone(dt.timedelta(hours=2)))
    assert timestamp_text(moment) == "2026-09-03T08:00:05.123Z"
    assert timestamp_text(NOW.replace(microsecond=999)) == "2026-09-03T08:00:00.000Z"


def test_the_timestamp_lives_for_the_policy_ttl(rsa_pair):
    root = etree.fromstring(MESSAGE)
    Signer(*rsa_pair).sign(root, now=NOW.replace(microsecond=250_000))
    root = etree.fromstring(etree.tostring(root))
    created, expires = (c.text for c in timestamp(root))
    assert (created, expires) == ("2026-09-03T08:00:00.250Z", "2026-09-03T08:05:00.250Z")


@pytest.mark.parametrize("pair, method", [("rsa_pair", ns.RSA_SHA256),
                                          ("ec_pair", ns.ECDSA_SHA256)])
def test_the_signature_method_follows_the_key(request, pair, method):
    root = etree.fromstring(MESSAGE)
    Signer(*request.getfixturevalue(pair)).sign(root, now=NOW)
    root = etree.fromstring(etree.tostring(root))
    found = signature(root).find(f"{{{ns.DS}}}SignedInfo/{{{ns.DS}}}SignatureMethod")
    assert found.get("Algorithm") == method
    verify(root)


def test_other_key_types_cannot_sign(rsa_pair):
    key = ed25519.Ed25519PrivateKey.generate().private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption())
    with pytest.raises(ValueError, match="only RSA and EC"):
        Signer(key, rsa_pair[1])


def test_the_security_header_is_must_understand_and_carries_the_token(rsa_pair):
    root = etree.fromstring(MESSAGE)
    Signer(*rsa_pair).sign(root, now=NOW)
    root = etree.fromstring(etree.tostring(root))
    security = root.find(f"{{{ns.SOAP11_ENV}}}Header/{ns.SECURITY}")
    assert security.get(ns.MUST_UNDERSTAND) == "1"
    token = security.find(ns.BINARY_SECURITY_TOKEN)
    assert (token.get("EncodingType"), token.get("ValueType")) == (ns.BASE64, ns.X509V3)
