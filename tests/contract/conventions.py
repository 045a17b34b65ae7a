"""The contract conventions every message type follows, as checks over a WSDL.

Each check returns the problems it finds (empty: the convention holds), so a test can
both hold the published contracts to it and show that it finds a planted fault.
"""
from __future__ import annotations

import re
from collections import defaultdict

from lxml import etree

XS = "http://www.w3.org/2001/XMLSchema"
WSDL = "http://schemas.xmlsoap.org/wsdl/"
SOAP11 = "http://schemas.xmlsoap.org/wsdl/soap/"
_QNAME_ATTRS = ("type", "base", "ref", "itemType", "message", "element", "binding")
_NAME = re.compile(r"[A-Z][A-Za-z0-9]*Type\Z")


def _q(ns, name):
    return f"{{{ns}}}{name}"


def _resolve(node, value):
    prefix, _, local = value.rpartition(":")
    return node.nsmap.get(prefix or None), local


def schemas(root):
    return root.findall(f"{_q(WSDL, 'types')}/{_q(XS, 'schema')}")


def named_types(root):
    """{(namespace, name): node} of every named simple and complex type."""
    out = {}
    for schema in schemas(root):
        for node in schema:
            if node.tag in (_q(XS, "simpleType"), _q(XS, "complexType")):
                out[(schema.get("targetNamespace"), node.get("name"))] = node
    return out


def _doc(node) -> str:
    return (node.findtext(f"{_q(XS, 'annotation')}/{_q(XS, 'documentation')}")
            or "").strip()


def undocumented(root) -> list[str]:
    """Types, elements and enumeration values without ``xs:documentation``."""
    problems = []
    for schema in schemas(root):
        for node in schema.iter(_q(XS, "simpleType"), _q(XS, "complexType"),
                                _q(XS, "element"), _q(XS, "enumeration")):
            anonymous_type = node.tag != _q(XS, "element") and not node.get("name") \
                and node.tag != _q(XS, "enumeration")
            if anonymous_type:
                continue        # documented by its element
            if not _doc(node):
                label = node.get("name") or node.get("value")
                problems.append(f"{etree.QName(node).localname} {label} "
                                f"(line {node.sourceline})")
    return problems


def _structure(node) -> str:
    """A type's definition with names resolved and documentation left out."""
    copy = etree.fromstring(etree.tostring(node), etree.XMLParser(remove_blank_text=True))
    for annotation in list(copy.iter(_q(XS, "annotation"))):
        annotation.getparent().remove(annotation)
    copy.attrib.pop("name", None)
    for child in copy.iter():
        for attr in ("type", "base"):
            if child.get(attr):
                child.set(attr, "{%s}%s" % _resolve(node, child.get(attr)))
    return etree.tostring(copy, method="c14n")


def duplicates(root) -> list[str]:
    """Groups of types with the same structure under different names."""
    by_structure = defaultdict(list)
    for (ns, name), node in named_types(root).items():
        by_structure[_structure(node)].append(name)
    return [" = ".join(sorted(names)) for names in by_structure.values() if len(names) > 1]


def unused(root) -> list[str]:
    """Named types nothing refers to."""
    referred = set()
    for node in root.iter():
        if isinstance(node.tag, str):
            for attr in ("type", "base", "ref", "itemType"):
                if node.get(attr):
                    referred.add(_resolve(node, node.get(attr)))
    return sorted(name for key, name in ((k, k[1]) for k in named_types(root))
                  if key not in referred)


def global_elements_that_are_not_operations(root) -> list[str]:
    """Global elements other than the operations' wrappers (wsdl:part elements)."""
    parts = {_resolve(p, p.get("element")) for p in root.iter(_q(WSDL, "part"))}
    return sorted(element.get("name") for schema in schemas(root)
                  for element in schema.findall(_q(XS, "element"))
                  if (schema.get("targetNamespace"), element.get("name")) not in parts)


def badly_named_types(root) -> list[str]:
    """Type names that are not ``<Concept>Type`` (spyne's ``Parent_FieldType``,
    ``...Array``)."""
    return sorted(name for _ns, name in named_types(root)
                  if not _NAME.match(name) or name.endswith("ArrayType"))


def nillable(root) -> list[str]:
    return sorted(e.get("name") for e in root.iter(_q(XS, "element"))
                  if e.get("nillable") == "true")


def unused_namespaces(root) -> list[str]:
    """Namespace declarations nothing uses, and declarations below the root."""
    used = set()
    for node in root.iter():
        if not isinstance(node.tag, str):
            continue
        used.add(etree.QName(node).namespace)
        used.update(etree.QName(a).namespace for a in node.attrib)
        for attr in _QNAME_ATTRS:
            if node.get(attr) and ":" in node.get(attr):
                used.add(_resolve(node, node.get(attr))[0])
    problems = [f"xmlns:{p}" for p, ns in root.nsmap.items() if ns not in used]
    for node in root.iter():
        if isinstance(node.tag, str) and node is not root and node.nsmap != root.nsmap:
            problems.append(f"declaration on {node.tag} (line {node.sourceline})")
    return problems


def soap_actions(root) -> dict[str, str]:
    """{operation: soapAction} of every binding operation."""
    return {op.get("name"): op.find(_q(SOAP11, "operation")).get("soapAction")
            for op in root.iter(_q(WSDL, "operation"))
            if op.find(_q(SOAP11, "operation")) is not None}
