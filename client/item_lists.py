"""Long lists of flat items: zeep renders the first, lxml copies it for the others.

zeep renders a value by walking its XSD type element by element: 46 ms for the 1,000
half days of one RegistreerAfwezigheden, as long as the server takes to verify, check,
store and journal them (``bench/absences.py``). The items of a flat list (one element
per field, each a simple value) all have one shape, so zeep renders the message with
the first item only and the others are copies of that rendered item with each field's
text set the way zeep writes it. The namespaces, prefixes, element order and the
envelope around the list stay zeep's, so what is signed and sent is what zeep would
have sent (``tests/unit/client/test_item_lists.py`` compares the two, byte for byte
after c14n).

Anything that is not plainly the same shape (an optional field left out in some items,
a value zeep would convert in its own way) is rendered by zeep in full, so the copy is
only ever a shortcut, never a different message. The server's counterpart is
``service/soap/item_lists.py``.
"""
from __future__ import annotations

import copy
import datetime as dt

from lxml import etree

# Operation → (list element, item element) of the flat lists in its Inhoud.
FLAT_LISTS = {
    "RegistreerAfwezigheden": ("Afwezigheden", "Afwezigheid"),
    "AnnuleerAfwezigheden": ("HalveDagen", "HalveDag"),
    "RegistreerKlasinformatie": ("Klassen", "Klas"),
}


def split(operation: str, verzoek: dict) -> tuple[dict, list[dict]]:
    """``verzoek`` with only the first item of its flat list, and the other items.

    The other items are empty (nothing to copy) when the operation has no flat list,
    when it has one item, or when the items do not all share the first one's shape.
    """
    names = FLAT_LISTS.get(operation)
    if names is None:
        return verzoek, []
    inhoud = verzoek["Vragen"]["Vraag"]["Inhoud"]
    items = (inhoud.get(names[0]) or {}).get(names[1]) or []
    shape = tuple(name for name, value in items[0].items() if value is not None) \
        if items else ()
    if len(items) < 2 or not all(_copyable(item, shape) for item in items):
        return verzoek, []
    shortened = {**inhoud, names[0]: {names[1]: items[:1]}}
    vraag = {**verzoek["Vragen"]["Vraag"], "Inhoud": shortened}
    return {**verzoek, "Vragen": {"Vraag": vraag}}, list(items[1:])


def expand(envelope: etree._Element, operation: str, rest: list[dict]) -> None:
    """Append ``rest`` after the one rendered item of ``operation``'s flat list."""
    if not rest:
        return
    list_name, item_name = FLAT_LISTS[operation]
    # The list's one item, found below its list element: an item's field may carry the
    # item's own name (Klassen/Klas/Klas).
    (container,) = list(envelope.iter(f"{{*}}{list_name}"))
    (template,) = [e for e in container if etree.QName(e).localname == item_name]
    fields = [etree.QName(child).localname for child in template]
    for item in rest:
        element = copy.deepcopy(template)
        for child, name in zip(element, fields):
            child.text = _text(item[name])
        container.append(element)


def _copyable(item: dict, shape: tuple[str, ...]) -> bool:
    """The fields given are the first item's, in its order, each a value whose text is
    unambiguous."""
    return (tuple(name for name, value in item.items() if value is not None) == shape
            and all(type(item[name]) in _TEXT for name in shape))


# zeep's xmlvalue for the types these lists hold: str as given, xs:date as YYYY-MM-DD
# (zeep.xsd.types.builtins.Date), nothing else (anything else goes through zeep).
_TEXT = {str: lambda value: value, dt.date: lambda value: value.strftime("%Y-%m-%d")}


def _text(value) -> str:
    return _TEXT[type(value)](value)
