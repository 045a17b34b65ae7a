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
