"""The development PKI: a CA, the server's certificate, one per vendor and agency, a CRL.

Made with ``cryptography`` only. ``init_pki`` creates what is missing and never touches
what exists (vendors copy their keys once), so ``make serve`` can call it every time.
The server key signs every answer and fault. It is RSA-2048 (RSA-SHA256) by default: the
WSDL's WS-SecurityPolicy suite Basic256Sha256 names RSA, WCF's suites are RSA only and
.NET Framework does not verify ECDSA (docs/wcf.rst), so only an RSA key lets every
mainstream stack verify the answers. EC P-256 (ECDSA-SHA256, faster to sign) is an
option: ``discimus pki init --server-key ec``. Whatever key ``server.key`` holds is used:
the signature method follows the key (``Signer``), never an assumption. Sender keys are
RSA-2048 by default, as most vendor PKIs issue.
"""
from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import hashlib
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

CA_NAME = "Discimus Emulator Development CA"
SERVER_NAME = "agodi-discimus-emulator"
ORGANISATION = "Discimus emulator"


@dataclass(frozen=True)
class PkiPaths:
    directory: Path

    @property
    def ca_cert(self) -> Path:
        return Path(self.directory) / "ca.pem"

    @property
    def ca_key(self) -> Path:
        return Path(self.directory) / "ca.key"

    @property
    def server_cert(self) -> Path:
        return Path(self.directory) / "server.pem"

    @property
    def server_key(self) -> Path:
        return Path(self.directory) / "server.key"

    @property
    def crl(self) -> Path:
        return Path(self.directory) / "crl.pem"

    def sender_cert(self, sender_id: str) -> Path:
        return Path(self.directory) / f"{sender_id}.pem"

    def sender_key(self, sender_id: str) -> Path:
        return Path(self.directory) / f"{sender_id}.key"


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


KEY_TYPES = ("rsa", "ec")


def _new_key(key_type: str, key_size: int = 2048):
    if key_type == "ec":
        return ec.generate_private_key(ec.SECP256R1())
    if key_type == "rsa":
        return rsa.generate_private_key(public_exponent=65537, key_size=key_size)
    raise ValueError(f"unknown key type {key_type!r}: rsa or ec")


def _key_pem(key) -> bytes:
    return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                             serialization.NoEncryption())


def _write(path: Path, data: bytes, *, private: bool = False) -> None:
    """Atomically: a reader never sees half a key or a half-written CRL."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        os.fchmod(fd, 0o600 if private else 0o644)
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def _name(common_name: str, organisation: str = ORGANISATION) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.ORGANIZATION_NAME, organisation),
                      x509.NameAttribute(NameOID.COMMON_NAME, common_name)])


def load_certificate(path) -> x509.Certificate:
    return x509.load_pem_x509_certificate(Path(path).read_bytes())


def load_private_key(path):
    return serialization.load_pem_private_key(Path(path).read_bytes(), password=None)


def key_type_of(path) -> str:
    """``"rsa"``, ``"ec"`` or ``"other"`` (no signer takes it): the PEM key at ``path``."""
    key = load_private_key(path)
    if isinstance(key, rsa.RSAPrivateKey):
        return "rsa"
    if isinstance(key, ec.EllipticCurvePrivateKey):
        return "ec"
    return "other"


def certificate_fingerprint(certificate: x509.Certificate) -> str:
    """SHA-256 of the DER certificate, hex."""
    return hashlib.sha256(certificate.public_bytes(serialization.Encoding.DER)).hexdigest()


def _build(subject: x509.Name, public_key, issuer: x509.Name, signing_key, *,
           not_before: dt.datetime, not_after: dt.datetime, is_ca: bool,
           digital_signature: bool, client_auth: bool) -> x509.Certificate:
    builder = (x509.CertificateBuilder()
               .subject_name(subject).issuer_name(issuer).public_key(public_key)
               .serial_number(x509.random_serial_number())
               .not_valid_before(not_before).not_valid_after(not_after)
               .add_extension(x509.BasicConstraints(ca=is_ca, path_length=None), True)
               .add_extension(x509.KeyUsage(
                   digital_signature=digital_signature, content_commitment=False,
                   key_encipherment=False, data_encipherment=False, key_agreement=False,
                   key_cert_sign=is_ca, crl_sign=is_ca, encipher_only=False,
                   decipher_only=False), True)
               .add_extension(x509.SubjectKeyIdentifier.from_public_key(public_key), False))
    if client_auth:
        builder = builder.add_extension(
            x509.ExtendedKeyUsage([ExtendedKeyUsageOID.CLIENT_AUTH]), False)
    return builder.sign(signing_key, hashes.SHA256())


def issue_certificate(paths: PkiPaths, common_name: str, *, key_type: str = "rsa",
                      key_size: int = 2048, not_before: dt.datetime | None = None,
                      not_after: dt.datetime | None = None, digital_signature: bool = True,
                      is_ca: bool = False, self_signed: bool = False
                      ) -> tuple[bytes, bytes]:
    """Issue a certificate from the dev CA (or self-signed); nothing is written.

    Every option exists so the tests can make the certificates the service must refuse
    (expired, not yet valid, no digitalSignature, a CA, a weak key, self-signed).

    :returns: (private key PEM, certificate PEM)
    """
    key = _new_key(key_type, key_size)
    now = _now()
    subject = _name(common_name)
    if self_signed:
        issuer, signing_key = subject, key
    else:
        issuer, signing_key = load_certificate(paths.ca_cert).subject, \
            load_private_key(paths.ca_key)
    cert = _build(subject, key.public_key(), issuer, signing_key,
                  not_before=not_before or now - dt.timedelta(days=1),
                  not_after=not_after or now + dt.timedelta(days=730), is_ca=is_ca,
                  digital_signature=digital_signature, client_auth=not is_ca)
    return _key_pem(key), cert.public_bytes(serialization.Encoding.PEM)


@contextlib.contextmanager
def _locked(directory: Path):
    """Two processes running ``init_pki`` at once (two ``make serve``) take turns."""
    with open(directory / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def init_pki(directory, sender_ids, *, force: bool = False, sender_key_type: str = "rsa",
             server_key_type: str | None = None) -> PkiPaths:
    """Create the CA, the server and sender certificates and the CRL, where missing.

    :param force: reissue everything, the CA included (every copied key stops working)
    :param server_key_type: ``"rsa"`` or ``"ec"`` for the key that signs the answers.
        ``None`` keeps an existing server key whatever its type (an EC key made before
        RSA became the default keeps working) and makes a new one RSA. Given, a server
        key of the other type is replaced by a new one from the same CA: vendors copy
        the new ``server.pem``; their own keys stay valid.
    """
    if server_key_type not in (None, *KEY_TYPES):
        raise ValueError(f"unknown server key type {server_key_type!r}: rsa or ec")
    paths = PkiPaths(Path(directory))
    paths.directory.mkdir(parents=True, exist_ok=True)
    with _locked(paths.directory):
        now = _now()
        if force or not (paths.ca_cert.exists() and paths.ca_key.exists()):
            force = True       # a new CA invalidates every certificate it issued
            ca_key = _new_key("rsa")
            ca_name = _name(CA_NAME)
            ca = _build(ca_name, ca_key.public_key(), ca_name, ca_key,
                        not_before=now - dt.timedelta(days=1),
                        not_after=now + dt.timedelta(days=3650), is_ca=True,
                        digital_signature=False, client_auth=False)
            _write(paths.ca_key, _key_pem(ca_key), private=True)
            _write(paths.ca_cert, ca.public_bytes(serialization.Encoding.PEM))
        if (force or not paths.server_cert.exists() or not paths.server_key.exists()
                or server_key_type not in (None, key_type_of(paths.server_key))):
            key_pem, cert_pem = issue_certificate(paths, SERVER_NAME,
                                                  key_type=server_key_type or "rsa")
            _write(paths.server_key, key_pem, private=True)
            _write(paths.server_cert, cert_pem)
        for sender_id in sender_ids:
            if force or not paths.sender_cert(sender_id).exists():
                key_pem, cert_pem = issue_certificate(paths, sender_id,
                                                      key_type=sender_key_type)
                _write(paths.sender_key(sender_id), key_pem, private=True)
                _write(paths.sender_cert(sender_id), cert_pem)
        if force or not paths.crl.exists():
            _write_crl(paths, [])
    return paths


def _write_crl(paths: PkiPaths, revoked: list) -> None:
    ca, ca_key = load_certificate(paths.ca_cert), load_private_key(paths.ca_key)
    now = _now()
    builder = (x509.CertificateRevocationListBuilder().issuer_name(ca.subject)
               .last_update(now).next_update(now + dt.timedelta(days=3650)))
    for entry in revoked:
        builder = builder.add_revoked_certificate(entry)
    crl = builder.sign(ca_key, hashes.SHA256())
    _write(paths.crl, crl.public_bytes(serialization.Encoding.PEM))


def revoke(paths: PkiPaths, certificate: x509.Certificate) -> None:
    """Put ``certificate`` on the CRL; running workers refuse it from their next request."""
    with _locked(Path(paths.directory)):
        current = x509.load_pem_x509_crl(paths.crl.read_bytes())
        entries = [e for e in current if e.serial_number != certificate.serial_number]
        entries.append(x509.RevokedCertificateBuilder()
                       .serial_number(certificate.serial_number)
                       .revocation_date(_now()).build())
        _write_crl(paths, entries)
