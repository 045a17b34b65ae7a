"""SOAPAction, exact service paths and S115 in plain words, on the WSGI app in-process.

The whole pipeline of ``create_app`` (SQLite, the dev PKI, signed answers) without
gunicorn: each case posts one message as a vendor would and reads the signed answer.
"""
from __future__ import annotations

import datetime as dt
import io

import pytest
from lxml import etree

from discimus_client.client import DiscimusClient
from discimus_client.results import Address, EnrollmentData, Student
from discimus_client.wsse import ns
from discimus_client.wsse.signing import Signer
from discimus_fixtures.generator import DEMO_SECONDARY, insz_for
from discimus_service import bootstrap
from discimus_service.app import create_app
from discimus_service.domain.model import Sex
from discimus_service.security.pki import PkiPaths
from discimus_service.settings import Settings

SERVICE = "/inschrijving"


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    root = tmp_path_factory.mktemp("protocol")
    settings = Settings(database_url=f"sqlite:///{root / 'discimus.sqlite'}",
                        pki_dir=root / "pki")
    bootstrap.ensure_ready(settings)
    application = create_app(settings)
    application.pki_dir = settings.pki_dir
    return application


@pytest.fixture(scope="module")
def informat(app):
    return DiscimusClient.from_pki("http://testserver", app.pki_dir, "informat")


class Answer:
    def __init__(self, status: str, body: bytes):
        self.status, self.body = status, body

    @property
    def faultstring(self) -> str:
        return etree.fromstring(self.body).findtext(".//faultstring")


def call(app, body: bytes = b"", headers: dict | None = None, *, path=SERVICE,
         method="POST", query="") -> Answer:
    headers = headers or {}
    environ = {"REQUEST_METHOD": method, "PATH_INFO": path, "QUERY_STRING": query,
               "SERVER_NAME": "testserver", "SERVER_PORT": "80", "SCRIPT_NAME": "",
               "wsgi.url_scheme": "http", "wsgi.input": io.BytesIO(body),
               "CONTENT_LENGTH": str(len(body)),
               "CONTENT_TYPE": headers.get("Content-Type", "")}
    if "SOAPAction" in headers:
        environ["HTTP_SOAPACTION"] = headers["SOAPAction"]
    status: list = []
    data = b"".join(app(environ, lambda s, h, e=None: status.append(s)))
    return Answer(status[0], data)


def consultation(client: DiscimusClient) -> bytes:
    return client.signed_request("GeefDubbeleInschrijvingen",
                                 {"Instellingsnummer": DEMO_SECONDARY})


# -- SOAPAction ---------------------------------------------------------------------------
@pytest.mark.parametrize("action", ['"GeefDubbeleInschrijvingen"',
                                    "GeefDubbeleInschrijvingen"],
                         ids=["quoted", "unquoted"])
def test_the_operations_soap_action_is_accepted_quoted_or_not(app, informat, action):
    headers = {**informat.http_headers("GeefDubbeleInschrijvingen"), "SOAPAction": action}
    assert call(app, consultation(informat), headers).status.startswith("200")


@pytest.mark.parametrize("action", [None, '""', "", '"RegistreerInschrijving"',
                                    '"geefdubbeleinschrijvingen"'],
                         ids=["missing", "empty-quoted", "empty", "another-operation",
                              "other-case"])
def test_a_missing_or_wrong_soap_action_is_refused_with_s116(app, informat, action):
    headers = {"Content-Type": "text/xml; charset=utf-8"}
    if action is not None:
        headers["SOAPAction"] = action
    answer = call(app, consultation(informat), headers)
    assert answer.status.startswith("500")
    assert answer.faultstring.startswith("[S116] ")
    assert 'send the HTTP header SOAPAction: "GeefDubbeleInschrijvingen"' \
        in answer.faultstring


def test_the_expected_soap_action_follows_the_operation_in_the_body(app, informat):
    student = _student("2600901", 401)
    data = informat.signed_request("RegistreerInschrijving",
                                   informat.enrollment_inhoud(student, _enrollment()))
    wrong = call(app, data, informat.http_headers("GeefDubbeleInschrijvingen"))
    assert 'SOAPAction: "RegistreerInschrijving"' in wrong.faultstring
    assert call(app, data, informat.http_headers("RegistreerInschrijving")) \
        .status.startswith("200")


# -- exact paths ----------------------------------------------------------------------------
@pytest.mark.parametrize("path", ["/inschrijving/inschrijving", "/inschrijving/",
                                  "/inschrijving/x/y"])
def test_paths_below_a_service_are_not_served(app, informat, path):
    data = consultation(informat)
    answer = call(app, data, informat.http_headers("GeefDubbeleInschrijvingen"), path=path)
    assert answer.status.startswith("404")
    assert b"/inschrijving itself" in answer.body
    assert call(app, path=path, method="GET", query="wsdl").status.startswith("404")


def test_the_wsdl_is_still_served_at_the_exact_path(app):
    answer = call(app, path=SERVICE, method="GET", query="wsdl")
    assert answer.status.startswith("200") and b"soapAction" in answer.body


# -- S115 in plain words ------------------------------------------------------------------
def _student(stamnummer: str, sequence: int, **kw) -> Student:
    birth = dt.date(2012, 5, 6)
    fields = dict(insz=insz_for(birth, Sex.M, sequence), stamnummer=stamnummer,
                  first_name="Arne", last_name="Claes", birth_date=birth, sex="M",
                  address=Address("Dorpsstraat", "3", "9000", "Gent"))
    return Student(**{**fields, **kw})


def _enrollment() -> EnrollmentData:
    return EnrollmentData(DEMO_SECONDARY, "1A", dt.date(2026, 9, 1), dt.date(2026, 8, 30))


def _spoiled(app, client: DiscimusClient, spoil) -> bytes:
    """A registration whose Body is changed by ``spoil`` and then signed as it is."""
    inhoud = client.enrollment_inhoud(_student("2600902", 402), _enrollment())
    envelope = etree.fromstring(client.signed_request("RegistreerInschrijving", inhoud))
    header = envelope.find(f"{{{ns.SOAP11_ENV}}}Header")
    header.remove(header.find(f"{{{ns.WSSE}}}Security"))
    envelope.find(f"{{{ns.SOAP11_ENV}}}Body").attrib.clear()
    # zeep serialises on one line; indent so that line numbers mean something.
    envelope = etree.fromstring(etree.tostring(envelope, pretty_print=True))
    spoil(envelope.find(".//{*}Leerling"))
    paths = PkiPaths(app.pki_dir)
    Signer(paths.sender_key("informat").read_bytes(),
           paths.sender_cert("informat").read_bytes()).sign(
        envelope, now=dt.datetime.now(dt.timezone.utc))
    return etree.tostring(envelope, xml_declaration=True, encoding="UTF-8")


def _child(leerling, name):
    return leerling.find(f"{{*}}{name}")


def _set(name, value):
    def spoil(leerling):
        _child(leerling, name).text = value
    return spoil


def _remove(name):
    def spoil(leerling):
        leerling.remove(_child(leerling, name))
    return spoil


LEERLING = "/RegistreerInschrijving/Verzoek/Vragen/Vraag/Inhoud/Leerling"


@pytest.mark.parametrize("spoil, where, words", [
    (_set("Geboortedatum", "2012-13-45"), f"{LEERLING}/Geboortedatum",
     "'2012-13-45' is not a valid date (xs:date"),
    (_set("Geslacht", "Q"), f"{LEERLING}/Geslacht", "value 'Q' is not one of M, V, X"),
    (_set("Stamnummer", "ABCDEFGHIJKLMN"), f"{LEERLING}/Stamnummer",
     "'ABCDEFGHIJKLMN' is longer than 10 characters"),
    (_remove("Stamnummer"), LEERLING,
     "required element Stamnummer is missing after INSZ (found Voornaam)"),
    (_set("Nationaliteit", "BE"), f"{LEERLING}/Nationaliteit",
     "'BE' does not have the required form (pattern"),
], ids=["date", "enumeration", "max-length", "missing", "pattern"])
def test_a_schema_violation_names_the_element_and_the_rule(app, informat, spoil, where,
                                                            words):
    data = _spoiled(app, informat, spoil)
    answer = call(app, data, informat.http_headers("RegistreerInschrijving"))
    text = answer.faultstring
    assert text.startswith("[S115] "), text
    assert words in text, text
    assert "SCHEMASV" not in text and "ERROR" not in text and "{urn:" not in text
    element = where.rsplit("/", 1)[1]
    sent_line = next(n for n, line in enumerate(data.decode().splitlines(), 1)
                     if f"{element}>" in line or f"<{element}" in line)
    assert f"{where} (line " in text, text
    if words.startswith("required"):
        return                       # reported on the parent, whose line is its start
    assert f"{where} (line {sent_line}): " in text, text
