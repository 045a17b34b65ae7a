"""The README's certificates walk-through, run as written, against the real server.

The blocks are read from README.rst, so the test breaks when the README drifts from
what works: the demo student's primary certificate is seen by the new school and
opens 1A by rule T01, a change to 1B needs the class council, a late certificate is
stored with 50300 and a safety-course sanction refused with 10300, the listing shows
the registered certificate and the cancellation removes it.
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
                             n["names"][0].startswith("certificates walk-through"))
    return [b.astext() for b in section.findall(docutils.nodes.literal_block)]


def test_the_certificates_walk_through_runs_as_written(server, tmp_path):
    env = {**os.environ, "DISCIMUS_URL": server.url, "DISCIMUS_PKI_DIR": str(server.pki_dir),
           "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"}
    consult, transition, register, list_and_cancel = blocks()

    def run(block):
        return subprocess.run(["bash", "-e", "-c", block], capture_output=True, text=True,
                              env=env, cwd=tmp_path, timeout=120)

    done = run(consult)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "GBO  Getuigschrift basisonderwijs" in done.stdout
    assert "from 012345 Basisschool De Regenboog" in done.stdout
    assert "grade 1 year 1 A: VOLDOET" in done.stdout and "rule T01" in done.stdout
    done = run(transition)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "class council decision NEEDED" in done.stdout and "T04" in done.stdout
    first, refused = register.strip().split("\ndiscimus")[0], register
    done = run(first)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "WAARSCHUWING 50300" in done.stdout and "1 new" in done.stdout
    done = run(refused)                    # bash -e: the second command exits 1
    assert done.returncode == 1, done.stdout + done.stderr
    answer = json.loads(done.stdout[done.stdout.index("{"):])
    assert [(u["code"], u["omstandigheid"]) for u in answer["uitzonderingen"]] == [
        (10300, "Studiebewijzen/Studiebewijs[1]/Soort")]
    done = run(list_and_cancel)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "GEG  Getuigschrift van de eerste graad" in done.stdout
    assert "1 cancelled certificates" in done.stdout
