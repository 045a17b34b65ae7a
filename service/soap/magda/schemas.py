"""The packaged MAGDA reference schemas: compiled once per worker, served read-only.

``xsd/`` beside this module is the repository's ``xsd/magda`` (a link in the source
tree, files in the wheel): the service must not depend on ``../shared`` at run time.
"""
from __future__ import annotations

import functools
from pathlib import Path, PurePosixPath

from lxml import etree

XSD_ROOT = Path(__file__).resolve().parent / "xsd"


def _parser() -> etree.XMLParser:
    # Our own files, but still: no DTD, no entities, no network for imports.
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)


@functools.lru_cache(maxsize=None)
def schema(relative: str) -> etree.XMLSchema:
    """The compiled schema of ``relative`` (e.g. ``Generiek-02.00/Generiek.xsd``)."""
    return etree.XMLSchema(etree.parse(str(XSD_ROOT / relative), _parser()))


@functools.lru_cache(maxsize=1)
def served_files() -> frozenset[str]:
    """Every schema file and the licence, as the relative paths served at /magda-xsd/."""
    return frozenset(PurePosixPath(p.relative_to(XSD_ROOT)).as_posix()
                     for p in XSD_ROOT.rglob("*")
                     if p.is_file() and p.suffix in (".xsd", ".txt", ".md"))


def read_served(relative: str) -> bytes | None:
    """The bytes of one served file, or None when ``relative`` is not one of them.

    Only names from :func:`served_files` are opened: no ``..``, no other file.
    """
    if relative not in served_files():
        return None
    return (XSD_ROOT / relative).read_bytes()
