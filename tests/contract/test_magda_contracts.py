"""The MAGDA contracts: MAGDA's own schemas, unchanged, and WSDLs that include them."""
from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from discimus_service.contracts import magda_wsdl
from discimus_service.soap.magda import schemas
from discimus_service.soap.magda.catalogue import SERVICES
from discimus_service.soap.magda.wsdl import XSD_PREFIX
from tests import magda

ROOT = Path(__file__).resolve().parents[2]
XS = "http://www.w3.org/2001/XMLSchema"
IDS = [s.dienst for s in SERVICES]


@pytest.mark.parametrize("service", SERVICES, ids=IDS)
def test_the_committed_magda_wsdl_is_the_served_one(service):
    committed = ROOT / "wsdl" / "magda" / f"{service.dienst}.wsdl"
    assert committed.is_file(), "run `discimus contracts export` and commit wsdl/magda"
    assert magda_wsdl(service) == committed.read_bytes(), (
        f"{committed.name} drifted; if deliberate, run `make contracts` and commit it")


@pytest.mark.parametrize("service", SERVICES, ids=IDS)
def test_the_wsdl_types_are_magdas_request_and_response_schemas(service):
    """Its includes, resolved in the reference folder, declare both wrapper elements
    (the emulator's own designs, which MAGDA does not publish: in the package)."""
    folder = schemas.XSD_ROOT if service.own_design else magda.reference_root()
    root = etree.fromstring(magda_wsdl(service))
    schema = root.find(f"{{{'http://schemas.xmlsoap.org/wsdl/'}}}types/{{{XS}}}schema")
    assert schema.get("targetNamespace") == service.namespace
    for include in schema.iterfind(f"{{{XS}}}include"):
        location = include.get("schemaLocation")
        assert XSD_PREFIX in location
        local = folder / location.split(XSD_PREFIX, 1)[1]
        assert local.is_file(), location
        include.set("schemaLocation", local.as_uri())
    compiled = etree.XMLSchema(schema)
    wrapper = etree.Element(service.request_tag)
    assert not compiled.validate(wrapper)          # known element, but incomplete
    assert "No matching global declaration" not in str(compiled.error_log)
    binding = root.find(".//{http://schemas.xmlsoap.org/wsdl/soap/}operation")
    assert binding.get("soapAction") == ""


def test_the_packaged_schemas_are_the_reference_unchanged():
    reference = magda.reference_root()
    shipped = sorted(p.relative_to(reference).as_posix() for p in reference.rglob("*")
                     if p.is_file())
    assert shipped
    for name in shipped:
        assert schemas.read_served(name) == (reference / name).read_bytes(), name


@pytest.mark.parametrize("service", SERVICES, ids=IDS)
def test_every_service_schema_compiles_from_the_package(service):
    assert schemas.schema(service.request_xsd) is not None
    assert schemas.schema(service.response_xsd) is not None


@pytest.mark.parametrize("name", ["../setup.cfg", "Generiek-02.00/../../../setup.cfg",
                                  "/etc/passwd", "Generiek-02.00"])
def test_only_the_schema_files_are_served(name):
    assert schemas.read_served(name) is None


def test_every_packaged_schema_is_magdas_or_a_marked_own_design():
    """Nothing is passed off as MAGDA's: a file is the reference's, or it lies in an own
    design's folder, which says so in a README and at the top of every schema."""
    reference = magda.reference_root()
    own = {s.folder for s in SERVICES if s.own_design}
    assert own == {"Onderwijs.GeefAantalAanwezighedenDienst-02.00",
                   "Onderwijs.GeefAantalProblematischeAfwezighedenDienst-02.00",
                   "Onderwijs.GeefLaatsteInschrijvingHuisonderwijsDienst-02.00",
                   "Onderwijs.RegistreerControleHuisonderwijsDienst-02.00",
                   "Onderwijs.RegistreerResultaatExamencommissieDienst-02.00",
                   "Onderwijs.GeefMeldingenProblematischeAfwezighedenDienst-02.00",
                   "Onderwijs.RegistreerGemotiveerdVerslagDienst-02.00"}
    for name in sorted(schemas.served_files()):
        if (reference / name).is_file() or name == "README.md":
            continue
        folder = name.split("/", 1)[0]
        assert folder in own, f"{name} is neither MAGDA's nor an own design"
        if name.endswith(".xsd"):
            text = schemas.read_served(name).decode()
            assert "OWN DESIGN, NOT A MAGDA PUBLICATION" in text.split("<xs:schema", 1)[0]
    for folder in own:
        assert "Not a MAGDA publication" in schemas.read_served(f"{folder}/README.md").decode()
