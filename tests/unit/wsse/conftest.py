import datetime as dt

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.x509.oid import NameOID
from lxml import etree

from discimus_client.wsse.signing import Signer

NOW = dt.datetime(2026, 9, 3, 8, 0, tzinfo=dt.timezone.utc)
MESSAGE = (b'<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/">'
           b'<soap:Header/><soap:Body><op:Vraag xmlns:op="urn:test"><op:School>034567'
           b'</op:School></op:Vraag></soap:Body></soap:Envelope>')


def key_and_cert(key):
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "informat")])
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(NOW - dt.timedelta(days=1))
            .not_valid_after(NOW + dt.timedelta(days=365)).sign(key, hashes.SHA256()))
    return (key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                              serialization.NoEncryption()),
            cert.public_bytes(serialization.Encoding.PEM))


@pytest.fixture(scope="session")
def rsa_pair():
    return key_and_cert(rsa.generate_private_key(65537, 2048))


@pytest.fixture(scope="session")
def ec_pair():
    return key_and_cert(ec.generate_private_key(ec.SECP256R1()))


@pytest.fixture
def signed(rsa_pair):
    """A freshly signed message (bytes), signed at NOW."""
    root = etree.fromstring(MESSAGE)
    Signer(*rsa_pair).sign(root, now=NOW)
    return etree.tostring(root)
