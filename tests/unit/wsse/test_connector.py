"""The magda-connector profile: MAGDA's Java connector's shape is accepted, nothing else.

Messages are signed here by ``ConnectorSigner`` (what MAGDA-Mock's ``DocumentSigner``
sends; tests/interop signs with WSS4J itself) and then changed one thing at a time.
"""
from __future__ import annotations

import base64
import dataclasses
import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID
from lxml import etree

from discimus_client.wsse import ns
from discimus_client.wsse.connector import (
    ConnectorVerifier, is_connector_shape, referte_replay_key,
)
from discimus_client.wsse.connector_signing import ConnectorSigner, pki_path
from discimus_client.wsse.envelope import check_envelope
from discimus_client.wsse.errors import (
    InvalidSecurityToken, InvalidSignatureStructure, InvalidTimestamp, MessageExpired,
    SignatureInvalid, SignatureWrapping, TimestampInFuture, UnsupportedAlgorithm,
)
from discimus_client.wsse.parser import parse_xml
from discimus_client.wsse.policy import MAGDA_CONNECTOR, STRICT
from discimus_client.wsse.signing import Signer
from discimus_client.wsse.verifying import Verifier
from tests.unit.wsse.conftest import NOW

BRUSSELS = ZoneInfo("Europe/Brussels")
DS = f"{{{ns.DS}}}"


def message(*, tijdstip: dt.datetime | None = NOW, referte: str = "r-1") -> bytes:
    """A MAGDA request as the connector fills it in (Brussels time, ``.000``)."""
    if tijdstip is None:
        moment = ""
    else:
        local = tijdstip.astimezone(BRUSSELS)
        moment = (f"<Tijdstip><Datum>{local:%Y-%m-%d}</Datum>"
                  f"<Tijd>{local:%H:%M:%S}.000</Tijd></Tijdstip>")
    return (f'<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/">'
            f'<soapenv:Header/><soapenv:Body><web:GeefHistoriekInschrijving xmlns:web="urn:w">'
            f"<Verzoek><Context><Naam>GeefHistoriekInschrijving</Naam><Versie>02.01.0000"
            f"</Versie><Bericht><Type>VRAAG</Type>{moment}<Afzender><Identificatie>kb"
            f"</Identificatie><Referte>{referte}</Referte></Afzender></Bericht></Context>"
            f"<Vragen><Vraag><Referte>{referte}</Referte><Inhoud><INSZ>12031555672</INSZ>"
            f"</Inhoud></Vraag></Vragen></Verzoek></web:GeefHistoriekInschrijving>"
            f"</soapenv:Body></soapenv:Envelope>").encode()


def signed(pair, data: bytes | None = None, **kwargs) -> bytes:
    root = etree.fromstring(data or message())
    ConnectorSigner(*pair, **kwargs).sign(root)
    return etree.tostring(root)


def verify(data: bytes, now=NOW, policy=STRICT, connector=MAGDA_CONNECTOR):
    envelope = check_envelope(parse_xml(data, policy), policy, require_security=True)
    return ConnectorVerifier(policy, connector).verify(envelope, now=now)


def changed(data: bytes, change) -> bytes:
    root = etree.fromstring(data)
    change(root)
    return etree.tostring(root)


def test_the_connector_shape_is_accepted_with_its_body_and_referte(rsa_pair):
    data = signed(rsa_pair)
    verified = verify(data)
    assert verified.referte == "r-1"
    assert verified.payload.tag == "{urn:w}GeefHistoriekInschrijving"
    assert verified.created == NOW
    assert verified.expires == NOW + STRICT.max_age
    assert verified.replay_key == referte_replay_key("informat", "r-1")
    assert is_connector_shape(check_envelope(parse_xml(data, STRICT), STRICT,
                                             require_security=True))


def test_the_signed_message_is_what_magda_s_connector_sends(rsa_pair):
    root = etree.fromstring(signed(rsa_pair))
    signature = root.find(f".//{DS}Signature")
    assert signature.find(f"{DS}SignedInfo/{DS}SignatureMethod").get("Algorithm") == \
        ns.RSA_SHA1
    references = signature.findall(f"{DS}SignedInfo/{DS}Reference")
    assert [r.find(f"{DS}DigestMethod").get("Algorithm") for r in references] == [ns.SHA1]
    body = root.find(f"{{{ns.SOAP11_ENV}}}Body")
    assert references[0].get("URI") == "#" + body.get(ns.WSU_ID)
    assert root.find(f".//{{{ns.WSU}}}Timestamp") is None
    token = root.find(f".//{ns.BINARY_SECURITY_TOKEN}")
    assert token.get("ValueType") == ns.X509_PKIPATH


def test_a_second_message_with_the_same_referte_has_the_same_replay_key(rsa_pair):
    first = verify(signed(rsa_pair, message(tijdstip=NOW)))
    later = verify(signed(rsa_pair, message(tijdstip=NOW + dt.timedelta(seconds=30))),
                   now=NOW + dt.timedelta(seconds=30))
    other = verify(signed(rsa_pair, message(referte="r-2")))
    assert first.replay_key == later.replay_key != other.replay_key


def test_a_missing_tijdstip_is_refused_s150(rsa_pair):
    with pytest.raises(InvalidTimestamp, match="Tijdstip"):
        verify(signed(rsa_pair, message(tijdstip=None)))


@pytest.mark.parametrize("age, error", [
    (dt.timedelta(seconds=301), MessageExpired),
    (dt.timedelta(seconds=-62), TimestampInFuture),
])
def test_a_tijdstip_outside_the_timestamp_window_is_refused(rsa_pair, age, error):
    data = signed(rsa_pair, message(tijdstip=NOW - age))
    assert error.code in (151, 152)
    with pytest.raises(error, match="Tijdstip"):
        verify(data)


def test_the_window_is_the_strict_profile_s_own(rsa_pair):
    data = signed(rsa_pair, message(tijdstip=NOW - dt.timedelta(seconds=200)))
    verify(data)
    with pytest.raises(MessageExpired):
        verify(data, policy=dataclasses.replace(STRICT, max_age=dt.timedelta(seconds=100)))


def test_the_autumn_hour_means_either_instant(rsa_pair):
    # 2026-10-25 02:30 happens twice in Brussels: 00:30 UTC (summer time) and 01:30
    # UTC (winter time). Read as the first, a message sent at the second is an hour old.
    now = dt.datetime(2026, 10, 25, 1, 30, 20, tzinfo=dt.timezone.utc)
    data = signed(rsa_pair, message(tijdstip=now))
    assert verify(data, now=now).created == now
    earlier = now - dt.timedelta(hours=1)
    assert verify(signed(rsa_pair, message(tijdstip=earlier)), now=earlier).created == \
        earlier


def test_an_altered_body_is_refused_s133(rsa_pair):
    data = signed(rsa_pair).replace(b"12031555672", b"85073003328")
    with pytest.raises(SignatureInvalid):
        verify(data)


def test_a_reference_to_anything_but_the_body_is_refused_s132(rsa_pair):
    def point_at_token(root):
        token = root.find(f".//{ns.BINARY_SECURITY_TOKEN}")
        root.find(f".//{DS}Reference").set("URI", "#" + token.get(ns.WSU_ID))
    with pytest.raises(SignatureWrapping, match="soap:Body"):
        verify(changed(signed(rsa_pair), point_at_token))


def test_a_body_id_carried_twice_is_refused_s132(rsa_pair):
    def duplicate(root):
        body = root.find(f"{{{ns.SOAP11_ENV}}}Body")
        root.find(f"{{{ns.SOAP11_ENV}}}Header").append(
            etree.Element("x", {ns.WSU_ID: body.get(ns.WSU_ID)}))
    with pytest.raises(SignatureWrapping):
        verify(changed(signed(rsa_pair), duplicate))


def test_an_extra_reference_is_refused_s131(rsa_pair):
    def second_reference(root):
        signed_info = root.find(f".//{DS}SignedInfo")
        signed_info.append(etree.fromstring(etree.tostring(
            signed_info.find(f"{DS}Reference"))))
    with pytest.raises(InvalidSignatureStructure, match="exactly one Reference"):
        verify(changed(signed(rsa_pair), second_reference))


def test_a_timestamp_makes_it_no_connector_message(rsa_pair):
    def add_timestamp(root):
        root.find(f".//{ns.SECURITY}").insert(0, etree.Element(ns.TIMESTAMP))
    data = changed(signed(rsa_pair), add_timestamp)
    assert not is_connector_shape(check_envelope(parse_xml(data, STRICT), STRICT,
                                                 require_security=True))
    with pytest.raises(InvalidSignatureStructure, match="no wsu:Timestamp"):
        verify(data)


@pytest.mark.parametrize("field, uri", [
    ("signature_algorithms", ns.RSA_SHA256), ("digest_algorithms", ns.SHA256)])
def test_other_algorithms_than_the_connector_s_are_refused_s130(rsa_pair, field, uri):
    stronger = dataclasses.replace(MAGDA_CONNECTOR, **{field: frozenset({uri})})
    with pytest.raises(UnsupportedAlgorithm, match="magda-connector profile"):
        verify(signed(rsa_pair, connector=stronger))
    verify(signed(rsa_pair, connector=stronger), connector=stronger)   # if configured


def test_a_transform_other_than_exclusive_c14n_is_refused_s130(rsa_pair):
    def xslt(root):
        root.find(f".//{DS}Transform").set("Algorithm",
                                           "http://www.w3.org/TR/1999/REC-xslt-19991116")
    with pytest.raises(UnsupportedAlgorithm):
        verify(changed(signed(rsa_pair), xslt))


def test_an_x509v3_token_is_refused_s140(rsa_pair):
    def single(root):
        root.find(f".//{ns.BINARY_SECURITY_TOKEN}").set("ValueType", ns.X509V3)
    with pytest.raises(InvalidSecurityToken, match="PkiPath"):
        verify(changed(signed(rsa_pair), single))


def test_a_token_that_is_no_pki_path_is_refused_s140(rsa_pair):
    certificate = x509.load_pem_x509_certificate(rsa_pair[1])
    bare = base64.b64encode(certificate.public_bytes(serialization.Encoding.DER)).decode()

    def not_a_path(root):
        root.find(f".//{ns.BINARY_SECURITY_TOKEN}").text = bare
    with pytest.raises(InvalidSecurityToken, match="PkiPath"):
        verify(changed(signed(rsa_pair), not_a_path))


def _issued_pair():
    """A CA and a signer it issued: (signer key PEM, signer + CA PEM, CA, signer)."""
    ca_key, key = (rsa.generate_private_key(65537, 2048) for _ in range(2))

    def cert(subject, issuer, public, signer, ca):
        return (x509.CertificateBuilder().subject_name(subject).issuer_name(issuer)
                .public_key(public).serial_number(x509.random_serial_number())
                .not_valid_before(NOW - dt.timedelta(days=1))
                .not_valid_after(NOW + dt.timedelta(days=30))
                .add_extension(x509.BasicConstraints(ca=ca, path_length=None), True)
                .sign(signer, hashes.SHA256()))
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "CA")])
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "groeipakket")])
    ca = cert(ca_name, ca_name, ca_key.public_key(), ca_key, True)
    leaf = cert(name, ca_name, key.public_key(), ca_key, False)
    pem = b"".join(c.public_bytes(serialization.Encoding.PEM) for c in (leaf, ca))
    return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                             serialization.NoEncryption()), pem, ca, leaf


def test_a_path_with_its_issuer_is_accepted_the_signer_last():
    key_pem, chain_pem, _ca, leaf = _issued_pair()
    verified = verify(signed((key_pem, chain_pem)))
    assert verified.certificate == leaf
    assert verified.replay_key == referte_replay_key("groeipakket", "r-1")


def test_a_path_in_the_wrong_order_is_refused_s140():
    key_pem, chain_pem, ca, leaf = _issued_pair()

    def reverse(root):
        root.find(f".//{ns.BINARY_SECURITY_TOKEN}").text = base64.b64encode(
            pki_path([leaf, ca])).decode()
    with pytest.raises(InvalidSecurityToken, match="order"):
        verify(changed(signed((key_pem, chain_pem)), reverse))


def test_the_strict_verifier_refuses_sha1_naming_its_profile(rsa_pair):
    """A Timestamp-bearing message (the strict shape) with RSA-SHA1: S130, strict."""
    root = etree.fromstring(message())
    Signer(*rsa_pair).sign(root, now=NOW)
    method = root.find(f".//{DS}SignatureMethod")
    method.set("Algorithm", ns.RSA_SHA1)
    envelope = check_envelope(parse_xml(etree.tostring(root), STRICT), STRICT,
                              require_security=True)
    with pytest.raises(UnsupportedAlgorithm, match="rsa-sha1.*strict profile"):
        Verifier(STRICT).verify(envelope, now=NOW)


def test_a_connector_message_is_no_strict_message(rsa_pair):
    envelope = check_envelope(parse_xml(signed(rsa_pair), STRICT), STRICT,
                              require_security=True)
    with pytest.raises(InvalidTimestamp):
        Verifier(STRICT).verify(envelope, now=NOW)


def test_an_ec_key_cannot_sign_like_the_connector(ec_pair):
    with pytest.raises(ValueError, match="RSA"):
        ConnectorSigner(*ec_pair)
