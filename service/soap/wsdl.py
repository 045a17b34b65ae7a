"""The WSDL in one canonical order, so that what is served can equal what is committed.

spyne emits the types of a schema in an order that depends on Python's hash seed (it
collects them in sets), so two workers can serve two different byte strings for the same
contract. We sort the schema children (imports first, then simple types, complex types
and elements, each by name) and the schemas by namespace; nothing else changes.
"""
from __future__ import annotations

from lxml import etree

XS = "http://www.w3.org/2001/XMLSchema"
WSDL = "http://schemas.xmlsoap.org/wsdl/"
_KIND = {f"{{{XS}}}import": 0, f"{{{XS}}}simpleType": 1, f"{{{XS}}}complexType": 2,
         f"{{{XS}}}element": 3}
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)


def canonical_wsdl(data: bytes) -> bytes:
    root = etree.fromstring(data, _PARSER)
    types = root.find(f"{{{WSDL}}}types")
    if types is not None:
        schemas = sorted(types, key=lambda s: s.get("targetNamespace") or "")
        for schema in schemas:
            children = sorted(schema, key=lambda c: (_KIND.get(c.tag, 9),
                                                     c.get("name") or c.get("namespace")
                                                     or ""))
            schema[:] = children
        types[:] = schemas
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")
