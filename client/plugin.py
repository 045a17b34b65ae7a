"""WS-Security for zeep, done right.

zeep's own ``zeep.wsse.signature.Signature`` signs with RSA-SHA1 by default, adds no
Timestamp, does not require the Body to be signed, and verifies responses with the
*client's* certificate. This plugin signs Body + Timestamp with RSA-SHA256 (or ECDSA)
and exclusive c14n, and verifies every response, faults included, strictly against the
*server's* pinned certificate.
"""
from __future__ import annotations

import datetime as dt

from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding

from discimus_client.wsse.envelope import check_envelope
from discimus_client.wsse.errors import ResponseVerificationFailed, SecurityError
from discimus_client.wsse.policy import STRICT, SecurityPolicy
from discimus_client.wsse.signing import Signer
from discimus_client.wsse.verifying import VerifiedMessage, Verifier


class SignatureProfile:
    """The object zeep calls as ``wsse``: ``apply`` on the way out, ``verify`` on the way in."""

    def __init__(self, key_pem: bytes, cert_pem: bytes, server_cert_pem: bytes, *,
                 policy: SecurityPolicy = STRICT):
        self._signer = Signer(key_pem, cert_pem, policy=policy)
        self._verifier = Verifier(policy)
        self._policy = policy
        self._server_der = x509.load_pem_x509_certificate(server_cert_pem).public_bytes(
            Encoding.DER)
        self.last_verified: VerifiedMessage | None = None

    def apply(self, envelope, headers):
        self._signer.sign(envelope, now=dt.datetime.now(dt.timezone.utc))
        return envelope, headers

    def verify(self, envelope):
        """:raises ResponseVerificationFailed: the answer is not the server's, or altered."""
        try:
            checked = check_envelope(envelope, self._policy, require_security=True)
            self.last_verified = self._verifier.verify(
                checked, now=dt.datetime.now(dt.timezone.utc),
                expected_certificate_der=self._server_der)
        except SecurityError as error:
            raise ResponseVerificationFailed(
                f"the service's answer failed verification: {error.faultstring}") from error
        return envelope
