"""The README's CLB examples (the feed, the motivated report), run as written against a
real server."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.e2e.test_readme_attendance import blocks

BIN = Path(sys.executable).parent


def test_the_clb_feed_example_runs_as_written(server):
    env = {**os.environ, "DISCIMUS_URL": server.url, "DISCIMUS_PKI_DIR": str(server.pki_dir),
           "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"}
    (example,) = blocks("CLB: notifications of problematic absences (MAGDA)")
    done = subprocess.run(["bash", "-e", "-c", example], capture_output=True, text=True,
                          env=env, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    line = next(l for l in done.stdout.splitlines() if "INSZ 11070788884" in l)
    assert line.endswith("INSZ 11070788884  school year 2025-2026: reached 10 (10 half "
                         "days; 10th on 2025-10-10)  schools 034567"), line
    assert "next: --after " in done.stdout
    # Once: the absences sent again, the feed still names Lien once.
    commands = example.replace("\\\n", " ").splitlines()
    again = subprocess.run(["bash", "-e", "-c", "\n".join(commands[-2:])],
                           capture_output=True, text=True, env=env, timeout=120)
    assert again.returncode == 0, again.stdout + again.stderr
    assert sum("INSZ 11070788884" in l for l in again.stdout.splitlines()) == 1


def test_the_motivated_report_example_runs_as_written(server):
    env = {**os.environ, "DISCIMUS_URL": server.url, "DISCIMUS_PKI_DIR": str(server.pki_dir),
           "DISCIMUS_BUSINESS_DATE": "2026-09-03",
           "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"}
    # Lien, enrolled by the feed's example (run it first when this test runs alone).
    (enroll,) = blocks("CLB: notifications of problematic absences (MAGDA)")
    subprocess.run(["bash", "-c", enroll.replace("\\\n", " ").splitlines()[0]],
                   capture_output=True, text=True, env=env, timeout=120)
    (example,) = blocks("CLB: motivated report (MAGDA)")
    done = subprocess.run(["bash", "-e", "-c", example], capture_output=True, text=True,
                          env=env, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "ACCEPTED" in done.stdout
    assert ("motivated report of 2026-06-15: special-needs type 9, valid 2026-09-01 to "
            "open") in done.stdout, done.stdout
