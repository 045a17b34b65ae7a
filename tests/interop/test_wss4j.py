"""Apache WSS4J 1.6 (the stack under CXF) against the real server: its request with the
profile's four settings is accepted (InclusiveNamespaces and all), its defaults get a
fault saying what to change, and it verifies every answer and fault.
"""
from __future__ import annotations

import datetime as dt
import shutil

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from lxml import etree

SOAP = "{http://schemas.xmlsoap.org/soap/envelope/}"
EC = "{http://www.w3.org/2001/10/xml-exc-c14n#}"
DS = "{http://www.w3.org/2000/09/xmldsig#}"
WSU = "{http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd}"
INSCHRIJVING = "{urn:discimus-emulator:inschrijving:01.00}"
VERIFIED = "verified CN=agodi-discimus-emulator,O=Discimus emulator"


def answer(out):
    return etree.parse(str(out / "wss4j-answer.xml")).getroot()


def test_a_request_with_the_profile_settings_is_answered_and_verified(wss4j, server,
                                                                      tmp_path):
    ran = wss4j(server.url, server.pki_dir, tmp_path, "profile")
    assert ran.returncode == 0, ran.stdout + ran.stderr
    assert ran.stdout.splitlines() == ["status 200", VERIFIED]
    response = answer(tmp_path).find(
        f"{SOAP}Body/{INSCHRIJVING}GeefDubbeleInschrijvingenResponse")
    assert response.findtext(f".//{INSCHRIJVING}Inhoud/{INSCHRIJVING}Instellingsnummer") \
        == "034567"


def test_wss4j_sends_inclusive_namespaces_which_the_server_applies(wss4j, server,
                                                                   tmp_path):
    """WSS4J's PrefixList on SignedInfo and every Reference is what issue 5 was about.

    Its Timestamp's list names prefixes declared outside the Timestamp and unused in
    it: that digest only matches if the list is applied, and the server accepted it.
    """
    ran = wss4j(server.url, server.pki_dir, tmp_path, "profile")
    assert ran.stdout.startswith("status 200")
    request = etree.parse(str(tmp_path / "wss4j-request.xml")).getroot()
    assert len(request.findall(f".//{EC}InclusiveNamespaces")) == 3  # SignedInfo + 2
    timestamp = request.find(f".//{WSU}Timestamp")
    reference = request.find(f".//{DS}Reference[@URI='#{timestamp.get(WSU + 'Id')}']")
    prefixes = reference.find(f".//{EC}InclusiveNamespaces").get("PrefixList").split()
    assert prefixes
    assert etree.tostring(timestamp, method="c14n", exclusive=True,
                          inclusive_ns_prefixes=prefixes) != \
        etree.tostring(timestamp, method="c14n", exclusive=True)


# Each step changes one more of WSS4J's defaults; each fault names the next change.
RSA_SHA256 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"
SHA256 = "http://www.w3.org/2001/04/xmlenc#sha256"
LADDER = [  # (settings changed so far, code, advice in the fault): what is still default
    ((), "S130", f"signatureAlgorithm={RSA_SHA256}"),                 # rsa-sha1
    (("signatureAlgorithm",), "S150", "Timestamp in signatureParts"),  # only the Body
    (("signatureAlgorithm", "signatureParts"), "S130",
     f"signatureDigestAlgorithm={SHA256}"),                            # sha1 digests
    (("signatureAlgorithm", "signatureParts", "digestAlgorithm"), "S140",
     "signatureKeyIdentifier=DirectReference"),                        # IssuerSerial
]


@pytest.mark.parametrize("settings, code, advice", LADDER,
                         ids=["defaults", "+algorithm", "+parts", "+digest"])
def test_wss4j_defaults_get_a_signed_fault_naming_the_setting_to_change(
        wss4j, server, tmp_path, settings, code, advice):
    ran = wss4j(server.url, server.pki_dir, tmp_path, *settings)
    assert ran.returncode == 0, ran.stdout + ran.stderr
    assert ran.stdout.splitlines() == ["status 500", VERIFIED]   # the fault verified
    faultstring = answer(tmp_path).findtext(f"{SOAP}Body/{SOAP}Fault/faultstring")
    assert faultstring.startswith(f"[{code}] "), faultstring
    assert advice in faultstring


def test_wss4j_refuses_the_answer_without_the_emulator_ca(wss4j, server, tmp_path):
    """The verification is real: with another CA in the truststore it fails."""
    pki = tmp_path / "pki"
    shutil.copytree(server.pki_dir, pki)
    (pki / "ca.pem").write_bytes(_other_ca())
    (tmp_path / "out").mkdir()
    ran = wss4j(server.url, pki, tmp_path / "out", "profile")
    assert ran.returncode != 0
    assert "status 200" in ran.stdout and VERIFIED not in ran.stdout
    assert "WSSecurityException" in ran.stderr


def _other_ca() -> bytes:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Another CA")])
    now = dt.datetime.now(dt.timezone.utc)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(days=1))
            .not_valid_after(now + dt.timedelta(days=30))
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .sign(key, hashes.SHA256()))
    return cert.public_bytes(serialization.Encoding.PEM)
