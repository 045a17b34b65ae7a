"""Small builders for the domain's entities; override only what a test is about.

The defaults describe one valid student: born 14 May 2012 (an INSZ of the 2000s, so the
check digits use the "2" prefix), enrolled at school 012345 on 1 September 2024.
"""
from __future__ import annotations

import dataclasses
import datetime as dt

from discimus_service.domain.model import (
    Aanleiding, Address, Deregistration, Enrollment, Identification, Mandate,
    MessageType, Sex,
)

# Valid numbers, computed once and kept as data so the tests do not re-implement mod 97.
INSZ_2012 = "12051412364"          # national register number, born 2012-05-14
INSZ_1912 = "12051412335"          # same first nine digits, born 1912 (no "2" prefix)
INSZ_1985 = "85073003328"          # python-stdnum's documented example, born 1985-07-30
BIS_PLUS_20 = "98272899722"        # bis number, sex unknown (month 07 + 20), 1998-07-28
BIS_PLUS_40 = "01490700185"        # bis number, sex known (month 09 + 40), 2001-09-07
NN_UNKNOWN_DAY = "85070003355"     # national register number, born July 1985, day unknown
BIS_UNKNOWN_DATE = "00400100184"   # bis number with the fictitious date 2000/00/01
NN_MONTH_13 = "85133003370"        # correct check digits, impossible month 13
INSZ_2010 = "10030100531"          # another student, born 2010-03-01

TODAY = dt.date(2024, 9, 10)


def address(**overrides) -> Address:
    values = dict(street="Kerkstraat", house_number="12", box=None, postcode="9050",
                  municipality="Ledeberg", country="00150")
    values.update(overrides)
    return Address(**values)


def identification(**overrides) -> Identification:
    values = dict(insz=INSZ_2012, stamnummer="2400017", first_name="Lotte",
                  last_name="Peeters", birth_date=dt.date(2012, 5, 14), sex=Sex.V,
                  nationality="00150", address=address())
    values.update(overrides)
    return Identification(**values)


def enrollment(**overrides) -> Enrollment:
    """An enrollment; ``insz=`` and ``stamnummer=`` go into the identification."""
    ident_overrides = {k: overrides.pop(k) for k in ("insz", "stamnummer")
                       if k in overrides}
    values = dict(institution_number="012345", administrative_group="1A",
                  establishment=None, start_date=dt.date(2024, 9, 1),
                  first_attendance_date=dt.date(2024, 9, 2),
                  registration_date=dt.date(2024, 6, 20),
                  identification=identification(), sender_id="informat")
    values.update(overrides)
    e = Enrollment(**values)
    if ident_overrides:
        e.identification = dataclasses.replace(e.identification, **ident_overrides)
    return e


def deregistration(end_date: dt.date = dt.date(2025, 6, 30), reason=Aanleiding.SCHOOLVERANDERING,
                   situation_after: str = "1") -> Deregistration:
    return Deregistration(end_date=end_date, reason=reason, situation_after=situation_after)


def closed(e: Enrollment, end_date: dt.date) -> Enrollment:
    """The same enrollment, de-registered on ``end_date``."""
    return dataclasses.replace(e, deregistration=deregistration(end_date))


def mandate(**overrides) -> Mandate:
    values = dict(sender_id="informat", institution_number="012345",
                  message_type=MessageType.INSCHRIJVING, valid_from=dt.date(2020, 9, 1),
                  valid_to=None)
    values.update(overrides)
    return Mandate(**values)
