"""Signed messages in the shapes other stacks send, built with lxml, signed with xmlsec.

The default is the request .NET WCF sends with MutualCertificate, WS-Security 1.0, SOAP
1.1 without WS-Addressing and ProtectionLevel=Sign (docs/wcf.rst): prefixes ``s:``,
``o:`` and ``u:`` declared where WCF declares them, the Timestamp first with
``u:Id="_0"``, the Body ``u:Id="_1"``, a ``uuid-…-1`` BinarySecurityToken and an
unprefixed ds:Signature after it. Each keyword changes one thing, so a test shows which
construct gets which answer. The KeyInfo is filled after signing (it is not signed),
so that any key reference can be tried with a valid signature.
"""
from __future__ import annotations

import base64
import datetime as dt

import xmlsec
from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.serialization import Encoding
from lxml import etree

from discimus_client.wsse import ns
from discimus_client.wsse.signing import timestamp_text

SOAP, WSSE, WSU, DS = ns.SOAP11_ENV, ns.WSSE, ns.WSU, ns.DS
XSI = "http://www.w3.org/2001/XMLSchema-instance"
XSD = "http://www.w3.org/2001/XMLSchema"
TOKEN_ID = "uuid-9d5c2f0e-41b7-4c38-a2d6-3e8f1b7c5a90-1"
RSA_SHA1 = "http://www.w3.org/2000/09/xmldsig#rsa-sha1"
SHA1 = "http://www.w3.org/2000/09/xmldsig#sha1"
SKI = ("http://docs.oasis-open.org/wss/2004/01/"
       "oasis-200401-wss-x509-token-profile-1.0#X509SubjectKeyIdentifier")
THUMBPRINT = "http://docs.oasis-open.org/wss/oasis-wss-soap-message-security-1.1#ThumbprintSHA1"


def q(namespace: str, local: str) -> str:
    return f"{{{namespace}}}{local}"


def build(pair, now: dt.datetime, *, timestamp=True, signed=("timestamp", "body"),
          key_info="direct", token=None, created=None, expires=None,
          method=ns.RSA_SHA256, digest=ns.SHA256, actor=None,
          ttl=dt.timedelta(minutes=5), payload=None) -> bytes:
    """A signed request.

    :param signed: what the References point to, in order ("timestamp", "body")
    :param key_info: "direct" (WCF, WSS4J), "key_identifier", "thumbprint",
        "issuer_serial", "key_name", "x509data", "missing_token" or "external"
    :param token: BinarySecurityToken attributes to change; None removes one
    :param created: extra attributes on wsu:Created (and ``expires`` on wsu:Expires)
    :param payload: the Body's element (default: a small test question)
    """
    key_pem, cert_pem = pair
    certificate = x509.load_pem_x509_certificate(cert_pem)
    envelope = etree.Element(q(SOAP, "Envelope"), nsmap={"s": SOAP, "u": WSU})
    header = etree.SubElement(envelope, q(SOAP, "Header"))
    security = etree.SubElement(header, ns.SECURITY, nsmap={"o": WSSE})
    security.set(ns.MUST_UNDERSTAND, "1")
    if actor is not None:
        security.set(ns.ACTOR, actor)
    stamp = None
    if timestamp:
        stamp = etree.SubElement(security, ns.TIMESTAMP)
        stamp.set(ns.WSU_ID, "_0")
        for name, moment, extra in (("Created", now, created),
                                    ("Expires", now + ttl, expires)):
            part = etree.SubElement(stamp, q(WSU, name), extra or {})
            part.text = timestamp_text(moment)
    bst = etree.SubElement(security, ns.BINARY_SECURITY_TOKEN)
    attributes = {ns.WSU_ID: TOKEN_ID, "ValueType": ns.X509V3, "EncodingType": ns.BASE64}
    for name, value in {**attributes, **(token or {})}.items():
        if value is not None:
            bst.set(name, value)
    bst.text = base64.b64encode(certificate.public_bytes(Encoding.DER)).decode()

    body = etree.SubElement(envelope, q(SOAP, "Body"), nsmap={"xsi": XSI, "xsd": XSD})
    body.set(ns.WSU_ID, "_1")
    if payload is None:
        payload = etree.Element("{urn:test}Vraag", nsmap={"op": "urn:test"})
        etree.SubElement(payload, "{urn:test}School").text = "034567"
    body.append(payload)

    signature = etree.SubElement(security, q(DS, "Signature"), nsmap={None: DS})
    signed_info = etree.SubElement(signature, q(DS, "SignedInfo"))
    etree.SubElement(signed_info, q(DS, "CanonicalizationMethod"), Algorithm=ns.EXC_C14N)
    etree.SubElement(signed_info, q(DS, "SignatureMethod"), Algorithm=method)
    for target in signed:
        reference = etree.SubElement(signed_info, q(DS, "Reference"),
                                     URI="#_0" if target == "timestamp" else "#_1")
        transforms = etree.SubElement(reference, q(DS, "Transforms"))
        etree.SubElement(transforms, q(DS, "Transform"), Algorithm=ns.EXC_C14N)
        etree.SubElement(reference, q(DS, "DigestMethod"), Algorithm=digest)
        etree.SubElement(reference, q(DS, "DigestValue"))
    etree.SubElement(signature, q(DS, "SignatureValue"))
    key_info_element = etree.SubElement(signature, q(DS, "KeyInfo"))

    ctx = xmlsec.SignatureContext()
    ctx.key = xmlsec.Key.from_memory(key_pem, xmlsec.KeyFormat.PEM, None)
    ctx.register_id(body, "Id", WSU)
    if stamp is not None:
        ctx.register_id(stamp, "Id", WSU)
    ctx.sign(signature)
    key_info_element.append(_KEY_INFO[key_info](certificate))
    return etree.tostring(envelope)


def _str(*children):
    reference = etree.Element(q(WSSE, "SecurityTokenReference"))
    reference.extend(children)
    return reference


def _reference(uri):
    return _str(etree.Element(q(WSSE, "Reference"), URI=uri, ValueType=ns.X509V3))


def _key_identifier(value_type, value: bytes):
    identifier = etree.Element(q(WSSE, "KeyIdentifier"), ValueType=value_type,
                               EncodingType=ns.BASE64)
    identifier.text = base64.b64encode(value).decode()
    return _str(identifier)


def _issuer_serial(certificate):
    data = etree.Element(q(DS, "X509Data"))
    issuer_serial = etree.SubElement(data, q(DS, "X509IssuerSerial"))
    etree.SubElement(issuer_serial, q(DS, "X509IssuerName")).text = \
        certificate.issuer.rfc4514_string()
    etree.SubElement(issuer_serial, q(DS, "X509SerialNumber")).text = \
        str(certificate.serial_number)
    return _str(data)


def _x509data(certificate):
    data = etree.Element(q(DS, "X509Data"))
    etree.SubElement(data, q(DS, "X509Certificate")).text = base64.b64encode(
        certificate.public_bytes(Encoding.DER)).decode()
    return data


def _key_name(certificate):
    name = etree.Element(q(DS, "KeyName"))
    name.text = certificate.subject.rfc4514_string()
    return name


_KEY_INFO = {
    "direct": lambda c: _reference("#" + TOKEN_ID),
    "key_identifier": lambda c: _key_identifier(SKI, c.fingerprint(hashes.SHA1())[:20]),
    "thumbprint": lambda c: _key_identifier(THUMBPRINT, c.fingerprint(hashes.SHA1())),
    "issuer_serial": _issuer_serial,
    "key_name": _key_name,
    "x509data": _x509data,
    "missing_token": lambda c: _reference("#uuid-not-in-this-message-2"),
    "external": lambda c: _reference("https://vendor.example/certificate.cer"),
}
