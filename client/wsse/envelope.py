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
    ForbiddenXml, InvalidEnvelope, MustUnderstandFault, SecurityHeaderMissing,
    UnsupportedSoapVersion,
)
from discimus_client.wsse.policy import SecurityPolicy

_ENVELOPE = ns.qname(ns.SOAP11_ENV, "Envelope")
_HEADER = ns.qname(ns.SOAP11_ENV, "Header")
_BODY = ns.qname(ns.SOAP11_ENV, "Body")


@dataclass(frozen=True)
class Envelope:
    root: etree._Element
    header: etree._Element | None
    security: etree._Element | None
    body: etree._Element
    payload: etree._Element          # the one element in the Body: operation or Fault


def check_envelope(root, policy: SecurityPolicy, *, require_security: bool) -> Envelope:
    """Check the envelope's shape and return its parts.

    :raises UnsupportedSoapVersion: a SOAP 1.2 envelope
    :raises InvalidEnvelope: anything but one optional Header, then one Body with one child
    :raises ForbiddenXml: a comment inside the Body (it splits signed text values)
    :raises MustUnderstandFault: a mustUnderstand header this side does not understand
    :raises SecurityHeaderMissing: no wsse:Security header while one is required
    """
    if root.tag != _ENVELOPE:
        if root.tag == ns.qname(ns.SOAP12_ENV, "Envelope"):
            raise UnsupportedSoapVersion("this is a SOAP 1.2 envelope; the service speaks "
                                         "SOAP 1.1 (Content-Type text/xml)")
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
    security = _headers(header, policy, require_security)
    return Envelope(root=root, header=header, security=security, body=body,
                    payload=payload[0])


def _headers(header, policy: SecurityPolicy, require_security: bool):
    securities = []
    for block in header if header is not None else ():
        if not isinstance(block.tag, str):
            continue
        if block.tag == ns.SECURITY:
            securities.append(block)
        if (block.get(ns.MUST_UNDERSTAND) in ("1", "true")
                and block.tag not in policy.understood_headers):
            raise MustUnderstandFault(
                f"header {etree.QName(block).localname[:60]!r} is marked mustUnderstand "
                "and this side does not understand it")
    if len(securities) > 1:
        raise InvalidEnvelope("more than one wsse:Security header")
    if not securities:
        if require_security:
            raise SecurityHeaderMissing("no wsse:Security header: every message must be "
                                        "signed (see the README, Security profile)")
        return None
    return securities[0]


def _no_text(element, where: str) -> None:
    if (element.text or "").strip() or any((c.tail or "").strip() for c in element):
        raise InvalidEnvelope(f"{where} holds text outside its elements")


def _is_comment(node) -> bool:
    return isinstance(node, etree._Comment)
