"""The fast item reader gives exactly what spyne's own deserializer gives."""
import datetime as dt

import pytest
from lxml.builder import ElementMaker
from spyne import Application
from spyne.protocol.soap import Soap11

from discimus_service.soap import afwezigheid
from discimus_service.soap.afwezigheid_types import AfwezigheidType, HalveDagType
from discimus_service.soap.item_lists import register_flat_items
from discimus_service.soap.namespaces import AFWEZIGHEID

E = ElementMaker(namespace=AFWEZIGHEID, nsmap={"a": AFWEZIGHEID})


def _protocols():
    plain, fast = Soap11(), Soap11()
    register_flat_items(fast, AfwezigheidType, HalveDagType)
    for protocol in (plain, fast):     # as the service builds them
        Application([afwezigheid.AfwezigheidService], tns=AFWEZIGHEID,
                    in_protocol=protocol, out_protocol=Soap11())
    return plain, fast


def _fields(value, cls):
    return {name: getattr(value, name) for name in cls._type_info}


@pytest.mark.parametrize("day", ["2026-09-01", "2026-09-01Z", "2026-09-01+02:00"])
@pytest.mark.parametrize("student_id", ["LL-1", " LL 1 "])
def test_an_absence_item_reads_the_same_both_ways(day, student_id):
    element = E.Afwezigheid(E.UniekeIdentificatorLeerling(student_id),
                            E.Stamnummer("2600001"), E.Datum(day), E.Dagdeel("VM"),
                            E.Code("Z"))
    plain, fast = _protocols()
    expected = _fields(plain.from_element(None, AfwezigheidType, element), AfwezigheidType)
    got = _fields(fast.from_element(None, AfwezigheidType, element), AfwezigheidType)
    assert got == expected
    assert got["Datum"] == dt.date(2026, 9, 1)


def test_a_date_with_surrounding_spaces_is_read_as_the_schema_says():
    # xs:date collapses whitespace, so the lxml validation lets " 2026-09-01 " through;
    # spyne's own date parser would then refuse it, the fast reader does not.
    element = E.Afwezigheid(E.UniekeIdentificatorLeerling("LL-1"), E.Stamnummer("2600001"),
                            E.Datum(" 2026-09-01\n"), E.Dagdeel("VM"), E.Code("Z"))
    _plain, fast = _protocols()
    assert fast.from_element(None, AfwezigheidType, element).Datum == dt.date(2026, 9, 1)


def test_a_half_day_to_cancel_reads_the_same_both_ways():
    element = E.HalveDag(E.UniekeIdentificatorLeerling("LL-1"), E.Stamnummer("2600001"),
                         E.Datum("2026-09-01"), E.Dagdeel("NM"))
    plain, fast = _protocols()
    assert (_fields(fast.from_element(None, HalveDagType, element), HalveDagType)
            == _fields(plain.from_element(None, HalveDagType, element), HalveDagType))


def test_the_service_reads_its_item_types_with_the_fast_reader():
    protocol = afwezigheid.application().in_protocol
    handler = protocol.deserialization_handlers[AfwezigheidType]
    assert handler.__qualname__.startswith("flat_reader")
