"""What a use case answers: a result and its Uitzonderingen, as plain values.

An :class:`Answer` is journaled as JSON with the message that caused it, so that an
identical resend gets the very same answer back without running the use case again.
The SOAP edge turns :class:`Issue` values into ``Uitzondering`` elements.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import json
import types
import typing
from dataclasses import dataclass
from typing import Any

from discimus_service.domain.errors import DomainError, Notice, Severity


@dataclass(frozen=True)
class Issue:
    """One Uitzondering: a stable code, its severity and a diagnosis a person can act on."""

    code: int
    severity: str
    diagnose: str
    field: str | None = None

    @classmethod
    def of(cls, problem: DomainError | Notice) -> "Issue":
        return cls(problem.code, problem.severity.value, problem.diagnose,
                   getattr(problem, "field", None))

    @property
    def blocking(self) -> bool:
        return self.severity == Severity.FOUT.value


@dataclass(frozen=True)
class Answer:
    """The outcome of one question: a result (None when refused) and its issues."""

    result: Any = None
    issues: tuple[Issue, ...] = ()

    @property
    def accepted(self) -> bool:
        return not any(i.blocking for i in self.issues)

    @property
    def verdict(self) -> str:
        return "AANVAARD" if self.accepted else "GEWEIGERD"

    def with_issue(self, issue: Issue) -> "Answer":
        return dataclasses.replace(self, issues=self.issues + (issue,))

    # -- journal codec ------------------------------------------------------------------
    def to_json(self) -> str:
        return json.dumps({
            "result": encode(self.result),
            "issues": [dataclasses.asdict(i) for i in self.issues],
        }, sort_keys=True, separators=(",", ":"))

    @classmethod
    def from_json(cls, text: str, result_type: type | None) -> "Answer":
        data = json.loads(text)
        result = None
        if data["result"] is not None and result_type is not None:
            result = _decode(result_type, data["result"])
        return cls(result, tuple(Issue(**i) for i in data["issues"]))


def refused(problem: DomainError) -> Answer:
    return Answer(None, (Issue.of(problem),))


# Field names per dataclass: a message of 1,000 items is encoded for its digest, and
# dataclasses.is_dataclass/fields per value cost a fifth of such a message's time.
_FIELDS: dict[type, tuple[str, ...] | None] = {}


def encode(value: Any) -> Any:
    """A JSON-ready copy of a result value (dataclasses, enums and dates included)."""
    if isinstance(value, enum.Enum):
        return value.value
    if value is None or isinstance(value, (str, int, float)):
        return value
    if isinstance(value, (list, tuple)):
        return [encode(v) for v in value]
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    kind = type(value)
    names = _FIELDS.get(kind, ())
    if names == ():
        names = (tuple(f.name for f in dataclasses.fields(value))
                 if dataclasses.is_dataclass(value) and not isinstance(value, type)
                 else None)
        _FIELDS[kind] = names
    if names is None:
        return value
    return {name: encode(getattr(value, name)) for name in names}


def _decode(tp: Any, data: Any) -> Any:
    """Rebuild a value of type ``tp`` from :func:`_encode` output.

    Handles what our view types use: dataclasses, lists/tuples, Optional, enums, dates.
    (A general library such as cattrs would do; this is 20 lines and no dependency.)
    """
    if data is None:
        return None
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in typing.get_args(tp) if a is not type(None)]
        return _decode(inner[0], data)
    if origin in (list, tuple):
        (item,) = typing.get_args(tp)[:1]
        items = [_decode(item, v) for v in data]
        return tuple(items) if origin is tuple else items
    if dataclasses.is_dataclass(tp):
        hints = typing.get_type_hints(tp)
        return tp(**{f.name: _decode(hints[f.name], data[f.name])
                     for f in dataclasses.fields(tp) if f.name in data})
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return tp(data)
    if tp is dt.date:
        return dt.date.fromisoformat(data)
    if tp is dt.datetime:
        return dt.datetime.fromisoformat(data)
    return data
