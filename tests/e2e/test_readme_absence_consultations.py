"""The README's walk-through of the absence consultations and the quality feedback, run
as written against the real server (demo data at the e2e business date, 3 September
2026): the blocks are read from README.rst, so the test breaks when the README drifts
from what works."""
from __future__ import annotations

import os
import subprocess

from tests.e2e.test_readme_absences import BIN, ROOT

import docutils.core
import docutils.nodes


def blocks() -> list[str]:
    tree = docutils.core.publish_doctree((ROOT / "README.rst").read_text(),
                                         settings_overrides={"report_level": 5})
    section = tree.next_node(lambda n: isinstance(n, docutils.nodes.section) and
                             n["names"][0].startswith("absence consultations and quality"))
    return [b.astext() for b in section.findall(docutils.nodes.literal_block)]


def test_the_consultations_walk_through_runs_as_written(server, tmp_path):
    env = {**os.environ, "DISCIMUS_URL": server.url, "DISCIMUS_PKI_DIR": str(server.pki_dir),
           "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"}
    counts, sick_note, nursery, quality = blocks()

    def run(block):
        done = subprocess.run(["bash", "-e", "-c", block], capture_output=True,
                              text=True, env=env, cwd=tmp_path, timeout=180)
        assert done.returncode == 0, done.stdout + done.stderr
        return done.stdout

    out = run(counts)
    assert "stamnummer 2600001" in out and "at 056789: 2 B, 1 sick note" in out
    out = run(sick_note)
    assert out.startswith("ACCEPTED")
    out = run(nursery)
    assert out.count("threshold 220") == 2 and out.count("threshold 185") == 2
    assert out.count("NOT met: language test") == 2 and "at 012346" in out
    out = run(quality)
    assert "students at 30 problematic half days or more in 2026-2027" in out
    assert "2600002  Naam differs: yours 'Jooss', Discimus 'Joos'" in out
    assert "2600998  on your list, not enrolled at Discimus" in out
    assert "DUBBELE_INSCHRIJVING" in out
