"""Signing a SOAP envelope with the strict profile: Body + Timestamp, SHA-256, exc-c14n.

Used by the client for requests and by the service for answers and faults. The key is
loaded into xmlsec once per Signer (signing is on every request's path), the token's
base64 once, and the message is signed in place: nobody re-serialises signed XML.
"""
from __future__ import annotations

import base64
import datetime as dt
import uuid

import xmlsec
from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.serialization import Encoding, load_pem_private_key
from lxml import etree

from discimus_client.wsse import ns
from discimus_client.wsse.policy import STRICT, SecurityPolicy

# No signature or reference may ever make xmlsec read a file or URL (docs/security.rst).
xmlsec.cleanup_callbacks()

_WSSE = f"{{{ns.WSSE}}}"
_WSU = f"{{{ns.WSU}}}"
_DS = f"{{{ns.DS}}}"
_HEADER = ns.qname(ns.SOAP11_ENV, "Header")
_BODY = ns.qname(ns.SOAP11_ENV, "Body")
_NSMAP = {"wsse": ns.WSSE, "wsu": ns.WSU}


def timestamp_text(moment: dt.datetime) -> str:
    """xsd:dateTime in UTC with milliseconds and a Z, as WS-Security expects."""
    moment = moment.astimezone(dt.timezone.utc)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


class Signer:
    """Signs envelopes with one key and its certificate.

    :param key_pem: unencrypted PEM private key (RSA ≥ 2048 or EC P-256+)
    :param cert_pem: the PEM certificate sent as BinarySecurityToken
    """

    def __init__(self, key_pem: bytes, cert_pem: bytes, *, policy: SecurityPolicy = STRICT):
        private = load_pem_private_key(key_pem, password=None)
        if isinstance(private, rsa.RSAPrivateKey):
            self._method = xmlsec.Transform.RSA_SHA256
        elif isinstance(private, ec.EllipticCurvePrivateKey):
            self._method = xmlsec.Transform.ECDSA_SHA256
        else:
            raise ValueError("only RSA and EC keys can sign in this profile")
        self._key = xmlsec.Key.from_memory(key_pem, xmlsec.KeyFormat.PEM, None)
        certificate = x509.load_pem_x509_certificate(cert_pem)
        self._token = base64.b64encode(certificate.public_bytes(Encoding.DER)).decode()
        self._policy = policy

    def sign(self, root, *, now: dt.datetime):
        """Add a wsse:Security header and sign the Body and the Timestamp, in place.

        :returns: ``root``, signed
        """
        header = root.find(_HEADER)
        if header is None:
            header = etree.Element(_HEADER)
            root.insert(0, header)
        body = root.find(_BODY)
        security = etree.SubElement(header, ns.SECURITY, nsmap=_NSMAP)
        security.set(ns.MUST_UNDERSTAND, "1")
        token_id, ts_id, body_id = (f"{p}-{uuid.uuid4().hex}" for p in ("X509", "TS", "id"))
        token = etree.SubElement(security, ns.BINARY_SECURITY_TOKEN,
                                 EncodingType=ns.BASE64, ValueType=ns.X509V3)
        token.set(ns.WSU_ID, token_id)
        token.text = self._token
        timestamp = etree.SubElement(security, ns.TIMESTAMP)
        timestamp.set(ns.WSU_ID, ts_id)
        etree.SubElement(timestamp, _WSU + "Created").text = timestamp_text(now)
        etree.SubElement(timestamp, _WSU + "Expires").text = timestamp_text(
            now + self._policy.timestamp_ttl)
        body.set(ns.WSU_ID, body_id)

        signature = xmlsec.template.create(root, xmlsec.Transform.EXCL_C14N, self._method,
                                           ns="ds")
        security.append(signature)
        for target in (body_id, ts_id):
            ref = xmlsec.template.add_reference(signature, xmlsec.Transform.SHA256,
                                                uri="#" + target)
            xmlsec.template.add_transform(ref, xmlsec.Transform.EXCL_C14N)
        key_info = xmlsec.template.ensure_key_info(signature)
        etree.SubElement(etree.SubElement(key_info, _WSSE + "SecurityTokenReference"),
                         _WSSE + "Reference", URI="#" + token_id, ValueType=ns.X509V3)

        ctx = xmlsec.SignatureContext()
        ctx.key = self._key
        ctx.register_id(body, "Id", ns.WSU)
        ctx.register_id(timestamp, "Id", ns.WSU)
        ctx.sign(signature)
        return root
