"""MAGDA test helpers: the reference schemas, MAGDA-Mock's requests, signing and posting.

The reference schemas are read from ``../shared/reference/magda-xsd`` beside the
repository (CI) or the shared folder of the workspace, never from the packaged copy:
the tests check the service against MAGDA's schemas, not against itself.
"""
from __future__ import annotations

import datetime as dt
import functools
import os
import uuid
from pathlib import Path

import pytest
import requests
from lxml import etree

ROOT = Path(__file__).resolve().parents[1]
MOCK = Path(__file__).resolve().parent / "magda_mock"
SHARED_PATH = "/api/Magda-02.00/soap/WebService"
SOAP = "http://schemas.xmlsoap.org/soap/envelope/"
HISTORY_XSD = "Onderwijs.GeefHistoriekInschrijvingDienst-02.01/WebService/GeefHistoriekInschrijving"
REGISTER_XSD = {v: f"Repertorium.RegistreerInschrijvingDienst-{v}/WebService/RegistreerInschrijving"
                for v in ("02.00", "02.01")}
END_XSD = "Repertorium.RegistreerUitschrijvingDienst-02.00/WebService/RegistreerUitschrijving"


def reference_root() -> Path:
    """``magda-xsd`` of the shared reference folder; fails under CI when absent."""
    for shared in (ROOT.parent / "shared", ROOT.parents[1] / "shared"):
        candidate = shared / "reference" / "magda-xsd"
        if candidate.is_dir():
            return candidate
    if os.environ.get("CI") == "true":
        pytest.fail("../shared/reference/magda-xsd is missing beside the repository")
    pytest.skip("no shared reference folder beside the repository")


@functools.lru_cache(maxsize=None)
def _schema(relative: str) -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(reference_root() / relative)))


def assert_valid(element, relative: str) -> None:
    """``element`` validates against ``<relative>.xsd`` of MAGDA's reference schemas."""
    schema = _schema(relative + ".xsd")
    assert schema.validate(element), str(schema.error_log)


def payload_of(envelope) -> etree._Element:
    body = envelope.find(f"{{{SOAP}}}Body")
    return next(iter(body.iterchildren(tag=etree.Element)))


def mock_request(name: str, *, identification: str, capacity: str, insz: str,
                 begin: dt.date | None = None, end: dt.date | None = None,
                 referte: str | None = None) -> etree._Element:
    """MAGDA-Mock's template for ``name``, filled in as a MAGDA client fills it in."""
    root = etree.parse(str(MOCK / f"{name}.xml")).getroot()
    referte = referte or str(uuid.uuid4())
    now = dt.datetime.now(dt.timezone.utc)
    for element in root.iter("Identificatie"):
        element.text = identification
    for element in root.iter("Hoedanigheid"):
        element.text = capacity
    for element in root.iter("Referte"):
        element.text = referte
    for element in root.iter("INSZ", "Sleutel"):
        element.text = insz
    for element in root.iter("Gebruiker"):
        element.getparent().remove(element)
    root.find(".//Tijdstip/Datum").text = now.date().isoformat()
    root.find(".//Tijdstip/Tijd").text = now.strftime("%H:%M")     # hh:mm, as the template
    periode = root.find(".//Vraag//Periode")
    if periode is not None and begin is not None:
        periode.find("Begin").text = begin.isoformat()
        periode.find("Einde").text = end.isoformat()
    return root


def post(url: str, data: bytes, soap_action: str | None = '""') -> requests.Response:
    headers = {"Content-Type": "text/xml;charset=UTF-8"}
    if soap_action is not None:
        headers["SOAPAction"] = soap_action
    return requests.post(url, data=data, headers=headers, timeout=30)
