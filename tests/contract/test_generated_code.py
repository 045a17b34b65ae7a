"""An independent code generator reads the WSDL, and its code talks to a real server.

xsdata (not zeep, not spyne) generates dataclasses from the committed WSDL. A
RegistreerInschrijving built with them, serialized by xsdata and signed with our Signer
is accepted by a real server; the verified answer parses into the generated classes.
This is what a vendor generating a client (wsdl2java, svcutil, xsdata) will do.
"""
from __future__ import annotations

import datetime as dt
import importlib
import os
import subprocess
import sys
from pathlib import Path

import pytest
import requests
from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding
from lxml import etree
from xsdata.formats.dataclass.parsers import XmlParser
from xsdata.formats.dataclass.serializers import XmlSerializer
from xsdata.formats.dataclass.serializers.config import SerializerConfig
from xsdata.models.datatype import XmlDate

from discimus_client.wsse.envelope import check_envelope
from discimus_client.wsse.parser import parse_xml
from discimus_client.wsse.policy import STRICT
from discimus_client.wsse.signing import Signer
from discimus_client.wsse.verifying import Verifier
from discimus_fixtures.generator import DEMO_SECONDARY, insz_for
from discimus_service.domain.model import Sex
from tests.e2e.server import start_server

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = "discimus_generated"


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    """The package xsdata generates from wsdl/inschrijving.wsdl, imported."""
    out = tmp_path_factory.mktemp("xsdata")
    # xsdata formats its output with ruff, installed next to this interpreter.
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}"
                                 f"{os.environ.get('PATH', '')}"}
    subprocess.run([sys.executable, "-m", "xsdata", "generate",
                    str(ROOT / "wsdl" / "inschrijving.wsdl"), "--package", PACKAGE],
                   cwd=out, env=env, check=True, capture_output=True)
    sys.path.insert(0, str(out))
    try:
        yield importlib.import_module(PACKAGE)
    finally:
        sys.path.remove(str(out))
        for name in [n for n in sys.modules if n.split(".")[0] == PACKAGE]:
            del sys.modules[name]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    root = tmp_path_factory.mktemp("generated-client")
    running = start_server(root, f"sqlite:///{root / 'db.sqlite'}", workers=1)
    yield running
    running.stop()


def test_every_operation_and_documentation_is_generated(generated):
    for operation in ("RegistreerInschrijving", "CorrigeerInschrijving",
                      "RegistreerUitschrijving", "GeefDubbeleInschrijvingen",
                      "GeefSchoolloopbaan"):
        assert hasattr(generated, operation) and hasattr(generated, operation + "Response")
    # The code meanings reach the generated code (as the enum's docstring).
    doc = " ".join(generated.AanleidingUitschrijvingCodeType.__doc__.split())
    assert ":cvar O: Dissolution of a conditional enrollment" in doc
    assert ":ivar insz: The student's INSZ" in " ".join(generated.LeerlingType.__doc__.split())


def _request(g, now: dt.datetime):
    birth = dt.date(2014, 5, 6)
    sept1 = XmlDate(2026, 9, 1)
    inhoud = g.InschrijvingVraagInhoudType(
        leerling=g.LeerlingType(
            insz=insz_for(birth, Sex.M, 431), stamnummer="2600431", voornaam="Jonas",
            naam="Claes", geboortedatum=XmlDate.from_date(birth), geslacht=g.GeslachtType.M,
            nationaliteit="00150",
            adres=g.AdresType(straat="Veldstraat", huisnummer="3", postcode="9000",
                              gemeente="Gent", land="00150")),
        inschrijving=g.InschrijvingType(
            instellingsnummer=DEMO_SECONDARY, administratieve_groep="1A",
            begin_datum=sept1, datum_eerste_les=sept1,
            datum_inschrijving=XmlDate(2026, 8, 28)))
    context = g.ContextType(naam="DISCIMUS", versie="01.00.0000", bericht=g.BerichtType(
        type_value=g.BerichtTypeType.VRAAG,
        tijdstip=g.TijdstipType(datum=XmlDate.from_date(now.date()),
                                tijd=now.strftime("%H:%M:%S")),
        afzender=g.AfzenderAdresType(identificatie="informat", referte="xsdata-1")))
    verzoek = g.InschrijvingVerzoekType(context=context, vragen=g.InschrijvingVragenType(
        vraag=g.InschrijvingVraagType(referte="xsdata-1", inhoud=inhoud)))
    envelope = g.InschrijvingRegistreerInschrijvingInput
    return envelope(body=envelope.Body(
        registreer_inschrijving=g.RegistreerInschrijving(verzoek=verzoek)))


def test_a_generated_client_registers_an_enrollment(generated, server):
    now = dt.datetime.now(dt.timezone.utc)
    xml = XmlSerializer(config=SerializerConfig(xml_declaration=False)).render(
        _request(generated, now))
    envelope = etree.fromstring(xml.encode())
    pki = server.pki_dir
    Signer((pki / "informat.key").read_bytes(), (pki / "informat.pem").read_bytes()).sign(
        envelope, now=now)
    response = requests.post(
        server.url + "/inschrijving", data=etree.tostring(envelope),
        headers={"Content-Type": "text/xml; charset=utf-8",
                 "SOAPAction": '"RegistreerInschrijving"'}, timeout=30)
    assert response.status_code == 200, response.text

    server_der = x509.load_pem_x509_certificate((pki / "server.pem").read_bytes()) \
        .public_bytes(Encoding.DER)
    verified = Verifier(STRICT).verify(
        check_envelope(parse_xml(response.content, STRICT), STRICT, require_security=True),
        now=dt.datetime.now(dt.timezone.utc), expected_certificate_der=server_der)
    answer = XmlParser().from_bytes(etree.tostring(verified.payload),
                                    generated.RegistreerInschrijvingResponse)
    antwoord = answer.repliek.antwoorden.antwoord
    assert antwoord.referte == "xsdata-1" and antwoord.uitzonderingen is None
    inschrijving = antwoord.inhoud.inschrijving
    assert inschrijving.status == generated.InschrijvingStatusType.INGESCHREVEN
    assert (inschrijving.instellingsnummer, inschrijving.stamnummer,
            inschrijving.begin_datum) == (DEMO_SECONDARY, "2600431", XmlDate(2026, 9, 1))
    assert isinstance(inschrijving.discimus_referte, int)
