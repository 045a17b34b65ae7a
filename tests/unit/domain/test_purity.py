"""The domain knows nothing of frameworks (STYLE.md, guideline 2).

Checked on the source (the AST), not by importing, so a lazy import inside a function
is caught too.
"""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

DOMAIN = Path(__file__).resolve().parents[3] / "service" / "domain"
FORBIDDEN = ("spyne", "lxml", "sqlalchemy", "zeep", "xmlsec", "alembic", "psycopg")


def _imports(path: Path):
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            yield node.module


@pytest.mark.parametrize("module", sorted(DOMAIN.glob("*.py")), ids=lambda p: p.name)
def test_domain_module_imports_no_framework(module):
    offending = [name for name in _imports(module) if name.split(".")[0] in FORBIDDEN]
    assert offending == [], f"{module.name} imports {offending}"


def test_the_domain_folder_is_where_the_test_looks():
    assert (DOMAIN / "model.py").is_file()
