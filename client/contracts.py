"""The packaged WSDLs: the client never needs the network to know a contract."""
from __future__ import annotations

from importlib import resources
from pathlib import Path

SERVICES = ("inschrijving", "afwezigheid", "leerlingenkenmerken", "studiebewijs",
            "internaat", "klasinformatie", "tucht", "ondersteuning", "weigering", "dko")


def wsdl_path(service: str) -> Path:
    """Path of the committed WSDL of ``service`` (e.g. ``"inschrijving"``).

    :raises LookupError: no such service contract is packaged.
    """
    path = Path(str(resources.files("discimus_client").joinpath("wsdl", f"{service}.wsdl")))
    if not path.is_file():
        raise LookupError(f"no packaged WSDL for {service!r}; known: {', '.join(SERVICES)}")
    return path
