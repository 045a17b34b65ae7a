"""Questions and answers of the LeerID class-information use cases (plain dataclasses)."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class ClassItem:
    student_id: str
    stamnummer: str
    class_name: str
    subclass: str | None = None


@dataclass(frozen=True)
class ClassesQuestion:
    """RegistreerKlasinformatie: the classes of some students of one school."""

    institution_number: str
    items: tuple[ClassItem, ...]


@dataclass(frozen=True)
class ClassesStoredView:
    institution_number: str
    new: int
    changed: int
    unchanged: int


@dataclass(frozen=True)
class ClassesConsultation:
    """GeefKlasinformatie (LeerID) or GeefKlasinformatieDeling (the school or LeerID)."""

    institution_number: str


@dataclass(frozen=True)
class StudentClassView:
    stamnummer: str
    insz: str | None
    class_name: str
    subclass: str | None
    since: dt.date


@dataclass(frozen=True)
class SharingView:
    institution_number: str
    active: bool
    since: dt.datetime | None = None          # when the current state began
    protocol_version: str | None = None       # accepted when switched on
    data_manager: str | None = None           # the person who switched it (their name)


@dataclass(frozen=True)
class ClassesView:
    institution_number: str
    sharing: SharingView
    items: tuple[StudentClassView, ...]
