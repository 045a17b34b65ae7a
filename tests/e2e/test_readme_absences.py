"""The README's absences walk-through, run as written, against the real server.

The blocks are read from README.rst, so the test breaks when the README drifts from
what works: the registration is accepted, the message with a bad item is refused with
10010 naming the item, the cancellation and the listing are accepted, and the demo
double enrollment's problematic half days at the other school are shown.
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
                             n["names"][0].startswith("absences walk-through"))
    return [b.astext() for b in section.findall(docutils.nodes.literal_block)]


def test_the_absences_walk_through_runs_as_written(server, tmp_path):
    env = {**os.environ, "DISCIMUS_URL": server.url, "DISCIMUS_PKI_DIR": str(server.pki_dir),
           "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"}
    register, refused, cancel_and_list, problematic = blocks()

    def run(block):
        return subprocess.run(["bash", "-e", "-c", block], capture_output=True, text=True,
                              env=env, cwd=tmp_path, timeout=120)

    done = run(register)
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.startswith("ACCEPTED") and "half days" in done.stdout
    done = run(refused)
    assert done.returncode == 1, done.stdout + done.stderr
    answer = json.loads(done.stdout)
    assert [(u["code"], u["omstandigheid"]) for u in answer["uitzonderingen"]] == [
        (10010, "Afwezigheden/Afwezigheid[2]/Code")]
    done = run(cancel_and_list)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "1 cancelled" in done.stdout and "stamnummer 2600002" in done.stdout
    done = run(problematic)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "stamnummer 2600001" in done.stdout and "B half days at 056789" in done.stdout
