"""What the client raises. Uitzonderingen are not exceptions: they come back as values."""
from __future__ import annotations

import re

from discimus_client.wsse.errors import ResponseVerificationFailed, SecurityError

__all__ = ["ClientError", "ServiceFault", "ResponseVerificationFailed", "SecurityError"]


class ClientError(Exception):
    """Root of the client's own errors."""


class ServiceFault(ClientError):
    """The service refused the message with a SOAP fault (security or protocol).

    :ivar code: the stable code, e.g. ``"S133"`` (None for spyne's own faults such as
        ``Client.SchemaValidationError``)
    :ivar faultcode: the SOAP faultcode, e.g. ``"wsse:FailedCheck"``
    :ivar message: the faultstring without its code
    """

    def __init__(self, faultcode: str, faultstring: str):
        match = re.match(r"\[(S\d+)\]\s*(.*)", faultstring or "", re.S)
        self.code = match.group(1) if match else None
        self.message = match.group(2) if match else (faultstring or "")
        self.faultcode = faultcode
        super().__init__(f"{faultcode}: {faultstring}")
