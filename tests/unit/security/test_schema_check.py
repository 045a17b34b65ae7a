"""S115 in plain words: each kind of schema error, on a small schema of its own."""
from __future__ import annotations

import pytest
from lxml import etree

from discimus_client.wsse.errors import SchemaViolation
from discimus_service.security.schema_check import BodySchema

NS = "urn:test:schema"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
XSD = f"""<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="{NS}"
    xmlns:t="{NS}" elementFormDefault="qualified">
  <xs:element name="Vraag">
    <xs:complexType><xs:sequence>
      <xs:element name="Code"><xs:simpleType><xs:restriction base="xs:string">
        <xs:maxLength value="7"/></xs:restriction></xs:simpleType></xs:element>
      <xs:element name="Naam" type="xs:string"/>
      <xs:element name="Datum" type="xs:date"/>
      <xs:element name="Aantal" type="xs:integer" minOccurs="0"/>
      <xs:element name="Soort"><xs:simpleType><xs:restriction base="xs:string">
        <xs:enumeration value="M"/><xs:enumeration value="V"/><xs:enumeration value="X"/>
      </xs:restriction></xs:simpleType></xs:element>
      <xs:element name="Groep" minOccurs="0"><xs:complexType><xs:sequence>
        <xs:element name="Lid" type="xs:string" maxOccurs="3"/>
      </xs:sequence></xs:complexType></xs:element>
    </xs:sequence></xs:complexType>
  </xs:element>
</xs:schema>"""
VALID = {"Code": "ABC", "Naam": "Jan", "Datum": "2012-03-15", "Soort": "M"}


@pytest.fixture(scope="module")
def schema():
    return BodySchema(etree.XMLSchema(etree.fromstring(XSD)))


def message(fields: dict | None = None, extra: str = "", attrs: str = "") -> bytes:
    fields = {**VALID, **(fields or {})}
    inner = "".join(f"\n  <t:{k}{attrs if k == 'Naam' else ''}>{v}</t:{k}>"
                    for k, v in fields.items() if v is not None)
    return (f'<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/">\n'
            f'<soap:Body>\n<t:Vraag xmlns:t="{NS}">{inner}{extra}\n</t:Vraag>\n'
            f'</soap:Body></soap:Envelope>').encode()


def fault(schema, data: bytes) -> str:
    payload = etree.fromstring(data)[0][0]
    with pytest.raises(SchemaViolation) as raised:
        schema.check(payload)
    text = raised.value.message
    assert "SCHEMAV" not in text and "{urn:" not in text and "ERROR" not in text, text
    return text


def test_a_valid_payload_passes(schema):
    schema.check(etree.fromstring(message())[0][0])


@pytest.mark.parametrize("fields, extra, attrs, words", [
    ({"Datum": "2012-13-45"}, "", "",
     "/Vraag/Datum (line 6): '2012-13-45' is not a valid date (xs:date"),
    ({"Code": "ABCDEFGH"}, "", "", "/Vraag/Code (line 4): 'ABCDEFGH' is longer than 7 "
                                   "characters"),
    ({"Soort": "Q"}, "", "", "/Vraag/Soort (line 7): value 'Q' is not one of M, V, X"),
    ({"Aantal": "twee", "Soort": None}, "<t:Soort>M</t:Soort>", "",
     "/Vraag/Aantal (line 7): 'twee' is not a valid whole number (xs:integer)"),
    # Reported on the parent, at the line where the missing element was due.
    ({"Naam": None}, "", "", "/Vraag (line 5): required element Naam is missing after "
                             "Code (found Datum)"),
    ({"Soort": None}, "", "", "/Vraag (line 3): an element is missing after Datum: "
                              "expected one of Aantal, Soort"),
    ({}, "<t:Groep/>", "", "/Vraag/Groep (line 7): required element Lid is missing in "
                           "the empty Groep"),
    ({}, "<t:Groep><t:Lid>a</t:Lid><t:Lid>b</t:Lid><t:Lid>c</t:Lid><t:Lid>d</t:Lid>"
         "</t:Groep>", "", "/Vraag/Groep/Lid[4] (line 7): element Lid is not allowed "
                           "after Lid"),
    # Groep is the only element that could follow, but it is optional: Bijnaam is wrong.
    ({}, "<t:Bijnaam>x</t:Bijnaam>", "", "/Vraag/Bijnaam (line 7): element Bijnaam is "
                                         "not allowed after Soort; expected Groep"),
    ({}, "", ' kleur="rood"', "/Vraag/Naam (line 5): attribute kleur is not allowed on "
                              "Naam"),
    ({"Naam": "<t:Voornaam/>"}, "", "", "/Vraag/Naam (line 5): Naam must hold a value "
                                        "only, not child elements"),
    ({}, "<t:Groep>tekst<t:Lid>a</t:Lid></t:Groep>", "",
     "/Vraag/Groep (line 7): Groep must hold elements only, not text"),
    ({"Naam": None, "Datum": None}, "<t:Naam>Jan</t:Naam><t:Datum>2012-03-15</t:Datum>",
     "", "/Vraag/Soort (line 5): element Soort is not allowed after Code; expected Naam"),
    ({"Naam": ""}, "", f' xmlns:xsi="{XSI}" xsi:type="xs:int"',
     "/Vraag/Naam (line 5): attribute type of Naam has a value the schema does not allow"),
    ({"Naam": ""}, "", f' xmlns:xsi="{XSI}" xsi:nil="true"',
     "/Vraag/Naam (line 5): Naam may not be nil (xsi:nil)"),
], ids=["date", "max-length", "enumeration", "integer", "missing-in-the-middle",
        "missing-at-the-end", "missing-in-empty", "too-many", "unknown", "attribute",
        "children-in-simple", "text-in-complex", "out-of-order", "attribute-value",
        "nil"])
def test_each_kind_of_error_is_said_in_plain_words_with_path_and_line(
        schema, fields, extra, attrs, words):
    assert words in fault(schema, message(fields, extra, attrs))


def test_an_element_in_another_namespace_is_named_as_such(schema):
    data = message({"Naam": None}).replace(
        b"<t:Datum>", b'<Naam xmlns="urn:other">x</Naam><t:Datum>')
    assert "/Vraag/Naam (line 5): element Naam is in the wrong namespace (urn:other)" \
        in fault(schema, data)


def test_a_long_value_is_cut_and_cleaned(schema):
    text = fault(schema, message({"Datum": "9" * 100 + "\t\u200b"}))
    assert "'" + "9" * 40 + "…'" in text


def test_at_most_three_problems_are_named_and_the_rest_counted(schema):
    data = message({"Code": "ABCDEFGH", "Datum": "x"}, attrs=' a="1"')
    data = data.replace(b"<t:Soort>M", b"<t:Soort>Q")
    text = fault(schema, data)
    assert text.count("/Vraag/") == 3 and text.endswith("; and 1 more")


def test_an_application_that_validates_nothing_gets_its_schema_from_its_interface():
    from spyne import Application, ServiceBase, rpc
    from spyne.model.primitive import Date, Unicode
    from spyne.protocol.soap import Soap11

    class Service(ServiceBase):
        @rpc(Date, _returns=Unicode)
        def Vraag(ctx, datum):          # noqa: N802,N805  (spyne's method style)
            return str(datum)

    application = Application([Service], tns=NS, in_protocol=Soap11(),
                              out_protocol=Soap11())
    payload = etree.fromstring(f'<t:Vraag xmlns:t="{NS}"><t:datum>2012-13-45</t:datum>'
                               f'</t:Vraag>'.encode())
    with pytest.raises(SchemaViolation, match=r"/Vraag/datum \(line 1\): '2012-13-45' "
                                              r"is not a valid date"):
        BodySchema.of(application).check(payload)


def test_the_line_is_that_of_the_message_as_sent_even_past_65535(schema):
    data = message({"Datum": "2012-13-45"}).replace(b"<t:Code>", b"\n" * 70000 + b"<t:Code>")
    assert "/Vraag/Datum (line 70006): " in fault(schema, data)
