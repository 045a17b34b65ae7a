"""The README's "MAGDA's own Java connector" examples, run as written, on a real server."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import docutils.core
import docutils.nodes

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent


def section_blocks() -> list[str]:
    tree = docutils.core.publish_doctree((ROOT / "README.rst").read_text(),
                                         settings_overrides={"report_level": 5})
    section = tree.next_node(lambda n: isinstance(n, docutils.nodes.section) and
                             n["names"][0].startswith("magda's own java connector"))
    return [block.astext() for block in section.findall(docutils.nodes.literal_block)]


def test_the_connector_examples_run_as_written(server):
    opted_in, refused, operator, python = section_blocks()
    env = {**os.environ, "DISCIMUS_URL": server.url, "DISCIMUS_PKI_DIR": str(server.pki_dir),
           "DISCIMUS_DATABASE_URL": server.database_url,
           "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"}

    def run(argv):
        return subprocess.run(argv, capture_output=True, text=True, env=env, timeout=180)

    done = run(["bash", "-e", "-c", opted_in])
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.startswith("groeipakket: magda-connector\nACCEPTED")
    fault = run(["bash", "-c", refused])
    assert fault.returncode == 2, fault.stdout + fault.stderr
    assert "S130" in fault.stdout + fault.stderr
    assert "discimus partners profile onderwijsinspectie magda-connector" in \
        fault.stdout + fault.stderr
    switched = run(["bash", "-e", "-c", operator])
    assert switched.stdout == "clb: magda-connector\nclb: strict\n", switched.stderr
    example = run([sys.executable, "-c", python])
    assert example.returncode == 0, example.stderr
    assert example.stdout == "True 1\n"
