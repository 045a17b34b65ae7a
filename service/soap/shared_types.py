"""Simple types every school-side contract declares alike, each in its own namespace.

Each message type has its own target namespace (one WSDL per message type), so these
types are declared once per contract; their facets and documentation come from here so
that the contracts cannot drift apart on what an institution number or a Vervolg is.
"""
from __future__ import annotations

import functools

from discimus_service.soap.documented import simple_type


@functools.cache   # one class per namespace, whoever asks for it
def instellingsnummer_type(ns: str):
    return simple_type(
        "InstellingsnummerType", ns, "Institution number given by the Department: 1 to 6 "
        "digits (leading zeros are dropped in some data).", pattern=r"\d{1,6}")


@functools.cache
def stamnummer_type(ns: str):
    return simple_type(
        "StamnummerType", ns, "The school's student number (stamnummer), at most 10 "
        "characters; the service checks its form (7 digits, code 10003).", max_len=10)


@functools.cache
def vervolg_type(ns: str):
    return simple_type(
        "VervolgType", ns, "An opaque continuation token, at most 200 characters: copy it "
        "from an answer into the next question, unchanged.", max_len=200)
