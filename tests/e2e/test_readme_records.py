"""The README's records walk-through (message types 5, 6, 8), run as written.

The blocks are read from README.rst, so the test breaks when the README drifts from
what works: each registration is accepted, each wrong one refused with its code, and
each listing shows what the README says it shows.
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
                             n["names"][0].startswith("records walk-through"))
    return [b.astext() for b in section.findall(docutils.nodes.literal_block)]


def test_the_records_walk_through_runs_as_written(server, tmp_path):
    env = {**os.environ, "DISCIMUS_URL": server.url, "DISCIMUS_PKI_DIR": str(server.pki_dir),
           "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"}
    measure, measure_refused_and_list, support, support_refused, refusal = blocks()

    def run(block):
        return subprocess.run(["bash", "-e", "-c", block], capture_output=True, text=True,
                              env=env, cwd=tmp_path, timeout=120)

    done = run(measure)
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.startswith("ACCEPTED") and "NIEUW: temporary exclusion" in done.stdout
    # That block holds two commands, the first refused: run them one by one.
    refused, listing = measure_refused_and_list.split("discimus client measures list")
    done = run(refused)
    assert done.returncode == 1, done.stdout + done.stderr
    answer = json.loads(done.stdout)
    assert [(u["code"], u["omstandigheid"]) for u in answer["uitzonderingen"]] == [
        (10401, "EindDatum")]
    done = run("discimus client measures list" + listing)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "temporary exclusion (TU) from 2026-09-02 to 2026-09-04  stamnummer 2600002" \
        in done.stdout
    done = run(support)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "NIEUW: supported from 2023-01-09 by 090123" in done.stdout
    assert "stamnummer 2290003 at 012345" in done.stdout.split("NIEUW", 1)[1]
    done = run(support_refused)
    assert done.returncode == 1 and "10404" in done.stdout and "Leersteun" in done.stdout
    done = run(refusal)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "NIEUW: refused enrollment (W) on 2026-08-20  INSZ 14030377264" in done.stdout
    assert "dissolved enrollment (O) on 2025-10-21  INSZ 12050976953  stamnummer " \
           "2590001" in done.stdout
