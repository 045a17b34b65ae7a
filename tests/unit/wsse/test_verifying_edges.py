"""The verifier's structural checks, each reached on its own.

The existing refusal tests show that tricks are refused; these pin *which* check
refuses them, by the exception class, and place each trick where no earlier or later
check would refuse it anyway (a ds:Object inside KeyInfo, not after it, where the
Signature's shape check would also catch it). That is what lets mutation testing
(tools/mutation.py) see every check: a mutant that disables one makes a test here
fail, either by accepting the message or by refusing it with another class.

Equivalent mutants of client/wsse/verifying.py (they survive; the behaviour is the same):

- ``_KEY_CACHE_SIZE = 256`` moved by one, and any change to ``len(self._keys) >=
  _KEY_CACHE_SIZE`` (another comparison, or ``not``): only how many verified
  certificates stay cached changes (some empty the cache on every miss).
- Every ``x[0]`` turned into ``x[-1]`` where ``x`` was just checked to hold exactly one
  element: ``signatures``, ``transforms``, ``strs``, ``refs``, ``tokens``, ``holders``,
  ``timestamps`` and the c14n method's ``inside``.
- ``public.curve.key_size < 256`` turned into ``< 255``: no elliptic curve has 255 bits
  (P-224 is refused, P-256 accepted: both tested).
- ``len(timestamps) > 1`` turned into ``!= 1``: an empty list was refused just before;
  ``len(wanted) != 2`` turned into ``< 2``: two References give at most two
  ids; ``len(tokens) > 1`` turned into ``!= 1`` (no token was refused just before).
  ``element is timestamp``, ``element is envelope.body`` and ``getparent() is not
  security`` turned into ``==``/``!=``: lxml elements compare by identity.
- ``_key``: ``except ValueError`` around ``load_der_x509_certificate`` and ``except
  xmlsec.Error`` around ``Key.from_memory`` replaced: unreachable, ``_token_der`` has
  already loaded the same DER as a certificate (defence in depth if the order changes).
- ``_resolve``: ``set(targets) != {"body", "timestamp"}`` mutated: unreachable, two
  distinct wsu:Id values each resolved to the Body or the Timestamp (anything else was
  refused just before) cover both.
- ``_signed_info``: ``len(parts) < 2`` turned into ``< 3`` (or ``<= 2``): a SignedInfo
  with exactly the two methods and no Reference is refused by the next check with the
  same class, InvalidSignatureStructure.
- Not survivors but "incompetent": cosmic-ray's ExceptionReplacer cannot rewrite dotted
  names inside an ``except (...)`` tuple (``binascii.Error``, ``xmlsec.Error``,
  ``etree.LxmlError`` in ``verify``; ``binascii.Error`` in ``_token_der``, where it
  would be equivalent anyway: it subclasses ValueError).
  test_a_library_failure_on_hostile_input_is_a_refusal raises each of them instead.
"""
from __future__ import annotations

import base64
import copy
import dataclasses
import datetime as dt
import hashlib

import pytest
import xmlsec
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, rsa
from cryptography.x509.oid import NameOID
from lxml import etree

from discimus_client.wsse import ns, verifying
from discimus_client.wsse.errors import (
    CertificateNotAllowed, InvalidSecurityToken, InvalidSignatureStructure,
    ResponseVerificationFailed, SignatureInvalid, SignatureWrapping, UnsupportedAlgorithm,
)
from discimus_client.wsse.policy import STRICT
from tests.unit.wsse.conftest import NOW, key_and_cert
from tests.unit.wsse.forging import (
    DS, HEADER, WSSE, body, der_of, key_info, references, resign, security, set_token,
    signature, signed_info, signed_root, timestamp, token, verify,
)


@pytest.fixture(scope="module")
def root_factory(rsa_pair):
    return lambda: signed_root(rsa_pair)


def test_what_verification_established_cannot_be_changed(rsa_pair):
    verified = verify(signed_root(rsa_pair))
    with pytest.raises(dataclasses.FrozenInstanceError):
        verified.signer_fingerprint = "someone else"


def test_a_pinned_certificate_that_matches_is_accepted(rsa_pair):
    verified = verify(signed_root(rsa_pair), expected_certificate_der=der_of(rsa_pair[1]))
    assert verified.certificate_der == der_of(rsa_pair[1])


@pytest.mark.parametrize("change", [lambda der: der[:-1], lambda der: der + b"\x00"],
                         ids=["sorts-before", "sorts-after"])
def test_a_pinned_certificate_that_differs_in_any_direction_is_refused(rsa_pair, change):
    with pytest.raises(ResponseVerificationFailed):
        verify(signed_root(rsa_pair), expected_certificate_der=change(der_of(rsa_pair[1])))


def test_the_fingerprint_is_the_sha256_of_the_certificate(rsa_pair):
    verified = verify(signed_root(rsa_pair))
    assert verified.signer_fingerprint == hashlib.sha256(der_of(rsa_pair[1])).hexdigest()
    assert verified.body.tag == ns.qname(ns.SOAP11_ENV, "Body")


def test_the_replay_key_depends_on_the_signer(rsa_pair, ec_pair):
    # Same SignedInfo bytes are impossible across keys, so compare the formula instead:
    # it must bind the canonical SignedInfo to the signer's fingerprint.
    root = signed_root(rsa_pair)
    verified = verify(root)
    canonical = etree.tostring(signed_info(etree.fromstring(etree.tostring(root))),
                               method="c14n", exclusive=True)
    assert verified.replay_key == hashlib.sha256(
        canonical + verified.signer_fingerprint.encode()).hexdigest()


# -- where the Signature is, and what it holds --------------------------------------------------
def test_a_signature_outside_the_security_header_is_wrapping(rsa_pair):
    root = signed_root(rsa_pair)
    root.find(HEADER).append(signature(root))
    with pytest.raises(SignatureWrapping):
        verify(root)


def test_a_security_header_without_signature_is_refused(rsa_pair):
    root = signed_root(rsa_pair)
    security(root).remove(signature(root))
    with pytest.raises(InvalidSignatureStructure):
        verify(root)


def test_a_second_signature_anywhere_is_refused(rsa_pair):
    root = signed_root(rsa_pair)
    body(root)[0].append(copy.deepcopy(signature(root)))
    with pytest.raises(InvalidSignatureStructure):
        verify(root)


@pytest.mark.parametrize("name", ["Object", "Manifest"])
def test_ds_object_and_manifest_are_refused_wherever_they_hide(rsa_pair, name):
    # Inside KeyInfo, where only the Object/Manifest check sees it as a signature
    # structure problem (the KeyInfo check would say InvalidSecurityToken).
    root = signed_root(rsa_pair)
    etree.SubElement(key_info(root), DS + name)
    with pytest.raises(InvalidSignatureStructure):
        verify(root)


@pytest.mark.parametrize("order", [
    ["SignatureValue", "SignedInfo", "KeyInfo"],
    ["SignedInfo", "KeyInfo", "SignatureValue"],
    ["SignedInfo", "SignatureValue"],
    ["SignedInfo", "SignatureValue", "KeyInfo", "Extra"],
])
def test_the_signature_holds_signedinfo_signaturevalue_keyinfo_in_order(rsa_pair, order):
    root = signed_root(rsa_pair)
    sig = signature(root)
    children = {etree.QName(c).localname: c for c in sig}
    children["Extra"] = etree.Element("{urn:x}Extra")
    for child in list(sig):
        sig.remove(child)
    for name in order:
        sig.append(children[name])
    with pytest.raises(InvalidSignatureStructure):
        verify(root)


def test_a_comment_in_the_signature_is_not_a_child(rsa_pair):
    root = signed_root(rsa_pair)
    signature(root).insert(0, etree.Comment("note"))
    signed_info(root).insert(0, etree.Comment("note"))
    references(root)[0].insert(0, etree.Comment("note"))
    key_info(root).insert(0, etree.Comment("note"))
    verify(root)


# -- SignedInfo's shape ----------------------------------------------------------------------
def _method(root, name):
    return signed_info(root).find(DS + name)


def test_signedinfo_must_start_with_the_canonicalization_method(rsa_pair):
    root = signed_root(rsa_pair)
    c14n = _method(root, "CanonicalizationMethod")
    _method(root, "SignatureMethod").addnext(c14n)
    with pytest.raises(InvalidSignatureStructure):
        verify(root)


@pytest.mark.parametrize("tag", ["{a:b}CanonicalizationMethod",
                                 "{urn:x}CanonicalizationMethod"])
def test_a_canonicalization_method_in_another_namespace_is_refused(rsa_pair, tag):
    root = signed_root(rsa_pair)
    _method(root, "CanonicalizationMethod").tag = tag
    with pytest.raises(InvalidSignatureStructure):
        verify(root)


@pytest.mark.parametrize("tag", ["{a:b}SignatureMethod", "{urn:x}SignatureMethod"])
def test_a_signature_method_in_another_namespace_is_refused(rsa_pair, tag):
    root = signed_root(rsa_pair)
    _method(root, "SignatureMethod").tag = tag
    with pytest.raises(InvalidSignatureStructure):
        verify(root)


def test_signedinfo_without_signature_method_is_refused(rsa_pair):
    root = signed_root(rsa_pair)
    signed_info(root).remove(_method(root, "SignatureMethod"))
    with pytest.raises(InvalidSignatureStructure):
        verify(root)


def test_signedinfo_with_only_a_canonicalization_method_is_refused(rsa_pair):
    root = signed_root(rsa_pair)
    for child in list(signed_info(root))[1:]:
        signed_info(root).remove(child)
    with pytest.raises(InvalidSignatureStructure):
        verify(root)


def test_a_canonicalization_method_with_an_unknown_child_is_refused(rsa_pair):
    root = signed_root(rsa_pair)
    etree.SubElement(_method(root, "CanonicalizationMethod"), "{urn:x}Parameter")
    with pytest.raises(UnsupportedAlgorithm):
        verify(root)


@pytest.mark.parametrize("algorithm", ["http://www.w3.org/2000/09/xmldsig#base64",
                                       "http://www.w3.org/2006/12/xml-c14n11",
                                       ns.EXC_C14N + "WithComments"])
def test_only_exclusive_c14n_canonicalizes_signedinfo(rsa_pair, algorithm):
    # URIs that sort before and after the allowed one.
    root = signed_root(rsa_pair)
    _method(root, "CanonicalizationMethod").set("Algorithm", algorithm)
    with pytest.raises(UnsupportedAlgorithm):
        verify(root)


def test_a_signature_method_with_hmac_output_length_is_refused(rsa_pair):
    root = signed_root(rsa_pair)
    etree.SubElement(_method(root, "SignatureMethod"), DS + "HMACOutputLength").text = "8"
    with pytest.raises(UnsupportedAlgorithm):
        verify(root)


def test_an_unknown_algorithm_is_named_by_its_last_60_characters(rsa_pair):
    root = signed_root(rsa_pair)
    algorithm = "urn:" + "x" * 100 + "#mine"
    _method(root, "SignatureMethod").set("Algorithm", algorithm)
    with pytest.raises(UnsupportedAlgorithm) as refused:
        verify(root)
    assert repr(algorithm[-60:]) in refused.value.message
    assert "urn:" not in refused.value.message


@pytest.mark.parametrize("algorithm", [ns.RSA_SHA384, ns.RSA_SHA512])
def test_the_policy_decides_the_signature_method(rsa_pair, algorithm):
    # Another allowed method with an unchanged SignatureValue: it passes the policy and
    # fails only on the cryptography.
    root = signed_root(rsa_pair)
    _method(root, "SignatureMethod").set("Algorithm", algorithm)
    with pytest.raises(SignatureInvalid):
        verify(root)
    narrow = dataclasses.replace(STRICT, signature_algorithms=frozenset({ns.RSA_SHA256}))
    with pytest.raises(UnsupportedAlgorithm):
        verify(root, policy=narrow)


# The count check and the later "different elements" check share a class; the
# message tells them apart.
TWO_REFERENCES = "exactly two References|only ds:Reference elements"


def test_three_references_are_refused(rsa_pair):
    root = signed_root(rsa_pair)
    signed_info(root).append(copy.deepcopy(references(root)[0]))
    with pytest.raises(InvalidSignatureStructure, match=TWO_REFERENCES):
        verify(root)


def test_one_reference_is_refused(rsa_pair):
    root = signed_root(rsa_pair)
    signed_info(root).remove(references(root)[0])
    with pytest.raises(InvalidSignatureStructure, match=TWO_REFERENCES):
        verify(root)


def test_something_else_in_place_of_a_reference_is_refused(rsa_pair):
    root = signed_root(rsa_pair)
    last = references(root)[1]
    last.tag = DS + "Object"   # also an Object: refused either way, by structure
    with pytest.raises(InvalidSignatureStructure):
        verify(root)


@pytest.mark.parametrize("tag", ["{a:b}Reference", "{urn:x}Reference"])
def test_a_foreign_element_in_place_of_a_reference_is_refused(rsa_pair, tag):
    root = signed_root(rsa_pair)
    references(root)[1].tag = tag
    with pytest.raises(InvalidSignatureStructure, match=TWO_REFERENCES):
        verify(root)


def test_two_references_to_the_same_element_are_refused(rsa_pair):
    root = signed_root(rsa_pair)
    first, second = references(root)
    first.set("URI", second.get("URI"))   # both the Timestamp: it stays signed
    with pytest.raises(InvalidSignatureStructure):
        verify(root)


# -- Reference URIs ------------------------------------------------------------------------------
@pytest.mark.parametrize("uri", [None, "", "#", "a", "cid:body",
                                 "#xpointer(/)", "#xpointer(id('x'))"])
def test_reference_uris_must_be_a_bare_id(rsa_pair, uri):
    root = signed_root(rsa_pair)
    reference = references(root)[0]
    if uri is None:
        del reference.attrib["URI"]
    else:
        reference.set("URI", uri)
    with pytest.raises(InvalidSignatureStructure):
        verify(root)


def test_a_one_character_id_that_names_nothing_is_wrapping(rsa_pair):
    # "#a" is a well-formed bare id; it resolves to no element.
    root = signed_root(rsa_pair)
    references(root)[0].set("URI", "#a")
    with pytest.raises(SignatureWrapping):
        verify(root)


def test_a_one_character_id_is_resolved(rsa_pair):
    root = signed_root(rsa_pair)
    body(root).set(ns.WSU_ID, "a")
    references(root)[0].set("URI", "#a")
    verify(resign(root, rsa_pair[0]))


# -- a Reference's own shape ----------------------------------------------------------------------
def test_a_reference_without_transforms_is_refused(rsa_pair):
    root = signed_root(rsa_pair)
    reference = references(root)[0]
    reference.remove(reference.find(DS + "Transforms"))
    with pytest.raises(InvalidSignatureStructure):
        verify(root)


@pytest.mark.parametrize("order", [["Transforms", "DigestValue", "DigestMethod"],
                                   ["DigestMethod", "Transforms", "DigestValue"],
                                   ["Transforms", "DigestMethod", "DigestValue", "Extra"]])
def test_a_reference_holds_transforms_digestmethod_digestvalue_in_order(rsa_pair, order):
    root = signed_root(rsa_pair)
    reference = references(root)[0]
    children = {etree.QName(c).localname: c for c in reference}
    children["Extra"] = etree.Element(DS + "Extra")
    for child in list(reference):
        reference.remove(child)
    for name in order:
        reference.append(children[name])
    with pytest.raises(InvalidSignatureStructure):
        verify(root)


def test_a_reference_with_two_transforms_is_refused(rsa_pair):
    root = signed_root(rsa_pair)
    transforms = references(root)[0].find(DS + "Transforms")
    transforms.append(copy.deepcopy(transforms[0]))
    with pytest.raises(UnsupportedAlgorithm):
        verify(root)


def test_a_reference_without_any_transform_is_refused(rsa_pair):
    root = signed_root(rsa_pair)
    transforms = references(root)[0].find(DS + "Transforms")
    transforms.remove(transforms[0])
    with pytest.raises(UnsupportedAlgorithm):
        verify(root)


def test_a_transform_with_an_unknown_child_is_refused(rsa_pair):
    root = signed_root(rsa_pair)
    transform = references(root)[1].find(DS + "Transforms")[0]
    etree.SubElement(transform, "{urn:x}XPath").text = "/"
    with pytest.raises(UnsupportedAlgorithm):
        verify(root)


def test_the_second_reference_is_checked_too(rsa_pair):
    root = signed_root(rsa_pair)
    references(root)[1].find(DS + "DigestMethod").set(
        "Algorithm", "http://www.w3.org/2000/09/xmldsig#sha1")
    with pytest.raises(UnsupportedAlgorithm) as refused:
        verify(root)
    assert "digest 'http://www.w3.org/2000/09/xmldsig#sha1'" in refused.value.message


# -- ids: only wsu:Id, and only once ---------------------------------------------------------
@pytest.mark.parametrize("name", ["Id", "ID", "id", "{urn:x}id", ns.qname(ns.WSU, "Id")])
def test_a_decoy_carrying_the_body_id_makes_the_reference_ambiguous(rsa_pair, name):
    root = signed_root(rsa_pair)
    decoy = etree.SubElement(root.find(HEADER), "{urn:x}Decoy")
    decoy.set(name, body(root).get(ns.WSU_ID))
    with pytest.raises(SignatureWrapping):
        verify(root)


def test_a_decoy_inside_the_body_carrying_its_id_is_wrapping(rsa_pair):
    root = signed_root(rsa_pair)
    wanted = body(root).get(ns.WSU_ID)
    etree.SubElement(body(root)[0], "{urn:x}Decoy").set(ns.WSU_ID, wanted)
    with pytest.raises(SignatureWrapping):
        verify(root)


@pytest.mark.parametrize("name", ["Id", "ID", "id"])
def test_a_body_whose_id_is_not_wsu_id_is_wrapping(rsa_pair, name):
    # A mutant honouring Id/ID/id would accept a Body found through a decoy attribute.
    root = signed_root(rsa_pair)
    b = body(root)
    b.set(name, b.attrib.pop(ns.WSU_ID))
    with pytest.raises(SignatureWrapping):
        verify(root)


def test_a_wrapped_body_with_a_decoy_id_on_the_evil_body_is_wrapping(rsa_pair):
    root = signed_root(rsa_pair)
    signed_body = body(root)
    wanted = signed_body.get(ns.WSU_ID)
    evil = copy.deepcopy(signed_body)
    del evil.attrib[ns.WSU_ID]
    evil.set("Id", wanted)
    evil[0][0].text = "999999"
    root.remove(signed_body)
    etree.SubElement(root.find(HEADER), "{urn:w}Wrapper").append(signed_body)
    root.append(evil)
    with pytest.raises(SignatureWrapping):
        verify(root)


def test_a_reference_to_the_token_instead_of_the_body_is_wrapping(rsa_pair):
    root = signed_root(rsa_pair)
    references(root)[0].set("URI", "#" + token(root).get(ns.WSU_ID))
    with pytest.raises(SignatureWrapping):
        verify(root)


def test_a_comment_before_the_body_does_not_stop_the_id_search(rsa_pair):
    root = signed_root(rsa_pair)
    root.find(HEADER).append(etree.Comment("routing note"))
    verify(root)


# -- KeyInfo and the token ------------------------------------------------------------------------
def _replace_key_info(root, *children):
    info = key_info(root)
    for child in list(info):
        info.remove(child)
    for child in children:
        info.append(child)


def test_an_empty_keyinfo_is_refused(rsa_pair):
    root = signed_root(rsa_pair)
    _replace_key_info(root)
    with pytest.raises(InvalidSecurityToken):
        verify(root)


def test_keyinfo_with_a_keyvalue_is_refused(rsa_pair):
    root = signed_root(rsa_pair)
    _replace_key_info(root, etree.Element(DS + "KeyValue"))
    with pytest.raises(InvalidSecurityToken):
        verify(root)


def test_keyinfo_with_x509data_is_refused(rsa_pair):
    root = signed_root(rsa_pair)
    data = etree.Element(DS + "X509Data")
    etree.SubElement(data, DS + "X509Certificate").text = token(root).text
    _replace_key_info(root, data)
    with pytest.raises(InvalidSecurityToken):
        verify(root)


@pytest.mark.parametrize("tag", ["{a:b}SecurityTokenReference",
                                 "{urn:x}SecurityTokenReference"])
def test_a_token_reference_in_another_namespace_is_refused(rsa_pair, tag):
    # Names that sort before and after the right one, with a valid reference inside.
    root = signed_root(rsa_pair)
    key_info(root)[0].tag = tag
    with pytest.raises(InvalidSecurityToken):
        verify(root)


@pytest.mark.parametrize("tag", ["{a:b}Reference", "{urn:x}Reference"])
def test_a_reference_in_another_namespace_is_refused(rsa_pair, tag):
    root = signed_root(rsa_pair)
    key_info(root)[0][0].tag = tag
    with pytest.raises(InvalidSecurityToken):
        verify(root)


def test_a_refusal_names_at_most_three_of_what_keyinfo_holds(rsa_pair):
    root = signed_root(rsa_pair)
    _replace_key_info(root, *(etree.Element(DS + name)
                              for name in ("KeyName", "KeyValue", "X509Data", "PGPData")))
    with pytest.raises(InvalidSecurityToken) as refused:
        verify(root)
    assert "ds:KeyName, ds:KeyValue, ds:X509Data instead" in refused.value.message


def test_a_token_with_a_one_character_id_is_found(rsa_pair):
    root = signed_root(rsa_pair)
    token(root).set(ns.WSU_ID, "t")
    key_info(root)[0][0].set("URI", "#t")
    assert verify(root).certificate_der == der_of(rsa_pair[1])


def test_a_refusal_names_what_keyinfo_holds_in_at_most_40_characters(rsa_pair):
    root = signed_root(rsa_pair)
    _replace_key_info(root, etree.Element("{urn:x}" + "K" * 50))
    with pytest.raises(InvalidSecurityToken) as refused:
        verify(root)
    assert " " + "K" * 40 + " " in refused.value.message


def test_keyinfo_with_two_token_references_is_refused(rsa_pair):
    root = signed_root(rsa_pair)
    info = key_info(root)
    info.append(copy.deepcopy(info[0]))
    with pytest.raises(InvalidSecurityToken):
        verify(root)


def test_a_token_reference_by_keyidentifier_is_refused(rsa_pair):
    root = signed_root(rsa_pair)
    reference = key_info(root)[0]
    reference.remove(reference[0])
    etree.SubElement(reference, WSSE + "KeyIdentifier",
                     ValueType=ns.X509V3).text = "AAAA"
    with pytest.raises(InvalidSecurityToken):
        verify(root)


def test_an_empty_token_reference_is_refused(rsa_pair):
    root = signed_root(rsa_pair)
    reference = key_info(root)[0]
    reference.remove(reference[0])
    with pytest.raises(InvalidSecurityToken):
        verify(root)


def test_a_token_reference_with_two_references_is_refused(rsa_pair):
    root = signed_root(rsa_pair)
    reference = key_info(root)[0]
    reference.append(copy.deepcopy(reference[0]))
    with pytest.raises(InvalidSecurityToken):
        verify(root)


@pytest.mark.parametrize("uri", [None, "", "#", "X509-elsewhere"])
def test_a_token_reference_must_point_inside_by_id(rsa_pair, uri):
    root = signed_root(rsa_pair)
    reference = key_info(root)[0][0]
    if uri is None:
        del reference.attrib["URI"]
    else:
        reference.set("URI", uri)
    with pytest.raises(InvalidSecurityToken):
        verify(root)


def test_a_missing_referenced_token_is_refused(rsa_pair):
    root = signed_root(rsa_pair)
    security(root).remove(token(root))
    with pytest.raises(InvalidSecurityToken):
        verify(root)


def test_a_duplicated_referenced_token_is_refused(rsa_pair):
    root = signed_root(rsa_pair)
    token(root).addnext(copy.deepcopy(token(root)))
    with pytest.raises(InvalidSecurityToken):
        verify(root)


@pytest.mark.parametrize("other_id", ["A-other", "Z-other"])
def test_another_unreferenced_token_in_the_header_is_ignored(rsa_pair, ec_pair, other_id):
    # Its id sorts before or after the referenced one: only the exact id selects.
    root = signed_root(rsa_pair)
    extra = copy.deepcopy(token(root))
    extra.set(ns.WSU_ID, other_id)
    extra.text = base64.b64encode(der_of(ec_pair[1])).decode()
    token(root).addprevious(extra)
    assert verify(root).certificate_der == der_of(rsa_pair[1])


def test_a_referenced_token_outside_the_security_header_is_refused(rsa_pair):
    root = signed_root(rsa_pair)
    root.find(HEADER).append(token(root))
    with pytest.raises(InvalidSecurityToken):
        verify(root)


@pytest.mark.parametrize("value_type", [ns.X509V3.replace("X509v3", "X509PKIPathv1"),
                                        ns.X509V3 + "-other", "urn:zzz"])
def test_a_token_that_is_not_x509v3_is_refused(rsa_pair, value_type):
    root = signed_root(rsa_pair)
    token(root).set("ValueType", value_type)
    with pytest.raises(InvalidSecurityToken):
        verify(root)


@pytest.mark.parametrize("text", [None, "", "not base64!", "QUJD", "QUJ", "MII!!"])
def test_token_text_that_is_not_a_base64_certificate_is_refused(rsa_pair, text):
    root = signed_root(rsa_pair)
    token(root).text = text
    with pytest.raises(InvalidSecurityToken):
        verify(root)


def test_a_token_with_other_characters_mixed_in_is_refused(rsa_pair):
    # A lenient decoder would drop them and find the certificate.
    root = signed_root(rsa_pair)
    text = token(root).text
    token(root).text = text[:10] + "!*" + text[10:]
    with pytest.raises(InvalidSecurityToken):
        verify(root)


def test_a_line_wrapped_token_is_accepted(rsa_pair):
    root = signed_root(rsa_pair)
    flat = token(root).text
    token(root).text = "\n" + "\n".join(flat[i:i + 64] for i in range(0, len(flat), 64))
    verify(root)


# -- the Verifier's own key checks (the TrustStore's are separate) -----------------------------
@pytest.fixture(scope="module")
def weak_rsa():
    return key_and_cert(rsa.generate_private_key(65537, 1024))


def test_the_verifier_refuses_an_rsa_key_below_the_policy_minimum(rsa_pair, weak_rsa):
    root = signed_root(weak_rsa)
    with pytest.raises(CertificateNotAllowed):
        verify(root)
    lowered = dataclasses.replace(STRICT, min_rsa_bits=1024)
    verify(root, policy=lowered)   # exactly the minimum is allowed


def test_the_strict_minimum_is_2048_bits(rsa_pair):
    root = signed_root(rsa_pair)
    set_token(root, key_and_cert(rsa.generate_private_key(65537, 2047))[1])
    with pytest.raises(CertificateNotAllowed):
        verify(root)


def test_the_verifier_reads_the_minimum_from_its_policy(rsa_pair):
    root = signed_root(rsa_pair)
    verify(root, policy=dataclasses.replace(STRICT, min_rsa_bits=1024))   # above it
    with pytest.raises(CertificateNotAllowed):
        verify(root, policy=dataclasses.replace(STRICT, min_rsa_bits=2049))
    verify(root, policy=dataclasses.replace(STRICT, min_rsa_bits=2048))


def test_the_verifier_refuses_an_ec_key_below_p256(rsa_pair):
    root = signed_root(rsa_pair)
    set_token(root, key_and_cert(ec.generate_private_key(ec.SECP224R1()))[1])
    with pytest.raises(CertificateNotAllowed):
        verify(root)


def test_the_verifier_accepts_p384(rsa_pair):
    pair = key_and_cert(ec.generate_private_key(ec.SECP384R1()))
    verify(signed_root(pair))


def _ed25519_certificate() -> bytes:
    key = ed25519.Ed25519PrivateKey.generate()
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "informat")])
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name)
            .public_key(key.public_key()).serial_number(1)
            .not_valid_before(NOW - dt.timedelta(days=1))
            .not_valid_after(NOW + dt.timedelta(days=365)).sign(key, None))
    return cert.public_bytes(serialization.Encoding.PEM)


def test_the_verifier_refuses_other_key_types(rsa_pair):
    root = signed_root(rsa_pair)
    set_token(root, _ed25519_certificate())
    with pytest.raises(CertificateNotAllowed):
        verify(root)


def test_a_cached_key_is_still_checked_against_the_signature(rsa_pair, ec_pair):
    root = signed_root(rsa_pair)
    verifier_root = signed_root(rsa_pair)
    verify(verifier_root)
    set_token(root, ec_pair[1])
    with pytest.raises(SignatureInvalid):
        verify(root)


def test_one_verifier_reuses_its_key_for_the_same_certificate(rsa_pair):
    from discimus_client.wsse.envelope import check_envelope
    verifier = verifying.Verifier()
    for _ in range(2):
        parsed = etree.fromstring(etree.tostring(signed_root(rsa_pair)))
        verified = verifier.verify(check_envelope(parsed, STRICT, require_security=True),
                                   now=NOW)
        assert verified.certificate.public_key().key_size == 2048


# -- the library-error path ------------------------------------------------------------------------
@pytest.mark.parametrize("error", [ValueError("x"), TypeError("x"),
                                   base64.binascii.Error("x"), xmlsec.Error(1, "x"),
                                   etree.XPathEvalError("x")])
def test_a_library_failure_on_hostile_input_is_a_refusal(rsa_pair, monkeypatch, error):
    def explode(*args, **kwargs):
        raise error
    monkeypatch.setattr(verifying, "_resolve", explode)
    with pytest.raises(InvalidSignatureStructure):
        verify(signed_root(rsa_pair))


def test_a_security_error_inside_keeps_its_own_class(rsa_pair, monkeypatch):
    def refuse(*args, **kwargs):
        raise ResponseVerificationFailed("inner")
    monkeypatch.setattr(verifying, "_resolve", refuse)
    with pytest.raises(ResponseVerificationFailed):
        verify(signed_root(rsa_pair))


def test_an_unexpected_bug_is_not_hidden_as_a_refusal(rsa_pair, monkeypatch):
    def bug(*args, **kwargs):
        raise KeyError("bug")
    monkeypatch.setattr(verifying, "_resolve", bug)
    with pytest.raises(KeyError):
        verify(signed_root(rsa_pair))


def test_a_signature_made_at_another_time_still_verifies_within_its_window(rsa_pair):
    later = NOW + dt.timedelta(seconds=30)
    verify(signed_root(rsa_pair, now=later), now=later + dt.timedelta(seconds=1))
