"""The server's key decides how answers and faults are signed: RSA by default, EC kept.

Basic256Sha256 in the WSDL's policy names RSA-SHA256, WCF verifies nothing else, and
the reference client must verify whatever key the PKI holds (``security/pki.py``). On
the WSGI app in-process, with the reference client's own response verifier.
"""
from __future__ import annotations

import io

import pytest
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from lxml import etree

from discimus_client.client import DiscimusClient
from discimus_client.errors import ResponseVerificationFailed
from discimus_client.wsse import ns
from discimus_fixtures.generator import DEMO_SECONDARY
from discimus_fixtures.senders import SENDER_IDS
from discimus_service import bootstrap
from discimus_service.app import create_app
from discimus_service.security.pki import (
    PkiPaths, init_pki, issue_certificate, load_certificate,
)
from discimus_service.settings import Settings

DS = f"{{{ns.DS}}}"


def _served(root, server_key_type=None):
    settings = Settings(database_url=f"sqlite:///{root / 'discimus.sqlite'}",
                        pki_dir=root / "pki")
    if server_key_type:              # a PKI made before, as `pki init --server-key` does
        init_pki(settings.pki_dir, SENDER_IDS, server_key_type=server_key_type)
    bootstrap.ensure_ready(settings)
    return create_app(settings), PkiPaths(settings.pki_dir)


@pytest.fixture(scope="module")
def default(tmp_path_factory):
    return _served(tmp_path_factory.mktemp("rsa"))


@pytest.fixture(scope="module")
def with_ec(tmp_path_factory):
    return _served(tmp_path_factory.mktemp("ec"), "ec")


def _post(app, client: DiscimusClient, *, soap_action: bool = True) -> etree._Element:
    body = client.signed_request("GeefDubbeleInschrijvingen",
                                 {"Instellingsnummer": DEMO_SECONDARY})
    environ = {"REQUEST_METHOD": "POST", "PATH_INFO": "/inschrijving", "SCRIPT_NAME": "",
               "SERVER_NAME": "testserver", "SERVER_PORT": "80", "QUERY_STRING": "",
               "wsgi.url_scheme": "http", "wsgi.input": io.BytesIO(body),
               "CONTENT_LENGTH": str(len(body)), "CONTENT_TYPE": "text/xml; charset=utf-8"}
    if soap_action:
        environ["HTTP_SOAPACTION"] = client.http_headers("GeefDubbeleInschrijvingen")[
            "SOAPAction"]
    return etree.fromstring(b"".join(app(environ, lambda s, h, e=None: None)))


def _algorithms(answer: etree._Element) -> set[str]:
    signed_info = answer.find(f".//{ns.SECURITY}/{DS}Signature/{DS}SignedInfo")
    return {e.get("Algorithm") for e in signed_info.iter() if e.get("Algorithm")}


def _is_fault(answer: etree._Element) -> bool:
    return answer.find(f".//{{{ns.SOAP11_ENV}}}Fault") is not None


@pytest.mark.parametrize("soap_action", [True, False], ids=["answer", "fault-S116"])
def test_by_default_answers_and_faults_are_signed_rsa_sha256(default, soap_action):
    app, paths = default
    server_key = load_certificate(paths.server_cert).public_key()
    assert isinstance(server_key, rsa.RSAPublicKey) and server_key.key_size == 2048
    informat = DiscimusClient.from_pki("http://testserver", paths.directory, "informat")
    answer = _post(app, informat, soap_action=soap_action)
    assert _is_fault(answer) is not soap_action
    # Exactly what Basic256Sha256 names, so a policy-enforcing stack accepts it.
    assert _algorithms(answer) == {ns.EXC_C14N, ns.RSA_SHA256, ns.SHA256}
    informat.wsse.verify(answer)
    assert informat.wsse.last_verified.payload is not None


def _ec_sender(paths: PkiPaths) -> DiscimusClient:
    key_pem, cert_pem = issue_certificate(paths, "informat", key_type="ec")
    return DiscimusClient("http://testserver", sender_id="informat", key_pem=key_pem,
                          cert_pem=cert_pem, server_cert_pem=paths.server_cert.read_bytes())


@pytest.mark.parametrize("sender", ["rsa", "ec"])
@pytest.mark.parametrize("soap_action", [True, False], ids=["answer", "fault-S116"])
def test_an_ec_server_key_still_signs_and_its_answers_verify(with_ec, sender, soap_action):
    app, paths = with_ec
    assert isinstance(load_certificate(paths.server_cert).public_key(),
                      ec.EllipticCurvePublicKey)
    client = (DiscimusClient.from_pki("http://testserver", paths.directory, "informat")
              if sender == "rsa" else _ec_sender(paths))
    answer = _post(app, client, soap_action=soap_action)
    assert _is_fault(answer) is not soap_action      # the request was accepted
    assert _algorithms(answer) == {ns.EXC_C14N, ns.ECDSA_SHA256, ns.SHA256}
    client.wsse.verify(answer)


def test_an_answer_from_the_other_servers_key_is_refused(default, with_ec):
    """Each client pins its own server.pem: the key type does not loosen that."""
    (rsa_app, _), (_, ec_paths) = default, with_ec
    pinned_to_ec = DiscimusClient.from_pki("http://testserver", ec_paths.directory,
                                           "informat")
    answer = _post(rsa_app, pinned_to_ec)     # a sender of another CA: a signed fault
    assert _is_fault(answer) and _algorithms(answer) >= {ns.RSA_SHA256}
    with pytest.raises(ResponseVerificationFailed):
        pinned_to_ec.wsse.verify(answer)
