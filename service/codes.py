"""The one documented table of every code the emulator answers with (README section)."""
from __future__ import annotations

from discimus_client.wsse.errors import all_security_errors
from discimus_service.domain.errors import all_codes
from discimus_service.security.faults import InternalError, RequestTimedOut, WrongSoapAction


def rows() -> list[tuple[str, str, str, str]]:
    """(code, kind, severity or faultcode, meaning) for every Uitzondering and fault."""
    out = []
    for cls in all_codes():
        if cls.__name__ in ("DomainError", "Notice"):
            continue
        out.append((f"{cls.code:05d}", "Uitzondering", cls.severity.value,
                    (cls.__doc__ or "").strip().splitlines()[0]))
    # These live on the server side; the set keeps each once however imported.
    for cls in sorted({*all_security_errors(), InternalError, RequestTimedOut,
                       WrongSoapAction},
                      key=lambda c: c.code):
        if cls.__name__ == "SecurityError":
            continue
        out.append((f"S{cls.code}", "SOAP fault", ":".join(cls.faultcode),
                    (cls.__doc__ or "").strip().splitlines()[0]))
    return out


def code_table() -> str:
    """The table as reST (``discimus contracts codes``)."""
    data = [("code", "kind", "type / faultcode", "meaning")] + rows()
    widths = [max(len(r[i]) for r in data) for i in range(4)]
    rule = "  ".join("=" * w for w in widths)
    lines = [rule, "  ".join(c.ljust(w) for c, w in zip(data[0], widths)).rstrip(), rule]
    lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip() for r in data[1:]]
    lines.append(rule)
    return "\n".join(lines)
