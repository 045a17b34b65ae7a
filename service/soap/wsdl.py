"""The WSDL as published: spyne's, made into a contract a code generator is happy with.

spyne describes the wire correctly but not the way wsdl2java, svcutil or xsdata want
to read it. Each step below fixes one thing, and the contract tests
(``tests/contract``) hold every message type to the result:

1. only the operations' wrapper elements are global (spyne adds an element per type,
   which generators turn into a second class per type);
2. no type nobody uses;
3. the wrapper elements' types are anonymous, as in MAGDA's WebService schemas;
4. one canonical order: spyne collects types in sets, so its order depends on the
   hash seed and two workers would serve two byte strings for one contract;
5. every type, element and enumeration value documented from ``documented.DOCS``
   (spyne cannot document simple types or enumeration values);
6. the WS-SecurityPolicy assertion, attached to the binding (``policy.py``);
7. only the namespaces in use, with readable prefixes, pretty-printed.

Deterministic: the same models give the same bytes, whatever the process.
"""
from __future__ import annotations

import functools
import re

from lxml import etree

from discimus_service.soap import policy
from discimus_service.soap.documented import DOCS, OPERATIONS

XS = "http://www.w3.org/2001/XMLSchema"
WSDL = "http://schemas.xmlsoap.org/wsdl/"
SOAP11 = "http://schemas.xmlsoap.org/wsdl/soap/"
_FIXED_PREFIXES = {XS: "xs", WSDL: "wsdl", SOAP11: "soap", policy.WSP: "wsp",
                   policy.SP: "sp", policy.WSU: "wsu"}
# Attributes whose value is a QName, by element namespace.
_QNAME_ATTRS = {XS: ("type", "base", "ref", "itemType"),
                WSDL: ("message", "element", "type", "binding")}
_KIND = {f"{{{XS}}}import": 0, f"{{{XS}}}simpleType": 1, f"{{{XS}}}complexType": 2,
         f"{{{XS}}}element": 3}
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                          remove_blank_text=True)


def _q(ns: str, name: str) -> str:
    return f"{{{ns}}}{name}"


@functools.lru_cache(maxsize=16)
def canonical_wsdl(data: bytes) -> bytes:
    """The published form of a WSDL spyne produced (the served and committed bytes)."""
    root = etree.fromstring(data, _PARSER)
    schemas = root.findall(f"{_q(WSDL, 'types')}/{_q(XS, 'schema')}")
    for node in root.iter(_q(XS, "annotation"), _q(WSDL, "documentation")):
        node.getparent().remove(node)          # ours come from DOCS, nothing else
    _keep_only_wrapper_elements(root, schemas)
    _drop_unused_types(schemas)
    _inline_wrapper_types(schemas)
    _sort(root, schemas)
    for schema in schemas:
        document_schema(schema)
    _document_operations(root)
    _attach_policy(root)
    root = with_minimal_namespaces(root)
    return serialize(root)


def serialize(root: etree._Element) -> bytes:
    etree.indent(root, space="  ")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8") + b"\n"


# -- the steps ----------------------------------------------------------------------------
def resolve(node: etree._Element, value: str) -> tuple[str, str]:
    """A QName attribute value as (namespace, local name)."""
    prefix, _, local = value.rpartition(":")
    return node.nsmap.get(prefix or None, ""), local


def _keep_only_wrapper_elements(root, schemas) -> None:
    parts = {resolve(p, p.get("element"))
             for p in root.iter(_q(WSDL, "part")) if p.get("element")}
    for schema in schemas:
        ns = schema.get("targetNamespace")
        for element in schema.findall(_q(XS, "element")):
            if (ns, element.get("name")) not in parts:
                schema.remove(element)


def _references(node) -> list[tuple[str, str]]:
    """Every type reference under ``node``, once per use."""
    return [resolve(child, child.get(attr)) for child in node.iter()
            for attr in ("type", "base", "ref", "itemType") if child.get(attr)]


def _drop_unused_types(schemas) -> None:
    defined = {}
    for schema in schemas:
        for node in schema:
            if node.tag in (_q(XS, "simpleType"), _q(XS, "complexType")):
                defined[(schema.get("targetNamespace"), node.get("name"))] = node
    todo = [e for s in schemas for e in s.findall(_q(XS, "element"))]
    seen: set = set()
    while todo:
        for ref in _references(todo.pop()):
            if ref in defined and ref not in seen:
                seen.add(ref)
                todo.append(defined[ref])
    for key, node in defined.items():
        if key not in seen:
            node.getparent().remove(node)


def _inline_wrapper_types(schemas) -> None:
    for schema in schemas:
        ns = schema.get("targetNamespace")
        types = {t.get("name"): t for t in schema.findall(_q(XS, "complexType"))}
        uses = _references(schema)
        for element in schema.findall(_q(XS, "element")):
            ref = resolve(element, element.get("type", ""))
            if ref[0] == ns and ref[1] in types and uses.count(ref) == 1:
                anonymous = types[ref[1]]
                del anonymous.attrib["name"]
                del element.attrib["type"]
                element.append(anonymous)


_TOP = [_q(WSDL, n) for n in ("documentation", "types", "message", "portType",
                                "binding", "service")]


def _sort(root, schemas) -> None:
    root[:] = sorted(root, key=lambda c: _TOP.index(c.tag) if c.tag in _TOP else 9)
    types = root.find(_q(WSDL, "types"))
    for schema in schemas:
        schema[:] = sorted(schema, key=lambda c: (_KIND.get(c.tag, 9),
                                                  c.get("name") or c.get("namespace")
                                                  or ""))
    types[:] = sorted(schemas, key=lambda s: s.get("targetNamespace") or "")


def _annotate(node: etree._Element, text: str | None) -> None:
    if text:
        annotation = etree.Element(_q(XS, "annotation"))
        etree.SubElement(annotation, _q(XS, "documentation")).text = text
        node.insert(0, annotation)


def document_schema(schema: etree._Element) -> None:
    """Write ``xs:documentation`` from :data:`DOCS` into every named type and element."""
    ns = schema.get("targetNamespace")
    for node in schema:
        doc = DOCS.get((ns, node.get("name")))
        if doc is None:
            continue
        complex_node = node if node.tag == _q(XS, "complexType") else node.find(
            _q(XS, "complexType"))
        if complex_node is not None:
            for member in complex_node.iter(_q(XS, "element")):
                _annotate(member, doc.fields.get(member.get("name")))
        for value in node.iter(_q(XS, "enumeration")):
            _annotate(value, doc.values.get(value.get("value")))
        _annotate(node, doc.doc)


def _document_operations(root) -> None:
    ns = root.get("targetNamespace")
    for operation in root.iterfind(f"{_q(WSDL, 'portType')}/{_q(WSDL, 'operation')}"):
        text = OPERATIONS.get((ns, operation.get("name")))
        if text:
            etree.SubElement(operation, _q(WSDL, "documentation")).text = text
            operation.insert(0, operation[-1])


def _attach_policy(root) -> None:
    # WSDL 1.1's schema puts extensibility elements before the WSDL ones.
    at = 1 if root[0].tag == _q(WSDL, "documentation") else 0
    root.insert(at, policy.security_policy())
    for binding in root.iter(_q(WSDL, "binding")):
        binding.insert(0, policy.policy_reference())


# -- namespaces ---------------------------------------------------------------------------
def prefix_for(namespace: str) -> str:
    """``urn:discimus-emulator:inschrijving:01.00`` → ``inschrijving``; fixed ones fixed."""
    if namespace in _FIXED_PREFIXES:
        return _FIXED_PREFIXES[namespace]
    parts = namespace.split(":")
    return re.sub(r"[^A-Za-z0-9]", "", parts[-2] if len(parts) > 2 else parts[-1])


def with_minimal_namespaces(root: etree._Element) -> etree._Element:
    """A copy of ``root`` declaring, once at the top, only the namespaces it uses."""
    used = set()
    for node in root.iter():
        if not isinstance(node.tag, str):
            continue
        used.add(etree.QName(node).namespace)
        used.update(etree.QName(a).namespace for a in node.attrib)
        for attr in _QNAME_ATTRS.get(etree.QName(node).namespace, ()):
            value = node.get(attr)
            if value:
                ns, local = resolve(node, value)
                used.add(ns)
                node.set(attr, f"{prefix_for(ns)}:{local}" if ns else local)
    used.discard(None)
    nsmap = dict(sorted((prefix_for(ns), ns) for ns in used))
    top = etree.Element(root.tag, root.attrib, nsmap=nsmap)
    top[:] = list(root)
    etree.cleanup_namespaces(top, top_nsmap=nsmap, keep_ns_prefixes=list(nsmap))
    return top
