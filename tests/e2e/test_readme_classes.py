"""The README's LeerID class-information section, run as written, against the real
server: a package sends, LeerID reads, the data manager switches sharing on and off."""
from __future__ import annotations

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
                             n["names"][0].startswith("class information for leerid"))
    return [b.astext() for b in section.findall(docutils.nodes.literal_block)]


def test_the_class_information_section_runs_as_written(server, tmp_path):
    env = {**os.environ, "DISCIMUS_URL": server.url, "DISCIMUS_PKI_DIR": str(server.pki_dir),
           "DISCIMUS_DATABASE_URL": server.database_url,
           "DISCIMUS_BUSINESS_DATE": "2026-09-03",
           "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"}
    send_and_list, schoolloket = blocks()

    def run(block):
        return subprocess.run(["bash", "-e", "-c", block], capture_output=True, text=True,
                              env=env, cwd=tmp_path, timeout=120)

    done = run(send_and_list)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "2600001  INSZ" in done.stdout and "class 3LAT / 3LAT-b" in done.stdout
    assert "switched on by An Peeters" in done.stdout
    done = run(schoolloket)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Luc Janssens" in done.stdout
    assert "shares class information with LeerID" in done.stdout
    assert "does not share class information" in done.stdout
