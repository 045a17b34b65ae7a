"""Signing as MAGDA's own Java connector signs (the magda-connector profile).

What MAGDA-Mock's ``DocumentSigner`` (Apache WSS4J ``WSSecSignature``) sends: the SOAP
Body only, RSA-SHA1 and SHA-1 under exclusive c14n, the keystore's certificate chain as
an ``X509PKIPathv1`` BinarySecurityToken referenced directly, no Timestamp. Verified by
:mod:`discimus_client.wsse.connector`; the Ids carry WSS4J's prefixes so that a message of
ours and one of the connector read alike.
"""
from __future__ import annotations

import base64
import datetime as dt
import uuid

import xmlsec
from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import Encoding, load_pem_private_key
from lxml import etree

from discimus_client.wsse import ns
from discimus_client.wsse.connector import TRANSFORMS
from discimus_client.wsse.policy import MAGDA_CONNECTOR, ConnectorPolicy

xmlsec.cleanup_callbacks()   # no signature or reference may read a file or URL

_WSSE = f"{{{ns.WSSE}}}"
_HEADER = ns.qname(ns.SOAP11_ENV, "Header")
_BODY = ns.qname(ns.SOAP11_ENV, "Body")


def pki_path(certificates: list[x509.Certificate]) -> bytes:
    """The PkiPath DER of ``certificates``, issuer first, the signer last."""
    content = b"".join(c.public_bytes(Encoding.DER) for c in certificates)
    length = len(content)
    if length < 0x80:
        head = bytes([length])
    else:
        size = (length.bit_length() + 7) // 8
        head = bytes([0x80 | size]) + length.to_bytes(size, "big")
    return b"\x30" + head + content


class ConnectorSigner:
    """Signs like MAGDA's connector (``DocumentSigner``): Body only, RSA-SHA1, SHA-1,
    exclusive c14n, an X509PKIPathv1 token referenced directly, no Timestamp.

    For partners whose sender record opts into the magda-connector profile, and for
    tests that play MAGDA's connector; everyone else signs with :class:`Signer`.

    :param key_pem: the partner's unencrypted PEM RSA key
    :param cert_pem: its PEM certificate, then any issuers (as a keystore chain holds
        them: the signer first)
    """

    def __init__(self, key_pem: bytes, cert_pem: bytes, *,
                 connector: ConnectorPolicy = MAGDA_CONNECTOR):
        if not isinstance(load_pem_private_key(key_pem, password=None), rsa.RSAPrivateKey):
            raise ValueError("MAGDA's connector signs with RSA keys only")
        self._key = xmlsec.Key.from_memory(key_pem, xmlsec.KeyFormat.PEM, None)
        chain = x509.load_pem_x509_certificates(cert_pem)
        self._token = base64.b64encode(pki_path(list(reversed(chain)))).decode()
        self._method = TRANSFORMS[min(connector.signature_algorithms)]
        self._digest = TRANSFORMS[min(connector.digest_algorithms)]
        self._path_type = connector.token_value_type

    def sign(self, root, *, now: dt.datetime | None = None):
        """Add a wsse:Security header and sign the Body, in place (``now`` is unused:
        the connector sends no Timestamp; the Body's Tijdstip says when).

        :returns: ``root``, signed
        """
        header = root.find(_HEADER)
        if header is None:
            header = etree.Element(_HEADER)
            root.insert(0, header)
        body = root.find(_BODY)
        security = etree.SubElement(header, ns.SECURITY,
                                    nsmap={"wsse": ns.WSSE, "wsu": ns.WSU})
        security.set(ns.MUST_UNDERSTAND, "1")
        # WSS4J's Id prefixes, so a connector's message and ours read alike.
        token_id, body_id, str_id = (f"{p}-{uuid.uuid4().hex}" for p in ("X509", "id", "STR"))
        token = etree.SubElement(security, ns.BINARY_SECURITY_TOKEN,
                                 EncodingType=ns.BASE64, ValueType=self._path_type)
        token.set(ns.WSU_ID, token_id)
        token.text = self._token
        body.set(ns.WSU_ID, body_id)
        signature = xmlsec.template.create(root, xmlsec.Transform.EXCL_C14N, self._method,
                                           ns="ds", name=f"SIG-{uuid.uuid4().hex}")
        security.append(signature)
        ref = xmlsec.template.add_reference(signature, self._digest, uri="#" + body_id)
        xmlsec.template.add_transform(ref, xmlsec.Transform.EXCL_C14N)
        key_info = xmlsec.template.ensure_key_info(signature, id=f"KI-{uuid.uuid4().hex}")
        reference_holder = etree.SubElement(key_info, _WSSE + "SecurityTokenReference",
                                            nsmap={"wsse11": ns.WSSE11})
        reference_holder.set(ns.TOKEN_TYPE, self._path_type)
        reference_holder.set(ns.WSU_ID, str_id)
        etree.SubElement(reference_holder, _WSSE + "Reference", URI="#" + token_id,
                         ValueType=self._path_type)
        ctx = xmlsec.SignatureContext()
        ctx.key = self._key
        ctx.register_id(body, "Id", ns.WSU)
        ctx.sign(signature)
        return root
