"""A vendor's own ``zeep.Client`` on the served WSDL: stock zeep's BinarySignature, as
zeep's documentation shows it, can never succeed; with ``ZeepSignature`` it does.
"""
from __future__ import annotations

import datetime as dt
import uuid

import pytest
import requests
import xmlsec
import zeep
from cryptography.hazmat.primitives.serialization import Encoding
from lxml import etree
from zeep.exceptions import Fault, SignatureVerificationFailed
from zeep.plugins import Plugin
from zeep.wsse.signature import BinarySignature
from zeep.wsse.utils import WSU, get_security_header, get_timestamp

from discimus_client.client import DiscimusClient
from discimus_client.results import Address, EnrollmentData, Student
from discimus_client.wsse import ZeepSignature
from discimus_client.wsse.errors import ResponseVerificationFailed
from discimus_fixtures.generator import insz_for
from discimus_service.domain.model import Sex
from discimus_service.security import pki

BIRTH = dt.date(2011, 11, 11)


def verzoek(sender: str, inhoud: dict, referte: str | None = None) -> dict:
    """What a vendor passes to ``client.service.<Operation>(Verzoek=...)``."""
    referte = referte or uuid.uuid4().hex
    now = dt.datetime.now(dt.timezone.utc)
    return {"Context": {"Naam": "DISCIMUS", "Versie": "01.00.0000", "Bericht": {
        "Type": "VRAAG", "Tijdstip": {"Datum": now.date(),
                                      "Tijd": now.strftime("%H:%M:%S.000")},
        "Afzender": {"Identificatie": sender, "Referte": referte}}},
        "Vragen": {"Vraag": {"Referte": referte, "Inhoud": inhoud}}}


def recording_session() -> tuple[requests.Session, list]:
    """What really came back over HTTP, which zeep does not show when it fails."""
    session, answers = requests.Session(), []
    session.hooks["response"].append(lambda response, *a, **k: answers.append(response))
    return session, answers


def faultstring(response) -> str:
    return etree.fromstring(response.content).findtext(".//faultstring")


def wsdl(server) -> str:
    return server.url + "/inschrijving?wsdl"


# -- our plugin -----------------------------------------------------------------------

def test_a_plain_zeep_client_with_zeep_signature_is_answered_and_verifies(server):
    pki_dir = server.pki_dir
    wsse = ZeepSignature(pki_dir / "informat.key", pki_dir / "informat.pem",
                         pki_dir / "server.pem")
    client = zeep.Client(wsdl(server), wsse=wsse)
    repliek = client.service.GeefDubbeleInschrijvingen(
        Verzoek=verzoek("informat", {"Instellingsnummer": "034567"}))
    assert repliek.Antwoorden.Antwoord.Inhoud.Instellingsnummer == "034567"
    server_der = pki.load_certificate(pki_dir / "server.pem").public_bytes(Encoding.DER)
    assert wsse.last_verified.certificate_der == server_der


def test_a_fault_is_verified_then_raised_by_zeep_with_its_code(server, tmp_path):
    paths = pki.PkiPaths(server.pki_dir)
    key_pem, cert_pem = pki.issue_certificate(paths, "informat", self_signed=True)
    (tmp_path / "self.key").write_bytes(key_pem)
    (tmp_path / "self.pem").write_bytes(cert_pem)
    wsse = ZeepSignature(tmp_path / "self.key", tmp_path / "self.pem",
                         server.pki_dir / "server.pem")
    client = zeep.Client(wsdl(server), wsse=wsse)
    with pytest.raises(Fault) as refused:
        client.service.GeefDubbeleInschrijvingen(
            Verzoek=verzoek("informat", {"Instellingsnummer": "034567"}))
    assert refused.value.message.startswith("[S141] ")
    assert wsse.last_verified.payload.tag.endswith("Fault")


def test_zeep_signature_refuses_an_answer_not_signed_by_the_given_server(server):
    """The pin is real: naming another certificate as the server's fails every answer."""
    pki_dir = server.pki_dir
    client = zeep.Client(wsdl(server), wsse=ZeepSignature(
        pki_dir / "informat.key", pki_dir / "informat.pem", pki_dir / "wisa.pem"))
    with pytest.raises(ResponseVerificationFailed, match="expected certificate"):
        client.service.GeefDubbeleInschrijvingen(
            Verzoek=verzoek("informat", {"Instellingsnummer": "034567"}))


# -- stock zeep, so that the README tells the truth -------------------------------------

def test_stock_binary_signature_as_documented_gets_an_unexplained_failure(server):
    """zeep's documented use: RSA-SHA1, no Timestamp. The server refuses it with a
    signed fault; zeep checks that fault with the vendor's own certificate and raises
    an empty SignatureVerificationFailed instead of showing it."""
    pki_dir = server.pki_dir
    session, answers = recording_session()
    client = zeep.Client(wsdl(server), transport=zeep.Transport(session=session),
                         wsse=BinarySignature(str(pki_dir / "informat.key"),
                                              str(pki_dir / "informat.pem")))
    with pytest.raises(SignatureVerificationFailed) as failed:
        client.service.GeefDubbeleInschrijvingen(
            Verzoek=verzoek("informat", {"Instellingsnummer": "034567"}))
    assert str(failed.value) == ""
    refusal = answers[-1]
    assert refusal.status_code == 500
    assert faultstring(refusal).startswith("[S150] no wsu:Timestamp")


class AddTimestamp(Plugin):
    """What a vendor would have to write: zeep has no Timestamp of its own."""

    def egress(self, envelope, http_headers, operation, binding_options):
        now = dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
        expires = now + dt.timedelta(minutes=5)
        get_security_header(envelope).append(WSU.Timestamp(
            WSU.Created(get_timestamp(now, zulu_timestamp=True)),
            WSU.Expires(get_timestamp(expires, zulu_timestamp=True))))
        return envelope, http_headers


def test_stock_zeep_even_with_sha256_and_a_timestamp_fails_after_the_message_is_stored(
        server, client_for):
    """The request is accepted and stored, and zeep still reports failure."""
    pki_dir = server.pki_dir
    session, answers = recording_session()
    client = zeep.Client(
        wsdl(server), transport=zeep.Transport(session=session), plugins=[AddTimestamp()],
        wsse=BinarySignature(str(pki_dir / "informat.key"), str(pki_dir / "informat.pem"),
                             signature_method=xmlsec.Transform.RSA_SHA256,
                             digest_method=xmlsec.Transform.SHA256))
    sofie = Student(insz=insz_for(BIRTH, Sex.V, 1), stamnummer="2600911",
                    first_name="Sofie", last_name="Wouters", birth_date=BIRTH, sex="V",
                    address=Address("Markt", "1", "9000", "Gent"))
    start = dt.date(2026, 9, 1)
    enrollment = EnrollmentData("034567", "1A", start, registration_date=start,
                                first_attendance_date=start)
    referte = uuid.uuid4().hex
    with pytest.raises(SignatureVerificationFailed):
        client.service.RegistreerInschrijving(Verzoek=verzoek(
            "informat", DiscimusClient.enrollment_inhoud(sofie, enrollment), referte))
    assert answers[-1].status_code == 200
    resent = client_for("informat").register_enrollment(sofie, enrollment, referte=referte)
    assert 50003 in resent.codes()             # "already processed": it was stored
