"""The reference client's partner mode: MAGDA services as a partner agency calls them.

>>> groeipakket = MagdaClient.from_pki("http://127.0.0.1:8080", "var/pki", "groeipakket")
>>> groeipakket.register_interest("12031527701", dt.date(2025, 9, 1)).ok
>>> groeipakket.enrollment_history("12031527701", dt.date(2025, 9, 1), dt.date(2026, 8, 31))

Requests are built as MAGDA's own documentation writes them (MAGDA-Mock's templates:
wrapper element in the service namespace, unqualified children, Context/Naam and
Versie as MAGDA names them), posted to the shared endpoint
``/api/Magda-02.00/soap/WebService`` with ``SOAPAction: ""`` like MAGDA's connector,
signed with the strict profile, and every answer is verified against the server's
certificate before it is read.

``profile="magda-connector"`` signs as MAGDA's own Java connector does instead (RSA-SHA1,
the Body only, an X509PKIPathv1 token, no Timestamp; ``wsse/connector_signing.py``) and writes
the Tijdstip as it does (Brussels time, ``HH:mm:ss.000``); the service accepts that from
partners whose sender record opts into the profile. Answers are verified the same way.
"""
from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo

import requests
from lxml import etree
from lxml.builder import ElementMaker

from discimus_client import results as r
from discimus_client.errors import ServiceFault
from discimus_client.plugin import SignatureProfile
from discimus_client.wsse import ns
from discimus_client.wsse.connector_signing import ConnectorSigner
from discimus_client.wsse.parser import parse_xml
from discimus_client.wsse.policy import (
    MAGDA_CONNECTOR, MAGDA_CONNECTOR_PROFILE, PROFILES, STRICT_PROFILE,
)

SHARED_PATH = "/api/Magda-02.00/soap/WebService"
HISTORY_NS = "http://webservice.geefhistoriekinschrijvingdienst-02_01.onderwijs.vlaanderen.be"
REGISTER_NS = {
    "02.00": "http://webservice.registreerinschrijvingdienst-02_00.repertorium-02_00"
             ".vip.vlaanderen.be",
    "02.01": "http://webservice.registreerinschrijvingdienst-02_01.repertorium-02_01"
             ".vip.vlaanderen.be",
}
END_NS = ("http://webservice.registreeruitschrijvingdienst-02_00.repertorium-02_00"
          ".vip.vlaanderen.be")
# The school-allowance services (VTC 16/2016): the emulator's own design, MAGDA's style.
ATTENDANCE_NS = ("http://webservice.geefaantalaanwezighedendienst-02_00"
                 ".onderwijs.vlaanderen.be")
PROBLEMATIC_NS = ("http://webservice.geefaantalproblematischeafwezighedendienst-02_00"
                  ".onderwijs.vlaanderen.be")
# Home education (VTC 38/2016, 35/2016): the emulator's own design, MAGDA's style.
LAST_SCHOOL_NS = ("http://webservice.geeflaatsteinschrijvinghuisonderwijsdienst-02_00"
                  ".onderwijs.vlaanderen.be")
INSPECTION_NS = ("http://webservice.registreercontrolehuisonderwijsdienst-02_00"
                 ".onderwijs.vlaanderen.be")
EXAM_NS = ("http://webservice.registreerresultaatexamencommissiedienst-02_00"
           ".onderwijs.vlaanderen.be")
# LED consumers (NARIC, exam board, hospitals, business counters, Selor): MAGDA's LED.
LED_NS = "http://geefbewijs.bewijsraadplegingdienst.led.vlaanderen.be"
REPORT_NS = ("http://webservice.registreergemotiveerdverslagdienst-02_00"
             ".onderwijs.vlaanderen.be")
# The CLB's feed (VTC 05/2016): the emulator's own design, MAGDA's style.
CLB_FEED_NS = ("http://webservice.geefmeldingenproblematischeafwezighedendienst-02_00"
               ".onderwijs.vlaanderen.be")
E = ElementMaker()
_SOAP = ElementMaker(namespace=ns.SOAP11_ENV, nsmap={"soapenv": ns.SOAP11_ENV})


@dataclass(frozen=True)
class HistoryEnrollment:
    """One Inschrijving of GeefHistoriekInschrijving, the fields a partner usually needs."""

    institution_number: str
    institution_name: str
    administrative_group: str | None
    niveau: str | None
    school_year: str | None
    start_date: dt.date | None
    end_date: dt.date | None
    registration_date: dt.date | None
    deregistration_reason: str | None


@dataclass(frozen=True)
class SchoolYearCount:
    """One Schooljaar of GeefAantalAanwezigheden or GeefAantalProblematischeAfwezigheden."""

    school_year: int                           # its starting year
    half_days: int                             # present, or of code B
    enrolled_half_days: int | None             # attendance: school half days enrolled
    institutions: tuple[tuple[str, int], ...]  # (instellingsnummer, half days), if granted


@dataclass(frozen=True)
class HomeEducation:
    """GeefLaatsteInschrijvingHuisonderwijs: the last school and the results sent."""

    institution_number: str | None             # None: no enrollment by then
    institution_name: str | None
    start_date: dt.date | None
    end_date: dt.date | None
    deregistration_reason: str | None          # Aanleiding code, e.g. H
    home_education: bool                       # de-registered for home education
    controls: tuple[tuple[dt.date, str], ...]  # (visit day, voldoende/onvoldoende)
    exams: tuple[tuple[dt.date, str], ...]     # (decision day, geslaagd/niet geslaagd)

    def lines(self) -> list[str]:
        """Readable lines for the command line."""
        out = []
        if self.institution_number:
            ended = (f" to {self.end_date}" if self.end_date else " (still enrolled)")
            why = (f"  de-registered ({self.deregistration_reason}"
                   + (", home education)" if self.home_education else ")")
                   if self.deregistration_reason else "")
            out.append(f"  last school {self.institution_number} {self.institution_name}"
                       f"  from {self.start_date}{ended}{why}")
        else:
            out.append("  no enrollment by the end of the period")
        out += [f"  control visit {day}: {result}" for day, result in self.controls]
        out += [f"  exam board {day}: {result}" for day, result in self.exams]
        return out


@dataclass(frozen=True)
class Registered:
    """RegistreerControleHuisonderwijs / RegistreerResultaatExamencommissie: stored."""

    insz: str
    day: dt.date
    replaced: bool

    def lines(self) -> list[str]:
        return [f"  registered for INSZ {self.insz} on {self.day}"
                + ("  (replaces the earlier result of that day)" if self.replaced else "")]


@dataclass(frozen=True)
class LedCertificate:
    """One Bewijs of LED.GeefBewijs: its fields by path under Bewijs (``Basis/Graad/Naam``),
    only those the partner's authorisation answered."""

    fields: dict[str, str]

    def get(self, path: str) -> str | None:
        return self.fields.get(path)

    @property
    def name(self) -> str | None:
        return self.fields.get("Basis/VolledigeNaam")

    @property
    def issued_on(self) -> str | None:
        d = self.fields
        return "-".join(p for p in (d.get("Basis/Uitreikingsdatum/Jaar"),
                                    d.get("Basis/Uitreikingsdatum/Maand"),
                                    d.get("Basis/Uitreikingsdatum/Dag")) if p) or None


@dataclass(frozen=True)
class ClbNotification:
    """One Melding of GeefMeldingenProblematischeAfwezigheden."""

    sequence: int                              # Volgnummer in the CLB's feed
    insz: str
    school_year: int                           # its starting year
    threshold: int                             # 10 or 30
    half_days: int                             # B half days when it was written
    tenth: dt.date                             # the day of the 10th half day
    thirtieth: dt.date | None                  # of the 30th, once reached
    institutions: tuple[str, ...]


@dataclass(frozen=True)
class ClbFeed:
    """A page of the CLB's feed and the cursor to ask after next time."""

    notifications: tuple[ClbNotification, ...]
    cursor: int                                # VolgendeNa
    more: bool                                 # Meer: ask again for the rest


class MagdaClient:
    def __init__(self, base_url: str, *, identification: str, capacity: str,
                 key_pem: bytes, cert_pem: bytes, server_cert_pem: bytes,
                 timeout: float = 30.0, session: requests.Session | None = None,
                 path: str = SHARED_PATH, profile: str = STRICT_PROFILE):
        """:param identification: the partner's MAGDA URI (Afzender/Identificatie)
        :param capacity: its Hoedanigheid, e.g. ``1300``
        :param profile: ``strict`` (default) or ``magda-connector`` (sign as MAGDA's
            Java connector; the partner's sender record must opt in)
        :raises ValueError: an unknown profile
        """
        if profile not in PROFILES:
            raise ValueError(f"unknown profile {profile!r}; one of {', '.join(PROFILES)}")
        self.url = base_url.rstrip("/") + path
        self.identification = identification
        self.capacity = capacity
        self.profile = profile
        self.wsse = (ConnectorProfile if profile == MAGDA_CONNECTOR_PROFILE
                     else SignatureProfile)(key_pem, cert_pem, server_cert_pem)
        self._session = session or requests.Session()
        self._timeout = timeout

    @classmethod
    def from_pki(cls, base_url: str, pki_dir: str | Path, sender_id: str, *,
                 identification: str | None = None, capacity: str = "1300",
                 **kwargs) -> "MagdaClient":
        """A partner using ``<pki_dir>/<sender_id>.pem|.key``; its identification is
        ``kb.vlaanderen.be/aiv/<sender_id>`` unless given."""
        pki = Path(pki_dir)
        return cls(base_url, identification=identification or
                   f"kb.vlaanderen.be/aiv/{sender_id}", capacity=capacity,
                   key_pem=(pki / f"{sender_id}.key").read_bytes(),
                   cert_pem=(pki / f"{sender_id}.pem").read_bytes(),
                   server_cert_pem=(pki / "server.pem").read_bytes(), **kwargs)

    # -- services ------------------------------------------------------------------------
    def register_interest(self, insz: str, begin: dt.date | None = None,
                          end: dt.date | None = None, *, version: str = "02.00",
                          referte: str | None = None) -> r.Result[str]:
        """Repertorium.RegistreerInschrijving: register interest in ``insz``."""
        if version == "02.01":
            subject = E.BetrokkenSubject(E.Type("PERS"), E.Subjecten(E.Subject(
                E.Type("PERS"), E.Sleutel(insz))))
        else:
            subject = E.INSZ(insz)
        block = E.Inschrijving(E.Identificatie(self.identification),
                               E.Hoedanigheid(self.capacity), subject,
                               *_periode(begin or dt.date.today(), end))
        return self._call(REGISTER_NS[version], "RegistreerInschrijving",
                          f"{version}.0000", E.Inhoud(block), referte, _resultaat)

    def end_interest(self, insz: str, begin: dt.date | None = None,
                     end: dt.date | None = None, *,
                     referte: str | None = None) -> r.Result[str]:
        """Repertorium.RegistreerUitschrijving: end the interest (for a period, or all)."""
        block = E.Uitschrijving(E.Identificatie(self.identification),
                                E.Hoedanigheid(self.capacity), E.INSZ(insz),
                                *_periode(begin, end))
        return self._call(END_NS, "RegistreerUitschrijving", "02.00.0000",
                          E.Inhoud(block), referte, _resultaat)

    def enrollment_history(self, insz: str, begin: dt.date, end: dt.date, *,
                           referte: str | None = None) -> r.Result[list[HistoryEnrollment]]:
        """Onderwijs.GeefHistoriekInschrijving 02.01 for ``insz`` over [begin, end]."""
        inhoud = E.Inhoud(E.Criteria(E.INSZ(insz), E.Periode(
            E.Begin(begin.isoformat()), E.Einde(end.isoformat()))))
        return self._call(HISTORY_NS, "GeefHistoriekInschrijving", "02.01.0000", inhoud,
                          referte, _history)

    def nursery_attendance(self, insz: str, begin: dt.date, end: dt.date, *,
                           referte: str | None = None) -> r.Result[list[SchoolYearCount]]:
        """Onderwijs.GeefAantalAanwezigheden 02.00: nursery half days present per year."""
        return self._call(ATTENDANCE_NS, "GeefAantalAanwezigheden", "02.00.0000",
                          _criteria(insz, begin, end), referte, _school_years)

    def problematic_absences(self, insz: str, begin: dt.date, end: dt.date, *,
                             referte: str | None = None
                             ) -> r.Result[list[SchoolYearCount]]:
        """Onderwijs.GeefAantalProblematischeAfwezigheden 02.00: B half days per year."""
        return self._call(PROBLEMATIC_NS, "GeefAantalProblematischeAfwezigheden",
                          "02.00.0000", _criteria(insz, begin, end), referte, _school_years)

    def home_education(self, insz: str, begin: dt.date, end: dt.date, *,
                       referte: str | None = None) -> r.Result[HomeEducation]:
        """Onderwijs.GeefLaatsteInschrijvingHuisonderwijs 02.00: the last school of a
        home-educated child (by ``end``) and the results sent in [begin, end]."""
        return self._call(LAST_SCHOOL_NS, "GeefLaatsteInschrijvingHuisonderwijs",
                          "02.00.0000", _criteria(insz, begin, end), referte,
                          _home_education)

    def register_inspection(self, insz: str, visit_date: dt.date, sufficient: bool, *,
                            referte: str | None = None) -> r.Result[Registered]:
        """Onderwijs.RegistreerControleHuisonderwijs 02.00: a control visit's result."""
        inhoud = E.Inhoud(E.Controle(E.INSZ(insz), E.Datum(visit_date.isoformat()),
                                     E.Resultaat("voldoende" if sufficient
                                                 else "onvoldoende")))
        return self._call(INSPECTION_NS, "RegistreerControleHuisonderwijs", "02.00.0000",
                          inhoud, referte, _registered)

    def register_exam_result(self, insz: str, last_name: str, first_name: str, sex: str,
                             birth_date: dt.date, decision_date: dt.date, passed: bool, *,
                             referte: str | None = None) -> r.Result[Registered]:
        """Onderwijs.RegistreerResultaatExamencommissie 02.00: the exam board's decision
        on the primary certificate (``sex`` M, V or X)."""
        inhoud = E.Inhoud(
            E.Kandidaat(E.INSZ(insz), E.Naam(last_name), E.Voornaam(first_name),
                        E.Geslacht(sex), E.Geboortedatum(birth_date.isoformat())),
            E.Beslissing(E.Datum(decision_date.isoformat()),
                         E.Resultaat("geslaagd" if passed else "niet geslaagd")))
        return self._call(EXAM_NS, "RegistreerResultaatExamencommissie", "02.00.0000",
                          inhoud, referte, _registered)


    def certificates(self, insz: str, *, referte: str | None = None
                     ) -> r.Result[list[LedCertificate]]:
        """LED.GeefBewijs 02.00: the certificates of ``insz`` (the fields the partner's
        authorisation grants)."""
        return self._call(LED_NS, "GeefBewijs", "02.00.0000", E.Inhoud(E.INSZ(insz)),
                          referte, _bewijzen)


    def clb_feed(self, after: int = 0, limit: int | None = None, *,
                 referte: str | None = None) -> r.Result[ClbFeed]:
        """Onderwijs.GeefMeldingenProblematischeAfwezigheden 02.00: the CLB's
        notifications numbered after ``after`` (at most ``limit``; the service's default
        100), in order; reading removes nothing."""
        criteria = E.Criteria(E.Na(str(after)))
        if limit is not None:
            criteria.append(E.Maximum(str(limit)))
        return self._call(CLB_FEED_NS, "GeefMeldingenProblematischeAfwezigheden",
                          "02.00.0000", E.Inhoud(criteria), referte, _clb_feed)

    def clb_report(self, insz: str, report_date: dt.date, kind: str,
                   valid_from: dt.date, valid_to: dt.date | None = None, *,
                   referte: str | None = None) -> r.Result[str]:
        """Onderwijs.RegistreerGemotiveerdVerslag 02.00: the CLB's motivated report for
        special-needs education of type ``kind`` (BA, 2, 3, 4, 6, 7, 9)."""
        geldigheid = E.Geldigheid(E.Begin(valid_from.isoformat()))
        if valid_to is not None:
            geldigheid.append(E.Einde(valid_to.isoformat()))
        inhoud = E.Inhoud(E.GemotiveerdVerslag(E.INSZ(insz), E.Datum(report_date.isoformat()),
                                               E.Type(kind), geldigheid))
        return self._call(REPORT_NS, "RegistreerGemotiveerdVerslag", "02.00.0000", inhoud,
                          referte, _resultaat_beschrijving)

    # -- for testers ---------------------------------------------------------------------
    def request(self, namespace: str, naam: str, versie: str, inhoud, *,
                referte: str | None = None) -> etree._Element:
        """The unsigned envelope, as MAGDA's documentation writes it."""
        referte = referte or str(uuid.uuid4())
        now = dt.datetime.now(dt.timezone.utc)
        if self.profile == MAGDA_CONNECTOR_PROFILE:
            # MAGDA-Mock's MagdaRequest: Brussels local time, milliseconds always 000;
            # the service takes this profile's freshness from it.
            now = now.astimezone(ZoneInfo(MAGDA_CONNECTOR.tijdstip_zone)).replace(
                microsecond=0)
        web = ElementMaker(namespace=namespace, nsmap={"web": namespace})
        context = E.Context(E.Naam(naam), E.Versie(versie), E.Bericht(
            E.Type("VRAAG"),
            E.Tijdstip(E.Datum(now.date().isoformat()),
                       E.Tijd(now.strftime("%H:%M:%S.") + f"{now.microsecond // 1000:03d}")),
            # No Hoedanigheid: the service takes the partner's default capacity.
            E.Afzender(E.Identificatie(self.identification), E.Referte(referte),
                       *([E.Hoedanigheid(self.capacity)] if self.capacity else []))))
        return _SOAP.Envelope(_SOAP.Header(), _SOAP.Body(getattr(web, naam)(E.Verzoek(
            context, E.Vragen(E.Vraag(E.Referte(referte), inhoud))))))

    def sign(self, envelope: etree._Element) -> bytes:
        self.wsse.apply(envelope, {})
        return etree.tostring(envelope, xml_declaration=True, encoding="UTF-8")

    @staticmethod
    def http_headers() -> dict[str, str]:
        """What MAGDA's connector sends (MagdaSoapConnection): an empty SOAPAction."""
        return {"Content-Type": "text/xml;charset=UTF-8", "SOAPAction": '""'}

    def post(self, data: bytes) -> etree._Element:
        """Post signed bytes; the verified answer's ``…Response`` element.

        :raises ServiceFault: the service refused the message (a signed SOAP fault).
        :raises ResponseVerificationFailed: the answer is not the server's, or altered.
        """
        response = self._session.post(self.url, data=data, headers=self.http_headers(),
                                      timeout=self._timeout)
        if not response.headers.get("Content-Type", "").startswith("text/xml"):
            # Not a SOAP answer at all (a wrong path, a proxy's page): a transport error.
            raise requests.HTTPError(f"HTTP {response.status_code} from {self.url} is no "
                                     "SOAP answer; check the URL", response=response)
        root = parse_xml(response.content, self.wsse._policy)
        self.wsse.verify(root)
        body = root.find(f"{{{ns.SOAP11_ENV}}}Body")
        payload = next(iter(body.iterchildren(tag=etree.Element)))
        if payload.tag == f"{{{ns.SOAP11_ENV}}}Fault":
            raise ServiceFault(payload.findtext("faultcode") or "",
                               payload.findtext("faultstring") or "")
        return payload

    def _call(self, namespace, naam, versie, inhoud, referte, convert):
        envelope = self.request(namespace, naam, versie, inhoud, referte=referte)
        referte = envelope.findtext(".//Vraag/Referte")
        return read_result(self.post(self.sign(envelope)), referte, convert)


class ConnectorProfile(SignatureProfile):
    """Signs as MAGDA's Java connector does; verifies answers as the strict profile does
    (the service signs every answer with the strict profile, which WSS4J verifies)."""

    def __init__(self, key_pem: bytes, cert_pem: bytes, server_cert_pem: bytes):
        super().__init__(key_pem, cert_pem, server_cert_pem)
        self._signer = ConnectorSigner(key_pem, cert_pem)


def read_result(payload, referte: str, convert) -> r.Result:
    """A ``…Response`` element as a :class:`Result`: Repliek and Antwoord Uitzonderingen."""
    repliek = payload.find("Repliek")
    antwoord = repliek.find("Antwoorden/Antwoord")
    problems = list(_uitzonderingen(repliek.find("Uitzonderingen")))
    inhoud = None
    if antwoord is not None:
        problems += _uitzonderingen(antwoord.find("Uitzonderingen"))
        if antwoord.find("Inhoud") is not None:
            inhoud = convert(antwoord.find("Inhoud"))
    return r.Result(referte=referte, inhoud=inhoud, uitzonderingen=tuple(problems))


def _uitzonderingen(block):
    for u in block.findall("Uitzondering") if block is not None else ():
        yield r.Uitzondering(code=int(u.findtext("Identificatie")), type=u.findtext("Type"),
                             diagnose=u.findtext("Diagnose") or "",
                             oorsprong=u.findtext("Oorsprong") or "",
                             omstandigheid=u.findtext(
                                 "Annotaties/Annotatie[Naam='DiscimusCode']/Waarde"))


def _periode(begin: dt.date | None, end: dt.date | None) -> list:
    if begin is None and end is None:
        return []
    parts = [E.Begin(begin.isoformat())] if begin else []
    if end:
        parts.append(E.Einde(end.isoformat()))
    return [E.Periode(*parts)]


def _resultaat(inhoud) -> str:
    return inhoud.findtext("Resultaat")


def _day(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def _history(inhoud) -> list[HistoryEnrollment]:
    out = []
    for i in inhoud.findall("Inschrijvingen/Inschrijving"):
        lp = i.find("LeerplichtOnderwijs")
        group = lp.find("InschrijvingAdministratieveGroep") if lp is not None else None

        def g(path, _group=group):
            return _group.findtext(path) if _group is not None else None
        out.append(HistoryEnrollment(
            institution_number=i.findtext("Instelling/Instellingsnummer"),
            institution_name=i.findtext("Instelling/OfficieleNaam"),
            administrative_group=g("AdministratieveGroep/Naam"),
            niveau=g("AdministratieveGroep/Niveau/Code"),
            school_year=lp.findtext("Schooljaar") if lp is not None else None,
            start_date=_day(g("Periode/Begin")), end_date=_day(g("Periode/Einde")),
            registration_date=_day(lp.findtext("DatumInschrijving") if lp is not None
                                   else None),
            deregistration_reason=g("Uitschrijving/Aanleiding/Code")))
    return out


def _criteria(insz: str, begin: dt.date, end: dt.date):
    return E.Inhoud(E.Criteria(E.INSZ(insz), E.Periode(E.Begin(begin.isoformat()),
                                                       E.Einde(end.isoformat()))))


def _school_years(inhoud) -> list[SchoolYearCount]:
    out = []
    for year in inhoud.findall("Schooljaren/Schooljaar"):
        enrolled = year.findtext("AantalHalveDagenIngeschreven")
        out.append(SchoolYearCount(
            school_year=int(year.findtext("Jaar")),
            half_days=int(year.findtext("AantalHalveDagen")),
            enrolled_half_days=int(enrolled) if enrolled is not None else None,
            institutions=tuple((i.findtext("Instellingsnummer"),
                                int(i.findtext("AantalHalveDagen")))
                               for i in year.findall("Instellingen/Instelling"))))
    return out


def _home_education(inhoud) -> HomeEducation:
    last = inhoud.find("LaatsteInschrijving")

    def g(path):
        return last.findtext(path) if last is not None else None
    return HomeEducation(
        institution_number=g("Instelling/Instellingsnummer"),
        institution_name=g("Instelling/OfficieleNaam"),
        start_date=_day(g("Periode/Begin")), end_date=_day(g("Periode/Einde")),
        deregistration_reason=g("Uitschrijving/Aanleiding/Code"),
        home_education=g("Huisonderwijs") == "true",
        controls=tuple((_day(c.findtext("Datum")), c.findtext("Resultaat"))
                       for c in inhoud.findall("Controles/Controle")),
        exams=tuple((_day(b.findtext("Datum")), b.findtext("Resultaat"))
                    for b in inhoud.findall("Examencommissie/Beslissing")))


def _registered(inhoud) -> Registered:
    block = inhoud.find("Registratie")
    return Registered(insz=block.findtext("INSZ"), day=_day(block.findtext("Datum")),
                      replaced=block.findtext("Vervangen") == "true")


def _bewijzen(inhoud) -> list[LedCertificate]:
    out = []
    for bewijs in inhoud.findall("Bewijzen/Bewijs"):
        fields: dict[str, str] = {}
        for e in bewijs.iter():
            if len(e) == 0 and e.text and e.text.strip():
                path = "/".join(a.tag for a in reversed(list(e.iterancestors()))
                                if a is not bewijs and bewijs in a.iterancestors())
                key = f"{path}/{e.tag}" if path else e.tag
                # repeated elements (BijkomendeInformatie): joined, in order
                fields[key] = f"{fields[key]}; {e.text}" if key in fields else e.text
        if inhoud.find("Bron") is not None:          # the answer's source, when granted
            fields["Bron/Naam"] = inhoud.findtext("Bron/Naam")
        out.append(LedCertificate(fields))
    return out


def _clb_feed(inhoud) -> ClbFeed:
    return ClbFeed(
        notifications=tuple(ClbNotification(
            sequence=int(m.findtext("Volgnummer")), insz=m.findtext("INSZ"),
            school_year=int(m.findtext("Schooljaar")), threshold=int(m.findtext("Drempel")),
            half_days=int(m.findtext("AantalHalveDagen")),
            tenth=_day(m.findtext("DatumTiendeHalveDag")),
            thirtieth=_day(m.findtext("DatumDertigsteHalveDag")),
            institutions=tuple(i.text for i in m.findall("Instellingen/Instellingsnummer")))
            for m in inhoud.findall("Meldingen/Melding")),
        cursor=int(inhoud.findtext("VolgendeNa")), more=inhoud.findtext("Meer") == "true")


def _resultaat_beschrijving(inhoud) -> str:
    resultaat = inhoud.find("Resultaat")
    return f"{resultaat.text} ({resultaat.get('Beschrijving')})"
