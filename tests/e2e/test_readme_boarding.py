"""The README's boarding-school walk-through, run as written, against the real server.

The blocks are read from README.rst, so the test breaks when the README drifts from
what works: the demo boarder's two schools are shown, the new boarder is accepted
without warning (his school is found), the funded school's number is refused with
10505, the stay is ended and listed.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import docutils.core
import docutils.nodes

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent


def blocks() -> list[str]:
    tree = docutils.core.publish_doctree((ROOT / "README.rst").read_text(),
                                         settings_overrides={"report_level": 5})
    section = tree.next_node(lambda n: isinstance(n, docutils.nodes.section) and
                             n["names"][0].startswith("boarding schools walk-through"))
    return [b.astext() for b in section.findall(docutils.nodes.literal_block)]


def test_the_boarding_walk_through_runs_as_written(server, tmp_path):
    env = {**os.environ, "DISCIMUS_URL": server.url, "DISCIMUS_PKI_DIR": str(server.pki_dir),
           "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"}
    schools, register, refused, end_and_list = blocks()

    def run(block):
        return subprocess.run(["bash", "-e", "-c", block], capture_output=True, text=True,
                              env=env, cwd=tmp_path, timeout=120)

    done = run(schools)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "2600011 Huysmans, Margareta" in done.stdout
    assert "034567 Sint-Jozefscollege group" in done.stdout
    assert "056789 Atheneum Brugge group" in done.stdout
    done = run(register)
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.startswith("ACCEPTED") and "5050" not in done.stdout
    done = run(refused)
    assert done.returncode == 1, done.stdout + done.stderr
    answer = json.loads(done.stdout)
    assert [(u["code"], u["omstandigheid"]) for u in answer["uitzonderingen"]] == [
        (10505, "Schoolnummer")]
    done = run(end_and_list)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "2600014 Swinnen, Mohamed" in done.stdout
    assert "2026-09-01 to 2026-12-19 at Gent" in done.stdout
