"""An independent code generator (xsdata) reads the DKO WSDL: every operation, the code
meanings as documentation, and a request it builds is valid against the committed XSD."""
from __future__ import annotations

import datetime as dt
import importlib
import os
import subprocess
import sys
from pathlib import Path

import pytest
from lxml import etree
from xsdata.formats.dataclass.serializers import XmlSerializer
from xsdata.formats.dataclass.serializers.config import SerializerConfig
from xsdata.models.datatype import XmlDate

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = "discimus_generated_dko"


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    out = tmp_path_factory.mktemp("xsdata-dko")
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}"
                                 f"{os.environ.get('PATH', '')}"}
    subprocess.run([sys.executable, "-m", "xsdata", "generate",
                    str(ROOT / "wsdl" / "dko.wsdl"), "--package", PACKAGE],
                   cwd=out, env=env, check=True, capture_output=True)
    sys.path.insert(0, str(out))
    try:
        yield importlib.import_module(PACKAGE)
    finally:
        sys.path.remove(str(out))
        for name in [n for n in sys.modules if n.split(".")[0] == PACKAGE]:
            del sys.modules[name]


def test_every_operation_and_documentation_is_generated(generated):
    for operation in ("RegistreerDkoInschrijving", "CorrigeerDkoInschrijving",
                      "RegistreerDkoUitschrijving", "GeefIdentificatienummers"):
        assert hasattr(generated, operation) and hasattr(generated, operation + "Response")
    kinds = " ".join(generated.IdentificatienummerSoortType.__doc__.split())
    assert ":cvar PSEUDO: No national register number exists" in kinds
    fees = " ".join(generated.TariefcategorieType.__doc__.split())
    assert "1900 BEF" in fees


def test_a_generated_registration_is_valid_against_the_committed_schema(generated):
    g = generated
    inhoud = g.DkoInschrijvingVraagInhoudType(
        leerling=g.LeerlingType(
            stamnummer="2600431", voornaam="Noor", naam="Van Damme",
            geboortedatum=XmlDate.from_date(dt.date(2013, 5, 21)),
            geslacht=g.GeslachtType.V, nationaliteit="00150",
            adres=g.AdresType(straat="Kerkstraat", huisnummer="12", postcode="905001",
                              land="00150")),
        inschrijving=g.DkoInschrijvingType(
            instellingsnummer="130001", schooljaar=2026,
            studierichting=g.StudierichtingType.MU, tariefcategorie=g.TariefcategorieType.J,
            datum_inschrijving=XmlDate(2026, 9, 2)))
    xml = XmlSerializer(config=SerializerConfig(xml_declaration=False)).render(
        inhoud, ns_map={None: "urn:discimus-emulator:dko:01.00"})
    element = etree.fromstring(xml.encode())
    schema_doc = etree.parse(str(ROOT / "xsd" / "dko-01.00.xsd"))
    # Validate the Inhoud as its named type: wrap the type in a throwaway element.
    xs = "http://www.w3.org/2001/XMLSchema"
    etree.SubElement(schema_doc.getroot(), f"{{{xs}}}element", name="Probe",
                     type=_qualified(schema_doc.getroot(), "DkoInschrijvingVraagInhoudType"))
    schema = etree.XMLSchema(schema_doc)
    element.tag = "{urn:discimus-emulator:dko:01.00}Probe"
    schema.assertValid(element)


def _qualified(root, name: str) -> str:
    target = root.get("targetNamespace")
    prefix = next(p for p, uri in root.nsmap.items() if uri == target and p)
    return f"{prefix}:{name}"
