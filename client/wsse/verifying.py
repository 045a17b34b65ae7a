"""Verifying a signed envelope with the strict profile, failing closed.

The order follows docs/security.rst: first the signature's *shape* with lxml (algorithms,
exactly two references, exactly one transform each, a token in the same header), then
our own Id resolution pinned to the processed Body and the header's Timestamp (no
wrapping), then the Timestamp's freshness, and only then xmlsec, in a context that
knows just those two nodes and a key made from the token. Every failure raises a
:class:`~discimus_client.wsse.errors.SecurityError`; nothing returns False.
"""
from __future__ import annotations

import base64
import binascii
import datetime as dt
import hashlib
import re
import threading
from dataclasses import dataclass

import xmlsec
from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from lxml import etree

from discimus_client.wsse import ns
from discimus_client.wsse.envelope import Envelope
from discimus_client.wsse.errors import (
    CertificateNotAllowed, InvalidSecurityToken, InvalidSignatureStructure,
    InvalidTimestamp, MessageExpired, ResponseVerificationFailed, SecurityError,
    SignatureInvalid, SignatureWrapping, TimestampInFuture, UnsupportedAlgorithm,
)
from discimus_client.wsse.policy import STRICT, SecurityPolicy

xmlsec.cleanup_callbacks()   # never read a file or URL for a Reference

_DS = f"{{{ns.DS}}}"
_WSSE = f"{{{ns.WSSE}}}"
_WSU = f"{{{ns.WSU}}}"
_ID_NAMES = {"Id", "ID", "id"}
_TIME = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,9})?Z\Z")
_KEY_CACHE_SIZE = 256


@dataclass(frozen=True)
class VerifiedMessage:
    """What verification established; read data only from here."""

    envelope: Envelope
    body: etree._Element
    payload: etree._Element
    certificate: x509.Certificate
    certificate_der: bytes
    created: dt.datetime
    expires: dt.datetime
    replay_key: str            # SHA-256 of canonical SignedInfo + signer fingerprint
    signer_fingerprint: str    # SHA-256 of the certificate (DER), hex


class Verifier:
    def __init__(self, policy: SecurityPolicy = STRICT):
        self._policy = policy
        self._keys: dict[bytes, tuple[xmlsec.Key, x509.Certificate]] = {}
        self._lock = threading.Lock()

    def verify(self, envelope: Envelope, *, now: dt.datetime,
               expected_certificate_der: bytes | None = None) -> VerifiedMessage:
        """Verify ``envelope``'s signature, references and Timestamp.

        :param expected_certificate_der: require exactly this signer (a client pins the
            server's certificate); None accepts any token (the trust store decides).
        :raises SecurityError: a subclass saying what is wrong
        """
        try:
            return self._verify(envelope, now, expected_certificate_der)
        except SecurityError:
            raise
        except (ValueError, TypeError, binascii.Error, xmlsec.Error, etree.LxmlError):
            # A library failure on hostile input is a refusal, never a crash.
            raise InvalidSignatureStructure("the signature could not be processed") from None

    def _verify(self, envelope, now, expected_der) -> VerifiedMessage:
        security = envelope.security
        if security is None:
            raise InvalidSignatureStructure("no wsse:Security header")
        signature = _one_signature(envelope, security)
        # The Timestamp before the SignedInfo details: a message without one gets the
        # code and advice that fix it (S150), not a count of its References.
        timestamp = _the_timestamp(envelope)
        signed_info = _signed_info(signature, self._policy)
        _references(signed_info, timestamp, self._policy)
        der = _token_der(signature, security)
        if expected_der is not None and der != expected_der:
            raise ResponseVerificationFailed("the message is not signed with the expected "
                                             "certificate")
        _resolve(envelope, signed_info, timestamp)
        created, expires = _timestamp(timestamp, now, self._policy)
        key, certificate = self._key(der)
        ctx = _context(key)
        ctx.register_id(envelope.body, "Id", ns.WSU)
        ctx.register_id(timestamp, "Id", ns.WSU)
        try:
            ctx.verify(signature)
        except xmlsec.Error:
            raise SignatureInvalid("the signature does not match the signed Body and "
                                   "Timestamp: the message was altered or signed with "
                                   "another key") from None
        fingerprint = hashlib.sha256(der).hexdigest()
        canonical = etree.tostring(signed_info, method="c14n", exclusive=True)
        replay_key = hashlib.sha256(canonical + fingerprint.encode()).hexdigest()
        return VerifiedMessage(envelope=envelope, body=envelope.body,
                               payload=envelope.payload, certificate=certificate,
                               certificate_der=der, created=created, expires=expires,
                               replay_key=replay_key, signer_fingerprint=fingerprint)

    def _key(self, der: bytes):
        with self._lock:
            hit = self._keys.get(der)
        if hit is not None:
            return hit
        try:
            certificate = x509.load_der_x509_certificate(der)
        except ValueError:
            raise InvalidSecurityToken("the BinarySecurityToken is not an X.509 "
                                       "certificate") from None
        public = certificate.public_key()
        if isinstance(public, rsa.RSAPublicKey):
            if public.key_size < self._policy.min_rsa_bits:
                raise CertificateNotAllowed(f"an RSA key of {public.key_size} bits is too "
                                            f"weak; at least {self._policy.min_rsa_bits}")
        elif isinstance(public, ec.EllipticCurvePublicKey):
            if public.curve.key_size < 256:
                raise CertificateNotAllowed("an EC key below P-256 is too weak")
        else:
            raise CertificateNotAllowed("only RSA and EC keys may sign")
        try:
            key = xmlsec.Key.from_memory(der, xmlsec.KeyFormat.CERT_DER, None)
        except xmlsec.Error:
            raise InvalidSecurityToken("the certificate's key cannot be used") from None
        with self._lock:
            if len(self._keys) >= _KEY_CACHE_SIZE:
                self._keys.clear()
            self._keys[der] = (key, certificate)
        return key, certificate


# Defence in depth behind the lxml checks: xmlsec itself may run nothing else.
_REFERENCE_TRANSFORMS = (xmlsec.Transform.EXCL_C14N, xmlsec.Transform.SHA256,
                         xmlsec.Transform.SHA384, xmlsec.Transform.SHA512)
_SIGNATURE_TRANSFORMS = (xmlsec.Transform.EXCL_C14N, xmlsec.Transform.RSA_SHA256,
                         xmlsec.Transform.RSA_SHA384, xmlsec.Transform.RSA_SHA512,
                         xmlsec.Transform.ECDSA_SHA256, xmlsec.Transform.ECDSA_SHA384,
                         xmlsec.Transform.ECDSA_SHA512)


def _context(key) -> xmlsec.SignatureContext:
    ctx = xmlsec.SignatureContext()
    ctx.key = key
    for transform in _REFERENCE_TRANSFORMS:
        ctx.enable_reference_transform(transform)
    for transform in _SIGNATURE_TRANSFORMS:
        ctx.enable_signature_transform(transform)
    return ctx


def _one_signature(envelope: Envelope, security):
    # A Signature in a Security header for another actor is that actor's: ignored.
    signatures = [s for s in envelope.root.iter(ns.SIGNATURE) if _ours(s, envelope)]
    if len(signatures) != 1:
        raise InvalidSignatureStructure(f"exactly one ds:Signature is required, "
                                        f"found {len(signatures)}")
    if signatures[0].getparent() is not security:
        raise SignatureWrapping("the ds:Signature is not in the wsse:Security header")
    signature = signatures[0]
    if signature.find(f".//{_DS}Object") is not None or \
            signature.find(f".//{_DS}Manifest") is not None:
        raise InvalidSignatureStructure("ds:Object and ds:Manifest are not allowed")
    return signature


def _signed_info(signature, policy: SecurityPolicy):
    children = [c for c in signature if isinstance(c.tag, str)]
    if [c.tag for c in children] != [_DS + "SignedInfo", _DS + "SignatureValue",
                                     _DS + "KeyInfo"]:
        raise InvalidSignatureStructure("ds:Signature must hold SignedInfo, "
                                        "SignatureValue and KeyInfo, in that order")
    signed_info = children[0]
    parts = [c for c in signed_info if isinstance(c.tag, str)]
    if len(parts) < 2 or parts[0].tag != _DS + "CanonicalizationMethod" or \
            parts[1].tag != _DS + "SignatureMethod":
        raise InvalidSignatureStructure("SignedInfo must start with CanonicalizationMethod "
                                        "and SignatureMethod")
    _check_exclusive_c14n(parts[0], "SignedInfo's CanonicalizationMethod")
    method = parts[1]
    if method.get("Algorithm") not in policy.signature_algorithms:
        raise UnsupportedAlgorithm(f"signature method {_short(method.get('Algorithm'))} "
                                   "is not allowed in the strict profile; use RSA-SHA256 or ECDSA-SHA256 (WSS4J: "
                                   f"signatureAlgorithm={ns.RSA_SHA256}; WCF: "
                                   "defaultAlgorithmSuite=\"Basic256Sha256\")")
    if len(method):
        raise UnsupportedAlgorithm("SignatureMethod may have no parameters "
                                   "(HMACOutputLength)")
    return signed_info


def _references(signed_info, timestamp, policy: SecurityPolicy) -> None:
    references = [c for c in signed_info if isinstance(c.tag, str)][2:]
    if any(r.tag != _DS + "Reference" for r in references):
        raise InvalidSignatureStructure("SignedInfo may hold only ds:Reference elements "
                                        "after SignatureMethod")
    # An unsigned Timestamp is a Timestamp problem (S150), whatever else is signed.
    ids = {v for k, v in timestamp.attrib.items() if etree.QName(k).localname in _ID_NAMES}
    if not {"#" + i for i in ids} & {r.get("URI") for r in references}:
        raise InvalidTimestamp("the wsu:Timestamp is not signed: give it a wsu:Id and add "
                               "a ds:Reference to it next to the Body's (WSS4J: put the "
                               "Timestamp in signatureParts; WCF signs it by default)")
    if len(references) != 2:
        raise InvalidSignatureStructure(f"exactly two References (Body and Timestamp) are "
                                        f"required, found {len(references)}")
    for reference in references:
        _check_reference(reference, policy)


def _check_reference(reference, policy: SecurityPolicy) -> None:
    uri = reference.get("URI")
    if not uri or not uri.startswith("#") or len(uri) < 2 or "(" in uri:
        raise InvalidSignatureStructure("every Reference must point to an element by "
                                        "URI=\"#id\"")
    parts = [c for c in reference if isinstance(c.tag, str)]
    if [c.tag for c in parts] != [_DS + "Transforms", _DS + "DigestMethod",
                                  _DS + "DigestValue"]:
        raise InvalidSignatureStructure("a Reference must hold Transforms, DigestMethod "
                                        "and DigestValue")
    transforms = [t for t in parts[0] if isinstance(t.tag, str)]
    if len(transforms) != 1:
        raise UnsupportedAlgorithm("each Reference must have exactly one transform, "
                                   "exclusive c14n")
    _check_exclusive_c14n(transforms[0], "each Reference's transform")
    if parts[1].get("Algorithm") not in policy.digest_algorithms:
        raise UnsupportedAlgorithm(f"digest {_short(parts[1].get('Algorithm'))} is not "
                                   "allowed in the strict profile; use SHA-256 (WSS4J: signatureDigestAlgorithm="
                                   f"{ns.SHA256}; WCF: defaultAlgorithmSuite="
                                   "\"Basic256Sha256\")")


# The exc-c14n algorithm's one parameter (xml-exc-c14n §3): WSS4J and CXF always send it.
_INCLUSIVE_NAMESPACES = ns.qname(ns.EXC_C14N, "InclusiveNamespaces")
# WSS4J lists the few prefixes in scope; a long list would bring back inclusive c14n's
# namespace-flood cost, which is why inclusive c14n itself is refused.
_MAX_INCLUSIVE_PREFIXES = 16
_PREFIX = re.compile(r"#default\Z|[^\W\d][\w.-]*\Z")   # an NCName, or #default


def _check_exclusive_c14n(method, where: str) -> None:
    """Exclusive c14n without comments, with at most its ``ec:InclusiveNamespaces``.

    The PrefixList is part of the algorithm, so xmlsec applies it when it checks the
    digests and the signature value; anything else inside the method is refused.
    """
    expected = (f"{where} must be exclusive c14n without comments ({ns.EXC_C14N}), "
                "with at most an ec:InclusiveNamespaces PrefixList inside")
    if method.get("Algorithm") != ns.EXC_C14N:
        raise UnsupportedAlgorithm(expected)
    inside = list(method)                     # comments and PIs count as content too
    if not inside and not (method.text or "").strip():
        return
    parameter = inside[0] if len(inside) == 1 else None
    if parameter is None or parameter.tag != _INCLUSIVE_NAMESPACES or len(parameter) or \
            set(parameter.attrib) != {"PrefixList"} or (method.text or "").strip() or \
            (parameter.text or "").strip() or (parameter.tail or "").strip():
        raise UnsupportedAlgorithm(expected)
    prefixes = parameter.get("PrefixList").split()
    if len(prefixes) > _MAX_INCLUSIVE_PREFIXES or \
            not all(_PREFIX.match(prefix) for prefix in prefixes):
        raise UnsupportedAlgorithm(f"{where}: the InclusiveNamespaces PrefixList must list "
                                   f"at most {_MAX_INCLUSIVE_PREFIXES} namespace prefixes "
                                   "(or #default), separated by spaces")


# The one key reference the profile takes: the certificate itself, in the message. A
# KeyIdentifier, IssuerSerial or KeyName names a certificate the receiver would have to
# hold already; the emulator holds none, so each gets the same advice.
_SEND_THE_TOKEN = ("send the signing certificate as a wsse:BinarySecurityToken in this "
                   "wsse:Security header and reference it with wsse:Reference "
                   "URI=\"#<its wsu:Id>\" (WSS4J: signatureKeyIdentifier=DirectReference; "
                   "WCF: X509ReferenceStyle/InclusionMode AlwaysToRecipient, the "
                   "MutualCertificate default)")


def _token_der(signature, security) -> bytes:
    key_info = signature.find(_DS + "KeyInfo")
    strs = [c for c in key_info if isinstance(c.tag, str)]
    # WS-I BSP 1.1 R5402, R5417: KeyInfo holds exactly one SecurityTokenReference.
    if len(strs) != 1 or strs[0].tag != _WSSE + "SecurityTokenReference":
        raise InvalidSecurityToken(f"KeyInfo holds {_names(strs)} instead of one "
                                   f"wsse:SecurityTokenReference; {_SEND_THE_TOKEN}")
    refs = [c for c in strs[0] if isinstance(c.tag, str)]
    # BSP R3061: one reference; R3027: never a KeyName.
    if len(refs) != 1 or refs[0].tag != _WSSE + "Reference":
        raise InvalidSecurityToken(f"the SecurityTokenReference holds {_names(refs)}, "
                                   "which names a certificate the service does not "
                                   f"have; {_SEND_THE_TOKEN}")
    uri = refs[0].get("URI") or ""
    if not uri.startswith("#") or len(uri) < 2:
        raise InvalidSecurityToken("the wsse:Reference does not point to an element of "
                                   "this message by URI=\"#id\"; " + _SEND_THE_TOKEN)
    tokens = [t for t in security.findall(ns.BINARY_SECURITY_TOKEN)
              if t.get(ns.WSU_ID) == uri[1:]]
    if not tokens:
        raise InvalidSecurityToken("no wsse:BinarySecurityToken in this wsse:Security "
                                   "header has the wsu:Id the wsse:Reference names; "
                                   + _SEND_THE_TOKEN)
    if len(tokens) > 1:
        raise InvalidSecurityToken("more than one wsse:BinarySecurityToken carries the "
                                   "referenced wsu:Id")
    token = tokens[0]
    # WS-I BSP 1.1 R3029, R3030: EncodingType is required, and is Base64Binary.
    if token.get("EncodingType") != ns.BASE64:
        raise InvalidSecurityToken("the wsse:BinarySecurityToken needs EncodingType="
                                   f"\"{ns.BASE64}\" (WS-I BSP 1.1 R3029, R3030)")
    # BSP R3031, R3033: an X.509 token says ValueType #X509v3 (no PKIPath or PKCS7).
    if token.get("ValueType") != ns.X509V3:
        raise InvalidSecurityToken("the BinarySecurityToken must be an X.509v3 certificate"
                                   f" with ValueType=\"{ns.X509V3}\" (WS-I BSP 1.1 R3033)")
    try:
        der = base64.b64decode("".join((token.text or "").split()), validate=True)
        x509.load_der_x509_certificate(der)
    except (binascii.Error, ValueError):
        raise InvalidSecurityToken("the BinarySecurityToken is not a base64 X.509 "
                                   "certificate") from None
    return der


def _names(elements) -> str:
    """The elements' names as a sender would write them, for a fault message."""
    prefixes = {ns.DS: "ds:", ns.WSSE: "wsse:", ns.WSSE11: "wsse11:"}
    names = [prefixes.get(etree.QName(e).namespace, "")
             + "".join(c if c.isprintable() else "?" for c in etree.QName(e).localname[:40])
             for e in elements[:3]]
    return ", ".join(names) or "nothing"


def _ours(element, envelope: Envelope) -> bool:
    return not any(a in envelope.foreign_security for a in element.iterancestors())


def _the_timestamp(envelope: Envelope):
    timestamps = envelope.security.findall(ns.TIMESTAMP)
    if not timestamps:
        if any(_ours(t, envelope) for t in envelope.root.iter(ns.TIMESTAMP)):
            raise SignatureWrapping("the wsu:Timestamp is not in the wsse:Security header")
        raise InvalidTimestamp("no wsu:Timestamp: add a wsu:Timestamp (Created and "
                               "Expires) to the wsse:Security header and sign it with the "
                               "Body (WSS4J: the Timestamp action; WCF: "
                               "includeTimestamp=\"true\", the default)")
    if len(timestamps) > 1:
        raise InvalidTimestamp("more than one wsu:Timestamp (WS-I BSP 1.1 R3227)")
    return timestamps[0]


def _resolve(envelope: Envelope, signed_info, timestamp) -> dict:
    """Each Reference must resolve to exactly one element: the Body or the Timestamp."""
    wanted = {r.get("URI")[1:] for r in signed_info.findall(_DS + "Reference")}
    if len(wanted) != 2:
        raise InvalidSignatureStructure("the two References must point to different "
                                        "elements")
    found: dict[str, list] = {value: [] for value in wanted}
    for element in envelope.root.iter():
        if not isinstance(element.tag, str):
            continue
        for name, value in element.attrib.items():
            if value in found and etree.QName(name).localname in _ID_NAMES:
                found[value].append((element, name))
    targets = {}
    for value, holders in found.items():
        if len(holders) != 1:
            raise SignatureWrapping(f"a Reference resolves to {len(holders)} elements; "
                                    "exactly one is required")
        element, attribute = holders[0]
        if attribute != ns.WSU_ID:
            raise SignatureWrapping("a referenced element must carry its id as wsu:Id")
        if element is envelope.body:
            targets["body"] = element
        elif element is timestamp:
            targets["timestamp"] = element
        else:
            raise SignatureWrapping("the signature must cover exactly the Body and the "
                                    "Timestamp of the wsse:Security header")
    if set(targets) != {"body", "timestamp"}:
        raise SignatureWrapping("the signature must cover both the Body and the Timestamp")
    return targets


def _timestamp(timestamp, now: dt.datetime, policy: SecurityPolicy):
    parts = [c for c in timestamp if isinstance(c.tag, str)]
    if [c.tag for c in parts] != [_WSU + "Created", _WSU + "Expires"]:
        raise InvalidTimestamp("wsu:Timestamp must hold Created and Expires, in that order")
    # WS-I BSP 1.1 R3225 (Created), R3226 (Expires): no ValueType; the type is fixed
    # as xsd:dateTime in UTC (R3217, R3223).
    for part in parts:
        if any(etree.QName(name).localname == "ValueType" for name in part.attrib):
            raise InvalidTimestamp(f"wsu:{etree.QName(part).localname} may not carry a "
                                   "ValueType attribute (WS-I BSP 1.1 R3225, R3226)")
    created, expires = (_utc(p.text) for p in parts)
    if expires <= created:
        raise InvalidTimestamp("the Timestamp expires before it was created")
    if created > now + policy.future_skew:
        raise TimestampInFuture(f"the Timestamp was created at {_iso(created)}, more than "
                                f"{int(policy.future_skew.total_seconds())} s after the "
                                f"receiver's time {_iso(now)}; check your clock")
    if expires < now:
        raise MessageExpired(f"the message expired at {_iso(expires)}; it is now "
                             f"{_iso(now)}")
    if now - created > policy.max_age:
        raise MessageExpired(f"the message was created at {_iso(created)}, more than "
                             f"{int(policy.max_age.total_seconds())} s before {_iso(now)}")
    return created, expires


def _utc(text: str | None) -> dt.datetime:
    text = (text or "").strip()
    if not _TIME.match(text):
        raise InvalidTimestamp("Timestamp times must be xsd:dateTime in UTC, e.g. "
                               "2026-09-01T08:00:00.000Z")
    try:
        main, _, fraction = text[:-1].partition(".")
        moment = dt.datetime.strptime(main, "%Y-%m-%dT%H:%M:%S")
    except ValueError:
        raise InvalidTimestamp("a Timestamp time is not a valid date and time") from None
    micro = int((fraction + "000000")[:6]) if fraction else 0
    return moment.replace(microsecond=micro, tzinfo=dt.timezone.utc)


def _iso(moment: dt.datetime) -> str:
    return moment.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def _short(uri: str | None) -> str:
    return repr((uri or "")[-60:])
