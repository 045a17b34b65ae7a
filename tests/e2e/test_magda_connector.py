"""The magda-connector profile over HTTP: MAGDA's connector shape, for partners who opted in.

The demo data opts groeipakket in (fixtures/senders.py); onderwijsinspectie and every
vendor stay strict. Each refusal is a signed fault and writes nothing.
"""
from __future__ import annotations

import datetime as dt
import json
from zoneinfo import ZoneInfo

import pytest
import sqlalchemy as sa
from lxml import etree

from discimus_client.errors import ServiceFault
from discimus_client.magda import HISTORY_NS, MagdaClient
from discimus_client.client import DiscimusClient
from discimus_client.results import Address, EnrollmentData, Student
from discimus_fixtures.generator import DEMO_SECONDARY, insz_for
from discimus_service.domain.model import Sex
from discimus_service.persistence import tables
from discimus_service.persistence.database import make_engine, row_counts
from tests import magda
from tests.e2e.test_cli import discimus

D = dt.date
YEAR = (D(2026, 9, 1), D(2027, 8, 31))
BRUSSELS = ZoneInfo("Europe/Brussels")


@pytest.fixture(scope="module")
def engine(server):
    engine = make_engine(server.database_url)
    yield engine
    engine.dispose()


CAPACITY = {"groeipakket": "1300", "onderwijsinspectie": "1200"}


def client(server, sender="groeipakket", profile="magda-connector") -> MagdaClient:
    return MagdaClient.from_pki(server.url, server.pki_dir, sender, profile=profile,
                                capacity=CAPACITY.get(sender, "1300"))


def register_request(insz: str, *, referte: str | None = None,
                     moment: dt.datetime | None = None):
    """MAGDA-Mock's RegistreerInschrijving template, its Tijdstip in Brussels time as
    MAGDA's connector writes it (the template helper writes UTC)."""
    envelope = magda.mock_request("RegistreerInschrijving-02.00.0000",
                                  identification="kb.vlaanderen.be/aiv/groeipakket",
                                  capacity="1300", insz=insz, referte=referte)
    moment = moment or dt.datetime.now(BRUSSELS)
    envelope.find(".//Tijdstip/Datum").text = moment.date().isoformat()
    envelope.find(".//Tijdstip/Tijd").text = moment.strftime("%H:%M:%S.000")
    return envelope


def journaled_profile(engine, sender: str, referte: str) -> str | None:
    with engine.connect() as connection:
        return connection.execute(
            sa.select(tables.journal.c.security_profile).where(
                tables.journal.c.sender_id == sender,
                tables.journal.c.referte == referte)).scalar_one_or_none()


def fault_of(response) -> str:
    assert response.status_code == 500, response.text[:300]
    root = etree.fromstring(response.content)
    return root.findtext(f".//{{{magda.SOAP}}}Fault/faultstring")


def test_a_connector_signed_request_is_answered_and_journaled_with_its_profile(
        server, engine):
    groeipakket = client(server)
    insz = insz_for(D(2014, 5, 6), Sex.V, 491)
    enrolled = DiscimusClient.from_pki(server.url, server.pki_dir, "informat") \
        .register_enrollment(Student(insz, "2600491", "Fien", "Claes", D(2014, 5, 6), "V",
                                     Address("Markt", "2", "9000", "Gent")),
                             EnrollmentData(DEMO_SECONDARY, "1A", D(2026, 9, 1),
                                            D(2026, 8, 30)))
    assert enrolled.ok, enrolled.uitzonderingen
    registered = groeipakket.register_interest(insz, YEAR[0], referte="connector-491")
    assert registered.ok and registered.inhoud == "1", registered.uitzonderingen
    history = groeipakket.enrollment_history(insz, *YEAR, referte="connector-491-h")
    assert history.ok, history.uitzonderingen
    assert [e.institution_number for e in history.inhoud] == [DEMO_SECONDARY]
    assert journaled_profile(engine, "groeipakket", "connector-491") == "magda-connector"
    # Opted in, the partner may still sign with the strict profile.
    strict = client(server, profile="strict").enrollment_history(
        insz, *YEAR, referte="strict-491-h")
    assert strict.ok
    assert journaled_profile(engine, "groeipakket", "strict-491-h") == "strict"


def test_the_request_is_in_the_connector_s_shape(server):
    groeipakket = client(server)
    envelope = groeipakket.request(HISTORY_NS, "GeefHistoriekInschrijving", "02.01.0000",
                                   etree.Element("Inhoud"))
    root = etree.fromstring(groeipakket.sign(envelope))
    tijd = root.findtext(".//Tijdstip/Tijd")
    assert tijd.endswith(".000")                      # as MAGDA-Mock's MagdaRequest
    datum = root.findtext(".//Tijdstip/Datum")
    written = dt.datetime.fromisoformat(f"{datum}T{tijd}").replace(
        tzinfo=ZoneInfo("Europe/Brussels"))
    assert abs(dt.datetime.now(dt.timezone.utc) - written) < dt.timedelta(seconds=120)
    assert root.find(".//{*}Timestamp") is None
    assert root.find(".//{*}BinarySecurityToken").get("ValueType").endswith(
        "#X509PKIPathv1")


def test_a_partner_not_opted_in_gets_s130_naming_the_setting(server, engine):
    inspectie = client(server, "onderwijsinspectie")
    before = row_counts(engine)
    with pytest.raises(ServiceFault) as refused:
        inspectie.register_interest(insz_for(D(2014, 5, 6), Sex.V, 492), YEAR[0])
    message = str(refused.value)
    assert "[S130]" in message and "strict profile" in message
    assert "discimus partners profile onderwijsinspectie magda-connector" in message
    assert row_counts(engine) == before
    # The same partner's strict messages are served as before.
    assert client(server, "onderwijsinspectie", profile="strict").register_interest(
        insz_for(D(2014, 5, 6), Sex.V, 492), YEAR[0]).ok


def test_a_vendor_cannot_send_the_connector_shape(server, engine):
    informat = client(server, "informat")
    before = row_counts(engine)
    with pytest.raises(ServiceFault, match=r"\[S130\].*only partner agencies"):
        informat.register_interest(insz_for(D(2014, 5, 6), Sex.V, 493), YEAR[0])
    assert row_counts(engine) == before


def test_a_replayed_referte_is_s160_and_writes_nothing(server, engine):
    groeipakket = client(server)
    insz = insz_for(D(2014, 5, 6), Sex.V, 494)
    first = groeipakket.register_interest(insz, YEAR[0], referte="replay-494")
    assert first.ok
    before = row_counts(engine)
    # A new message, newly signed, with the used Referte; and the very same bytes again.
    envelope = register_request(insz, referte="replay-494")
    again = groeipakket.sign(envelope)
    for attempt in (again, again):
        faultstring = fault_of(magda.post(groeipakket.url, attempt))
        assert faultstring.startswith("[S160] "), faultstring
    assert row_counts(engine) == before


def test_a_stale_tijdstip_is_s151(server, engine):
    groeipakket = client(server)
    envelope = register_request(insz_for(D(2014, 5, 6), Sex.V, 496),
                                moment=dt.datetime.now(BRUSSELS) - dt.timedelta(minutes=10))
    before = row_counts(engine)
    faultstring = fault_of(magda.post(groeipakket.url, groeipakket.sign(envelope)))
    assert faultstring.startswith("[S151] ") and "Tijdstip" in faultstring
    assert row_counts(engine) == before


def test_the_school_side_never_takes_the_connector_shape(server):
    groeipakket = client(server)
    envelope = groeipakket.request("urn:discimus-emulator:inschrijving:01.00",
                                   "GeefDubbeleInschrijvingen", "01.00.0000",
                                   etree.Element("Inhoud"))
    response = magda.post(server.url + "/inschrijving", groeipakket.sign(envelope),
                          soap_action='"GeefDubbeleInschrijvingen"')
    assert fault_of(response).startswith("[S150] ")


def test_the_cli_flag_signs_like_the_connector(server, engine):
    insz = insz_for(D(2014, 5, 6), Sex.V, 495)
    done = discimus(server, "magda", "register", "--as", "groeipakket", "--profile",
                    "magda-connector", "--insz", insz, "--from", "2026-09-01",
                    "--referte", "cli-connector-495", "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["inhoud"] == "1"
    assert journaled_profile(engine, "groeipakket", "cli-connector-495") == \
        "magda-connector"
    refused = discimus(server, "magda", "register", "--as", "onderwijsinspectie",
                       "--capacity", "1200", "--profile", "magda-connector",
                       "--insz", insz)
    assert refused.returncode == 2 and "S130" in refused.stderr + refused.stdout
