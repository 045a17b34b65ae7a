"""Sign and verify with the strict profile; every wrapping and algorithm trick fails."""
import copy
import dataclasses
import datetime as dt

import pytest
from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding
from lxml import etree

from discimus_client.wsse import ns
from discimus_client.wsse.envelope import check_envelope
from discimus_client.wsse.errors import (
    InvalidSignatureStructure, InvalidTimestamp, MessageExpired,
    ResponseVerificationFailed, SignatureInvalid, SignatureWrapping, TimestampInFuture,
    UnsupportedAlgorithm,
)
from discimus_client.wsse.policy import STRICT
from discimus_client.wsse.signing import Signer
from discimus_client.wsse.verifying import Verifier
from tests.unit.wsse.conftest import MESSAGE, NOW

DS = f"{{{ns.DS}}}"


def verify(data, now=NOW, **kw):
    root = etree.fromstring(data)
    return Verifier().verify(check_envelope(root, STRICT, require_security=True), now=now,
                             **kw)


@pytest.mark.parametrize("pair", ["rsa_pair", "ec_pair"])
def test_round_trip(pair, request):
    key_pem, cert_pem = request.getfixturevalue(pair)
    root = etree.fromstring(MESSAGE)
    Signer(key_pem, cert_pem).sign(root, now=NOW)
    verified = verify(etree.tostring(root))
    assert verified.payload.findtext("{urn:test}School") == "034567"
    assert verified.created == NOW and verified.expires == NOW + STRICT.timestamp_ttl


def test_an_envelope_without_header_gets_one_first(rsa_pair):
    root = etree.fromstring(MESSAGE.replace(b"<soap:Header/>", b""))
    Signer(*rsa_pair).sign(root, now=NOW)
    assert etree.QName(root[0]).localname == "Header"
    verify(etree.tostring(root))


def test_the_replay_key_is_stable_per_message_and_differs_between_messages(signed,
                                                                            rsa_pair):
    # The key is of what was signed, not of the bytes or the moment of receipt: the
    # same signature resent later with other whitespace in the header is the same.
    root = etree.fromstring(signed)
    root.find(f".//{{{ns.WSSE}}}Security").text = "\n  "
    resent = etree.tostring(root)
    assert resent != signed
    assert verify(resent, now=NOW + dt.timedelta(seconds=30)).replay_key == \
        verify(signed).replay_key
    other = etree.fromstring(MESSAGE)
    Signer(*rsa_pair).sign(other, now=NOW)
    assert verify(etree.tostring(other)).replay_key != verify(signed).replay_key


def test_a_pinned_certificate_must_match(signed, ec_pair):
    other = x509.load_pem_x509_certificate(ec_pair[1]).public_bytes(Encoding.DER)
    with pytest.raises(ResponseVerificationFailed):
        verify(signed, expected_certificate_der=other)


def mutate(signed, change):
    root = etree.fromstring(signed)
    change(root)
    return etree.tostring(root)


def body(root):
    return root.find(f"{{{ns.SOAP11_ENV}}}Body")


def security(root):
    return root.find(f".//{{{ns.WSSE}}}Security")


def references(root):
    return root.findall(f".//{DS}Reference")


def _tamper(r):
    body(r)[0][0].text = "056789"


def _wrap(r):
    header = r[0]
    signed_body = body(r)
    evil = copy.deepcopy(signed_body)
    del evil.attrib[ns.WSU_ID]
    r.remove(signed_body)
    etree.SubElement(header, "{urn:w}Wrapper").append(signed_body)
    r.append(evil)


def _duplicate_id(r):
    etree.SubElement(r[0], "{urn:w}Wrapper").append(copy.deepcopy(body(r)))


def _foreign_id(r):
    b = body(r)
    b.set("{urn:other}Id", b.attrib.pop(ns.WSU_ID))


def _only_timestamp(r):
    first = references(r)[0]
    first.getparent().remove(first)


def _second_signature(r):
    security(r).append(copy.deepcopy(security(r).find(f"{DS}Signature")))


def _empty_uri(r):
    references(r)[0].set("URI", "")


def _algorithm(path, uri):
    return lambda r: r.find(path).set("Algorithm", uri)


def _xslt(r):
    etree.SubElement(references(r)[0].find(f"{DS}Transforms"), f"{DS}Transform",
                     Algorithm="http://www.w3.org/TR/1999/REC-xslt-19991116")


def _no_timestamp(r):
    security(r).remove(security(r).find(ns.TIMESTAMP))


def _bad_created(r):
    security(r).find(f"{ns.TIMESTAMP}/{{{ns.WSU}}}Created").text = "2026-09-03 08:00"


@pytest.mark.parametrize("change, error", [
    (_tamper, SignatureInvalid),
    (_wrap, SignatureWrapping),
    (_duplicate_id, SignatureWrapping),
    (_foreign_id, SignatureWrapping),
    (_only_timestamp, InvalidSignatureStructure),
    (_second_signature, InvalidSignatureStructure),
    (_empty_uri, InvalidSignatureStructure),
    (_algorithm(f".//{DS}SignatureMethod", "http://www.w3.org/2000/09/xmldsig#rsa-sha1"),
     UnsupportedAlgorithm),
    (_algorithm(f".//{DS}CanonicalizationMethod",
                "http://www.w3.org/TR/2001/REC-xml-c14n-20010315"), UnsupportedAlgorithm),
    (_algorithm(f".//{DS}DigestMethod", "http://www.w3.org/2000/09/xmldsig#sha1"),
     UnsupportedAlgorithm),
    (_xslt, UnsupportedAlgorithm),
    (_no_timestamp, InvalidTimestamp),
    (_bad_created, InvalidTimestamp),
], ids=lambda v: getattr(v, "__name__", None))
def test_refusals(signed, change, error):
    with pytest.raises(error):
        verify(mutate(signed, change))


@pytest.mark.parametrize("now, error", [
    (NOW + dt.timedelta(minutes=6), MessageExpired),
    (NOW - dt.timedelta(minutes=2), TimestampInFuture),
])
def test_freshness(signed, now, error):
    with pytest.raises(error):
        verify(signed, now=now)


def test_too_old_even_when_not_expired(rsa_pair):
    root = etree.fromstring(MESSAGE)
    long_lived = dataclasses.replace(STRICT, timestamp_ttl=dt.timedelta(hours=1))
    Signer(*rsa_pair, policy=long_lived).sign(root, now=NOW)
    with pytest.raises(MessageExpired):
        verify(etree.tostring(root), now=NOW + dt.timedelta(seconds=301))
