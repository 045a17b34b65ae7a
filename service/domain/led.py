"""A certificate in the vocabulary of the LED database (MAGDA LED.GeefBewijs 02.00).

Discimus forwards the certificates to LED (000 §5); partners (NARIC, the exam board,
hospitals, business counters, Selor) read them there through MAGDA, each only the
fields of its own authorisation (001). :func:`led_basis` gives every element of LED's
``BewijsBasisType`` (``xsd/magda/Bewijs/BewijsComplex.xsd``) a stored certificate can
answer: the required ones always, the optional ones when known. A test reads the XSD and
checks no required element is missing, so the stored model answers LED without loss.

The values are LED taxonomy names as the seeds give them (categorie "Secundair
onderwijs", bewijstype "attest", ...); the real taxonomy is published by AKOV.
"""
from __future__ import annotations

from discimus_service.domain.certificate import (
    KIND_RULES, Certificate, Form, LEGACY_FORMS,
)
from discimus_service.domain.model import Niveau

LEVERANCIER = "AGODI"                  # the source that supplies the certificate to LED
AUTHENTICITEIT = "Authentieke bron"    # the school registered it: an authentic source
LAND = "BEL"                           # ISO 3166-1 alpha-3
TAAL = "nld"                           # ISO 639-3: Flemish education teaches in Dutch

_CATEGORIE = {Niveau.LAGER: "Basisonderwijs", Niveau.SECUNDAIR: "Secundair onderwijs"}
_INSTANTIE = {Niveau.LAGER: "Basisschool", Niveau.SECUNDAIR: "Secundaire school"}
_GRAAD = {None: "Lager onderwijs", 1: "Eerste graad", 2: "Tweede graad",
          3: "Derde graad"}
_ONDERWIJSVORM = {Form.LO: "Lager onderwijs", Form.A: "A-stroom", Form.B: "B-stroom",
                  Form.D: "Doorstroomfinaliteit", Form.DA: "Dubbele finaliteit",
                  Form.AM: "Arbeidsmarktfinaliteit", Form.ASO: "ASO", Form.TSO: "TSO",
                  Form.KSO: "KSO", Form.BSO: "BSO", Form.MOD: "Modulair onderwijs",
                  Form.OKAN: "OKAN", Form.DUAAL: "Duaal leren"}
_FINALITEIT = {Form.D: "Doorstroom", Form.DA: "Dubbele finaliteit",
               Form.AM: "Arbeidsmarkt"}


def led_basis(c: Certificate) -> dict:
    """The LED ``Basis`` of a certificate: element name → value (nested as dicts)."""
    d, rule = c.data, KIND_RULES[c.kind]
    form = d.form or (Form.LO if rule.level is Niveau.LAGER else None)
    basis = {
        "Authenticiteit": {"Naam": AUTHENTICITEIT},
        "Categorie": {"Naam": _CATEGORIE[rule.level]},
        "Graad": {"Naam": _GRAAD[d.grade]},
        "Onderwijsvorm": {"Naam": _ONDERWIJSVORM[form]},
        "Bewijstype": {"Naam": rule.led_type},
        "Bewijsstaat": {"Naam": "Eindbewijs" if rule.final else "Tussenbewijs"},
        "Instantie": {"Naam": _INSTANTIE[rule.level]},
        "Onderwerp": {"Code": d.study_field_code or c.kind.value,
                      "Naam": d.study_field or rule.name},
        "Uitreikingsdatum": {"Jaar": d.obtained_on.year, "Maand": d.obtained_on.month,
                             "Dag": d.obtained_on.day},
        "VolledigeNaam": d.full_name or _full_name(c),
        "Land": {"Code": LAND},
        "Taal": {"Code": TAAL},
        "Instelling": {"Naam": c.institution_name, "Nummer": c.institution_number},
        "Schooltype": {"Naam": "Buitengewoon" if c.special_needs else "Gewoon"},
    }
    finality = _FINALITEIT.get(LEGACY_FORMS.get(form, form))
    if finality:
        basis["Finaliteit"] = {"Naam": finality}
    if d.study_field:
        basis["Studierichting"] = {"Naam": d.study_field,
                                   **({"Code": d.study_field_code}
                                      if d.study_field_code else {})}
    if d.year is not None:
        basis["BijkomendeInformaties"] = [{"Naam": "Leerjaar", "Inhoud": str(d.year)}]
    if d.excluded_forms:
        basis.setdefault("BijkomendeInformaties", []).append(
            {"Naam": "Uitgesloten onderwijsvormen",
             "Inhoud": ", ".join(_ONDERWIJSVORM[f] for f in d.excluded_forms)})
    return basis


def led_bewijs(c: Certificate) -> dict:
    """The whole LED ``Bewijs`` the stored certificate answers (derived ISCED levels
    and the like are LED's own and left out)."""
    return {
        "Leverancier": {"Naam": LEVERANCIER, "Bewijsreferte": f"discimus-{c.id}"},
        "PersoonUitgereikt": {"INSZ": c.insz},
        "Registratiedatum": c.received_on,
        "Basis": led_basis(c),
    }


def _full_name(c: Certificate) -> str:
    name = KIND_RULES[c.kind].name
    d = c.data
    if d.grade is not None and d.year is not None and c.kind.value.startswith("O"):
        name += f", {d.year}e leerjaar van de {_GRAAD[d.grade].lower()}"
    return name + (f" {d.study_field}" if d.study_field else "")
