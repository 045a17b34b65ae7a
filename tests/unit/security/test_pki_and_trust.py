"""The development PKI and the trust store that checks senders' certificates."""
import datetime as dt
import os
import stat

import pytest
from cryptography import x509

from discimus_client.wsse.errors import (
    CertificateExpired, CertificateNotAllowed, CertificateRevoked, InvalidSecurityToken,
    UntrustedCertificate,
)
from discimus_service.security.pki import (
    PkiPaths, init_pki, issue_certificate, load_certificate, revoke,
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
