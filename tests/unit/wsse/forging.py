"""Build signed messages with a chosen shape, for the verifier's edge tests.

A message is signed by the real :class:`Signer`, then changed, then (where the change
must not break the signature itself) signed again with the same key, so that each test
reaches exactly the check it is about and no earlier one hides it.
"""
from __future__ import annotations

import base64
import datetime as dt
import functools

import xmlsec
from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding
from lxml import etree

from discimus_client.wsse import ns
from discimus_client.wsse.envelope import check_envelope
from discimus_client.wsse.policy import STRICT
from discimus_client.wsse.signing import Signer
from discimus_client.wsse.verifying import Verifier
from tests.unit.wsse.conftest import MESSAGE, NOW

DS = f"{{{ns.DS}}}"
WSSE = f"{{{ns.WSSE}}}"
WSU = f"{{{ns.WSU}}}"
BODY = ns.qname(ns.SOAP11_ENV, "Body")
HEADER = ns.qname(ns.SOAP11_ENV, "Header")


@functools.lru_cache(maxsize=None)
def _signer(key_pem: bytes, cert_pem: bytes, policy) -> Signer:
    return Signer(key_pem, cert_pem, policy=policy)   # loading a key is the slow part


@functools.lru_cache(maxsize=None)
def _xmlsec_key(key_pem: bytes):
    return xmlsec.Key.from_memory(key_pem, xmlsec.KeyFormat.PEM, None)


def signed_root(pair, now=NOW, policy=STRICT):
    root = etree.fromstring(MESSAGE)
    _signer(*pair, policy).sign(root, now=now)
    return _reparsed(root)


def _reparsed(root):
    # Nodes xmlsec adds are invisible to lxml's find() until the tree is parsed again
    # (their names are not in the document's dictionary); a receiver parses anyway.
    return etree.fromstring(etree.tostring(root))


def body(root):
    return root.find(BODY)


def security(root):
    return root.find(f"{HEADER}/{ns.SECURITY}")


def timestamp(root):
    return root.find(f".//{ns.TIMESTAMP}")


def signature(root):
    return root.find(f".//{ns.SIGNATURE}")


def signed_info(root):
    return signature(root).find(f"{DS}SignedInfo")


def references(root):
    return signed_info(root).findall(f"{DS}Reference")


def token(root):
    return security(root).find(ns.BINARY_SECURITY_TOKEN)


def key_info(root):
    return signature(root).find(f"{DS}KeyInfo")


def der_of(cert_pem: bytes) -> bytes:
    return x509.load_pem_x509_certificate(cert_pem).public_bytes(Encoding.DER)


def set_token(root, cert_pem: bytes) -> None:
    """Send another certificate as the BinarySecurityToken (the signature is not redone)."""
    token(root).text = base64.b64encode(der_of(cert_pem)).decode()


def resign(root, key_pem: bytes):
    """Sign the (changed) Body and Timestamp again with ``key_pem``."""
    ctx = xmlsec.SignatureContext()
    ctx.key = _xmlsec_key(key_pem)
    ctx.register_id(body(root), "Id", ns.WSU)
    ctx.register_id(timestamp(root), "Id", ns.WSU)
    ctx.sign(signature(root))
    return _reparsed(root)


def with_times(pair, created: str, expires: str | None):
    """A validly signed message whose Timestamp says ``created`` and ``expires``."""
    root = signed_root(pair)
    stamp = timestamp(root)
    stamp.find(f"{WSU}Created").text = created
    if expires is None:
        stamp.remove(stamp.find(f"{WSU}Expires"))
    else:
        stamp.find(f"{WSU}Expires").text = expires
    return resign(root, pair[0])


def text(moment: dt.datetime) -> str:
    """xsd:dateTime with microseconds, so edges can sit one microsecond apart."""
    return moment.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def verify(root, *, now=NOW, policy=STRICT, **kw):
    """Verify after a round trip through bytes, as a receiver would."""
    parsed = etree.fromstring(etree.tostring(root))
    envelope = check_envelope(parsed, policy, require_security=True)
    return Verifier(policy).verify(envelope, now=now, **kw)
