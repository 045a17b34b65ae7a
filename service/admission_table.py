"""The admission rules of message type 4 as a reST table (README "Admission rules").

Rendered from :data:`domain.admission.ADMISSION_RULES`, like the codes table from the
exception tree: ``discimus contracts admission`` prints it, a test checks the README
holds the current one.
"""
from __future__ import annotations

from discimus_service.domain.admission import ADMISSION_RULES, AdmissionRule
from discimus_service.domain.certificate import Form


def _forms(forms) -> str:
    return "/".join(f.value for f in Form if f in forms)


def _certificate(r: AdmissionRule) -> str:
    if not r.kinds:
        return "none" + (f", without {'/'.join(k.value for k in sorted(r.without))}"
                         if r.without else "")
    where = ""
    if r.from_grade is not None:
        where = f" of grade {r.from_grade} year {r.from_year}"
        if r.from_forms is not None:
            where += f" {_forms(r.from_forms)}"
    return "/".join(sorted(k.value for k in r.kinds)) + where


def rows() -> list[tuple[str, str, str, str, str]]:
    """(row, class, certificate, outcome, rule in words) for every row."""
    out = []
    for r in ADMISSION_RULES:
        conditions = [c.value for c in sorted(r.conditions)]
        if r.same_form:
            conditions.append("TOELATINGSKLASSENRAAD if another form")
        outcome = r.outcome.value + (f" ({', '.join(conditions)})" if conditions else "")
        out.append((r.id, f"grade {r.grade} year {r.year} {_forms(r.forms)}",
                    _certificate(r), outcome, r.text))
    return out


def admission_table() -> str:
    data = [("row", "class", "certificate held", "outcome", "rule")] + rows()
    widths = [max(len(row[i]) for row in data) for i in range(5)]
    rule = "  ".join("=" * w for w in widths)
    line = lambda row: "  ".join(c.ljust(w) for c, w in zip(row, widths)).rstrip()  # noqa: E731
    return "\n".join([rule, line(data[0]), rule] + [line(r) for r in data[1:]] + [rule])
