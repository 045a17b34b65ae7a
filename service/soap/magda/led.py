"""Reader and answer builder of LED.GeefBewijs 02.00 (MAGDA's LED consultation).

The contract is MAGDA's own (``xsd/magda/LED.GeefBewijsDienst-02.00`` with the
``Bewijs`` types): wrapper ``GeefBewijs`` in its namespace, one Vraag with the INSZ, an
Antwoord with ``Inhoud/Bewijzen/Bewijs`` (and ``Bron``). Each Bewijs holds its elements
in the schema's order; the stored certificate's values come from ``domain/led.py``.

What LED derives itself (``Afgeleid``: ISCED and VKS levels, from its taxonomy) the
schema requires of every Bewijs: the ISCED level follows from the category and grade
as in MAGDA-Mock's recorded answers, the rest is LED's "NBS" / "Niet beschikbaar".
"""
from __future__ import annotations

import re

from discimus_service.domain.led import led_bewijs
from discimus_service.services import led_certificates as led
from discimus_service.soap.magda.envelope import E, RequestContext

LED_NS = "http://geefbewijs.bewijsraadplegingdienst.led.vlaanderen.be"
# BewijsBasisType's sequence; Finaliteit, Studierichting and BijkomendeInformaties are
# the optional ones a field set may leave out.
_BASIS_ORDER = ("Authenticiteit", "Categorie", "Graad", "Onderwijsvorm", "Finaliteit",
                "Bewijstype", "Bewijsstaat", "Instantie", "Onderwerp", "Uitreikingsdatum",
                "VolledigeNaam", "Land", "Taal", "Instelling", "Schooltype",
                "Studierichting", "BijkomendeInformaties")
_OPTIONAL = {led.FINALITY, led.STUDY_FIELD, led.EXTRA_INFORMATION}
_INSTITUTION_NUMBER = re.compile(r"[0-9]{1,6}\Z")          # InstellingsnummerType
_NBS = ("NBS", "Niet beschikbaar")
# ISCED 1997 as LED derives it (MAGDA-Mock: "2", "1e graad secundair onderwijs").
_ISCED = {"Lager onderwijs": ("1", "Lager onderwijs"),
          "Eerste graad": ("2", "1e graad secundair onderwijs"),
          "Tweede graad": ("3", "2e graad secundair onderwijs"),
          "Derde graad": ("3", "3e graad secundair onderwijs")}


def read_question(inhoud, ctx: RequestContext) -> led.CertificateQuestion:
    return led.CertificateQuestion(afzender=ctx.identificatie, capacity=ctx.hoedanigheid,
                                   insz=inhoud.findtext("INSZ"))


def inhoud(result: led.CertificateResult):
    """``Inhoud/Bewijzen`` (and ``Bron`` when granted): only the granted optional fields."""
    content = E.Inhoud(E.Bewijzen(*(_bewijs(c, result.granted)
                                    for c in result.certificates)))
    if led.SOURCE in result.granted:
        content.append(E.Bron(E.Naam("LED"), E.Code("LED")))
    return content


def _bewijs(certificate, granted: tuple[str, ...]):
    whole = led_bewijs(certificate)
    basis = whole["Basis"]
    registered = whole["Registratiedatum"]
    referte = whole["Leverancier"]["Bewijsreferte"]
    return E.Bewijs(
        E.BewijsrefertesLed(E.Bewijsreferte(referte), E.Bewijsmutatiereferte(referte)),
        # Status 1 "Geregistreerd" (a cancelled certificate is deleted, never answered);
        # modified when it was registered: the day is stored, not the time of day.
        E.BewijsstatusLed(E.Code("1"), E.DatumModificatie(
            E.Datum(registered.strftime("%d.%m.%Y")), E.Tijd("00:00:00.000"))),
        E.Leverancier(E.Naam(whole["Leverancier"]["Naam"]), E.Bewijsreferte(referte)),
        E.PersoonUitgereikt(E.INSZ(whole["PersoonUitgereikt"]["INSZ"])),
        E.Basis(*(_element(name, basis[name]) for name in _BASIS_ORDER
                  if name in basis and (name not in _OPTIONAL or name in granted))),
        _afgeleid(basis))


def _element(name: str, value):
    if name == "Uitreikingsdatum":
        return E.Uitreikingsdatum(E.Jaar(f"{value['Jaar']:04d}"),
                                  E.Maand(f"{value['Maand']:02d}"),
                                  E.Dag(f"{value['Dag']:02d}"))
    if name == "Instelling":
        element = E.Instelling(E.Naam(value["Naam"][:120]))
        if _INSTITUTION_NUMBER.match(value["Nummer"]):
            element.append(E.Nummer(value["Nummer"]))
        return element
    if name == "BijkomendeInformaties":
        return E.BijkomendeInformaties(*(
            E.BijkomendeInformatie(E.Naam(i["Naam"]), E.Inhoud(i["Inhoud"])) for i in value))
    if isinstance(value, dict):
        # Naam before Code, except Onderwerp (Code, Naam) and Land/Taal (Code only):
        # the dicts of domain/led.py keep the schema's order.
        return getattr(E, name)(*(getattr(E, k)(str(v)) for k, v in value.items()))
    return getattr(E, name)(str(value))


def _afgeleid(basis):
    level = _ISCED.get(basis["Graad"]["Naam"], _NBS)
    general = basis["Categorie"]["Naam"] == "Basisonderwijs"
    studiegebied = ("010", "Basisopleidingen, algemene opleidingen") if general else _NBS
    return E.Afgeleid(
        E.ISCEDStudiegebied(E.Code(studiegebied[0]), E.Naam(studiegebied[1])),
        E.ISCEDNiveau(E.Code(level[0]), E.Naam(level[1])),
        E.VKSNiveauOnderwijskwalificatie(E.Code(_NBS[0]), E.Naam(_NBS[1])),
        E.VKSNiveauBeroepskwalificatie(E.Code(_NBS[0]), E.Naam(_NBS[1])))
