"""The magda-connector profile: signing and verifying exactly what MAGDA's Java connector sends.

MAGDA's connector (MAGDA-Mock, ``signing/…/DocumentSigner.java``, Apache WSS4J) signs
only the SOAP Body, with RSA-SHA1 and SHA-1 digests under exclusive c14n, sends its
certificate as an ``X509PKIPathv1`` BinarySecurityToken referenced directly, and adds no
Timestamp. The strict profile refuses all of that; this one accepts that shape and no
other, for the partners whose sender record opts in (docs/security.rst, "The
magda-connector profile"). What the missing Timestamp did is taken over by the signed
Body: freshness from ``Context/Bericht/Tijdstip`` within the strict profile's window,
replay protection from sender + ``Context/Bericht/Afzender/Referte``.

Signing in that shape is :mod:`discimus_client.wsse.connector_signing`. The checks keep
the strict verifier's order: shape with lxml first, our own Id
resolution pinned to the processed Body, then the Tijdstip, and only then xmlsec, in a
context that knows just the Body and a key made from the token's signer certificate.
"""
from __future__ import annotations

import base64
import binascii
import datetime as dt
import hashlib
import re
from dataclasses import dataclass
from zoneinfo import ZoneInfo

import xmlsec
from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import Encoding
from cryptography.x509.oid import NameOID
from lxml import etree

from discimus_client.wsse import ns
from discimus_client.wsse.envelope import Envelope
from discimus_client.wsse.errors import (
    CertificateNotAllowed, InvalidSecurityToken, InvalidSignatureStructure,
    InvalidTimestamp, MessageExpired, ResponseVerificationFailed, SignatureInvalid,
    SignatureWrapping, TimestampInFuture, UnsupportedAlgorithm,
)
from discimus_client.wsse.policy import (
    MAGDA_CONNECTOR, STRICT, ConnectorPolicy, SecurityPolicy,
)
from discimus_client.wsse.verifying import (
    _ID_NAMES, VerifiedMessage, Verifier, _check_exclusive_c14n, _iso, _names,
    _one_signature, _short,
)

xmlsec.cleanup_callbacks()   # never read a file or URL for a Reference

_DS = f"{{{ns.DS}}}"
_WSSE = f"{{{ns.WSSE}}}"
_DATUM = re.compile(r"\d{4}-\d\d-\d\d\Z")
_TIJD = re.compile(r"(\d\d):(\d\d)(?::(\d\d)(?:\.(\d{1,3}))?)?\Z")
# The algorithms a ConnectorPolicy may name, as xmlsec transforms (signing and verifying).
TRANSFORMS = {ns.RSA_SHA1: xmlsec.Transform.RSA_SHA1, ns.SHA1: xmlsec.Transform.SHA1,
               ns.RSA_SHA256: xmlsec.Transform.RSA_SHA256,
               ns.SHA256: xmlsec.Transform.SHA256}


def is_connector_shape(envelope: Envelope) -> bool:
    """Whether a message is in the connector's shape: no wsu:Timestamp in its Security
    header and an X509PKIPathv1 token. The strict profile's messages never are."""
    security = envelope.security
    if security is None or security.find(ns.TIMESTAMP) is not None:
        return False
    return any(t.get("ValueType") == ns.X509_PKIPATH
               for t in security.findall(ns.BINARY_SECURITY_TOKEN))


def referte_replay_key(sender: str, referte: str) -> str:
    """The replay key of a connector message: its sender and its Afzender/Referte.

    Without a Timestamp nothing in the header is fresh; the Body's Referte is signed and
    names one message, so a second message of a sender with that Referte is a replay.
    """
    text = "\0".join((MAGDA_CONNECTOR.name, sender, referte))
    return hashlib.sha256(text.encode()).hexdigest()


@dataclass(frozen=True)
class ConnectorMessage(VerifiedMessage):
    """A verified connector message; ``created`` is the Tijdstip, ``expires`` the end of
    its window."""

    referte: str = ""
    profile: str = MAGDA_CONNECTOR.name


class ConnectorVerifier(Verifier):
    """Verifies the connector's shape and nothing else; raises like :class:`Verifier`.

    :param policy: the strict profile's limits and freshness window, shared
    :param connector: the algorithms and token the connector profile takes
    """

    def __init__(self, policy: SecurityPolicy = STRICT,
                 connector: ConnectorPolicy = MAGDA_CONNECTOR):
        super().__init__(policy)
        self._connector = connector
        self._zone = ZoneInfo(connector.tijdstip_zone)

    def _verify(self, envelope, now, expected_der) -> ConnectorMessage:
        security = envelope.security
        if security is None:
            raise InvalidSignatureStructure("no wsse:Security header")
        if security.find(ns.TIMESTAMP) is not None:
            raise InvalidSignatureStructure(
                "the magda-connector profile has no wsu:Timestamp: MAGDA's connector sends "
                "none; a message with one is signed with the strict profile")
        signature = _one_signature(envelope, security)
        signed_info = self._signed_info(signature)
        reference = self._reference(signed_info)
        certificates = self._token(signature, security)
        der = certificates[-1].public_bytes(Encoding.DER)
        if expected_der is not None and der != expected_der:
            raise ResponseVerificationFailed("the message is not signed with the expected "
                                             "certificate")
        _resolve_body(envelope, reference)
        created, referte = self._tijdstip_and_referte(envelope.payload, now)
        key, certificate = self._key(der)
        if not isinstance(certificate.public_key(), rsa.RSAPublicKey):
            raise CertificateNotAllowed("the magda-connector profile signs with RSA "
                                        "(RSA-SHA1): the certificate's key is not RSA")
        ctx = xmlsec.SignatureContext()
        ctx.key = key
        ctx.enable_reference_transform(xmlsec.Transform.EXCL_C14N)
        ctx.enable_signature_transform(xmlsec.Transform.EXCL_C14N)
        for uri in self._connector.digest_algorithms:
            ctx.enable_reference_transform(TRANSFORMS[uri])
        for uri in self._connector.signature_algorithms:
            ctx.enable_signature_transform(TRANSFORMS[uri])
        ctx.register_id(envelope.body, "Id", ns.WSU)
        try:
            ctx.verify(signature)
        except xmlsec.Error:
            raise SignatureInvalid("the signature does not match the signed Body: the "
                                   "message was altered or signed with another key") from None
        fingerprint = hashlib.sha256(der).hexdigest()
        return ConnectorMessage(
            envelope=envelope, body=envelope.body, payload=envelope.payload,
            certificate=certificate, certificate_der=der, created=created,
            expires=created + self._policy.max_age,
            replay_key=referte_replay_key(_sender_of(certificate), referte),
            signer_fingerprint=fingerprint, referte=referte)

    # -- shape ---------------------------------------------------------------------------
    def _signed_info(self, signature):
        children = [c for c in signature if isinstance(c.tag, str)]
        if [c.tag for c in children] != [_DS + "SignedInfo", _DS + "SignatureValue",
                                         _DS + "KeyInfo"]:
            raise InvalidSignatureStructure("ds:Signature must hold SignedInfo, "
                                            "SignatureValue and KeyInfo, in that order")
        signed_info = children[0]
        parts = [c for c in signed_info if isinstance(c.tag, str)]
        if len(parts) < 2 or parts[0].tag != _DS + "CanonicalizationMethod" or \
                parts[1].tag != _DS + "SignatureMethod":
            raise InvalidSignatureStructure("SignedInfo must start with "
                                            "CanonicalizationMethod and SignatureMethod")
        _check_exclusive_c14n(parts[0], "SignedInfo's CanonicalizationMethod")
        method = parts[1]
        if method.get("Algorithm") not in self._connector.signature_algorithms:
            raise UnsupportedAlgorithm(
                f"signature method {_short(method.get('Algorithm'))} is not the "
                f"magda-connector profile's ({_list(self._connector.signature_algorithms)},"
                " what MAGDA's connector sends); other algorithms are signed with the "
                "strict profile, Body and Timestamp")
        if len(method):
            raise UnsupportedAlgorithm("SignatureMethod may have no parameters "
                                       "(HMACOutputLength)")
        return signed_info

    def _reference(self, signed_info):
        references = [c for c in signed_info if isinstance(c.tag, str)][2:]
        if any(r.tag != _DS + "Reference" for r in references):
            raise InvalidSignatureStructure("SignedInfo may hold only ds:Reference "
                                            "elements after SignatureMethod")
        if len(references) != 1:
            raise InvalidSignatureStructure(
                f"the magda-connector profile signs exactly one Reference, the Body, as "
                f"MAGDA's connector does; found {len(references)}")
        reference = references[0]
        uri = reference.get("URI")
        if not uri or not uri.startswith("#") or len(uri) < 2 or "(" in uri:
            raise InvalidSignatureStructure("the Reference must point to the Body by "
                                            "URI=\"#id\"")
        parts = [c for c in reference if isinstance(c.tag, str)]
        if [c.tag for c in parts] != [_DS + "Transforms", _DS + "DigestMethod",
                                      _DS + "DigestValue"]:
            raise InvalidSignatureStructure("a Reference must hold Transforms, "
                                            "DigestMethod and DigestValue")
        transforms = [t for t in parts[0] if isinstance(t.tag, str)]
        if len(transforms) != 1:
            raise UnsupportedAlgorithm("the Reference must have exactly one transform, "
                                       "exclusive c14n")
        _check_exclusive_c14n(transforms[0], "the Reference's transform")
        if parts[1].get("Algorithm") not in self._connector.digest_algorithms:
            raise UnsupportedAlgorithm(
                f"digest {_short(parts[1].get('Algorithm'))} is not the magda-connector "
                f"profile's ({_list(self._connector.digest_algorithms)}, what MAGDA's "
                "connector sends)")
        return reference

    def _token(self, signature, security) -> list[x509.Certificate]:
        """The PkiPath's certificates, issuer first; the last one signed."""
        path_type = self._connector.token_value_type
        # The third child, as _signed_info checked (lxml's find can miss an element
        # that xmlsec created in memory, in a tree signed and verified in one process).
        key_info = [c for c in signature if isinstance(c.tag, str)][2]
        strs = [c for c in key_info if isinstance(c.tag, str)]
        if len(strs) != 1 or strs[0].tag != _WSSE + "SecurityTokenReference":
            raise InvalidSecurityToken(f"KeyInfo holds {_names(strs)} instead of one "
                                       "wsse:SecurityTokenReference to the X509PKIPathv1 "
                                       "BinarySecurityToken")
        if strs[0].get(ns.TOKEN_TYPE) not in (None, path_type):
            raise InvalidSecurityToken("the SecurityTokenReference's wsse11:TokenType is "
                                       "not X509PKIPathv1")
        refs = [c for c in strs[0] if isinstance(c.tag, str)]
        if len(refs) != 1 or refs[0].tag != _WSSE + "Reference":
            raise InvalidSecurityToken(f"the SecurityTokenReference holds {_names(refs)}; "
                                       "the magda-connector profile references its "
                                       "BinarySecurityToken directly (wsse:Reference)")
        if refs[0].get("ValueType") not in (None, path_type):
            raise InvalidSecurityToken("the wsse:Reference's ValueType is not "
                                       "X509PKIPathv1")
        uri = refs[0].get("URI") or ""
        tokens = [t for t in security.findall(ns.BINARY_SECURITY_TOKEN)
                  if len(uri) > 1 and uri[0] == "#" and t.get(ns.WSU_ID) == uri[1:]]
        if len(tokens) != 1:
            raise InvalidSecurityToken("the wsse:Reference must name, by URI=\"#id\", "
                                       "exactly one BinarySecurityToken of this header")
        token = tokens[0]
        if token.get("EncodingType") != ns.BASE64:
            raise InvalidSecurityToken("the wsse:BinarySecurityToken needs EncodingType="
                                       f"\"{ns.BASE64}\" (WS-I BSP 1.1 R3029, R3030)")
        if token.get("ValueType") != path_type:
            raise InvalidSecurityToken("the magda-connector profile's token is a PkiPath, "
                                       f"ValueType=\"{path_type}\", as MAGDA's connector "
                                       "sends it")
        try:
            der = base64.b64decode("".join((token.text or "").split()), validate=True)
            certificates = [x509.load_der_x509_certificate(item)
                            for item in _sequence_items(der)]
        except (binascii.Error, ValueError):
            raise InvalidSecurityToken("the BinarySecurityToken is not a base64 PkiPath "
                                       "(a DER SEQUENCE OF X.509 certificates)") from None
        if not 1 <= len(certificates) <= self._connector.max_path_certificates:
            raise InvalidSecurityToken(
                f"the PkiPath holds {len(certificates)} certificates; 1 to "
                f"{self._connector.max_path_certificates} are accepted")
        # X.509 Token Profile 1.0 §3.1 / RFC 5280 PkiPath: each certificate issues the
        # next; the last is the signer's. The trust store decides about the signer alone.
        for issuer, subject in zip(certificates, certificates[1:]):
            if subject.issuer != issuer.subject or subject == issuer:
                raise InvalidSecurityToken("the PkiPath is not in order: each certificate "
                                           "must be the issuer of the next, the signer's "
                                           "last")
        return certificates

    # -- the Body's own freshness and identity ------------------------------------------
    def _tijdstip_and_referte(self, payload, now: dt.datetime):
        berichten = payload.findall("Verzoek/Context/Bericht")
        if len(berichten) != 1:
            raise InvalidTimestamp("the magda-connector profile takes freshness from "
                                   "Verzoek/Context/Bericht/Tijdstip: exactly one Bericht "
                                   "is required")
        bericht = berichten[0]
        tijdstippen = bericht.findall("Tijdstip")
        if len(tijdstippen) != 1:
            raise InvalidTimestamp("no Context/Bericht/Tijdstip: without a wsu:Timestamp "
                                   "the magda-connector profile takes freshness from it "
                                   "(Datum and Tijd, Brussels time)")
        datum = (tijdstippen[0].findtext("Datum") or "").strip()
        tijd = (tijdstippen[0].findtext("Tijd") or "").strip()
        moments = self._moments(datum, tijd)
        policy = self._policy
        fresh = [m for m in moments
                 if m <= now + policy.future_skew and now - m <= policy.max_age]
        if not fresh:
            said = f"Context/Bericht/Tijdstip {datum} {tijd[:12]} ({self._zone.key})"
            if all(m > now + policy.future_skew for m in moments):
                raise TimestampInFuture(
                    f"{said} is more than {int(policy.future_skew.total_seconds())} s after "
                    f"the receiver's time {_iso(now)}; check your clock")
            raise MessageExpired(
                f"{said} is more than {int(policy.max_age.total_seconds())} s before "
                f"{_iso(now)}: the magda-connector profile takes freshness from it")
        referten = bericht.findall("Afzender/Referte")
        referte = (referten[0].text or "").strip() if len(referten) == 1 else ""
        if not referte:
            raise InvalidSignatureStructure("the magda-connector profile needs exactly one "
                                            "Context/Bericht/Afzender/Referte: it tells one "
                                            "message from its replay")
        return fresh[0], referte

    def _moments(self, datum: str, tijd: str) -> list[dt.datetime]:
        """The instants a Brussels wall-clock time may mean (two in the autumn hour)."""
        match = _TIJD.match(tijd)
        if not _DATUM.match(datum) or not match:
            raise InvalidTimestamp("Context/Bericht/Tijdstip needs Datum YYYY-MM-DD and "
                                   "Tijd HH:MM:SS.mmm")
        hours, minutes, seconds, millis = match.groups()
        try:
            local = dt.datetime.combine(
                dt.date.fromisoformat(datum),
                dt.time(int(hours), int(minutes), int(seconds or 0),
                        int((millis or "0").ljust(3, "0")) * 1000))
        except ValueError:
            raise InvalidTimestamp("Context/Bericht/Tijdstip is not a valid date and "
                                   "time") from None
        return sorted({local.replace(tzinfo=self._zone, fold=fold).astimezone(dt.timezone.utc)
                       for fold in (0, 1)})


def _resolve_body(envelope: Envelope, reference) -> None:
    """The one Reference must resolve to exactly one element, the processed Body."""
    wanted = reference.get("URI")[1:]
    holders = [(element, name) for element in envelope.root.iter()
               if isinstance(element.tag, str)
               for name, value in element.attrib.items()
               if value == wanted and etree.QName(name).localname in _ID_NAMES]
    if len(holders) != 1:
        raise SignatureWrapping(f"the Reference resolves to {len(holders)} elements; "
                                "exactly one is required")
    element, attribute = holders[0]
    if attribute != ns.WSU_ID:
        raise SignatureWrapping("the referenced element must carry its id as wsu:Id")
    if element is not envelope.body:
        raise SignatureWrapping("the magda-connector profile's one Reference must cover "
                                "the processed soap:Body")


def _sequence_items(der: bytes) -> list[bytes]:
    """The DER elements of one outer SEQUENCE, each whole (tag and length included)."""
    tag, start, end = _tlv(der, 0)
    if tag != 0x30 or end != len(der):
        raise ValueError("not one DER SEQUENCE")
    items, position = [], start
    while position < end:
        item_tag, _content, item_end = _tlv(der, position)
        if item_tag != 0x30:
            raise ValueError("a PkiPath item is not a certificate")
        items.append(der[position:item_end])
        position = item_end
    return items


def _tlv(data: bytes, position: int) -> tuple[int, int, int]:
    """Tag, content start and end of the DER element at ``position`` (definite lengths)."""
    if position + 2 > len(data):
        raise ValueError("truncated DER")
    tag, length = data[position], data[position + 1]
    position += 2
    if length & 0x80:
        count = length & 0x7F
        if not 1 <= count <= 4 or position + count > len(data):
            raise ValueError("a DER length DER forbids")
        length = int.from_bytes(data[position:position + count], "big")
        position += count
    if position + length > len(data):
        raise ValueError("truncated DER")
    return tag, position, position + length


def _sender_of(certificate: x509.Certificate) -> str:
    names = certificate.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
    return str(names[0].value) if len(names) == 1 else certificate.subject.rfc4514_string()


def _list(uris) -> str:
    return ", ".join(sorted(u.rsplit("#", 1)[-1] for u in uris))
