"""The shape of a SOAP 1.1 envelope, checked before anything reads it.

spyne alone processes the first of two Bodies, crashes on a missing one and ignores
mustUnderstand (docs/security.rst); so both sides check the shape here, once, and everything
after works on the :class:`Envelope` this returns.
"""
from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from discimus_client.wsse import ns
from discimus_client.wsse.errors import (
    EncryptionNotSupported, ForbiddenXml, InvalidEnvelope, MustUnderstandFault,
    SecurityHeaderMissing, UnsupportedSoapVersion,
)
from discimus_client.wsse.policy import SecurityPolicy

_ENVELOPE = ns.qname(ns.SOAP11_ENV, "Envelope")
_HEADER = ns.qname(ns.SOAP11_ENV, "Header")
_BODY = ns.qname(ns.SOAP11_ENV, "Body")
_ENCRYPTED = (ns.qname(ns.XENC, "EncryptedData"), ns.qname(ns.XENC, "EncryptedKey"),
              ns.qname(ns.XENC, "ReferenceList"), ns.qname(ns.WSSE11, "EncryptedHeader"))


@dataclass(frozen=True)
class Envelope:
    root: etree._Element
    header: etree._Element | None
    security: etree._Element | None
    body: etree._Element
    payload: etree._Element          # the one element in the Body: operation or Fault
    # wsse:Security headers addressed to another SOAP actor: not ours, never processed
    foreign_security: tuple = ()


def check_envelope(root, policy: SecurityPolicy, *, require_security: bool) -> Envelope:
    """Check the envelope's shape and return its parts.

    :raises UnsupportedSoapVersion: a SOAP 1.2 envelope
    :raises InvalidEnvelope: anything but one optional Header, then one Body with one child
    :raises ForbiddenXml: a comment inside the Body (it splits signed text values)
    :raises MustUnderstandFault: a mustUnderstand header this side does not understand
    :raises SecurityHeaderMissing: no wsse:Security header for us while one is required
    :raises EncryptionNotSupported: an encrypted Body, header or key
    """
    if root.tag != _ENVELOPE:
        if root.tag == ns.qname(ns.SOAP12_ENV, "Envelope"):
            raise UnsupportedSoapVersion("this is a SOAP 1.2 envelope; the service speaks "
                                         "SOAP 1.1 (Content-Type text/xml). WCF: "
                                         "WSHttpBinding is SOAP 1.2; use a customBinding "
                                         "with textMessageEncoding messageVersion=\"Soap11\"")
        raise InvalidEnvelope("the root element is not a SOAP 1.1 Envelope")
    _no_text(root, "the Envelope")
    children = [c for c in root if not _is_comment(c)]
    if any(not isinstance(c.tag, str) for c in children):
        raise InvalidEnvelope("the Envelope holds something other than elements")
    tags = [c.tag for c in children]
    if tags == [_HEADER, _BODY]:
        header, body = children
    elif tags == [_BODY]:
        header, body = None, children[0]
    else:
        raise InvalidEnvelope("the Envelope must hold an optional Header followed by "
                              "exactly one Body, nothing else (found: "
                              f"{', '.join(etree.QName(t).localname for t in tags)[:120]})")
    _no_text(body, "the Body")
    if next(body.iter(etree.Comment), None) is not None:
        raise ForbiddenXml("comments are not allowed inside the Body: they split signed "
                           "values")
    payload = [c for c in body]
    if len(payload) != 1:
        raise InvalidEnvelope(f"the Body must hold exactly one element (operation or "
                              f"Fault), not {len(payload)}")
    security, foreign = _headers(header, policy, require_security)
    _not_encrypted(root, foreign)
    return Envelope(root=root, header=header, security=security, body=body,
                    payload=payload[0], foreign_security=foreign)


def for_us(block) -> bool:
    """Whether a header block is addressed to this receiver (SOAP 1.1 §4.2.2).

    No actor means the ultimate receiver, which both sides of this service are; the
    ``…/soap/actor/next`` actor is played by every node. Any other actor is an
    intermediary's: its block is neither processed nor, with mustUnderstand, ours to
    understand (§4.2.3). WSS 1.1 §6.1 addresses wsse:Security headers the same way.
    """
    actor = block.get(ns.ACTOR)
    return actor is None or actor.strip() == ns.SOAP11_NEXT_ACTOR


def _headers(header, policy: SecurityPolicy, require_security: bool):
    securities, foreign = [], []
    for block in header if header is not None else ():
        if not isinstance(block.tag, str):
            continue
        if not for_us(block):
            if block.tag == ns.SECURITY:
                foreign.append(block)
            continue
        if block.tag == ns.SECURITY:
            securities.append(block)
        if (block.get(ns.MUST_UNDERSTAND) in ("1", "true")
                and block.tag not in policy.understood_headers):
            raise MustUnderstandFault(_not_understood(block))
    if len(securities) > 1:
        raise InvalidEnvelope("more than one wsse:Security header for this receiver "
                              "(no soap:actor, or the …/actor/next one); send exactly one")
    if not securities:
        if require_security:
            raise SecurityHeaderMissing(_missing_security(foreign))
        return None, tuple(foreign)
    return securities[0], tuple(foreign)


def _not_understood(block) -> str:
    name = etree.QName(block)
    message = (f"header {_clean(name.localname)!r} is marked mustUnderstand and this "
               "side does not understand it")
    if name.namespace in ns.WSA_NAMESPACES:
        message += ("; this service does not use WS-Addressing (WCF: textMessageEncoding "
                    "messageVersion=\"Soap11\", not Soap11WSAddressing10)")
    return message


def _missing_security(foreign) -> str:
    if foreign:
        return ("no wsse:Security header for this service: the one sent is addressed to "
                f"soap:actor {_clean(foreign[0].get(ns.ACTOR))!r}, another receiver, and "
                "is ignored (SOAP 1.1 §4.2.2); send it without a soap:actor attribute")
    return ("no wsse:Security header: every message must be signed (see the README, "
            "Security profile)")


def _not_encrypted(root, foreign) -> None:
    """Refuse encryption with a fault that says how to turn it off.

    WCF's MutualCertificate encrypts the Body (and the Signature) unless told to sign
    only; the strict profile has no decryption step, so an encrypted message could
    never be verified. Parts inside a header for another actor are that actor's.
    """
    for element in root.iter(*_ENCRYPTED):
        if any(ancestor in foreign for ancestor in element.iterancestors()):
            continue
        raise EncryptionNotSupported(
            f"the message holds {etree.QName(element).localname}: this service accepts "
            "signed, unencrypted messages only. WCF: ProtectionLevel=Sign on the service "
            "contract, with MutualCertificate and a WSSecurity10 messageSecurityVersion; "
            "WSS4J: the Timestamp and Signature actions, no Encrypt")


def _clean(text: str | None, limit: int = 60) -> str:
    """A short, printable excerpt of sender-controlled text for a fault message."""
    return "".join(c if c.isprintable() else "?" for c in (text or "")[:limit])


def _no_text(element, where: str) -> None:
    if (element.text or "").strip() or any((c.tail or "").strip() for c in element):
        raise InvalidEnvelope(f"{where} holds text outside its elements")


def _is_comment(node) -> bool:
    return isinstance(node, etree._Comment)
