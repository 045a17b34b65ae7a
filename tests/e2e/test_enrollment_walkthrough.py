"""The README's walk-through, over HTTP, signed both ways, against the real server."""
import datetime as dt

import requests

from discimus_client.results import Address, EnrollmentData, Student
from discimus_fixtures.generator import DEMO_OTHER, DEMO_SECONDARY, insz_for
from discimus_service.domain.model import Sex

BIRTH = dt.date(2012, 5, 20)


def student(stamnummer: str, insz: str | None = None) -> Student:
    return Student(insz=insz or insz_for(BIRTH, Sex.V, 402), stamnummer=stamnummer,
                   first_name="Fien", last_name="Claes", birth_date=BIRTH, sex="V",
                   address=Address("Veldstraat", "3", "9000", "Gent", box="b2"))


def enrollment(institution: str, start: dt.date) -> EnrollmentData:
    return EnrollmentData(institution_number=institution, administrative_group="1A",
                          start_date=start, registration_date=start - dt.timedelta(days=2),
                          first_attendance_date=start)


def test_index_lists_the_wsdl(server):
    page = requests.get(server.url + "/", timeout=10)
    assert page.status_code == 200 and "/inschrijving?wsdl" in page.text
    wsdl = requests.get(server.url + "/inschrijving?wsdl", timeout=10)
    assert wsdl.status_code == 200 and b"RegistreerInschrijving" in wsdl.content


def test_register_double_enrollment_career_and_deregister(client_for):
    informat, wisa = client_for("informat"), client_for("wisa")
    first = informat.register_enrollment(student("2600701"),
                                         enrollment(DEMO_SECONDARY, dt.date(2026, 9, 1)))
    assert first.ok, first.uitzonderingen
    assert first.inhoud.status == "INGESCHREVEN" and first.inhoud.discimus_referte > 0
    assert informat.wsse.last_verified is not None   # the answer was signed and verified

    second = wisa.register_enrollment(student("2600702"),
                                      enrollment(DEMO_OTHER, dt.date(2026, 9, 2)))
    assert second.ok and 50002 in second.codes()

    doubles = informat.double_enrollments(DEMO_SECONDARY)
    mine = [d for d in doubles.inhoud if d.own.stamnummer == "2600701"]
    assert mine and mine[0].other.institution_number == DEMO_OTHER
    assert mine[0].overlap_start == dt.date(2026, 9, 2)

    career = wisa.career(DEMO_OTHER, stamnummer="2600702")
    assert career.inhoud.previous.institution_number == DEMO_SECONDARY

    gone = informat.deregister(DEMO_SECONDARY, "2600701", dt.date(2026, 9, 1),
                               end_date=dt.date(2026, 9, 1), reason="S",
                               situation_after="1")
    assert gone.ok and gone.inhoud.status == "UITGESCHREVEN"


def test_invalid_insz_is_refused_with_20002(client_for):
    result = client_for("informat").register_enrollment(
        student("2600703", insz="12052040299"), enrollment(DEMO_SECONDARY,
                                                           dt.date(2026, 9, 1)))
    assert not result.ok and result.codes() == [20002]
    assert result.inhoud is None


def test_vendor_without_mandate_gets_40006(client_for):
    result = client_for("wisa").register_enrollment(
        student("2600704"), enrollment(DEMO_SECONDARY, dt.date(2026, 9, 1)))
    assert result.codes() == [40006]


def test_resend_with_same_referte_returns_the_first_answer(client_for):
    informat = client_for("informat")
    args = (student("2600705", insz=insz_for(BIRTH, Sex.V, 404)),
            enrollment(DEMO_SECONDARY, dt.date(2026, 9, 1)))
    first = informat.register_enrollment(*args, referte="resend-1")
    again = informat.register_enrollment(*args, referte="resend-1")
    assert again.inhoud == first.inhoud
    assert again.codes()[-1] == 50003



def test_a_change_of_group_is_close_and_open(client_for):
    informat = client_for("informat")
    fien = student("2600706", insz=insz_for(BIRTH, Sex.V, 406))
    first = informat.register_enrollment(fien, enrollment(DEMO_SECONDARY,
                                                          dt.date(2026, 9, 1)))
    moved = dict(enrollment(DEMO_SECONDARY, dt.date(2026, 9, 15)).__dict__,
                 administrative_group="1B", registration_date=dt.date(2026, 9, 3))
    # Opening the new group while the old one runs is refused: close it first.
    assert informat.register_enrollment(fien, EnrollmentData(**moved)).codes() == [30020]
    closed = informat.deregister(DEMO_SECONDARY, "2600706", dt.date(2026, 9, 1),
                                 end_date=dt.date(2026, 9, 14), reason="A",
                                 situation_after="1")
    opened = informat.register_enrollment(fien, EnrollmentData(**moved))
    assert first.ok and closed.inhoud.end_date == dt.date(2026, 9, 14)
    assert opened.ok and opened.inhoud.administrative_group == "1B"


def test_a_correction_changes_the_identification_not_the_group(client_for):
    informat = client_for("informat")
    fien = student("2600707", insz=insz_for(BIRTH, Sex.V, 407))
    start = enrollment(DEMO_SECONDARY, dt.date(2026, 9, 1))
    assert informat.register_enrollment(fien, start).ok
    renamed = Student(**{**fien.__dict__, "first_name": "Fiene"})
    fixed = informat.correct_enrollment(renamed, start)
    assert fixed.ok and fixed.inhoud.discimus_referte > 0
    regrouped = EnrollmentData(**{**start.__dict__, "administrative_group": "2C"})
    refused = informat.correct_enrollment(renamed, regrouped)
    assert not refused.ok and refused.codes() == [10000]
    assert "de-registration" in refused.uitzonderingen[0].diagnose
