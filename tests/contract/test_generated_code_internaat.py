"""xsdata reads wsdl/internaat.wsdl (message type 7), and its code talks to a real server.

Like ``test_generated_code.py`` for message type 1: what a boarding-school vendor
generating a client does. The boarder's identification types, shared with message
type 1, are generated in this contract's own namespace.
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
from discimus_fixtures.boarding import DEMO_BOARDING

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = "discimus_generated_internaat"
OPERATIONS = ("RegistreerInternaatInschrijving", "CorrigeerInternaatInschrijving",
              "BeeindigInternaatInschrijving", "GeefInternaatInschrijvingen",
              "GeefSchoolInschrijvingenInternen")


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    out = tmp_path_factory.mktemp("xsdata-internaat")
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}"
                                 f"{os.environ.get('PATH', '')}"}
    subprocess.run([sys.executable, "-m", "xsdata", "generate",
                    str(ROOT / "wsdl" / "internaat.wsdl"), "--package", PACKAGE],
                   cwd=out, env=env, check=True, capture_output=True)
    sys.path.insert(0, str(out))
    try:
        yield importlib.import_module(PACKAGE)
    finally:
        sys.path.remove(str(out))
        for name in [n for n in sys.modules if n.split(".")[0] == PACKAGE]:
            del sys.modules[name]


def test_every_operation_and_documentation_is_generated(generated):
    for operation in OPERATIONS:
        assert hasattr(generated, operation) and hasattr(generated, operation + "Response")
    doc = " ".join(generated.InternaatInschrijvingType.__doc__.split())
    assert ":ivar ambulant_beroep_ouders: true when both parents" in doc
    assert ":ivar insz: The student's INSZ" in " ".join(generated.LeerlingType.__doc__.split())


def test_a_generated_client_asks_where_the_boarders_go_to_school(generated, server):
    g, now = generated, dt.datetime.now(dt.timezone.utc)
    context = g.ContextType(naam="DISCIMUS", versie="01.00.0000", bericht=g.BerichtType(
        type_value=g.BerichtTypeType.VRAAG,
        tijdstip=g.TijdstipType(datum=XmlDate.from_date(now.date()),
                                tijd=now.strftime("%H:%M:%S")),
        afzender=g.AfzenderAdresType(identificatie="informat", referte="xsdata-7")))
    verzoek = g.InternaatVerzoekType(context=context, vragen=g.InternaatVragenType(
        vraag=g.InternaatVraagType(referte="xsdata-7", inhoud=g.InternaatVraagInhoudType(
            instellingsnummer=DEMO_BOARDING, schooljaar=2026))))
    envelope_type = g.InternaatGeefSchoolInschrijvingenInternenInput
    xml = XmlSerializer(config=SerializerConfig(xml_declaration=False)).render(
        envelope_type(body=envelope_type.Body(
            geef_school_inschrijvingen_internen=g.GeefSchoolInschrijvingenInternen(
                verzoek=verzoek))))
    envelope = etree.fromstring(xml.encode())
    pki = server.pki_dir
    Signer((pki / "informat.key").read_bytes(), (pki / "informat.pem").read_bytes()).sign(
        envelope, now=now)
    response = requests.post(
        server.url + "/internaat", data=etree.tostring(envelope),
        headers={"Content-Type": "text/xml; charset=utf-8",
                 "SOAPAction": '"GeefSchoolInschrijvingenInternen"'}, timeout=30)
    assert response.status_code == 200, response.text
    server_der = x509.load_pem_x509_certificate((pki / "server.pem").read_bytes()) \
        .public_bytes(Encoding.DER)
    verified = Verifier(STRICT).verify(
        check_envelope(parse_xml(response.content, STRICT), STRICT, require_security=True),
        now=dt.datetime.now(dt.timezone.utc), expected_certificate_der=server_der)
    answer = XmlParser().from_bytes(etree.tostring(verified.payload),
                                    g.GeefSchoolInschrijvingenInternenResponse)
    antwoord = answer.repliek.antwoorden.antwoord
    assert antwoord.referte == "xsdata-7" and antwoord.uitzonderingen is None
    internen = antwoord.inhoud.internen.intern
    assert len(internen) >= 13
    schools = [s for i in internen for s in i.school_inschrijvingen.school_inschrijving]
    assert schools and {s.soort_onderwijs for s in schools} <= set(g.SoortOnderwijsType)
