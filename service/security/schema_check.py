"""The verified Body against the service's XML Schema, reported in plain words.

spyne validates too, but only after we hand it a re-serialised copy of the Body: its
error is libxml2's raw text (``<string>:7:0:ERROR:SCHEMASV:…``) with a line number of
that copy. Here the very element the signature covered is validated, with the schema
spyne built from the service's own interface, before spyne sees it: every error then
points at an element of the message as it was sent (its path, its line), and is said
as "which element broke which rule", never as libxml2's text.
"""
from __future__ import annotations

import copy
import re
from dataclasses import dataclass

from lxml import etree

from discimus_client.wsse.errors import SchemaViolation

MAX_REPORTED = 3          # errors named in one fault; the rest are counted
_VALUE_LIMIT = 40         # characters of a sent value quoted back

# Plain names for the built-in types a value can fail (XML Schema Part 2, section 3).
_TYPES = {
    "xs:date": "date (xs:date, YYYY-MM-DD)",
    "xs:dateTime": "date and time (xs:dateTime, YYYY-MM-DDThh:mm:ss)",
    "xs:time": "time (xs:time, hh:mm:ss)",
    "xs:integer": "whole number (xs:integer)",
    "xs:int": "whole number (xs:int)",
    "xs:long": "whole number (xs:long)",
    "xs:decimal": "decimal number (xs:decimal)",
    "xs:boolean": "boolean (xs:boolean: true, false, 1 or 0)",
}


@dataclass(frozen=True)
class Problem:
    """One broken rule: where (path and line in the sent message) and what."""

    path: str
    line: int | None
    text: str

    def __str__(self) -> str:
        where = f"{self.path} (line {self.line})" if self.line else self.path
        return f"{where}: {self.text}"


class BodySchema:
    """The XSD of one spyne Application, applied to the verified payload element.

    Built once per worker from whatever the Application declares (its interface), so it
    follows the contract as the models change.
    """

    def __init__(self, schema: etree.XMLSchema):
        self._schema = schema

    @classmethod
    def of(cls, application) -> "BodySchema":
        """The schema spyne validates with (``Soap11(validator="lxml")``), or the same
        schema built from the interface when the Application validates nothing."""
        schema = getattr(application.in_protocol, "validation_schema", None)
        if schema is None:
            from spyne.interface.xml_schema import XmlSchema
            document = XmlSchema(application.interface)
            document.build_validation_schema()
            schema = document.validation_schema
        return cls(schema)

    def check(self, payload: etree._Element) -> None:
        """:raises SchemaViolation: naming each broken rule by path, in plain words."""
        if self._schema.validate(payload):
            return
        problems = problems_of(payload, list(self._schema.error_log), self._schema)
        shown = "; ".join(str(p) for p in problems[:MAX_REPORTED]) or "see its XSD"
        more = len(problems) - MAX_REPORTED
        if more > 0:
            shown += f"; and {more} more"
        raise SchemaViolation("the message does not follow the service's schema (see "
                              f"its WSDL): {shown}")


def problems_of(payload, entries, schema: etree.XMLSchema) -> list[Problem]:
    """One problem per element (libxml2 often reports a facet and then the type)."""
    by_path = _libxml2_paths(payload)
    out: list[Problem] = []
    seen: set = set()
    for entry in entries:
        element = by_path.get(entry.path)
        if element is None or element in seen:
            if element is None and not out:
                out.append(Problem(_plain_path(entry.path), None,
                                   f"breaks XML Schema rule {_rule(entry.type_name)}"))
            continue
        seen.add(element)
        # lxml parses with XML_PARSE_BIG_LINES: lines past 65535 are exact too.
        line = entry.line if entry.line > 0 else None
        path, text = _describe(element, entry, payload, schema)
        out.append(Problem(path, line, text))
    return out


def _describe(element, entry, payload, schema) -> tuple[str, str]:
    """(path, plain words) for one libxml2 error on ``element``."""
    message = entry.message
    kind = entry.type_name
    name = etree.QName(element).localname
    path = path_of(element, payload)
    attribute = re.search(r"attribute '(?:\{[^}]*\})?([^']+)'", message)
    if attribute and kind in ("SCHEMAV_CVC_TYPE_3_1_1", "SCHEMAV_CVC_COMPLEX_TYPE_3_2_1",
                              "SCHEMAV_CVC_COMPLEX_TYPE_3_2_2"):
        return path, f"attribute {attribute.group(1)} is not allowed on {name}"
    if attribute:
        return path, f"attribute {attribute.group(1)} of {name} has a value the schema " \
                     "does not allow"
    value = _quoted(element.text or "")
    if kind == "SCHEMAV_ELEMENT_CONTENT":
        return _content(element, message, payload, schema)
    if kind == "SCHEMAV_CVC_DATATYPE_VALID_1_2_1":
        found = re.search(r"atomic type '([^']+)'", message)
        kind_name = _TYPES.get(found.group(1), found.group(1)) if found else None
        return path, (f"{value} is not a valid {kind_name}" if kind_name
                      else f"{value} is not a valid value for {name}")
    if kind == "SCHEMAV_CVC_ENUMERATION_VALID":
        allowed = re.findall(r"'([^']*)'", message.partition("set {")[2])
        return path, f"value {value} is not one of {', '.join(allowed)}"
    if kind == "SCHEMAV_CVC_MAXLENGTH_VALID":
        return path, f"{value} is longer than {_number(message, 'maximum length')} " \
                     "characters"
    if kind == "SCHEMAV_CVC_MINLENGTH_VALID":
        least = _number(message, "minimum length")
        if not element.text:
            return path, f"{name} is empty; it needs at least {least} character(s)"
        return path, f"{value} is shorter than {least} character(s)"
    if kind == "SCHEMAV_CVC_LENGTH_VALID":
        return path, f"{value} must be exactly {_number(message, 'length')} characters long"
    if kind == "SCHEMAV_CVC_PATTERN_VALID":
        pattern = re.search(r"pattern '(.*)'\.?$", message)
        return path, (f"{value} does not have the required form (pattern "
                      f"{pattern.group(1) if pattern else '?'})")
    if kind in ("SCHEMAV_CVC_MININCLUSIVE_VALID", "SCHEMAV_CVC_MINEXCLUSIVE_VALID"):
        return path, f"{value} is below the smallest value allowed"
    if kind in ("SCHEMAV_CVC_MAXINCLUSIVE_VALID", "SCHEMAV_CVC_MAXEXCLUSIVE_VALID"):
        return path, f"{value} is above the largest value allowed"
    if kind in ("SCHEMAV_CVC_TOTALDIGITS_VALID", "SCHEMAV_CVC_FRACTIONDIGITS_VALID"):
        return path, f"{value} has more digits than allowed"
    if kind == "SCHEMAV_CVC_TYPE_3_1_2":
        return path, f"{name} must hold a value only, not child elements"
    if kind == "SCHEMAV_CVC_COMPLEX_TYPE_2_3":
        return path, f"{name} must hold elements only, not text"
    if kind == "SCHEMAV_CVC_ELT_3_1":
        return path, f"{name} may not be nil (xsi:nil)"
    if kind == "SCHEMAV_CVC_ELT_1":
        return path, f"{name} is no operation of this service"
    return path, f"{name} breaks XML Schema rule {_rule(kind)}"


def _content(element, message: str, payload, schema) -> tuple[str, str]:
    """Elements missing, unexpected or out of order (libxml2's "element content").

    libxml2 names the elements that could come next, not whether they are required,
    nor whether the element it found is unknown or merely early. Asking the schema
    again without the element found settles it: if the expected one is still wanted
    there, it is missing; otherwise the element found is the one not allowed.
    """
    listed = re.search(r"Expected is (?:one of )?\(([^)]*)\)", message)
    expected = [_local(n.strip()) for n in listed.group(1).split(",")] if listed else []
    name = etree.QName(element).localname
    if "Missing child element" in message:          # ``element`` is the parent
        children = [c for c in element if isinstance(c.tag, str)]
        where = (f"after {etree.QName(children[-1]).localname}" if children
                 else f"in the empty {name}")
        if len(expected) == 1:
            return path_of(element, payload), \
                f"required element {expected[0]} is missing {where}"
        return path_of(element, payload), \
            f"an element is missing {where}: expected {_one_of(expected)}"
    parent = element.getparent()
    previous = element.getprevious()
    while previous is not None and not isinstance(previous.tag, str):
        previous = previous.getprevious()
    after = (f"after {etree.QName(previous).localname}" if previous is not None
             else f"at the start of {etree.QName(parent).localname}")
    path = path_of(element, payload)
    namespace = etree.QName(element).namespace
    if name in expected and namespace != _namespace_of(message, name):
        return path, f"element {name} is in the wrong namespace ({namespace or 'none'})"
    if not expected:
        return path, f"element {name} is not allowed {after}"
    if len(expected) == 1 and _still_wanted(payload, element, expected[0], schema):
        return path_of(parent, payload), \
            f"required element {expected[0]} is missing {after} (found {name})"
    return path, f"element {name} is not allowed {after}; expected {_one_of(expected)}"


def _still_wanted(payload, element, expected: str, schema) -> bool:
    """Whether, with ``element`` taken out, the schema still asks for ``expected``
    in the same parent: then it is required there and missing."""
    steps = []
    node = element
    while node is not payload:
        steps.append(node.getparent().index(node))
        node = node.getparent()
    clone = copy.deepcopy(payload)
    parent = clone
    for index in reversed(steps[1:]):
        parent = parent[index]
    parent.remove(parent[steps[0]])
    if schema.validate(clone):
        return False
    return any(entry.type_name == "SCHEMAV_ELEMENT_CONTENT"
               and "Expected is" in entry.message
               and expected in [_local(n.strip()) for n in re.search(
                   r"\(([^)]*)\)", entry.message.partition("Expected is")[2])
                   .group(1).split(",")]
               for entry in schema.error_log)


def path_of(element, payload) -> str:
    """``/RegistreerInschrijving/Verzoek/…/Geboortedatum``: local names from the
    operation down, with ``[n]`` where an element has siblings of the same name."""
    steps = []
    node = element
    while True:
        step = etree.QName(node).localname
        parent = node.getparent()
        if node is not payload and parent is not None:
            same = [s for s in parent if s.tag == node.tag]
            if len(same) > 1:
                step += f"[{same.index(node) + 1}]"
        steps.append(step)
        if node is payload or parent is None:
            return "/" + "/".join(reversed(steps))
        node = parent


def _libxml2_paths(payload) -> dict:
    """Every element of the payload by the path libxml2 gives in its errors.

    lxml validates a subtree as if it were a document of its own, so libxml2's paths
    start at the payload; ``getpath`` is the same libxml2 function on the whole tree.
    """
    tree = payload.getroottree()
    cut = tree.getpath(payload).rindex("/")
    return {tree.getpath(e)[cut:]: e for e in payload.iter() if isinstance(e.tag, str)}


def _plain_path(path: str | None) -> str:
    return re.sub(r"(^|/)[\w.-]+:", r"\1", path or "") or "/"


def _quoted(text: str) -> str:
    clean = "".join(c if c.isprintable() else "?" for c in text[:_VALUE_LIMIT])
    return f"'{clean}…'" if len(text) > _VALUE_LIMIT else f"'{clean}'"


def _number(message: str, facet: str) -> str:
    found = re.search(facet + r" of '(\d+)'", message)
    return found.group(1) if found else "?"


def _one_of(names: list[str]) -> str:
    return names[0] if len(names) == 1 else "one of " + ", ".join(names)


def _local(name: str) -> str:
    return name.rsplit("}", 1)[-1]


def _namespace_of(message: str, name: str) -> str | None:
    found = re.search(r"\{([^}]*)\}" + re.escape(name) + r"\b", message.partition(
        "Expected is")[2])
    return found.group(1) if found else None


def _rule(type_name: str) -> str:
    """``SCHEMAV_CVC_TOTALDIGITS_VALID`` → ``cvc-totaldigits-valid`` (the rule's name
    in XML Schema Part 1, appendix C), never libxml2's message."""
    rule = type_name.removeprefix("SCHEMAV_").lower().replace("_", "-")
    return rule if rule.startswith("cvc") else "of the schema"
