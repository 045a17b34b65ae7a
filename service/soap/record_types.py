"""Contract types message types 5, 6 and 8 declare alike, each in its own namespace.

Like ``shared_types.py``: every record contract has its own target namespace, so these
are declared once per contract, with facets and documentation from one place.
"""
from __future__ import annotations

from spyne.model.primitive import Integer

from discimus_service.services.record_views import CANCELLED, CHANGED, NEW, UNCHANGED
from discimus_service.soap.documented import code_list, simple_type

OUTCOME_MEANINGS = {
    NEW: "Registered for the first time.",
    CHANGED: "Registered before; now with the data of this correction.",
    UNCHANGED: "Registered before with the very same data; nothing changed (a "
               "registration or correction sent again).",
    CANCELLED: "Cancelled: removed from the registrations.",
}


def student_id_type(ns: str):
    return simple_type(
        "UniekeIdentificatorLeerlingType", ns, "The student's id inside the sending "
        "software package (Unieke Identificator Leerling), 1 to 50 characters; a school "
        "using two packages has two.", min_len=1, max_len=50)


def insz_type(ns: str):
    return simple_type(
        "INSZType", ns, "National register or bis number (INSZ) of the student, 11 digits "
        "(dots, dashes and spaces allowed as separators); checked on its check digits "
        "(20002).", max_len=20)


def school_year_type(ns: str):
    return simple_type(
        "SchooljaarType", ns, "A school year by the year it starts in (2025: 2025-2026), "
        "as MAGDA's Schooljaar.", model=Integer, ge=2000, le=2999)


def outcome_type(ns: str):
    return code_list("UitkomstType", ns, "What the message did to the record.",
                     OUTCOME_MEANINGS, codes=OUTCOME_MEANINGS)
