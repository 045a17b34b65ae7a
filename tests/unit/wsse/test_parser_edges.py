"""The parser's limits at their exact edges, and what each refusal answers with.

STRICT's limits are pinned here by behaviour: the last accepted size and the first
refused one, for bytes, depth, elements, attributes and namespace declarations.

Equivalent mutants of client/wsse/parser.py (tools/mutation.py):

- ``event == "end"`` turned into ``<=``: of the four events asked for ("start", "end",
  "start-ns", "pi") only "end" sorts at or below "end".
- In the check on the parsed document, either ``or`` turned into ``and``, and the loop
  over the root's siblings made empty or one-sided: all defence in depth behind checks that refuse the same documents first (a DTD
  always sets ``docinfo.doctype``; iterparse reports every processing instruction,
  also those around the root, as a "pi" event).
- ``event == "start-ns"`` turned into ``>=``: "start" was handled before, and "pi"
  sorts below it.
- ``xml_version != "1.0"`` turned into ``>``: libxml2 itself refuses versions below
  1.0 ("Unsupported version").
- ``resolve_entities``, ``no_network``, ``load_dtd`` or ``attribute_defaults`` flipped:
  entity declarations and DOCTYPEs are refused before any entity, DTD or default
  attribute could be read.
- ``huge_tree=False`` turned into ``True``: it lifts libxml2's own caps (10 MB text
  nodes, depth 256), which lie beyond the policy's byte and depth limits.
"""
from __future__ import annotations

import pytest
from lxml import etree

from discimus_client.wsse.errors import ForbiddenXml, MalformedXml, MessageTooLarge
from discimus_client.wsse.parser import parse_xml
from discimus_client.wsse.policy import STRICT


def nested(depth: int) -> bytes:
    return b"<e>" * depth + b"</e>" * depth


def attributes(count: int) -> bytes:
    return b"<a " + b" ".join(b'x%d="1"' % i for i in range(count)) + b"/>"


def namespaces(count: int) -> bytes:
    return b"<a " + b" ".join(b'xmlns:n%d="u:%d"' % (i, i) for i in range(count)) + b"/>"


def elements(count: int) -> bytes:
    return b"<a>" + b"<b/>" * (count - 1) + b"</a>"


def padded(size: int) -> bytes:
    return b"<a>" + b" " * (size - len(b"<a></a>")) + b"</a>"


@pytest.mark.parametrize("build, limit", [
    (nested, STRICT.max_depth), (attributes, STRICT.max_attributes_per_element),
    (namespaces, STRICT.max_namespace_declarations), (elements, STRICT.max_elements),
], ids=["depth", "attributes", "namespaces", "elements"])
def test_each_structural_limit_accepts_its_value_and_refuses_one_more(build, limit):
    parse_xml(build(limit), STRICT)
    with pytest.raises(MessageTooLarge) as refused:
        parse_xml(build(limit + 1), STRICT)
    assert refused.value.http_status == 500   # inside an accepted body: a plain fault


def test_the_strict_limits_are_the_documented_ones():
    assert (STRICT.max_bytes, STRICT.max_depth, STRICT.max_elements,
            STRICT.max_attributes_per_element, STRICT.max_namespace_declarations) == (
        1_000_000, 64, 10_000, 50, 100)


def test_the_byte_cap_accepts_exactly_the_limit():
    parse_xml(padded(STRICT.max_bytes), STRICT)
    with pytest.raises(MessageTooLarge) as refused:
        parse_xml(padded(STRICT.max_bytes + 1), STRICT)
    assert refused.value.http_status == 413


def test_depth_counts_down_again_after_each_element():
    # Many siblings, each nested to the limit: only the current depth counts.
    limit = STRICT.max_depth
    parse_xml(b"<r>" + nested(limit - 1) * 5 + b"</r>", STRICT)


def test_closed_siblings_do_not_make_room_for_deeper_nesting():
    limit = STRICT.max_depth
    with pytest.raises(MessageTooLarge):
        parse_xml(b"<r>" + b"<x/>" * 3 + nested(limit) + b"</r>", STRICT)


def test_namespace_declarations_count_over_the_whole_document():
    half = STRICT.max_namespace_declarations // 2 + 1
    one = b" ".join(b'xmlns:n%d="u:%d"' % (i, i) for i in range(half))
    with pytest.raises(MessageTooLarge):
        parse_xml(b"<a " + one + b"><b " + one + b"/></a>", STRICT)


@pytest.mark.parametrize("data", [b"<!-- routing --><a/>", b"<a/><!-- done -->",
                                  b"<?xml version='1.0'?>\n<a/>\n"])
def test_comments_and_the_declaration_around_the_root_are_fine(data):
    assert parse_xml(data, STRICT).tag == "a"


@pytest.mark.parametrize("data", [b"<a/><?pi after?>", b"<?pi before?><a/>"])
def test_processing_instructions_around_the_root_are_refused(data):
    with pytest.raises(ForbiddenXml):
        parse_xml(data, STRICT)


def test_comments_inside_are_kept_for_the_envelope_check():
    # The envelope refuses comments in the Body (they split signed values); a parser
    # that dropped them would hide them from that check.
    root = parse_xml(b"<a><!-- c --><b/></a>", STRICT)
    assert isinstance(root[0], etree._Comment)


def test_a_doctype_without_internal_subset_hidden_by_utf16_is_refused():
    with pytest.raises(ForbiddenXml):
        parse_xml('<!DOCTYPE a SYSTEM "x.dtd"><a/>'.encode("utf-16"), STRICT)


def test_an_unknown_xml_version_is_named_by_its_first_10_characters():
    with pytest.raises(MalformedXml) as refused:
        parse_xml(b'<?xml version="1.12345678901"?><a/>', STRICT)
    assert refused.value.message.endswith("declares XML 1.12345678")


def test_whitespace_between_elements_is_kept_as_sent():
    # Signed content is digested as sent: the parser may not drop blank text.
    root = parse_xml(b"<a>\n  <b/>\n</a>", STRICT)
    assert root.text == "\n  " and root[0].tail == "\n"


@pytest.mark.parametrize("data", [b"   \n ", b"\n"])
def test_a_message_of_whitespace_is_empty(data):
    with pytest.raises(MalformedXml, match="empty"):
        parse_xml(data, STRICT)


@pytest.mark.parametrize("data", [b'<!ENTITY x "y"><a/>', b"<a><!DOCTYPE a></a>"])
def test_entity_and_doctype_bytes_are_refused_early(data):
    with pytest.raises(ForbiddenXml):
        parse_xml(data, STRICT)


def test_an_unknown_encoding_is_refused_as_malformed():
    with pytest.raises(MalformedXml, match="encoding"):
        parse_xml(b'<?xml version="1.0" encoding="x-nothing"?><a/>', STRICT)


def test_a_syntax_error_is_reported_in_at_most_80_printable_characters():
    with pytest.raises(MalformedXml) as refused:
        parse_xml(b"<" + b"a" * 100 + b"></" + b"b" * 100 + b">", STRICT)
    detail = refused.value.message.removeprefix("the message is not well-formed XML: ")
    assert detail == ("Opening and ending tag mismatch: " + "a" * 100)[:80]


def test_a_syntax_error_says_what_without_where():
    with pytest.raises(MalformedXml) as refused:
        parse_xml(b"<a>\x01</a>", STRICT)
    assert refused.value.message == ("the message is not well-formed XML: PCDATA invalid "
                                     "Char value 1")
