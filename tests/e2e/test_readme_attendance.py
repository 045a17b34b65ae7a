"""The README's attendance, audit, retention and fault-injection examples, run as written
against a real server (its database for the operator commands)."""
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
INSZ = "20051670278"


def blocks(title: str) -> list[str]:
    tree = docutils.core.publish_doctree((ROOT / "README.rst").read_text(),
                                         settings_overrides={"report_level": 5})
    section = tree.next_node(lambda n: isinstance(n, docutils.nodes.section) and
                             n["names"][0] == title.lower())
    return [b.astext() for b in section.findall(docutils.nodes.literal_block)]


def test_the_attendance_audit_retention_and_fault_examples_run_as_written(server):
    env = {**os.environ, "DISCIMUS_URL": server.url, "DISCIMUS_PKI_DIR": str(server.pki_dir),
           "DISCIMUS_DATABASE_URL": server.database_url,
           "DISCIMUS_BUSINESS_DATE": "2026-09-03",
           "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"}

    def run(script, *, strict=True):
        done = subprocess.run(["bash", "-e" if strict else "+e", "-c", script],
                              capture_output=True, text=True, env=env, timeout=300)
        if strict:
            assert done.returncode == 0, done.stdout + done.stderr
        return done

    (example,) = blocks("School allowances: attendance (MAGDA)")
    out = run(example).stdout
    assert "school year 2025-2026: 304 half days of 309 enrolled  (045678: 304)" in out
    assert "school year 2025-2026: 1 half days" in out

    who, what = blocks("Audit of consultations")[0].splitlines()
    out = run(who).stdout
    assert "Who looked at INSZ 20051670278: 2 consultation(s)" in out
    assert "GeefAantalAanwezigheden-02.00" in out and "VTC 16/2016" in out
    entries = json.loads(run(what).stdout)
    mine = [e for e in entries if e["insz"] == INSZ]
    assert {e["service"] for e in mine} == {"GeefAantalAanwezigheden-02.00",
                                             "GeefAantalProblematischeAfwezigheden-02.00"}
    assert "Schooljaren/Schooljaar/AantalHalveDagen" in mine[0]["fields"]
    assert not any("304" in field for e in mine for field in e["fields"])   # names only

    dry, real = blocks("Retention")[0].splitlines()
    assert "would remove (dry run, nothing changed)" in run(dry).stdout
    report = json.loads(run(real).stdout)
    assert report["cutoff"] == "2021-09-01" and report["dry_run"] is False

    faults = blocks("Fault injection for testers")[0]
    out = run(faults, strict=False)
    assert "00060006 MAGDA" not in out.stdout                 # the code is five digits
    assert "60006 MAGDA (Discimus 30902)" in out.stdout, out.stdout + out.stderr
    assert "Geen antwoord van de bron ontvangen" in out.stdout
    assert "removed 1 fault rule(s)" in out.stdout and out.returncode == 0
    # Cleared: the same question is answered again (a new Referte).
    again = run(faults.splitlines()[1] + "\n" + faults.splitlines()[2])
    assert "304 half days" in again.stdout
