"""The README's admission table is the one the domain applies."""
from pathlib import Path

from discimus_service.admission_table import admission_table, rows
from discimus_service.domain.admission import ADMISSION_RULES

ROOT = Path(__file__).resolve().parents[2]


def test_the_readme_admission_table_is_current():
    readme = (ROOT / "README.rst").read_text()
    start = readme.index(".. admission-table-start") + len(".. admission-table-start")
    end = readme.index(".. admission-table-end")
    assert readme[start:end].strip() == admission_table().strip(), (
        "README admission table is stale: paste `discimus contracts admission` between "
        "the markers")


def test_every_row_is_rendered_with_its_words():
    assert [r[0] for r in rows()] == [r.id for r in ADMISSION_RULES]
    assert all(r.text in admission_table() for r in ADMISSION_RULES)
    assert dict((r[0], r[2]) for r in rows())["T05"] == "none, without GBO"
