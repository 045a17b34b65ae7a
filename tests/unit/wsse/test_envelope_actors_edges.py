"""Edges of the envelope checks added for actors, WS-Addressing and encryption.

Equivalent mutants of client/wsse/envelope.py (tools/mutation.py): ``children[0]``,
``payload[0]`` and ``securities[0]`` turned into ``[-1]``: each list holds exactly
one element there (checked just before).
"""
from __future__ import annotations

import dataclasses

import pytest
from lxml import etree

from discimus_client.wsse import ns
from discimus_client.wsse.envelope import check_envelope
from discimus_client.wsse.errors import (
    EncryptionNotSupported, InvalidEnvelope, MustUnderstandFault, SecurityHeaderMissing,
    UnsupportedSoapVersion,
)
from discimus_client.wsse.policy import STRICT

S = ns.SOAP11_ENV
W = ns.WSSE
X = "http://www.w3.org/2001/04/xmlenc#"
BODY = "<s:Body><op/></s:Body>"


def env(inner: str, root: str = f"{{{S}}}Envelope") -> etree._Element:
    element = etree.Element(root, nsmap={"s": S, "w": W, "x": X})
    for child in etree.fromstring(f'<wrap xmlns:s="{S}" xmlns:w="{W}" xmlns:x="{X}">'
                                  f"{inner}</wrap>"):
        element.append(child)
    return element


def check(inner: str, **kw):
    return check_envelope(env(inner, **kw), STRICT, require_security=True)


def header(*blocks: str) -> str:
    return "<s:Header>" + "".join(blocks) + "</s:Header>"


def security(actor: str | None = None, inner: str = "") -> str:
    attribute = f' s:actor="{actor}"' if actor is not None else ""
    return f"<w:Security{attribute}>{inner}</w:Security>"


def test_the_envelope_parts_cannot_be_changed():
    e = check(header(security()) + BODY)
    with pytest.raises(dataclasses.FrozenInstanceError):
        e.security = None


@pytest.mark.parametrize("root", ["{a:b}Envelope", "{urn:x}Envelope"])
def test_an_envelope_in_another_namespace_is_no_soap_envelope(root):
    # Namespaces that sort before and after SOAP 1.1's and SOAP 1.2's.
    with pytest.raises(InvalidEnvelope):
        check(header(security()) + BODY, root=root)


def test_soap_12_is_named():
    with pytest.raises(UnsupportedSoapVersion):
        check(header(security()) + BODY, root=f"{{{ns.SOAP12_ENV}}}Envelope")


def test_the_list_of_what_the_envelope_holds_is_cut_at_120_characters():
    with pytest.raises(InvalidEnvelope) as refused:
        check(header(security()) + BODY + "<s:Trailer/>" * 30)
    found = refused.value.message.split("(found: ", 1)[1][:-1]
    assert found == ("Header, Body, " + ", ".join(["Trailer"] * 30))[:120]


@pytest.mark.parametrize("actor", ["http://a.example/gateway", "urn:z:gateway"])
def test_a_security_header_for_another_actor_is_not_ours(actor):
    with pytest.raises(SecurityHeaderMissing) as refused:
        check(header(security(actor)) + BODY)
    assert f"soap:actor {actor!r}" in refused.value.message


def test_the_next_actor_is_us_even_with_spaces():
    e = check(header(security(f" {ns.SOAP11_NEXT_ACTOR} ")) + BODY)
    assert e.security is not None and e.foreign_security == ()


def test_a_foreign_security_header_before_ours_does_not_hide_ours():
    e = check(header(security("urn:other"), security()) + BODY)
    assert e.security.get(ns.ACTOR) is None
    assert [f.get(ns.ACTOR) for f in e.foreign_security] == ["urn:other"]


@pytest.mark.parametrize("tag", ["a:Route", "z:Route"])
def test_other_headers_are_neither_security_nor_foreign_security(tag):
    prefix = tag.split(":")[0]
    block = f'<{tag} xmlns:{prefix}="{prefix}:ns"/>'
    foreign = f'<{tag} xmlns:{prefix}="{prefix}:ns" s:actor="urn:other"/>'
    e = check(header(block, security(), foreign) + BODY)
    assert e.security.tag == ns.SECURITY and e.foreign_security == ()
    with pytest.raises(SecurityHeaderMissing) as refused:
        check(header(block, foreign) + BODY)
    assert "every message must be signed" in refused.value.message


def test_the_first_foreign_actor_is_named():
    with pytest.raises(SecurityHeaderMissing) as refused:
        check(header(security("urn:first"), security("urn:second")) + BODY)
    assert "'urn:first'" in refused.value.message


def test_a_long_actor_is_named_by_its_first_60_characters():
    actor = "urn:" + "a" * 100
    with pytest.raises(SecurityHeaderMissing) as refused:
        check(header(security(actor)) + BODY)
    assert f"soap:actor {actor[:60]!r}," in refused.value.message


def test_a_must_understand_ws_addressing_header_gets_the_wcf_advice():
    wsa = ns.WSA_NAMESPACES[0]
    with pytest.raises(MustUnderstandFault) as refused:
        check(header(security(), f'<a:Action xmlns:a="{wsa}" s:mustUnderstand="1">x'
                                 "</a:Action>") + BODY)
    assert "WS-Addressing" in refused.value.message
    with pytest.raises(MustUnderstandFault) as refused:
        check(header(security(), '<r:R xmlns:r="urn:r" s:mustUnderstand="1"/>') + BODY)
    assert "WS-Addressing" not in refused.value.message


def test_an_encrypted_body_is_refused():
    with pytest.raises(EncryptionNotSupported):
        check(header(security()) + "<s:Body><x:EncryptedData/></s:Body>")


def test_encryption_for_another_actor_does_not_hide_ours():
    foreign = security("urn:other", "<x:EncryptedKey/>")
    with pytest.raises(EncryptionNotSupported):
        check(header(foreign, security()) + "<s:Body><x:EncryptedData/></s:Body>")
    assert check(header(foreign, security()) + BODY).security is not None
