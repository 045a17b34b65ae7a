"""The WS-Security profile as one frozen policy object with secure defaults.

Vary it with ``dataclasses.replace(STRICT, max_age=...)``; nothing loosens it by
accident. Defaults follow docs/security.rst and WSS4J (60 s future skew, 300 s maximum age).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from discimus_client.wsse import ns


@dataclass(frozen=True)
class SecurityPolicy:
    # parsing limits (libxml2 caps only some of these itself)
    max_bytes: int = 1_000_000
    max_depth: int = 64
    max_elements: int = 10_000
    max_namespace_declarations: int = 100
    max_attributes_per_element: int = 50
    # time
    future_skew: dt.timedelta = dt.timedelta(seconds=60)
    max_age: dt.timedelta = dt.timedelta(seconds=300)
    timestamp_ttl: dt.timedelta = dt.timedelta(seconds=300)
    # algorithms: no SHA-1, MD5 or HMAC; exclusive c14n only
    signature_algorithms: frozenset = frozenset({
        ns.RSA_SHA256, ns.RSA_SHA384, ns.RSA_SHA512,
        ns.ECDSA_SHA256, ns.ECDSA_SHA384, ns.ECDSA_SHA512})
    digest_algorithms: frozenset = frozenset({ns.SHA256, ns.SHA384, ns.SHA512})
    min_rsa_bits: int = 2048
    # headers a receiver understands (others with mustUnderstand="1" are refused)
    understood_headers: frozenset = frozenset({ns.SECURITY})


STRICT = SecurityPolicy()


# -- the magda-connector profile -------------------------------------------------------
STRICT_PROFILE = "strict"
MAGDA_CONNECTOR_PROFILE = "magda-connector"
PROFILES = (STRICT_PROFILE, MAGDA_CONNECTOR_PROFILE)


@dataclass(frozen=True)
class ConnectorPolicy:
    """What MAGDA's own Java connector sends, and nothing more (docs/security.rst).

    ``DocumentSigner`` in MAGDA-Mock's ``signing`` module (WSS4J ``WSSecSignature``):
    ``setSignatureAlgorithm(RSA_SHA1)``, WSS4J's default SHA-1 digest, exclusive c14n,
    the SOAP Body as the only part, ``BST_DIRECT_REFERENCE`` with
    ``setUseSingleCertificate(false)`` (a ``PKIPathSecurity`` token), no Timestamp.
    Freshness then comes from the verified Body's ``Context/Bericht/Tijdstip``, judged
    with the :class:`SecurityPolicy`'s own window (``future_skew``, ``max_age``), and a
    replay is a second message of the same sender with the same ``Afzender/Referte``.
    Only partners whose sender record opts in are served with it; the defaults accept
    exactly the connector's algorithms, so every weakening is a visible ``replace``.
    """

    name: str = MAGDA_CONNECTOR_PROFILE
    # SHA-1: the connector hard-codes it (RSA_SHA1; WSS4J's default digest). Accepted
    # only in this shape, only from partners who opted in; never from anyone else.
    signature_algorithms: frozenset = frozenset({ns.RSA_SHA1})
    digest_algorithms: frozenset = frozenset({ns.SHA1})
    token_value_type: str = ns.X509_PKIPATH
    max_path_certificates: int = 4     # the signer, then at most three issuers
    min_rsa_bits: int = 2048
    # Context/Bericht/Tijdstip is Brussels local time (MAGDA-Mock's MagdaRequest:
    # LocalDateTime in Europe/Brussels, "HH:mm:ss.000").
    tijdstip_zone: str = "Europe/Brussels"


MAGDA_CONNECTOR = ConnectorPolicy()
