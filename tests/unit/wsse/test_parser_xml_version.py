"""Only XML 1.0: libxml2 reads a 1.1 document with 1.0 rules and just records 1.1."""
import pytest

from discimus_client.wsse.errors import MalformedXml
from discimus_client.wsse.parser import parse_xml
from discimus_client.wsse.policy import STRICT

ENVELOPE = ('<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/">'
            '<s:Body><x/></s:Body></s:Envelope>')


@pytest.mark.parametrize("declaration", ['<?xml version="1.1"?>',
                                         "<?xml version='1.1' encoding='UTF-8'?>"])
def test_an_xml_1_1_declaration_is_refused(declaration):
    with pytest.raises(MalformedXml) as caught:
        parse_xml((declaration + ENVELOPE).encode(), STRICT)
    assert caught.value.faultstring == ("[S100] only XML 1.0 is accepted; the message "
                                        "declares XML 1.1")


@pytest.mark.parametrize("declaration", ["", '<?xml version="1.0" encoding="UTF-8"?>'])
def test_xml_1_0_with_or_without_declaration_parses(declaration):
    assert parse_xml((declaration + ENVELOPE).encode(), STRICT).tag.endswith("Envelope")
