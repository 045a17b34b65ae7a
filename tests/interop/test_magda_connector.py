"""MAGDA's own Java connector (Apache WSS4J) against the real server, magda-connector profile.

``java/MagdaConnectorClient.java`` signs as MAGDA-Mock's ``DocumentSigner`` does (RSA-SHA1,
SHA-1, only the Body, an X509PKIPathv1 token of the keystore's chain, no Timestamp),
posts as ``MagdaSoapConnection`` does, and verifies the answer as
``DocumentSignatureVerifier`` does (``processSecurityHeader(doc, null, null, crypto)``).
The demo partner groeipakket opted in; onderwijsinspectie did not.
"""
from __future__ import annotations

import base64
import datetime as dt
import os
from zoneinfo import ZoneInfo

import pytest
import sqlalchemy as sa
from cryptography import x509
from lxml import etree

from discimus_client.wsse.connector import _sequence_items

from discimus_service.persistence import tables
from discimus_service.persistence.database import make_engine
from tests import magda
from tests.interop.conftest import HERE, JAVA_SHARE, WSS4J_JARS, require, run

DS = "{http://www.w3.org/2000/09/xmldsig#}"
SOAP = "{http://schemas.xmlsoap.org/soap/envelope/}"
PKIPATH = ("http://docs.oasis-open.org/wss/2004/01/"
           "oasis-200401-wss-x509-token-profile-1.0#X509PKIPathv1")
VERIFIED = "verified CN=agodi-discimus-emulator,O=Discimus emulator"
CAPACITY = {"groeipakket": "1300", "onderwijsinspectie": "1200"}


@pytest.fixture(scope="module")
def connector(tmp_path_factory):
    """Compiles the connector client against WSS4J 1.6; returns how to run it."""
    jars = [JAVA_SHARE / jar for jar in WSS4J_JARS]
    require(bool(all(jar.exists() for jar in jars)), "Apache WSS4J 1.6 with a JDK")
    classes = tmp_path_factory.mktemp("connector-classes")
    classpath = os.pathsep.join(str(jar) for jar in jars)
    compiled = run(["javac", "-d", classes, "-cp", classpath,
                    HERE / "java" / "MagdaConnectorClient.java"], cwd=classes)
    assert compiled.returncode == 0, compiled.stderr

    def send(server, sender: str, out, referte: str):
        request = magda.mock_request(
            "RegistreerInschrijving-02.00.0000", capacity=CAPACITY[sender],
            identification=f"kb.vlaanderen.be/aiv/{sender}", insz="12031555672",
            referte=referte)
        # MAGDA-Mock's MagdaRequest: Brussels local time, milliseconds 000.
        now = dt.datetime.now(ZoneInfo("Europe/Brussels"))
        request.find(".//Tijdstip/Datum").text = now.date().isoformat()
        request.find(".//Tijdstip/Tijd").text = now.strftime("%H:%M:%S.000")
        unsigned = out / "unsigned.xml"
        unsigned.write_bytes(etree.tostring(request, xml_declaration=True, encoding="UTF-8"))
        return run(["java", "-cp", f"{classes}{os.pathsep}{classpath}",
                    "MagdaConnectorClient", server.url, server.pki_dir, sender, unsigned,
                    out], cwd=out)
    return send


def _journaled(server, sender, referte):
    engine = make_engine(server.database_url)
    try:
        with engine.connect() as connection:
            return connection.execute(sa.select(
                tables.journal.c.security_profile, tables.journal.c.verdict).where(
                tables.journal.c.sender_id == sender,
                tables.journal.c.referte == referte)).one_or_none()
    finally:
        engine.dispose()


def test_the_connector_s_request_is_accepted_and_it_verifies_the_answer(
        connector, server, tmp_path):
    ran = connector(server, "groeipakket", tmp_path, "wss4j-connector-1")
    assert ran.returncode == 0, ran.stdout + ran.stderr
    assert ran.stdout.splitlines() == ["status 200", VERIFIED, "signed Body,Timestamp"]
    answer = etree.parse(str(tmp_path / "connector-answer.xml")).getroot()
    assert answer.findtext(".//Antwoord/Inhoud/Resultaat") == "1"
    assert tuple(_journaled(server, "groeipakket", "wss4j-connector-1")) == \
        ("magda-connector", "AANVAARD")


def test_what_wss4j_sent_is_the_connector_shape(connector, server, tmp_path):
    ran = connector(server, "groeipakket", tmp_path, "wss4j-connector-2")
    assert ran.stdout.startswith("status 200"), ran.stdout + ran.stderr
    request = etree.parse(str(tmp_path / "connector-request.xml")).getroot()
    signed_info = request.find(f".//{DS}SignedInfo")
    assert signed_info.find(f"{DS}SignatureMethod").get("Algorithm").endswith("#rsa-sha1")
    references = signed_info.findall(f"{DS}Reference")
    assert [r.find(f"{DS}DigestMethod").get("Algorithm") for r in references] == [
        "http://www.w3.org/2000/09/xmldsig#sha1"]
    body_id = request.find(f"{SOAP}Body").get(
        "{http://docs.oasis-open.org/wss/2004/01/"
        "oasis-200401-wss-wssecurity-utility-1.0.xsd}Id")
    assert references[0].get("URI") == f"#{body_id}"
    assert request.find(".//{*}Timestamp") is None
    token = request.find(".//{*}BinarySecurityToken")
    assert token.get("ValueType") == PKIPATH
    # The keystore's chain as a PkiPath: the CA first, the signer last.
    path = [x509.load_der_x509_certificate(item) for item in
            _sequence_items(base64.b64decode("".join(token.text.split())))]
    assert [c.subject.rfc4514_string() for c in path][-1].startswith("CN=groeipakket")
    assert len(path) == 2 and path[1].issuer == path[0].subject


def test_a_partner_not_opted_in_gets_a_signed_s130_naming_the_setting(
        connector, server, tmp_path):
    ran = connector(server, "onderwijsinspectie", tmp_path, "wss4j-connector-3")
    assert ran.returncode == 0, ran.stdout + ran.stderr
    assert ran.stdout.splitlines()[:2] == ["status 500", VERIFIED]   # the fault verified
    answer = etree.parse(str(tmp_path / "connector-answer.xml")).getroot()
    faultstring = answer.findtext(f"{SOAP}Body/{SOAP}Fault/faultstring")
    assert faultstring.startswith("[S130] ") and "magda-connector" in faultstring
    assert _journaled(server, "onderwijsinspectie", "wss4j-connector-3") is None
