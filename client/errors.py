"""What the client raises. Uitzonderingen are not exceptions: they come back as values."""
from __future__ import annotations

import re

from discimus_client.wsse.errors import ResponseVerificationFailed, SecurityError

__all__ = ["ClientError", "ConfigurationError", "ServiceFault",
           "ResponseVerificationFailed", "SecurityError"]


class ClientError(Exception):
    """Root of the client's own errors."""


class ConfigurationError(ClientError, ValueError):
    """A command cannot run as configured: a bad setting, a missing key or folder.

    Raised before anything is sent or served. The message is one line that says what is
    wrong and how to fix it; ``discimus`` prints it and exits 3. The emulator's settings
    raise it too (``discimus_service.settings``): one exception for both commands.
    """


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
