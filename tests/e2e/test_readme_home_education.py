"""The README's home-education example, run as written against a real server."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.e2e.test_readme_attendance import blocks

BIN = Path(sys.executable).parent
TITLE = "Home education: Onderwijsinspectie (MAGDA)"


def test_the_home_education_example_runs_as_written(server):
    env = {**os.environ, "DISCIMUS_URL": server.url, "DISCIMUS_PKI_DIR": str(server.pki_dir),
           "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"}
    example, printed = blocks(TITLE)
    done = subprocess.run(["bash", "-e", "-c", example], capture_output=True, text=True,
                          env=env, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    last = done.stdout.split("ACCEPTED")[-1]
    for line in printed.splitlines()[1:]:
        assert line.strip() in last, (line, done.stdout)
    assert done.stdout.count("ACCEPTED") == 4 and "Resultaat 1" in done.stdout
    refused = subprocess.run(
        ["bash", "-c", example.splitlines()[2].replace("--sex V", "--sex M")],
        capture_output=True, text=True, env=env, timeout=120)
    assert refused.returncode == 1 and "10181" in refused.stdout
