"""Every published contract follows the conventions (README, "Services and contracts").

The checks live in ``conventions.py``; the last tests plant each fault in a small
contract and show the check finds it, so none of these tests passes by being blind.
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from lxml import etree

from discimus_service.app import SERVICES
from discimus_service.soap import policy
from tests.contract import conventions as c

ROOT = Path(__file__).resolve().parents[2]
NAMES = [path.strip("/") for path in SERVICES]

# Distinct concepts whose restrictions happen to coincide. The schemas leave content
# rules to the service, so that a refusal carries a precise code (README code table);
# merging these would tie unrelated concepts together.
COINCIDENCES = {
    "NISLandcodeType = UitzonderingIdentificatieType":
        "a country code and an exception code are both five digits",
    "INSZType = VestigingsplaatsType": "an INSZ (with separators) and an establishment "
                                       "both fit in 20 characters",
    "PostcodeType = StamnummerType": "a postcode and a stamnummer both fit in 10 "
                                     "characters",
}


def _wsdl(name: str) -> etree._Element:
    return etree.parse(str(ROOT / "wsdl" / f"{name}.wsdl")).getroot()


@pytest.fixture(params=NAMES)
def wsdl(request):
    return _wsdl(request.param)


def test_every_type_element_and_code_value_is_documented(wsdl):
    assert c.undocumented(wsdl) == []


def test_one_type_per_concept(wsdl):
    assert [d for d in c.duplicates(wsdl) if d not in COINCIDENCES] == []


def test_no_unused_types(wsdl):
    assert c.unused(wsdl) == []


def test_only_the_operations_wrappers_are_global_elements(wsdl):
    assert c.global_elements_that_are_not_operations(wsdl) == []


def test_type_names_are_concept_type(wsdl):
    assert c.badly_named_types(wsdl) == []


def test_nothing_is_nillable(wsdl):
    assert c.nillable(wsdl) == []


def test_only_namespaces_in_use_are_declared_once(wsdl):
    assert c.unused_namespaces(wsdl) == []


def test_soap_action_is_the_operation_name(wsdl):
    actions = c.soap_actions(wsdl)
    assert actions and all(action == name for name, action in actions.items())


def test_the_binding_requires_the_signed_exchange_policy(wsdl):
    binding = wsdl.find(f"{{{c.WSDL}}}binding")
    reference = binding.find(f"{{{policy.WSP}}}PolicyReference")
    found = wsdl.find(f"{{{policy.WSP}}}Policy")
    assert reference.get("URI") == "#" + found.get(f"{{{policy.WSU}}}Id")
    claimed = {etree.QName(e).localname for e in found.iter() if isinstance(e.tag, str)
               and etree.QName(e).namespace == policy.SP}
    assert {"AsymmetricBinding", "InitiatorToken", "RecipientToken", "X509Token",
            "WssX509V3Token10", "Basic256Sha256", "IncludeTimestamp",
            "OnlySignEntireHeadersAndBody", "SignedParts", "Body", "Wss10",
            "Lax"} == claimed - {"AlgorithmSuite", "Layout"}


@pytest.mark.parametrize("name", NAMES)
def test_pretty_printed(name):
    lines = (ROOT / "wsdl" / f"{name}.wsdl").read_text().splitlines()
    assert len(lines) > 100 and sorted(map(len, lines))[len(lines) // 2] < 100


def test_the_same_contract_whatever_the_hash_seed():
    """spyne orders types by set iteration: the export must not."""
    script = ("import sys; from discimus_service.app import SERVICES; "
              "from discimus_service.contracts import served_wsdl; "
              "sys.stdout.buffer.write(served_wsdl('/inschrijving', "
              "SERVICES['/inschrijving'][1]))")
    outputs = {subprocess.run([sys.executable, "-c", script], check=True,
                              capture_output=True,
                              env={**os.environ, "PYTHONHASHSEED": seed}).stdout
               for seed in ("1", "2")}
    assert outputs == {(ROOT / "wsdl" / "inschrijving.wsdl").read_bytes()}


# -- the checks find what they look for ---------------------------------------------------
_BAD = b"""<wsdl:definitions xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/"
    xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:t="urn:t"
    xmlns:unused="urn:unused" xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/">
  <wsdl:types>
    <xs:schema targetNamespace="urn:t">
      <xs:simpleType name="CodeType">
        <xs:annotation><xs:documentation>A code.</xs:documentation></xs:annotation>
        <xs:restriction base="xs:string">
          <xs:enumeration value="A"><xs:annotation><xs:documentation>a</xs:documentation>
          </xs:annotation></xs:enumeration>
          <xs:enumeration value="B"/>
        </xs:restriction>
      </xs:simpleType>
      <xs:simpleType name="Parent_CodeType">
        <xs:restriction base="xs:string">
          <xs:enumeration value="A"/><xs:enumeration value="B"/>
        </xs:restriction>
      </xs:simpleType>
      <xs:complexType name="VraagType">
        <xs:annotation><xs:documentation>Q.</xs:documentation></xs:annotation>
        <xs:sequence>
          <xs:element name="Code" type="t:CodeType" minOccurs="0" nillable="true"/>
        </xs:sequence>
      </xs:complexType>
      <xs:element name="Vraag" type="t:VraagType">
        <xs:annotation><xs:documentation>Q.</xs:documentation></xs:annotation>
      </xs:element>
      <xs:element name="VraagType" type="t:VraagType"/>
    </xs:schema>
  </wsdl:types>
  <wsdl:message name="M"><wsdl:part name="p" element="t:Vraag"/></wsdl:message>
  <wsdl:binding name="B" type="t:P">
    <wsdl:operation name="Vraag"><soap:operation soapAction="urn:other"/></wsdl:operation>
  </wsdl:binding>
</wsdl:definitions>"""


def test_the_checks_find_planted_faults():
    bad = etree.fromstring(_BAD)
    assert sorted(p.split(" (")[0] for p in c.undocumented(bad)) == [
        "element Code", "element VraagType", "enumeration A", "enumeration B",
        "enumeration B", "simpleType Parent_CodeType"]
    assert c.duplicates(bad) == ["CodeType = Parent_CodeType"]
    assert c.unused(bad) == ["Parent_CodeType"]
    assert c.global_elements_that_are_not_operations(bad) == ["VraagType"]
    assert c.badly_named_types(bad) == ["Parent_CodeType"]
    assert c.nillable(bad) == ["Code"]
    assert c.unused_namespaces(bad) == ["xmlns:unused"]
    assert c.soap_actions(bad) == {"Vraag": "urn:other"}


# -- the messages exchanged are what the contract says ------------------------------------
def _golden():
    from discimus_fixtures import golden_pairs  # noqa: F401  (the package's data folder)
    from importlib import resources
    folder = Path(str(resources.files("discimus_fixtures").joinpath("golden")))
    return sorted(folder.glob("*.xml"))


@pytest.mark.parametrize("message", _golden(), ids=lambda p: p.name)
def test_golden_messages_are_valid_against_the_committed_schema(message):
    """Required answer fields are really always there, and requests fit the schema."""
    from copy import deepcopy
    schema = etree.XMLSchema(etree.parse(str(ROOT / "xsd" / "inschrijving-01.00.xsd")))
    body = etree.parse(str(message)).getroot().find(
        "{http://schemas.xmlsoap.org/soap/envelope/}Body")
    payload = deepcopy(body[0])
    assert schema.validate(payload), schema.error_log.last_error
