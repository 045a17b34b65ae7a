"""WS-Security for zeep, done right: the plugin a vendor gives their own ``zeep.Client``.

zeep's own ``zeep.wsse.signature.Signature``/``BinarySignature`` signs with RSA-SHA1 by
default, adds no Timestamp, does not require the Body to be signed, and verifies
responses with the *client's* certificate, so every answer of a service that signs with
its own key fails as an empty ``SignatureVerificationFailed`` (README, "Calling the
emulator from your own stack"). This plugin signs Body + Timestamp with RSA-SHA256 (or
ECDSA) and exclusive c14n, and verifies every response, faults included, strictly
against the *server's* pinned certificate::

    from discimus_client.wsse import ZeepSignature
    client = zeep.Client(wsdl_url, wsse=ZeepSignature("informat.key", "informat.pem",
                                                      "server.pem"))

Give it as ``wsse=``, not in ``plugins=``: zeep runs ``wsse`` after every plugin's
egress (so it signs last, and no plugin changes signed XML) and verifies before any
plugin's ingress sees the answer.
"""
from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

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


class ZeepSignature(SignatureProfile):
    """The public entry point: ``zeep.Client(wsdl, wsse=ZeepSignature(key, cert, server))``.

    The same arguments as zeep's ``BinarySignature(key_file, certfile)``, plus the
    server's certificate that every answer must be signed with. Stable API:
    ``discimus_client.wsse.ZeepSignature``.

    :param key_file: the vendor's unencrypted PEM private key (RSA ≥ 2048 or EC P-256+)
    :param cert_file: the vendor's PEM certificate, sent as BinarySecurityToken
    :param server_cert_file: the service's PEM certificate (``server.pem``)
    :param policy: the security profile; the strict default is the service's
    :raises ResponseVerificationFailed: from zeep's call, when an answer or a fault is
        not signed by ``server_cert_file`` or was altered (faults that verify are
        raised by zeep as ``zeep.exceptions.Fault``, their code first: ``[S141] …``)
    """

    def __init__(self, key_file: str | os.PathLike, cert_file: str | os.PathLike,
                 server_cert_file: str | os.PathLike, *, policy: SecurityPolicy = STRICT):
        super().__init__(Path(key_file).read_bytes(), Path(cert_file).read_bytes(),
                         Path(server_cert_file).read_bytes(), policy=policy)
