"""Builders for domain values used across test tiers (one place, sensible defaults)."""
from __future__ import annotations

import dataclasses
import datetime as dt

from discimus_fixtures.generator import insz_for
from discimus_service.domain.model import (
    Address, Enrollment, Identification, Mandate, MessageType, Niveau, School, Sender,
    SenderKind, Sex,
)
from discimus_service.services.views import EnrollmentQuestion

TODAY = dt.date(2026, 9, 3)


def address(**kw) -> Address:
    base = dict(street="Kerkstraat", house_number="12", box=None, postcode="9000",
                municipality="Gent", country="00150")
    return Address(**{**base, **kw})


def identification(**kw) -> Identification:
    birth = kw.pop("birth_date", dt.date(2012, 3, 15))
    sex = kw.pop("sex", Sex.M)
    base = dict(insz=insz_for(birth, sex, kw.pop("sequence", 1)), stamnummer="2600001",
                first_name="Lotte", last_name="Peeters", birth_date=birth, sex=sex,
                nationality="00150", address=address())
    return Identification(**{**base, **kw})


def question(**kw) -> EnrollmentQuestion:
    start = kw.get("start_date", dt.date(2026, 9, 1))
    base = dict(identification=identification(), institution_number="034567",
                administrative_group="1A", establishment=None,
                start_date=start, first_attendance_date=start,
                registration_date=dt.date(2026, 8, 30))
    return EnrollmentQuestion(**{**base, **kw})


def enrollment_of(q: EnrollmentQuestion, sender_id: str = "informat", **kw) -> Enrollment:
    base = dict(institution_number=q.institution_number,
                administrative_group=q.administrative_group, establishment=q.establishment,
                start_date=q.start_date, first_attendance_date=q.first_attendance_date,
                registration_date=q.registration_date, identification=q.identification,
                sender_id=sender_id)
    return Enrollment(**{**base, **kw})


VENDOR = Sender("informat", SenderKind.VENDOR, "Informat")
OTHER_VENDOR = Sender("wisa", SenderKind.VENDOR, "Wisa")
SECONDARY = School("034567", "Sint-Jozefscollege", Niveau.SECUNDAIR, "Gent")
OTHER_SECONDARY = School("056789", "Atheneum Brugge", Niveau.SECUNDAIR, "Brugge")
PRIMARY = School("012345", "Basisschool De Regenboog", Niveau.LAGER, "Gent")


def seed(uow, *, mandates=None) -> None:
    """Schools, senders and mandates most tests need; commits."""
    for s in (SECONDARY, OTHER_SECONDARY, PRIMARY):
        uow.schools.add(s)
    for s in (VENDOR, OTHER_VENDOR):
        uow.senders.add(s)
    for m in mandates if mandates is not None else [
            Mandate("informat", "034567", MessageType.INSCHRIJVING, dt.date(2020, 9, 1)),
            Mandate("informat", "012345", MessageType.INSCHRIJVING, dt.date(2020, 9, 1)),
            Mandate("wisa", "056789", MessageType.INSCHRIJVING, dt.date(2020, 9, 1))]:
        uow.mandates.add(m)
    uow.commit()


def replace(obj, **kw):
    return dataclasses.replace(obj, **kw)


# -- message type 2 ------------------------------------------------------------------------
def absence_mandates() -> list[Mandate]:
    """The default mandates plus message type 2 for informat at 034567 and 012345."""
    return [Mandate("informat", "034567", MessageType.INSCHRIJVING, dt.date(2020, 9, 1)),
            Mandate("informat", "012345", MessageType.INSCHRIJVING, dt.date(2020, 9, 1)),
            Mandate("wisa", "056789", MessageType.INSCHRIJVING, dt.date(2020, 9, 1)),
            Mandate("informat", "034567", MessageType.AFWEZIGHEDEN, dt.date(2020, 9, 1)),
            Mandate("informat", "012345", MessageType.AFWEZIGHEDEN, dt.date(2020, 9, 1)),
            Mandate("wisa", "056789", MessageType.AFWEZIGHEDEN, dt.date(2020, 9, 1))]


def half_day(**kw):
    """One item of an absence message: stamnummer 2600001 on 2 September 2026, morning,
    illness."""
    from discimus_service.domain.absence import AbsenceCode, HalfDay
    from discimus_service.services.absence_views import HalfDayItem
    base = dict(student_id="LL-0001", stamnummer="2600001", date=dt.date(2026, 9, 2),
                half_day=HalfDay.VM, code=AbsenceCode.Z)
    return HalfDayItem(**{**base, **kw})


# -- message types 5, 6 and 8 --------------------------------------------------------------
SPECIAL_NEEDS = School("099999", "BuBaO De Brug", Niveau.LAGER, "Gent", special_needs=True)


def record_mandates() -> list[Mandate]:
    """The default mandates plus types 5, 6 and 8 for informat at 034567 and 012345, and
    type 6 for wisa at the special-needs school 099999."""
    since = dt.date(2020, 9, 1)
    out = [Mandate("informat", "034567", MessageType.INSCHRIJVING, since),
           Mandate("informat", "012345", MessageType.INSCHRIJVING, since),
           Mandate("wisa", "056789", MessageType.INSCHRIJVING, since),
           Mandate("wisa", "099999", MessageType.ONDERSTEUNING, since)]
    for kind in (MessageType.TUCHT, MessageType.ONDERSTEUNING, MessageType.WEIGERINGEN):
        out += [Mandate("informat", school, kind, since) for school in ("034567", "012345")]
    return out


# -- message type 4 ------------------------------------------------------------------------
def certificate_mandates() -> list[Mandate]:
    """The absence mandates plus message type 4 for informat at 034567 and 012345 and
    wisa at 056789."""
    return absence_mandates() + [
        Mandate(v, school, MessageType.STUDIEBEWIJZEN, dt.date(2020, 9, 1))
        for v, school in (("informat", "034567"), ("informat", "012345"),
                          ("wisa", "056789"))]


def certificate_data(**kw):
    """An orientation attest A of 1A, obtained on 30 June 2026."""
    from discimus_service.domain.certificate import CertificateData, CertificateKind, Form
    base = dict(kind=CertificateKind.OA, obtained_on=dt.date(2026, 6, 30), grade=1,
                year=1, form=Form.A)
    return CertificateData(**{**base, **kw})


def certificate_item(**kw):
    from discimus_service.services.certificate_views import CertificateItem
    data = kw.pop("data", None) or certificate_data(**kw.pop("data_kw", {}))
    base = dict(student_id="LL-0001", stamnummer="2600001", data=data)
    return CertificateItem(**{**base, **kw})


def certificate(data=None, **kw):
    """A stored certificate of stamnummer 2600001 at 034567 (no id)."""
    from discimus_service.domain.certificate import Certificate
    base = dict(institution_number="034567", student_id="LL-0001", stamnummer="2600001",
                insz=insz_for(dt.date(2012, 3, 15), Sex.M, 1),
                data=data or certificate_data(), institution_name="Sint-Jozefscollege",
                special_needs=False, sender_id="informat", received_on=dt.date(2026, 7, 1))
    return Certificate(**{**base, **kw})
