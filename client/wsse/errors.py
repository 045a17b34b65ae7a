"""Security and protocol failures: one tree with stable codes.

Each class fixes a numeric ``code`` (shown as ``[S133]`` at the start of the SOAP
faultstring and in the fault detail) and the SOAP ``faultcode``: the WS-Security 1.1
fault codes (OASIS WSS SOAP Message Security 1.1, section 12) where one fits, SOAP 1.1
``Client``/``MustUnderstand`` otherwise. Verification fails closed: every check raises
one of these, never returns False. They subclass :class:`ValueError` so a caller can
catch broadly.

Messages must never contain paths, tracebacks or echoed attacker input beyond a short,
sanitised excerpt.
"""
from __future__ import annotations

WSSE_FAULT = "wsse"
SOAP_FAULT = "soap"


class SecurityError(ValueError):
    """Root: the message was refused before any business processing."""

    code: int = 199
    faultcode: tuple[str, str] = (WSSE_FAULT, "InvalidSecurity")
    http_status: int = 500   # SOAP 1.1 faults travel with HTTP 500 (SOAP 1.1 §6.2)

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message

    @property
    def faultstring(self) -> str:
        return f"[S{self.code}] {self.message}"


# -- parsing ---------------------------------------------------------------------------
class MalformedXml(SecurityError):
    """Not well-formed XML 1.0, or in an unsupported encoding."""
    code = 100
    faultcode = (SOAP_FAULT, "Client")


class ForbiddenXml(SecurityError):
    """A DOCTYPE, entity or processing instruction (XXE, billion laughs)."""
    code = 101
    faultcode = (SOAP_FAULT, "Client")


class MessageTooLarge(SecurityError):
    """Over the byte, depth, element, attribute or namespace-declaration limits."""
    code = 102
    faultcode = (SOAP_FAULT, "Client")
    http_status = 413

    def __init__(self, message: str, *, http_status: int = 413):
        super().__init__(message)
        # Over the byte cap: HTTP 413, the body was not read. Over a structural limit
        # inside an accepted body: an ordinary SOAP 1.1 fault, HTTP 500.
        self.http_status = http_status


# -- envelope and transport ------------------------------------------------------------
class InvalidEnvelope(SecurityError):
    """Not exactly one SOAP 1.1 Envelope with at most one Header and one Body with one child."""
    code = 110
    faultcode = (SOAP_FAULT, "Client")


class UnsupportedSoapVersion(SecurityError):
    """A SOAP 1.2 (or other) envelope; only SOAP 1.1 is served."""
    code = 111
    faultcode = (SOAP_FAULT, "VersionMismatch")


class MustUnderstandFault(SecurityError):
    """A header marked mustUnderstand that this service does not process."""
    code = 112
    faultcode = (SOAP_FAULT, "MustUnderstand")


class WrongContentType(SecurityError):
    """Content-Type is not text/xml."""
    code = 113
    faultcode = (SOAP_FAULT, "Client")
    http_status = 415


class UnknownOperation(SecurityError):
    """The signed Body names no operation of this service."""
    code = 114
    faultcode = (SOAP_FAULT, "Client")


class SchemaViolation(SecurityError):
    """The verified Body does not follow the service's XML Schema (see its WSDL)."""
    code = 115
    faultcode = (SOAP_FAULT, "Client")


# -- signature -------------------------------------------------------------------------
class SecurityHeaderMissing(SecurityError):
    """No wsse:Security header for this receiver (one for another soap:actor is ignored)."""
    code = 120


class UnsupportedAlgorithm(SecurityError):
    """A signature, digest, canonicalisation or transform algorithm outside the profile."""
    code = 130
    faultcode = (WSSE_FAULT, "UnsupportedAlgorithm")


class InvalidSignatureStructure(SecurityError):
    """SignedInfo does not reference exactly the Body and the Timestamp as required."""
    code = 131


class SignatureWrapping(SecurityError):
    """A referenced Id is missing, duplicated or not on the processed Body/Timestamp."""
    code = 132


class SignatureInvalid(SecurityError):
    """The signature value or a digest does not match: the message was altered."""
    code = 133
    faultcode = (WSSE_FAULT, "FailedCheck")


class EncryptionNotSupported(SecurityError):
    """An encrypted part (xenc:EncryptedData or EncryptedKey): the profile signs only."""
    code = 134
    # WSS 1.1 §12: "an unsupported signature or encryption algorithm was used"; here
    # every encryption algorithm is unsupported, so this is the closest standard code.
    faultcode = (WSSE_FAULT, "UnsupportedAlgorithm")


# -- certificates and senders ----------------------------------------------------------
class InvalidSecurityToken(SecurityError):
    """No BinarySecurityToken referenced directly by the signature, or not an X.509 v3 one."""
    code = 140
    faultcode = (WSSE_FAULT, "InvalidSecurityToken")


class UntrustedCertificate(SecurityError):
    """The certificate was not issued by the emulator CA (or is not the pinned one)."""
    code = 141
    faultcode = (WSSE_FAULT, "FailedAuthentication")


class CertificateExpired(SecurityError):
    """The certificate is outside its validity period."""
    code = 142
    faultcode = (WSSE_FAULT, "FailedAuthentication")


class CertificateRevoked(SecurityError):
    """The certificate is on the emulator's revocation list."""
    code = 143
    faultcode = (WSSE_FAULT, "FailedAuthentication")


class CertificateNotAllowed(SecurityError):
    """A CA certificate, no digitalSignature key usage, or a weak key."""
    code = 144
    faultcode = (WSSE_FAULT, "FailedAuthentication")


class UnknownSender(SecurityError):
    """A valid certificate whose subject is no registered vendor or agency."""
    code = 145
    faultcode = (WSSE_FAULT, "FailedAuthentication")


# -- time and replay -------------------------------------------------------------------
class InvalidTimestamp(SecurityError):
    """The wsu:Timestamp is missing, duplicated, unsigned or malformed."""
    code = 150


class MessageExpired(SecurityError):
    """The Timestamp has expired or was created too long ago."""
    code = 151
    faultcode = ("wsu", "MessageExpired")


class TimestampInFuture(SecurityError):
    """The Timestamp was created further in the future than the allowed clock skew."""
    code = 152
    faultcode = ("wsu", "MessageExpired")


class ReplayedMessage(SecurityError):
    """This exact signature was already received."""
    code = 160


class ResponseVerificationFailed(SecurityError):
    """Client side: the service's answer is not validly signed by the service."""
    code = 170


def all_security_errors() -> list[type[SecurityError]]:
    out, stack = [], [SecurityError]
    while stack:
        cls = stack.pop()
        out.append(cls)
        stack.extend(cls.__subclasses__())
    return sorted(out, key=lambda c: c.code)
