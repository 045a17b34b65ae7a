"""The xmlsec1 command line signs a request the server accepts, and verifies its
answers and faults: exactly the README recipe (``xmlsec1/send.sh``).
"""
from __future__ import annotations

from lxml import etree

from tests.interop.conftest import HERE, run

SEND = HERE / "xmlsec1" / "send.sh"
SOAP = "{http://schemas.xmlsoap.org/soap/envelope/}"
INSCHRIJVING = "{urn:discimus-emulator:inschrijving:01.00}"
VERIFY = HERE / "xmlsec1" / "verify.sh"


def send(server, tmp_path, key: str, cert: str, school="034567"):
    pki = server.pki_dir
    return run(["sh", SEND, server.url, pki / f"{key}.key", pki / f"{cert}.pem",
                pki / "server.pem", cert, school], cwd=tmp_path)


def test_a_request_signed_by_xmlsec1_is_answered_and_the_answer_verifies(
        xmlsec1, server, tmp_path):
    sent = send(server, tmp_path, "informat", "informat")
    assert sent.returncode == 0, sent.stderr
    assert sent.stdout.strip() == "200"
    assert "SignedInfo References (ok/all): 2/2" in sent.stderr
    answer = etree.parse(str(tmp_path / "answer.xml")).getroot()
    response = answer.find(f"{SOAP}Body/{INSCHRIJVING}GeefDubbeleInschrijvingenResponse")
    assert response is not None
    assert response.findtext(f".//{INSCHRIJVING}Inhoud/{INSCHRIJVING}Instellingsnummer") \
        == "034567"


def test_a_fault_is_signed_and_verifies_with_xmlsec1(xmlsec1, server, tmp_path):
    """Signed with wisa's key under informat's certificate: refused, signed fault."""
    sent = send(server, tmp_path, "wisa", "informat")
    assert sent.returncode == 0, sent.stderr
    assert sent.stdout.strip() == "500"
    fault = etree.parse(str(tmp_path / "answer.xml")).find(f"{SOAP}Body/{SOAP}Fault")
    assert fault.findtext("faultstring").startswith("[S133] ")


def test_the_recipe_refuses_an_altered_answer(xmlsec1, server, tmp_path):
    """The recipe's verification is real: one changed value in the answer fails it."""
    send(server, tmp_path, "informat", "informat")
    answer = tmp_path / "answer.xml"
    text = answer.read_text()
    assert ">034567<" in text
    answer.write_text(text.replace(">034567<", ">056789<", 1))
    checked = run(["sh", VERIFY, server.pki_dir / "server.pem", answer], cwd=tmp_path)
    assert checked.returncode != 0
    assert "FAIL" in checked.stderr
