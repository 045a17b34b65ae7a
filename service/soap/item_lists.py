"""A fast reader for the items of a long list, for spyne's lxml-validating protocol.

RegistreerAfwezigheden carries up to 1,000 ``Afwezigheid`` elements. spyne turns each
into a ComplexModel instance field by field (class attributes looked up per field,
``strptime`` per date): two thirds of the server's time for such a message
(``bench/absences.py``, README "Rules … message type 2"). These items are flat (text
fields only), and the Body was already validated against the XSD by lxml
(``Soap11(validator="lxml")``) before any deserialization, so they are read here
straight from the verified, validated element: the same values, without the object
machinery. Registered per protocol instance, for the item types only.
"""
from __future__ import annotations

import datetime as dt
import re
from types import SimpleNamespace

from spyne.model.primitive import Date

# xs:date without a time zone or with one (kept by nobody: a half day is a calendar day).
_PLAIN_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})(Z|[+-]\d{2}:\d{2})?\Z")


def register_flat_items(protocol, *item_types: type) -> None:
    """Let ``protocol`` read elements of ``item_types`` with :func:`flat_reader`.

    Call before the protocol serves a request (spyne's handler table must not change
    after its first lookup).
    """
    for item_type in item_types:
        protocol.deserialization_handlers[item_type] = flat_reader(protocol, item_type)


def flat_reader(protocol, item_type: type):
    """A deserialization handler giving an object with one attribute per field.

    :param item_type: a ComplexModel whose fields are all simple (text) types.
    """
    fields = tuple(item_type._type_info)
    dates = frozenset(name for name, member in item_type._type_info.items()
                      if issubclass(member, Date))

    def read(ctx, cls, element):
        values = dict.fromkeys(fields)
        for child in element:
            if not isinstance(child.tag, str):          # comments, processing instr.
                continue
            name = child.tag.rpartition("}")[2]
            if name not in values:
                continue
            text = child.text or ""
            values[name] = _date(protocol, text) if name in dates else text
        return SimpleNamespace(**values)
    return read


def _date(protocol, text: str) -> dt.date:
    match = _PLAIN_DATE.match(text.strip())
    if match is None:                    # anything unusual: spyne's own parsing
        return protocol.from_unicode(Date, text)
    year, month, day = (int(match.group(i)) for i in (1, 2, 3))
    return dt.date(year, month, day)
