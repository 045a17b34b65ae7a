"""Contract types that carry their documentation, and the registry the exporter reads.

Every published type is made with one of these helpers, so its documentation is written
next to its definition, as data:

- :func:`simple_type` a named restriction (one per concept: a field never restricts a
  type on the spot, which would make spyne invent a ``Parent_FieldType`` twin);
- :func:`code_list` an enumeration whose values are documented one by one; given the
  domain's enum, it refuses a meaning without a code or a code without a meaning;
- :func:`field` one element of a sequence: documented, required unless ``optional``,
  never nillable (``nillable`` makes wsdl2java wrap every field in a JAXBElement);
- :func:`complex_type` registers a :class:`ComplexModel` with its docstring and fields.

spyne can only document complex types and fields, and a field's ``doc`` overwrites the
documentation of the type it customises; so nothing here gives spyne a ``doc``: the
exporter (``soap/wsdl.py``) writes every ``xs:documentation`` from :data:`DOCS`.
"""
from __future__ import annotations

import enum
from decimal import Decimal
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field as dc_field

from spyne.model.complex import Array, ComplexModel
from spyne.model.primitive import Unicode


@dataclass(frozen=True)
class TypeDoc:
    """The documentation of one named type, its fields and its enumeration values."""

    doc: str
    fields: Mapping[str, str] = dc_field(default_factory=dict)
    values: Mapping[str, str] = dc_field(default_factory=dict)


# (namespace, type name) -> documentation; filled when the contract modules are imported.
DOCS: dict[tuple[str, str], TypeDoc] = {}
# (namespace, operation name) -> what the operation does (wsdl:documentation).
OPERATIONS: dict[tuple[str, str], str] = {}
# spyne classes of the named simple types, to tell "ours" from xs: built-ins in field().
_NAMED: set[type] = set()


def register(namespace: str, name: str, doc: TypeDoc) -> None:
    known = DOCS.get((namespace, name))
    if known is not None and known != doc:
        raise ValueError(f"two definitions of {{{namespace}}}{name}")
    DOCS[(namespace, name)] = doc


def _clean(text: str) -> str:
    return " ".join(text.split())


def simple_type(name: str, namespace: str, doc: str, model=Unicode, **facets):
    """A named restriction of ``model`` (``xs:string`` by default) in ``namespace``."""
    made = model.customize(type_name=name, __namespace__=namespace, **facets)
    register(namespace, name, TypeDoc(_clean(doc)))
    _NAMED.add(made)
    return made


def code_list(name: str, namespace: str, doc: str, meanings: Mapping[str, str], *,
              codes: type[enum.Enum] | Iterable[str] | None = None):
    """An enumeration of ``meanings``' keys, each value documented with its meaning.

    :param codes: the domain's own list (an enum or values); it must hold exactly the
        documented codes, so the contract and the domain cannot drift apart.
    :raises ValueError: the domain's codes and the documented ones differ.
    """
    if codes is not None:
        own = [c.value if isinstance(c, enum.Enum) else c for c in codes]
        if set(own) != set(meanings):
            raise ValueError(f"{name}: codes {sorted(own)} but meanings of "
                             f"{sorted(meanings)}")
    made = Unicode.customize(type_name=name, __namespace__=namespace,
                             values=list(meanings))
    register(namespace, name, TypeDoc(_clean(doc), values={
        k: _clean(v) for k, v in meanings.items()}))
    _NAMED.add(made)
    return made


def field(model, doc: str, *, optional: bool = False, **more):
    """One documented element of a sequence: ``minOccurs`` 1 unless optional, not nillable.

    The element's documentation is kept on the customised class (``_field_doc``) and
    collected by :func:`complex_type`; the type keeps its own name.
    """
    kwargs = dict(min_occurs=0 if optional else 1, nillable=False, **more)
    if model in _NAMED:
        kwargs["type_name"] = model.get_type_name()   # the named type, not a twin
    made = model.customize(**kwargs)
    made._field_doc = _clean(doc)
    return made


def complex_type(cls: type[ComplexModel]) -> type[ComplexModel]:
    """Register a complex type: its docstring documents it, :func:`field` its elements.

    :raises ValueError: an element was not made with :func:`field`.
    """
    fields = {}
    for name, member in cls._type_info.items():
        doc = getattr(member, "_field_doc", None)
        if doc is None:
            raise ValueError(f"{cls.get_type_name()}.{name} is not made with field()")
        fields[name] = doc
    register(cls.get_namespace(), cls.get_type_name(),
              TypeDoc(_clean(cls.__doc__ or ""), fields=fields))
    return cls


def list_type(name: str, namespace: str, doc: str, member, member_name: str,
              member_doc: str, *, at_least: int = 0):
    """A named list: ``<name><member_name/>…</name>``, at least ``at_least`` members."""
    kwargs = dict(min_occurs=at_least, nillable=False)
    if member in _NAMED:
        # A list of a named simple type keeps that name: spyne's Array customises an
        # item of max_occurs 1 once more, without the name, which makes a twin type.
        kwargs.update(type_name=member.get_type_name(), max_occurs=Decimal("inf"))
    item = member.customize(**kwargs)
    made = Array(item, member_name=member_name, type_name=name)
    made.__namespace__ = namespace
    register(namespace, name, TypeDoc(_clean(doc), fields={member_name: _clean(member_doc)}))
    return made
