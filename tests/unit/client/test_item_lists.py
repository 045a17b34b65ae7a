"""The long-list shortcut sends exactly what zeep would have rendered, or lets zeep."""
from __future__ import annotations

import datetime as dt

import pytest
import zeep
from lxml import etree

from discimus_client import item_lists
from discimus_client.contracts import wsdl_path

OPERATION = "RegistreerAfwezigheden"


@pytest.fixture(scope="module")
def binding():
    client = zeep.Client(str(wsdl_path("afwezigheid")),
                         settings=zeep.Settings(strict=True, forbid_dtd=True))
    return client.wsdl.bindings[next(iter(client.wsdl.bindings))]


def _verzoek(items: list[dict], operation=OPERATION) -> dict:
    container, item = item_lists.FLAT_LISTS[operation]
    return {"Context": {"Naam": "DISCIMUS", "Versie": "01.00.0000", "Bericht": {
        "Type": "VRAAG", "Tijdstip": {"Datum": dt.date(2026, 11, 26), "Tijd": "10:00:00.000"},
        "Afzender": {"Identificatie": "informat", "Referte": "r-1"}}},
        "Vragen": {"Vraag": {"Referte": "r-1", "Inhoud": {
            "Instellingsnummer": "034567", container: {item: items}}}}}


def _item(n: int, **changes) -> dict:
    item = {"UniekeIdentificatorLeerling": f"L-{n} é & <x>", "Stamnummer": f"26{n:05d}",
            "Datum": dt.date(2026, 9, 1) + dt.timedelta(days=n), "Dagdeel": "VM NM".split()[n % 2],
            "Code": "ZBRP"[n % 4]}
    return {**item, **changes}


def _c14n(envelope) -> bytes:
    return etree.tostring(envelope, method="c14n", exclusive=True)


def _rendered(binding, operation, verzoek):
    shortened, rest = item_lists.split(operation, verzoek)
    envelope = binding.get(operation).create(Verzoek=shortened).content
    item_lists.expand(envelope, operation, rest)
    return envelope, rest


@pytest.mark.parametrize("count", [2, 3, 1000])
def test_the_copied_items_are_the_bytes_zeep_renders(binding, count):
    verzoek = _verzoek([_item(n) for n in range(count)])
    shortcut, rest = _rendered(binding, OPERATION, verzoek)
    assert len(rest) == count - 1      # the shortcut was taken
    full = binding.get(OPERATION).create(Verzoek=verzoek).content
    assert _c14n(shortcut) == _c14n(full)


def test_cancelling_half_days_is_copied_the_same_way(binding):
    items = [{k: v for k, v in _item(n).items() if k != "Code"} for n in range(5)]
    verzoek = _verzoek(items, "AnnuleerAfwezigheden")
    shortcut, rest = _rendered(binding, "AnnuleerAfwezigheden", verzoek)
    assert len(rest) == 4
    full = binding.get("AnnuleerAfwezigheden").create(Verzoek=verzoek).content
    assert _c14n(shortcut) == _c14n(full)


@pytest.mark.parametrize("odd_one", [
    {"Code": None},                      # a field left out: another shape
    {"Datum": dt.datetime(2026, 9, 1, 8)},  # zeep's own conversion, not ours
    {"Stamnummer": 2600001},             # an int zeep would stringify its own way
])
def test_an_item_of_another_shape_leaves_the_whole_list_to_zeep(odd_one):
    verzoek = _verzoek([_item(0), _item(1, **odd_one), _item(2)])
    shortened, rest = item_lists.split(OPERATION, verzoek)
    assert rest == [] and shortened is verzoek


def test_one_item_and_other_operations_are_left_to_zeep():
    one = _verzoek([_item(0)])
    assert item_lists.split(OPERATION, one) == (one, [])
    other = {"Vragen": {"Vraag": {"Inhoud": {}}}}
    assert item_lists.split("GeefAfwezigheden", other) == (other, [])


def test_an_item_named_like_one_of_its_fields_is_found_below_its_list():
    client = zeep.Client(str(wsdl_path("klasinformatie")),
                         settings=zeep.Settings(strict=True, forbid_dtd=True))
    binding = client.wsdl.bindings[next(iter(client.wsdl.bindings))]
    operation = "RegistreerKlasinformatie"
    items = [{"UniekeIdentificatorLeerling": f"IF-{n}", "Stamnummer": f"26{n:05d}",
              "Klas": f"{n}A", "Subklas": f"{n}A-b"} for n in range(3)]
    verzoek = _verzoek(items, operation)
    verzoek["Vragen"]["Vraag"]["Inhoud"] = {"Instellingsnummer": "034567",
                                            "Klassen": {"Klas": items}}
    shortcut, rest = _rendered(binding, operation, verzoek)
    assert len(rest) == 2
    assert _c14n(shortcut) == _c14n(binding.get(operation).create(Verzoek=verzoek).content)
