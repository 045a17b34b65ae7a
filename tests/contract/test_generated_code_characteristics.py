"""An independent code generator reads the message type 3 WSDL, and its code talks to a
real server (like ``test_generated_code.py`` for message type 1).

xsdata generates dataclasses from the committed ``wsdl/leerlingenkenmerken.wsdl``; a
GeefIndicatoren built with them, serialized by xsdata and signed with our Signer is
answered by the server; the verified answer parses into the generated classes.
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
from discimus_fixtures.generator import DEMO_SECONDARY

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = "discimus_generated_kenmerken"


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    """The package xsdata generates from wsdl/leerlingenkenmerken.wsdl, imported."""
    out = tmp_path_factory.mktemp("xsdata-kenmerken")
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}"
                                 f"{os.environ.get('PATH', '')}"}
    subprocess.run([sys.executable, "-m", "xsdata", "generate",
                    str(ROOT / "wsdl" / "leerlingenkenmerken.wsdl"), "--package", PACKAGE],
                   cwd=out, env=env, check=True, capture_output=True)
    sys.path.insert(0, str(out))
    try:
        yield importlib.import_module(PACKAGE)
    finally:
        sys.path.remove(str(out))
        for name in [n for n in sys.modules if n.split(".")[0] == PACKAGE]:
            del sys.modules[name]


def test_every_operation_and_code_meaning_is_generated(generated):
    for operation in ("RegistreerLeerlingenkenmerken", "AnnuleerLeerlingenkenmerken",
                      "GeefLeerlingenkenmerken", "GeefIndicatoren",
                      "GeefGeregistreerdeLeerlingenkenmerken"):
        assert hasattr(generated, operation) and hasattr(generated, operation + "Response")
    doc = " ".join(generated.OpleidingsniveauMoederType.__doc__.split())
    assert ":cvar VALUE_3: Some secondary education without its diploma" in doc
    assert {m.value for m in generated.ThuistaalType} == {"N", "A", "O"}


def _request(g, now: dt.datetime, stamnummers):
    context = g.ContextType(naam="DISCIMUS", versie="01.00.0000", bericht=g.BerichtType(
        type_value=g.BerichtTypeType.VRAAG,
        tijdstip=g.TijdstipType(datum=XmlDate.from_date(now.date()),
                                tijd=now.strftime("%H:%M:%S")),
        afzender=g.AfzenderAdresType(identificatie="informat", referte="xsdata-k1")))
    inhoud = g.LeerlingenVraagInhoudType(
        instellingsnummer=DEMO_SECONDARY,
        leerlingen=g.LeerlingenType(leerling=[g.LeerlingType(stamnummer=s)
                                              for s in stamnummers]))
    verzoek = g.LeerlingenVerzoekType(context=context, vragen=g.LeerlingenVragenType(
        vraag=g.LeerlingenVraagType(referte="xsdata-k1", inhoud=inhoud)))
    envelope = g.LeerlingenkenmerkenGeefIndicatorenInput
    return envelope(body=envelope.Body(geef_indicatoren=g.GeefIndicatoren(verzoek=verzoek)))


def test_a_generated_client_asks_for_indicators(generated, server):
    now = dt.datetime.now(dt.timezone.utc)
    # Demo data: Nina Mestdagh (2600004) declared Dutch and a secondary diploma on
    # 2026-07-04 (fixtures/characteristics.py, seed 2026).
    xml = XmlSerializer(config=SerializerConfig(xml_declaration=False)).render(
        _request(generated, now, ["2600004"]))
    envelope = etree.fromstring(xml.encode())
    pki = server.pki_dir
    Signer((pki / "informat.key").read_bytes(), (pki / "informat.pem").read_bytes()).sign(
        envelope, now=now)
    response = requests.post(
        server.url + "/leerlingenkenmerken", data=etree.tostring(envelope),
        headers={"Content-Type": "text/xml; charset=utf-8",
                 "SOAPAction": '"GeefIndicatoren"'}, timeout=30)
    assert response.status_code == 200, response.text

    server_der = x509.load_pem_x509_certificate((pki / "server.pem").read_bytes()) \
        .public_bytes(Encoding.DER)
    verified = Verifier(STRICT).verify(
        check_envelope(parse_xml(response.content, STRICT), STRICT, require_security=True),
        now=dt.datetime.now(dt.timezone.utc), expected_certificate_der=server_der)
    answer = XmlParser().from_bytes(etree.tostring(verified.payload),
                                    generated.GeefIndicatorenResponse)
    antwoord = answer.repliek.antwoorden.antwoord
    assert antwoord.referte == "xsdata-k1" and antwoord.uitzonderingen is None
    [leerling] = antwoord.inhoud.leerlingen.leerling
    assert (leerling.stamnummer, leerling.indicator_thuistaal,
            leerling.indicator_opleidingsniveau_moeder, leerling.datum_verklaring) == (
        "2600004", generated.IndicatorType.N, generated.IndicatorType.N,
        XmlDate(2026, 7, 4))
