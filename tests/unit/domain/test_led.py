"""A stored certificate answers LED.GeefBewijs 02.00 (MAGDA's own schema) without loss."""
import datetime as dt
from pathlib import Path

import pytest
from lxml import etree

from discimus_service.domain.certificate import KIND_RULES, CertificateKind as K, Form
from discimus_service.domain.led import led_basis, led_bewijs
from tests import factories as f

XS = "{http://www.w3.org/2001/XMLSchema}"
ROOT = Path(__file__).resolve().parents[3]
BEWIJS = ROOT / "xsd" / "magda" / "Bewijs" / "BewijsComplex.xsd"


def _elements(type_name: str) -> dict[str, bool]:
    """The elements of an LED complex type: name → required."""
    root = etree.parse(str(BEWIJS)).getroot()
    node = root.find(f"{XS}complexType[@name='{type_name}']")
    return {e.get("name"): e.get("minOccurs", "1") != "0"
            for e in node.iter(f"{XS}element")}


def _placement(kind):
    if KIND_RULES[kind].grades is None:
        return dict(grade=None, year=None, form=None)
    grade = min(KIND_RULES[kind].grades)
    return dict(grade=grade, year=1, form=Form.A if grade == 1 else Form.DA,
                excluded_forms=(Form.D,) if kind is K.OB else ())


@pytest.mark.parametrize("kind", [k for k, r in KIND_RULES.items() if r.exchanged])
def test_every_required_element_of_the_led_basis_is_answered(kind):
    c = f.certificate(f.certificate_data(kind=kind, **_placement(kind)), id=7)
    basis = led_basis(c)
    required = {name for name, needed in _elements("BewijsBasisType").items() if needed}
    assert required <= set(basis), required - set(basis)
    assert set(basis) <= set(_elements("BewijsBasisType"))
    assert all(v not in (None, "", {}) for v in basis.values())


def test_the_fields_partners_ask_are_kept_as_sent():
    data = f.certificate_data(kind=K.OB, grade=2, year=2, form=Form.TSO,
                              study_field="Elektromechanica", study_field_code="EM-2",
                              full_name="Oriënteringsattest B Elektromechanica",
                              excluded_forms=(Form.D,), obtained_on=dt.date(2022, 6, 29))
    c = f.certificate(data, special_needs=True, institution_name="VTI Gent", id=12)
    basis = led_basis(c)
    assert basis["Uitreikingsdatum"] == {"Jaar": 2022, "Maand": 6, "Dag": 29}
    assert basis["Categorie"] == {"Naam": "Secundair onderwijs"}
    assert basis["Graad"] == {"Naam": "Tweede graad"}
    assert basis["Onderwijsvorm"] == {"Naam": "TSO"}
    assert basis["Finaliteit"] == {"Naam": "Dubbele finaliteit"}
    assert basis["Bewijstype"] == {"Naam": "Attest"}
    assert basis["Bewijsstaat"] == {"Naam": "Tussenbewijs"}
    assert basis["Instelling"] == {"Naam": "VTI Gent", "Nummer": "034567"}
    assert basis["Schooltype"] == {"Naam": "Buitengewoon"}
    assert basis["Studierichting"] == {"Naam": "Elektromechanica", "Code": "EM-2"}
    assert basis["VolledigeNaam"] == "Oriënteringsattest B Elektromechanica"
    assert {"Naam": "Leerjaar", "Inhoud": "2"} in basis["BijkomendeInformaties"]
    whole = led_bewijs(c)
    assert whole["PersoonUitgereikt"] == {"INSZ": c.insz}
    assert whole["Leverancier"]["Bewijsreferte"] == "discimus-12"
    assert set(whole) - {"Registratiedatum"} <= set(_elements("BewijsType"))


def test_a_primary_certificate_is_an_end_certificate_of_basic_education():
    c = f.certificate(f.certificate_data(kind=K.GBO, grade=None, year=None, form=None))
    basis = led_basis(c)
    assert basis["Categorie"] == {"Naam": "Basisonderwijs"}
    assert basis["Bewijsstaat"] == {"Naam": "Eindbewijs"}
    assert basis["VolledigeNaam"] == "Getuigschrift basisonderwijs"
    assert "Finaliteit" not in basis and "BijkomendeInformaties" not in basis
