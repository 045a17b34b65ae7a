"""The README's student-characteristics walk-through, run as written, against the real
server; and its code table, checked against the domain's.

The blocks are read from README.rst, so the test breaks when the README drifts from
what works: Margareta has no declaration and Nina has one; the registration is accepted
and the indicators follow; the message with a student who left is refused with 40010
naming the item and stores nothing; the next school sees the previous school's
declaration; the correction, the listing and the cancellation are accepted, and the
walk-through leaves the demo data as it found it.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import docutils.core
import docutils.nodes

from discimus_service.domain import characteristics as rules

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent


def _section(prefix: str):
    tree = docutils.core.publish_doctree((ROOT / "README.rst").read_text(),
                                         settings_overrides={"report_level": 5})
    return tree.next_node(lambda n: isinstance(n, docutils.nodes.section) and
                          n["names"][0].startswith(prefix))


def blocks() -> list[str]:
    section = _section("student characteristics walk-through")
    return [b.astext() for b in section.findall(docutils.nodes.literal_block)]


def test_the_characteristics_walk_through_runs_as_written(server, tmp_path):
    env = {**os.environ, "DISCIMUS_URL": server.url, "DISCIMUS_PKI_DIR": str(server.pki_dir),
           "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"}
    show, register, refused, next_school, correct_list_cancel = blocks()

    def run(block):
        return subprocess.run(["bash", "-e", "-c", block], capture_output=True, text=True,
                              env=env, cwd=tmp_path, timeout=120)

    for attempt in (1, 2):                   # the walk-through leaves things as they were
        done = run(show)
        assert done.returncode == 0, done.stdout + done.stderr
        assert "stamnummer 2600001: no characteristics at AGODI" in done.stdout
        assert ("stamnummer 2600004: declared 2026-07-04 at school 034567: home "
                "language Dutch (N), mother secondary diploma (4)") in done.stdout
        done = run(register)
        assert done.returncode == 0, done.stdout + done.stderr
        assert done.stdout.startswith("ACCEPTED") and "1 new" in done.stdout
        assert ("stamnummer 2600001: thuistaal met, opleidingsniveau moeder met "
                "(declaration of 2026-08-28)") in done.stdout
        assert ("stamnummer 2600004: thuistaal not met, opleidingsniveau moeder not met"
                in done.stdout)
        done = run(refused)
        assert done.returncode == 1, done.stdout + done.stderr
        answer = json.loads(done.stdout)
        assert [(u["code"], u["omstandigheid"]) for u in answer["uitzonderingen"]] == [
            (40010, "Leerlingenkenmerken/Leerlingenkenmerk[2]/Stamnummer")]
        assert "ended on 2026-06-30" in answer["uitzonderingen"][0]["diagnose"]
        done = run(next_school)
        assert done.returncode == 0, done.stdout + done.stderr
        assert ("stamnummer 2600003: declared 2025-08-02 at school 034567"
                in done.stdout)
        done = run(correct_list_cancel)
        assert done.returncode == 0, done.stdout + done.stderr
        assert "50200" in done.stdout and "1 changed" in done.stdout
        assert "home language Dutch (N), mother secondary without its diploma (3)" \
            in done.stdout
        assert "1 cancelled declarations" in done.stdout
        assert "2600002" not in done.stdout                  # the refused item: none


def test_the_readme_code_table_says_what_the_domain_does():
    section = _section("rules the service applies (message type 3)")
    [table] = section.findall(docutils.nodes.table)
    rows = [[entry.astext() for entry in row.findall(docutils.nodes.entry)]
            for row in table.findall(docutils.nodes.row)][1:]
    indicator = {"met": rules.Indicator.JA, "not met": rules.Indicator.NEEN,
                 "unknown": rules.Indicator.ONBEKEND}
    seen = {"Thuistaal": set(), "OpleidingsniveauMoeder": set()}
    for field, code, _meaning, says in rows:
        if field == "Thuistaal":
            assert rules.home_language_indicator(rules.HomeLanguage(code)) is indicator[says]
        else:
            assert rules.mother_education_indicator(
                rules.MotherEducation(code)) is indicator[says]
        seen[field].add(code)
    assert seen == {"Thuistaal": {c.value for c in rules.HomeLanguage},
                    "OpleidingsniveauMoeder": {c.value for c in rules.MotherEducation}}
