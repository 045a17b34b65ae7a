"""Recipes for the WS-Security profile's precise refusals (issue 5, section 2).

Each starts from a fresh message of our own client and changes one construct the way
another stack would send it: no Timestamp, a key referenced by KeyIdentifier or
IssuerSerial, a header for another SOAP actor, WS-I BSP violations, XML 1.1, an
encrypted Body. Where the change touches signed content the message is signed again
with the sender's real key, so only the construct under test is wrong. Registered in
:data:`tests.security.recipes.RECIPES`, which imports this module.
"""
from __future__ import annotations

import base64
import copy

import xmlsec
from cryptography import x509
from cryptography.hazmat.primitives import hashes
from lxml import etree

from discimus_client.wsse import ns
from tests.security.recipes import DS, SOAP, WSSE, WSU, WSU_ID, Attack, _out, _parts, _root, recipe

XENC = "http://www.w3.org/2001/04/xmlenc#"
SKI = ("http://docs.oasis-open.org/wss/2004/01/"
       "oasis-200401-wss-x509-token-profile-1.0#X509SubjectKeyIdentifier")


def _sign_again(kit, root, targets, key_info=None) -> Attack:
    """Replace the Signature by one over ``targets``, then put ``key_info`` in KeyInfo."""
    _, _, security = _parts(root)
    old = security.find(f"{{{DS}}}Signature")
    key_reference = copy.deepcopy(old.find(f"{{{DS}}}KeyInfo")[0])
    security.remove(old)
    signature = xmlsec.template.create(root, xmlsec.Transform.EXCL_C14N,
                                       xmlsec.Transform.RSA_SHA256, ns="ds")
    security.append(signature)
    for target in targets:
        reference = xmlsec.template.add_reference(signature, xmlsec.Transform.SHA256,
                                                  uri="#" + target.get(WSU_ID))
        xmlsec.template.add_transform(reference, xmlsec.Transform.EXCL_C14N)
    info = xmlsec.template.ensure_key_info(signature)
    ctx = xmlsec.SignatureContext()
    ctx.key = xmlsec.Key.from_memory(kit.key_pem("informat"), xmlsec.KeyFormat.PEM, None)
    for target in targets:
        ctx.register_id(target, "Id", WSU)
    ctx.sign(signature)
    info.append(key_info if key_info is not None else key_reference)
    return Attack(_out(root))


def _timestamp(security):
    return security.find(f"{{{WSU}}}Timestamp")


# -- Timestamp ---------------------------------------------------------------------------
@recipe
def signed_without_timestamp(kit):
    root = _root(kit.signed())
    _, body, security = _parts(root)
    security.remove(_timestamp(security))
    return _sign_again(kit, root, [body])


@recipe
def timestamp_not_signed(kit):
    root = _root(kit.signed())
    _, body, _ = _parts(root)
    return _sign_again(kit, root, [body])


@recipe
def created_with_value_type(kit):
    # WS-I BSP 1.1 R3225: wsu:Created must not carry a ValueType.
    root = _root(kit.signed())
    _, body, security = _parts(root)
    _timestamp(security).find(f"{{{WSU}}}Created").set("ValueType", "xsd:dateTime")
    return _sign_again(kit, root, [body, _timestamp(security)])


# -- the signing certificate ------------------------------------------------------------
def _without_token(kit, key_info) -> Attack:
    """The certificate left out and named by ``key_info(certificate)`` instead."""
    root = _root(kit.signed())
    _, body, security = _parts(root)
    security.remove(security.find(f"{{{WSSE}}}BinarySecurityToken"))
    certificate = x509.load_pem_x509_certificate(kit.cert_pem("informat"))
    reference = etree.Element(f"{{{WSSE}}}SecurityTokenReference")
    reference.append(key_info(certificate))
    return _sign_again(kit, root, [body, _timestamp(security)], reference)


@recipe
def key_identifier_reference(kit):
    # WSS4J signatureKeyIdentifier=SKIKeyIdentifier; WCF X509ReferenceStyle SubjectKeyIdentifier
    def identifier(certificate):
        element = etree.Element(f"{{{WSSE}}}KeyIdentifier", ValueType=SKI,
                                EncodingType=ns.BASE64)
        element.text = base64.b64encode(certificate.fingerprint(hashes.SHA1())).decode()
        return element
    return _without_token(kit, identifier)


@recipe
def issuer_serial_reference(kit):
    # WSS4J's default signatureKeyIdentifier (IssuerSerial) without a BinarySecurityToken
    def issuer_serial(certificate):
        data = etree.Element(f"{{{DS}}}X509Data")
        pair = etree.SubElement(data, f"{{{DS}}}X509IssuerSerial")
        etree.SubElement(pair, f"{{{DS}}}X509IssuerName").text = \
            certificate.issuer.rfc4514_string()
        etree.SubElement(pair, f"{{{DS}}}X509SerialNumber").text = \
            str(certificate.serial_number)
        return data
    return _without_token(kit, issuer_serial)


@recipe
def reference_to_missing_token(kit):
    root = _root(kit.signed())
    root.find(f".//{{{WSSE}}}SecurityTokenReference/{{{WSSE}}}Reference").set(
        "URI", "#X509-not-in-this-message")
    return Attack(_out(root))


@recipe
def token_without_encoding_type(kit):
    # WS-I BSP 1.1 R3029: a BinarySecurityToken must say its EncodingType.
    root = _root(kit.signed())
    _, _, security = _parts(root)
    del security.find(f"{{{WSSE}}}BinarySecurityToken").attrib["EncodingType"]
    return Attack(_out(root))


# -- SOAP actors -------------------------------------------------------------------------
@recipe
def security_header_for_another_actor(kit):
    root = _root(kit.signed())
    _, _, security = _parts(root)
    security.set(f"{{{SOAP}}}actor", "urn:example:gateway")
    return Attack(_out(root))


@recipe
def two_security_headers(kit):
    root = _root(kit.signed())
    header, _, security = _parts(root)
    header.append(copy.deepcopy(security))
    return Attack(_out(root))


# -- XML version and encryption ----------------------------------------------------------
@recipe
def xml_1_1_declaration(kit):
    declared = _out(_root(kit.signed()))
    assert declared.startswith(b"<?xml version='1.0'")
    return Attack(b"<?xml version='1.1'" + declared[len(b"<?xml version='1.0'"):])


@recipe
def encrypted_body(kit):
    # WCF's default ProtectionLevel EncryptAndSign: an EncryptedKey and EncryptedData.
    root = _root(kit.signed())
    _, body, security = _parts(root)
    key = etree.SubElement(security, f"{{{XENC}}}EncryptedKey", Id="EK-1")
    etree.SubElement(key, f"{{{XENC}}}EncryptionMethod",
                     Algorithm="http://www.w3.org/2001/04/xmlenc#rsa-oaep-mgf1p")
    etree.SubElement(etree.SubElement(key, f"{{{XENC}}}CipherData"),
                     f"{{{XENC}}}CipherValue").text = "c2VjcmV0"
    body.remove(body[0])
    data = etree.SubElement(body, f"{{{XENC}}}EncryptedData", Id="ED-1",
                            Type="http://www.w3.org/2001/04/xmlenc#Content")
    etree.SubElement(etree.SubElement(data, f"{{{XENC}}}CipherData"),
                     f"{{{XENC}}}CipherValue").text = "c2VjcmV0"
    return Attack(_out(root))
