"""The one hardened XML parser both sides use for messages from the network.

libxml2 is told never to resolve entities, load a DTD or touch the network; then we
refuse what it tolerates: any DOCTYPE (checked on the parsed document, which an
encoding trick cannot hide), processing instructions, and documents beyond our own
limits on bytes, depth, elements, attributes and namespace declarations (libxml2 caps
only some of these, and c14n cost grows with namespace declarations: docs/security.rst).
"""
from __future__ import annotations

import io

from lxml import etree

from discimus_client.wsse.errors import ForbiddenXml, MalformedXml, MessageTooLarge
from discimus_client.wsse.policy import SecurityPolicy

_EVENTS = ("start", "end", "start-ns", "pi")


def _events(data: bytes):
    return etree.iterparse(
        io.BytesIO(data), events=_EVENTS, resolve_entities=False, no_network=True,
        load_dtd=False, dtd_validation=False, attribute_defaults=False, huge_tree=False,
        remove_comments=False, remove_pis=False, remove_blank_text=False)


def parse_xml(data: bytes, policy: SecurityPolicy):
    """Parse a message, or refuse it.

    :returns: the root element
    :raises MessageTooLarge: over a size, depth, element, attribute or namespace limit
    :raises ForbiddenXml: a DOCTYPE, entity declaration or processing instruction
    :raises MalformedXml: not well-formed, empty, in an unsupported encoding, or not
        XML 1.0
    """
    if not data or not data.strip():
        raise MalformedXml("the message is empty")
    if len(data) > policy.max_bytes:
        raise MessageTooLarge(f"the message is {len(data)} bytes; the limit is "
                              f"{policy.max_bytes}")
    if b"<!DOCTYPE" in data or b"<!ENTITY" in data:   # cheap early exit; see below
        raise ForbiddenXml("a DOCTYPE or entity declaration is not allowed in a message")
    depth = elements = namespaces = 0
    try:
        for event, item in (parsed := _events(data)):
            if event == "start":
                depth += 1
                elements += 1
                if depth > policy.max_depth:
                    raise MessageTooLarge(f"elements nest deeper than {policy.max_depth}",
                                          http_status=500)
                if elements > policy.max_elements:
                    raise MessageTooLarge(f"more than {policy.max_elements} elements",
                                          http_status=500)
                if len(item.attrib) > policy.max_attributes_per_element:
                    raise MessageTooLarge(f"an element has more than "
                                          f"{policy.max_attributes_per_element} attributes",
                                          http_status=500)
            elif event == "end":
                depth -= 1
            elif event == "start-ns":
                namespaces += 1
                if namespaces > policy.max_namespace_declarations:
                    raise MessageTooLarge(f"more than {policy.max_namespace_declarations} "
                                          "namespace declarations", http_status=500)
            else:
                raise ForbiddenXml("processing instructions are not allowed in a message")
        root = parsed.root
    except etree.XMLSyntaxError as error:
        raise MalformedXml(f"the message is not well-formed XML: {_excerpt(error)}") from None
    except (LookupError, UnicodeError, ValueError) as error:
        if isinstance(error, (MessageTooLarge, ForbiddenXml)):
            raise
        raise MalformedXml("the message's encoding is not supported or its bytes do "
                           "not match it; send UTF-8") from None
    # The authoritative check: the parsed document, whatever its bytes looked like
    # (a UTF-16 message hides "<!DOCTYPE" from the byte test above).
    docinfo = root.getroottree().docinfo
    if docinfo.doctype or docinfo.internalDTD is not None or docinfo.externalDTD is not None:
        raise ForbiddenXml("a DOCTYPE is not allowed in a message")
    # libxml2 reads an XML 1.1 document with 1.0 rules (other name characters and line
    # ends, NEL) and only records the version; the other side may see other text.
    if docinfo.xml_version != "1.0":
        raise MalformedXml("only XML 1.0 is accepted; the message declares XML "
                           f"{(docinfo.xml_version or '?')[:10]}")   # libxml2: digits
    for sibling in (*root.itersiblings(preceding=True), *root.itersiblings()):
        if isinstance(sibling, etree._ProcessingInstruction):
            raise ForbiddenXml("processing instructions are not allowed in a message")
    return root


def _excerpt(error: Exception, limit: int = 80) -> str:
    """The parser's message, short and without control characters (log/fault safe)."""
    text = str(error).split(", line ")[0]
    return "".join(c if c.isprintable() else "?" for c in text[:limit])
