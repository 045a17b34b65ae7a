"""The development PKI and the trust store that checks senders' certificates."""
import datetime as dt
import os
import stat

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, rsa

from discimus_client.wsse.errors import (
    CertificateExpired, CertificateNotAllowed, CertificateRevoked, InvalidSecurityToken,
    UntrustedCertificate,
)
from discimus_service.security.pki import (
    PkiPaths, init_pki, issue_certificate, key_type_of, load_certificate, revoke,
)
from discimus_service.security.trust import TrustStore, sender_id_of

NOW = dt.datetime.now(dt.timezone.utc)


@pytest.fixture(scope="module")
def pki(tmp_path_factory):
    return init_pki(tmp_path_factory.mktemp("pki"), ["informat", "wisa"])


def cert(pem: bytes) -> x509.Certificate:
    return x509.load_pem_x509_certificate(pem)


def test_init_creates_everything_with_private_keys_private(pki):
    for path in (pki.ca_cert, pki.server_cert, pki.crl, pki.sender_cert("wisa")):
        assert path.is_file()
    for key in (pki.ca_key, pki.server_key, pki.sender_key("informat")):
        assert stat.S_IMODE(os.stat(key).st_mode) == 0o600


def test_init_again_changes_nothing(pki):
    before = {p.name: p.read_bytes() for p in pki.directory.glob("*.*")}
    init_pki(pki.directory, ["informat", "wisa"])
    assert {p.name: p.read_bytes() for p in pki.directory.glob("*.*")} == before


def test_a_sender_certificate_is_trusted_and_names_its_sender(pki):
    c = load_certificate(pki.sender_cert("informat"))
    TrustStore.from_paths(pki).validate(c, at=NOW)
    assert sender_id_of(c) == "informat"


@pytest.mark.parametrize("options, error", [
    (dict(self_signed=True), UntrustedCertificate),
    (dict(not_before=NOW - dt.timedelta(days=30), not_after=NOW - dt.timedelta(days=1)),
     CertificateExpired),
    (dict(not_before=NOW + dt.timedelta(days=1), not_after=NOW + dt.timedelta(days=30)),
     CertificateExpired),
    (dict(is_ca=True), CertificateNotAllowed),
    (dict(digital_signature=False), CertificateNotAllowed),
    (dict(key_size=1024), CertificateNotAllowed),
])
def test_bad_certificates_are_refused(pki, options, error):
    _key, pem = issue_certificate(pki, "informat", **options)
    with pytest.raises(error):
        TrustStore.from_paths(pki).validate(cert(pem), at=NOW)


def test_another_ca_is_not_ours(pki, tmp_path):
    stranger = init_pki(tmp_path / "other", ["informat"])
    with pytest.raises(UntrustedCertificate):
        TrustStore.from_paths(pki).validate(
            load_certificate(stranger.sender_cert("informat")), at=NOW)


def test_revocation_reaches_a_running_trust_store(pki):
    running = TrustStore.from_paths(pki)
    _key, pem = issue_certificate(pki, "wisa")
    running.validate(cert(pem), at=NOW)
    revoke(pki, cert(pem))
    with pytest.raises(CertificateRevoked):
        running.validate(cert(pem), at=NOW)
    with pytest.raises(CertificateRevoked):
        TrustStore.from_paths(pki).validate(cert(pem), at=NOW)
    TrustStore.from_paths(pki).validate(load_certificate(pki.sender_cert("wisa")), at=NOW)


@pytest.mark.parametrize("name", ["a b", "wisa/../ca", "véndor", "informat\n"])
def test_sender_ids_must_be_plain(pki, name):
    _key, pem = issue_certificate(pki, name)
    with pytest.raises(InvalidSecurityToken):
        sender_id_of(cert(pem))


# -- the server's key: RSA by default, EC on request, an existing one kept ---------------
def _server_key_type(paths: PkiPaths) -> str:
    return key_type_of(paths.server_key)


def test_a_new_pki_signs_answers_with_an_rsa_2048_key(pki):
    assert _server_key_type(pki) == "rsa"
    key = load_certificate(pki.server_cert).public_key()
    assert isinstance(key, rsa.RSAPublicKey) and key.key_size == 2048


def test_an_existing_ec_server_key_is_kept_and_only_replaced_on_request(tmp_path):
    paths = init_pki(tmp_path, ["informat"], server_key_type="ec")
    assert _server_key_type(paths) == "ec"
    assert isinstance(load_certificate(paths.server_cert).public_key(),
                      ec.EllipticCurvePublicKey)
    kept = {p.name: p.read_bytes() for p in tmp_path.glob("*.*")}
    init_pki(tmp_path, ["informat"])              # what `serve --init` does every start
    init_pki(tmp_path, ["informat"], server_key_type="ec")
    assert {p.name: p.read_bytes() for p in tmp_path.glob("*.*")} == kept

    init_pki(tmp_path, ["informat"], server_key_type="rsa")
    assert _server_key_type(paths) == "rsa"
    now = {p.name: p.read_bytes() for p in tmp_path.glob("*.*")}
    changed = {name for name in kept if kept[name] != now[name]}
    assert changed == {"server.key", "server.pem"}   # same CA, vendors' keys unchanged
    TrustStore.from_paths(paths).validate(load_certificate(paths.server_cert), at=NOW)


def test_an_unknown_server_key_type_is_refused(tmp_path):
    with pytest.raises(ValueError, match="rsa or ec"):
        init_pki(tmp_path, ["informat"], server_key_type="dsa")


def test_a_server_key_no_signer_takes_is_replaced_when_a_type_is_asked(tmp_path):
    paths = init_pki(tmp_path, [])
    paths.server_key.write_bytes(ed25519.Ed25519PrivateKey.generate().private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption()))
    assert key_type_of(paths.server_key) == "other"
    init_pki(tmp_path, [], server_key_type="rsa")
    assert key_type_of(paths.server_key) == "rsa"
