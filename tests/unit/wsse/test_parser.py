"""The hardened parser refuses what libxml2 would tolerate."""
import pytest

from discimus_client.wsse.errors import ForbiddenXml, MalformedXml, MessageTooLarge
from discimus_client.wsse.parser import parse_xml
from discimus_client.wsse.policy import STRICT

SOAP = "http://schemas.xmlsoap.org/soap/envelope/"


def test_a_plain_message_parses():
    root = parse_xml(f'<s:Envelope xmlns:s="{SOAP}"><s:Body><x/></s:Body></s:Envelope>'
                     .encode(), STRICT)
    assert root.tag == f"{{{SOAP}}}Envelope"


def test_a_doctype_hidden_by_utf16_is_still_refused():
    text = ('<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE a [<!ENTITY x "y">]>'
            '<a>&x;</a>')
    with pytest.raises(ForbiddenXml):
        parse_xml(text.encode("utf-16"), STRICT)


@pytest.mark.parametrize("data, error", [
    (b"", MalformedXml),
    (b"<a><b></a>", MalformedXml),
    (b'<?xml-stylesheet href="x"?><a/>', ForbiddenXml),
    (b"<a><?evil x?></a>", ForbiddenXml),
    (b"<a>" + b"<b>" * 65 + b"</b>" * 65 + b"</a>", MessageTooLarge),
    (b"<a " + b" ".join(b'x%d="1"' % i for i in range(60)) + b"/>", MessageTooLarge),
    (b"<a " + b" ".join(b'xmlns:n%d="u:%d"' % (i, i) for i in range(101)) + b"/>",
     MessageTooLarge),
    (b"<a>" + b"<b/>" * 10_001 + b"</a>", MessageTooLarge),
])
def test_refusals(data, error):
    with pytest.raises(error):
        parse_xml(data, STRICT)


def test_the_byte_cap_comes_before_parsing_and_answers_413():
    with pytest.raises(MessageTooLarge) as refused:
        parse_xml(b"<a>" + b" " * STRICT.max_bytes + b"</a>", STRICT)
    assert refused.value.http_status == 413


def test_a_structural_limit_is_an_ordinary_fault():
    with pytest.raises(MessageTooLarge) as refused:
        parse_xml(b"<a>" + b"<b/>" * 10_001 + b"</a>", STRICT)
    assert refused.value.http_status == 500
