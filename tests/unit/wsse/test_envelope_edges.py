"""Envelope shape checks at their edges: what is tolerated, and what is not.

Equivalent mutant of client/wsse/envelope.py (tools/mutation.py): ``securities[0]``
turned into ``securities[-1]``: more than one Security header was refused just before.
"""
from __future__ import annotations

import pytest
from lxml import etree

from discimus_client.wsse.envelope import check_envelope
from discimus_client.wsse.errors import (
    ForbiddenXml, InvalidEnvelope, MustUnderstandFault, SecurityHeaderMissing,
)
from discimus_client.wsse.policy import STRICT

S = "http://schemas.xmlsoap.org/soap/envelope/"
W = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd"
SEC = "<s:Header><w:Security/></s:Header>"


def env(inner: str, *, root: str = "s:Envelope") -> etree._Element:
    return etree.fromstring(f'<{root} xmlns:s="{S}" xmlns:w="{W}">{inner}</{root}>')


def check(inner: str, require_security=True, **kw):
    return check_envelope(env(inner, **kw), STRICT, require_security=require_security)


def test_whitespace_and_comments_between_the_parts_are_tolerated():
    e = check("\n  <!-- note -->" + SEC + "\n  <!-- note -->\n  <s:Body>\n <op/>\n </s:Body>\n")
    assert e.payload.tag == "op" and e.header is not None


def test_a_comment_in_the_header_is_not_a_header_block():
    e = check("<s:Header><!-- note --><w:Security/></s:Header><s:Body><op/></s:Body>")
    assert e.security.tag == f"{{{W}}}Security"


@pytest.mark.parametrize("inner", [
    "text" + SEC + "<s:Body><op/></s:Body>",
    SEC + "tail<s:Body><op/></s:Body>",
    SEC + "<s:Body><op/></s:Body>tail",
    SEC + "<s:Body><op/>tail</s:Body>",
])
def test_text_outside_the_elements_is_refused(inner):
    with pytest.raises(InvalidEnvelope):
        check(inner)


def test_a_processing_instruction_in_the_envelope_is_refused():
    root = env(SEC + "<s:Body><op/></s:Body>")
    root.insert(0, etree.ProcessingInstruction("pi", "x"))
    with pytest.raises(InvalidEnvelope):
        check_envelope(root, STRICT, require_security=True)


@pytest.mark.parametrize("inner", ["", SEC, SEC + "<s:Body/>", SEC + "<s:Body><!--x--></s:Body>",
                                   SEC + "<s:Foo/><s:Body><op/></s:Body>"])
def test_the_body_must_be_there_with_one_element(inner):
    with pytest.raises((InvalidEnvelope, ForbiddenXml)):
        check(inner)


def test_an_empty_body_is_an_invalid_envelope():
    with pytest.raises(InvalidEnvelope, match="not 0"):
        check(SEC + "<s:Body></s:Body>")


def test_another_root_is_not_an_envelope():
    with pytest.raises(InvalidEnvelope):
        check(SEC + "<s:Body><op/></s:Body>", root="s:Enveloppe")


@pytest.mark.parametrize("value", ["1", "true"])
def test_must_understand_one_or_true_on_an_unknown_header_is_refused(value):
    with pytest.raises(MustUnderstandFault):
        check(f'<s:Header><w:Security/><r:R xmlns:r="urn:r" s:mustUnderstand="{value}"/>'
              "</s:Header><s:Body><op/></s:Body>")


@pytest.mark.parametrize("value", ["0", "false"])
def test_must_understand_zero_or_false_is_ignored(value):
    check(f'<s:Header><w:Security/><r:R xmlns:r="urn:r" s:mustUnderstand="{value}"/>'
          "</s:Header><s:Body><op/></s:Body>")


def test_must_understand_on_the_security_header_is_understood():
    e = check('<s:Header><w:Security s:mustUnderstand="1"/></s:Header><s:Body><op/></s:Body>')
    assert e.security is not None


def test_a_must_understand_header_is_refused_even_when_security_is_not_required():
    with pytest.raises(MustUnderstandFault):
        check('<s:Header><r:R xmlns:r="urn:r" s:mustUnderstand="1"/></s:Header>'
              "<s:Body><op/></s:Body>", require_security=False)


def test_a_header_without_security_is_missing_security_when_required():
    with pytest.raises(SecurityHeaderMissing):
        check('<s:Header><r:R xmlns:r="urn:r"/></s:Header><s:Body><op/></s:Body>')
    assert check('<s:Header><r:R xmlns:r="urn:r"/></s:Header><s:Body><op/></s:Body>',
                 require_security=False).security is None


def test_the_refusal_names_what_the_envelope_holds():
    with pytest.raises(InvalidEnvelope) as refused:
        check(SEC + "<s:Body><op/></s:Body><s:Trailer/>")
    assert refused.value.message.endswith("(found: Header, Body, Trailer)")
