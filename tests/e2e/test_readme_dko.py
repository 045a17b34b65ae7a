"""The README's DKO walk-through, run as written, against the real server.

The blocks are read from README.rst: the demo academy's error report lists the wrong
number, a registration without INSZ is matched on receipt (50600), the screening
supplies the academy's demo students' numbers and creates the pseudo number, both
channels list them with their own rights, and a school package is refused on DKO.
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import docutils.core
import docutils.nodes

from discimus_fixtures import dko as demo
from discimus_fixtures.generator import insz_for
from tests.e2e.server import BUSINESS_DATE

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent


def blocks() -> list[str]:
    tree = docutils.core.publish_doctree((ROOT / "README.rst").read_text(),
                                         settings_overrides={"report_level": 5})
    section = tree.next_node(lambda n: isinstance(n, docutils.nodes.section) and
                             n["names"][0].startswith("dko walk-through"))
    return [b.astext() for b in section.findall(docutils.nodes.literal_block)]


def test_the_dko_walk_through_runs_as_written(server, tmp_path):
    env = {**os.environ, "DISCIMUS_URL": server.url, "DISCIMUS_PKI_DIR": str(server.pki_dir),
           "DISCIMUS_DATABASE_URL": server.database_url,
           "DISCIMUS_BUSINESS_DATE": BUSINESS_DATE,
           "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"}
    report, register, enroll, screen, consult, refused = blocks()
    noor = insz_for(demo.DEMO_PERSON.birth_date, demo.DEMO_PERSON.sex,
                    demo.DEMO_PERSON_SEQUENCE)

    def run(block):
        return subprocess.run(["bash", "-e", "-c", block], capture_output=True, text=True,
                              env=env, cwd=tmp_path, timeout=120)

    done = run(report)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "stamnummer 2600102 Van Looy, Robert" in done.stdout
    assert "FOUT      '19060924157' is wrong" in done.stdout
    done = run(register)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "INFORMATIE   50600" in done.stdout and noor in done.stdout
    done = run(enroll)
    assert done.returncode == 0 and done.stdout.startswith("ACCEPTED"), done.stdout
    assert "INFORMATIE   50600" in done.stdout and noor in done.stdout
    done = run(screen)
    assert done.returncode == 0, done.stdout + done.stderr
    for line in ("academy 130001 stamnummer 2600101: number supplied (matched)",
                 "academy 130001 stamnummer 2600102: number supplied (matched)",
                 "academy 130001 stamnummer 2500103: pseudo number created"):
        assert line in done.stdout, done.stdout
    done = run(consult)
    assert done.returncode == 0, done.stdout + done.stderr
    academy, school = done.stdout.split("ACCEPTED")[1:]
    for stamnummer in ("2600101", "2600102", "2500103", "2600201"):
        assert f"stamnummer {stamnummer}" in academy
    assert "PSEUDO" in academy and "stamnummer 2600990" in school and noor in school
    done = run(refused)
    assert done.returncode == 1 and "40600" in done.stdout, done.stdout + done.stderr
