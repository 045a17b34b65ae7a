"""The WSDL's WS-SecurityPolicy claims only what the service's verifier really does.

``soap/policy.py`` publishes Basic256Sha256, Layout Lax, a signed Timestamp and Body,
and X.509 tokens referenced directly; each claim is checked here against the verifier
the service runs (``client/wsse/verifying.py``), and the suite also against how the
server signs its answers with the key a new PKI gives it (``security/pki.py``).
"""
from __future__ import annotations

from cryptography.hazmat.primitives.asymmetric import rsa
from lxml import etree

from discimus_client.wsse import ns
from discimus_client.wsse.envelope import check_envelope
from discimus_client.wsse.parser import parse_xml
from discimus_client.wsse.policy import STRICT
from discimus_client.wsse.signing import Signer
from discimus_client.wsse.verifying import Verifier
from discimus_service.security.pki import init_pki
from discimus_service.soap.policy import SP, WSP, security_policy
from tests.unit.wsse.conftest import MESSAGE, NOW, key_and_cert

DS = "{http://www.w3.org/2000/09/xmldsig#}"
# What a suite means for one signature. WS-SP 1.2 §6.1 gives Basic256Sha256 SHA-256
# digests and exclusive c14n, and an RSA signature: its table still says rsa-sha1, which
# the profile refuses; WCF's Basic256Sha256 signs rsa-sha256, and CXF does once
# ws-security.asymmetric.signature.algorithm says so (README, "Services and contracts").
SUITES = {"Basic256Sha256": {ns.EXC_C14N, ns.RSA_SHA256, ns.SHA256}}


def _algorithms(root) -> set[str]:
    signed_info = root.find(f".//{DS}SignedInfo")
    return {e.get("Algorithm") for e in signed_info.iter() if e.get("Algorithm")}


def _claimed_suite() -> str:
    (suite,) = security_policy().find(f".//{{{SP}}}AlgorithmSuite/{{{WSP}}}Policy")
    return etree.QName(suite).localname


def _signed_by_a_policy_following_sender() -> etree._Element:
    root = etree.fromstring(MESSAGE)
    Signer(*key_and_cert(rsa.generate_private_key(65537, 2048))).sign(root, now=NOW)
    return root


def _verify(root):
    data = etree.tostring(root)
    return Verifier(STRICT).verify(check_envelope(parse_xml(data, STRICT), STRICT,
                                                  require_security=True), now=NOW)


def test_basic256sha256_as_a_sender_uses_it_is_accepted():
    root = _signed_by_a_policy_following_sender()
    assert _algorithms(root) == SUITES[_claimed_suite()]
    assert {ns.RSA_SHA256} <= STRICT.signature_algorithms
    assert {ns.SHA256} <= STRICT.digest_algorithms
    assert _verify(root).created == NOW          # IncludeTimestamp: the signed one


def test_layout_lax_any_order_of_the_security_header_is_accepted():
    root = _signed_by_a_policy_following_sender()
    security = root.find(f".//{ns.SECURITY}")
    security[:] = list(reversed(security))     # Signature, Timestamp, token
    assert [etree.QName(c).localname for c in security] == [
        "Signature", "Timestamp", "BinarySecurityToken"]
    assert _verify(root).payload is not None


def test_the_policy_says_lax_and_signed_timestamp_and_body():
    claimed = {etree.QName(e).localname for e in security_policy().iter()}
    assert {"Lax", "IncludeTimestamp", "Basic256Sha256", "Body"} <= claimed
    assert not claimed & {"Strict", "LaxTsFirst", "MustSupportRefKeyIdentifier",
                          "MustSupportRefIssuerSerial", "EncryptedParts"}


def test_the_servers_answers_follow_the_claimed_suite_too(tmp_path):
    """The policy covers both directions: the server's default key signs within it."""
    paths = init_pki(tmp_path, [])
    answer = etree.fromstring(MESSAGE)
    Signer(paths.server_key.read_bytes(), paths.server_cert.read_bytes()).sign(answer,
                                                                               now=NOW)
    assert _algorithms(answer) == SUITES[_claimed_suite()]
