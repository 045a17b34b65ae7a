"""Is this certificate one of ours, valid now, fit to sign, and not revoked?

Checked with ``cryptography`` ourselves (docs/security.rst): xmlsec would gladly verify with
the key of any self-signed certificate a message carries. The CRL is re-read when its
file changes, so ``discimus pki revoke`` takes effect on running workers at their next
request, without a restart.
"""
from __future__ import annotations

import datetime as dt
import os
import re
import threading
from pathlib import Path

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.x509.oid import NameOID

from discimus_client.wsse.errors import (
    CertificateExpired, CertificateNotAllowed, CertificateRevoked, InvalidSecurityToken,
    UntrustedCertificate,
)

_SENDER_ID = re.compile(r"[A-Za-z0-9._-]{1,64}\Z")
_RENEW = "; issue a new one (`discimus pki init --force` for the development PKI)"


class TrustStore:
    def __init__(self, ca_cert: x509.Certificate, crl_path: Path | None):
        self._ca = ca_cert
        self._crl_path = Path(crl_path) if crl_path else None
        self._crl_stamp: tuple | None = None
        self._revoked: frozenset[int] = frozenset()
        self._issued_by_us: dict[bytes, bool] = {}   # signature check, per certificate
        self._lock = threading.Lock()

    @classmethod
    def from_paths(cls, paths) -> "TrustStore":
        return cls(x509.load_pem_x509_certificate(paths.ca_cert.read_bytes()), paths.crl)

    def validate(self, cert: x509.Certificate, *, at: dt.datetime) -> None:
        """:raises SecurityError: UntrustedCertificate, CertificateExpired,
            CertificateNotAllowed or CertificateRevoked, saying why and what to do."""
        subject = _cn(cert) or "?"
        self._check_issuer(cert, subject)
        if at < cert.not_valid_before_utc:
            raise CertificateExpired(f"the certificate of {subject!r} is not valid before "
                                     f"{cert.not_valid_before_utc:%Y-%m-%d %H:%M} UTC")
        if at > cert.not_valid_after_utc:
            raise CertificateExpired(f"the certificate of {subject!r} expired on "
                                     f"{cert.not_valid_after_utc:%Y-%m-%d}{_RENEW}")
        _check_usage(cert, subject)
        if cert.serial_number in self._revoked_serials():
            raise CertificateRevoked(f"the certificate of {subject!r} (serial "
                                     f"{cert.serial_number:x}) is revoked{_RENEW}")

    def _check_issuer(self, cert: x509.Certificate, subject: str) -> None:
        key = cert.fingerprint(cert.signature_hash_algorithm) \
            if cert.signature_hash_algorithm else cert.tbs_certificate_bytes
        with self._lock:
            known = self._issued_by_us.get(key)
        if known is None:
            try:
                cert.verify_directly_issued_by(self._ca)
                known = True
            except (ValueError, TypeError, InvalidSignature):
                known = False
            with self._lock:
                if len(self._issued_by_us) > 4096:
                    self._issued_by_us.clear()
                self._issued_by_us[key] = known
        if not known:
            raise UntrustedCertificate(f"the certificate of {subject!r} is not issued by "
                                       "the emulator's CA; use the certificate from the "
                                       "emulator's PKI folder")

    def _revoked_serials(self) -> frozenset[int]:
        if self._crl_path is None:
            return frozenset()
        try:
            info = os.stat(self._crl_path)
        except FileNotFoundError:
            raise UntrustedCertificate("the emulator has no revocation list; run "
                                       "`discimus pki init`") from None
        stamp = (info.st_mtime_ns, info.st_size, info.st_ino)
        if stamp != self._crl_stamp:
            crl = x509.load_pem_x509_crl(self._crl_path.read_bytes())
            if not crl.is_signature_valid(self._ca.public_key()):
                raise UntrustedCertificate("the emulator's revocation list is not signed "
                                           "by its CA; refusing every certificate")
            with self._lock:
                self._revoked = frozenset(entry.serial_number for entry in crl)
                self._crl_stamp = stamp
        return self._revoked


def _check_usage(cert: x509.Certificate, subject: str) -> None:
    try:
        basic = cert.extensions.get_extension_for_class(x509.BasicConstraints).value
        if basic.ca:
            raise CertificateNotAllowed(f"{subject!r} is a CA certificate; a CA may not "
                                        "sign messages")
    except x509.ExtensionNotFound:
        pass
    try:
        usage = cert.extensions.get_extension_for_class(x509.KeyUsage).value
    except x509.ExtensionNotFound:
        usage = None
    if usage is None or not usage.digital_signature:
        raise CertificateNotAllowed(f"the certificate of {subject!r} does not allow "
                                    "digital signatures (key usage digitalSignature)")
    public = cert.public_key()
    if isinstance(public, rsa.RSAPublicKey):
        if public.key_size < 2048:
            raise CertificateNotAllowed(f"the RSA key of {subject!r} has {public.key_size} "
                                        "bits; at least 2048 are required")
    elif isinstance(public, ec.EllipticCurvePublicKey):
        if public.curve.key_size < 256:
            raise CertificateNotAllowed(f"the EC key of {subject!r} is below P-256")
    else:
        raise CertificateNotAllowed(f"the key of {subject!r} is neither RSA nor EC")


def _cn(cert: x509.Certificate) -> str | None:
    names = cert.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
    return str(names[0].value)[:64] if len(names) == 1 else None


def sender_id_of(cert: x509.Certificate) -> str:
    """The sender identity: the certificate subject's single CN.

    :raises InvalidSecurityToken: no CN, several, or characters outside [A-Za-z0-9._-]
    """
    names = cert.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
    value = str(names[0].value) if len(names) == 1 else ""
    if not _SENDER_ID.match(value):
        raise InvalidSecurityToken("the certificate subject must have exactly one CN of "
                                   "1 to 64 letters, digits, '.', '_' or '-'")
    return value
