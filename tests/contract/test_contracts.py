"""The committed contracts are what the service serves, and they are usable."""
from pathlib import Path

import pytest
from lxml import etree

from discimus_service.app import SERVICES
from discimus_service.contracts import schemas_of, served_wsdl

ROOT = Path(__file__).resolve().parents[2]
NAMES = [path.strip("/") for path in SERVICES]


@pytest.mark.parametrize("path", list(SERVICES))
def test_served_wsdl_is_the_committed_one(path):
    committed = ROOT / "wsdl" / f"{path.strip('/')}.wsdl"
    assert committed.is_file(), "run `discimus contracts export` and commit wsdl/"
    served = served_wsdl(path, SERVICES[path][1])
    assert served == committed.read_bytes(), (
        f"{committed.name} differs from what the service serves: a message type changed. "
        "If deliberate, run `make contracts` and commit wsdl/ and xsd/")


@pytest.mark.parametrize("path", list(SERVICES))
def test_committed_xsd_files_match_the_wsdl_schemas(path):
    for name, data in schemas_of(served_wsdl(path, SERVICES[path][1])).items():
        assert (ROOT / "xsd" / name).read_bytes() == data, f"xsd/{name} drifted"


@pytest.mark.parametrize("xsd", sorted((ROOT / "xsd").glob("*.xsd")), ids=lambda p: p.name)
def test_every_xsd_compiles(xsd):
    etree.XMLSchema(etree.parse(str(xsd)))


EXPECTED_OPERATIONS = {
    "inschrijving": {"RegistreerInschrijving", "CorrigeerInschrijving",
                     "RegistreerUitschrijving", "GeefDubbeleInschrijvingen",
                     "GeefSchoolloopbaan", "GeefIngeschrevenLeerlingen",
                     "VergelijkLeerlingen", "GeefOpenProblemen", "GeefIdentificatienummers"},
    "afwezigheid": {"RegistreerAfwezigheden", "AnnuleerAfwezigheden", "GeefAfwezigheden",
                    "GeefProblematischeAfwezigheden", "GeefDoorlopendeTellingen",
                    "GeefLeerlingenMet30Problematisch", "GeefKleuterparticipatie",
                    "GeefAfwezigheidsproblemen"},
    "klasinformatie": {"RegistreerKlasinformatie", "GeefKlasinformatie",
                       "GeefKlasinformatieDeling"},
    "tucht": {"RegistreerTuchtmaatregel", "CorrigeerTuchtmaatregel",
              "AnnuleerTuchtmaatregel", "GeefTuchtmaatregelen"},
    "ondersteuning": {"RegistreerOndersteuning", "CorrigeerOndersteuning",
                      "AnnuleerOndersteuning", "GeefOndersteundeLeerlingen"},
    "weigering": {"RegistreerWeigering", "CorrigeerWeigering", "AnnuleerWeigering",
                  "GeefWeigeringen"},
    "studiebewijs": {"RegistreerStudiebewijzen", "AnnuleerStudiebewijzen",
                     "GeefStudiebewijzen", "GeefVorigeStudiebewijzen",
                     "ControleerToelatingsvoorwaarden", "ControleerOvergang"},
    "leerlingenkenmerken": {"RegistreerLeerlingenkenmerken", "AnnuleerLeerlingenkenmerken",
                            "GeefLeerlingenkenmerken", "GeefIndicatoren",
                            "GeefGeregistreerdeLeerlingenkenmerken"},
    "internaat": {"RegistreerInternaatInschrijving", "CorrigeerInternaatInschrijving",
                  "BeeindigInternaatInschrijving", "GeefInternaatInschrijvingen",
                  "GeefSchoolInschrijvingenInternen"},
    "dko": {"RegistreerDkoInschrijving", "CorrigeerDkoInschrijving",
            "RegistreerDkoUitschrijving", "GeefIdentificatienummers"},
}


def test_every_service_has_its_expected_operations_listed():
    assert set(EXPECTED_OPERATIONS) == set(NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_an_independent_soap_client_loads_every_wsdl(name):
    from suds.client import Client
    client = Client((ROOT / "wsdl" / f"{name}.wsdl").as_uri(), cache=None)
    methods = {method[0] for _port, methods in client.sd[0].ports for method in methods}
    assert EXPECTED_OPERATIONS[name] == methods


def test_the_readme_code_table_is_current():
    from discimus_service.codes import code_table
    readme = (ROOT / "README.rst").read_text()
    start = readme.index(".. codes-table-start") + len(".. codes-table-start")
    end = readme.index(".. codes-table-end")
    assert readme[start:end].strip() == code_table().strip(), (
        "README code table is stale: paste `discimus contracts codes` between the markers")


def test_the_readme_renders_without_warnings():
    import docutils.core
    import docutils.utils
    settings = {"report_level": docutils.utils.Reporter.WARNING_LEVEL,
                "halt_level": docutils.utils.Reporter.WARNING_LEVEL}
    docutils.core.publish_string((ROOT / "README.rst").read_text(), writer="null",
                                 settings_overrides=settings)
