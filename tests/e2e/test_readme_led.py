"""The README's LED.GeefBewijs example, run as written against a real server: two LED
consumers, two field sets."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.e2e.test_readme_attendance import blocks

BIN = Path(sys.executable).parent


def test_the_led_example_runs_as_written(server):
    env = {**os.environ, "DISCIMUS_URL": server.url, "DISCIMUS_PKI_DIR": str(server.pki_dir),
           "DISCIMUS_BUSINESS_DATE": "2026-09-03",
           "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"}
    (example,) = blocks("LED consumers: certificates (MAGDA LED.GeefBewijs)")
    commands = example.replace("\\\n", " ").splitlines()
    outputs = []
    for command in commands:
        done = subprocess.run(["bash", "-e", "-c", command], capture_output=True, text=True,
                              env=env, timeout=300)
        assert done.returncode == 0, command + "\n" + done.stdout + done.stderr
        outputs.append(done.stdout)
    naric, exam = outputs[3], json.loads(outputs[5])
    lines = [line.split() for line in naric.splitlines()]
    assert naric.splitlines()[1].strip() == (
        "2026-06-30  Oriënteringsattest A, 1e leerjaar van de eerste graad Latijn")
    assert ["Basis/Studierichting/Naam", "Latijn"] in lines
    assert lines[-1] == ["Bron/Naam", "LED"]
    (certificate,) = exam["inhoud"]
    assert certificate["fields"]["Basis/Studierichting/Naam"] == "Latijn"
    assert "Bron/Naam" not in certificate["fields"]
    assert certificate["fields"]["PersoonUitgereikt/INSZ"] == "11030343943"
