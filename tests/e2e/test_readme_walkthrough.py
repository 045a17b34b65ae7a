"""The README's walk-through, run as written, against a real server.

The commands and the Python example are read from README.rst itself, so this test breaks
when the README drifts from what works. Both halves run in either order, and a second
run of the Python example reports the refusal instead of crashing; ``discimus reset``
(what ``make reset`` runs) in between, while the server runs, brings the seed back.
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import docutils.core
import docutils.nodes
import pytest

from tests import dbhelpers
from tests.e2e.server import BUSINESS_DATE, start_server

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent


def readme_blocks() -> list[str]:
    tree = docutils.core.publish_doctree((ROOT / "README.rst").read_text(),
                                         settings_overrides={"report_level": 5})
    start = tree.next_node(lambda n: isinstance(n, docutils.nodes.section) and
                           n["names"][0].startswith("walk-through"))
    return [block.astext() for block in start.findall(docutils.nodes.literal_block)]


def walkthrough() -> tuple[list[str], str]:
    blocks = readme_blocks()
    commands = [b for b in blocks if b.startswith("discimus client")]
    python = [b for b in blocks if b.startswith("import ")]
    assert len(commands) == 2 and len(python) == 1, blocks
    return commands, python[0]


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def walk(request, tmp_path_factory):
    root = tmp_path_factory.mktemp("readme")
    if request.param == "sqlite":
        yield from _walk(root, f"sqlite:///{root / 'discimus.sqlite'}")
        return
    dbhelpers.require_postgres()
    with dbhelpers.postgres_schema() as url:
        yield from _walk(root, url)


def _walk(root: Path, database_url: str):
    server = start_server(root, database_url)
    # What the README tells the reader to set when the server is not on 8080.
    env = {**os.environ, "DISCIMUS_URL": server.url,
           "DISCIMUS_PKI_DIR": str(server.pki_dir),
           "DISCIMUS_DATABASE_URL": server.database_url,
           "DISCIMUS_BUSINESS_DATE": BUSINESS_DATE,
           "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"}
    try:
        yield root, env
    finally:
        server.stop()


def run_commands(block: str, env, cwd) -> subprocess.CompletedProcess:
    return subprocess.run(["bash", "-e", "-c", block], capture_output=True, text=True,
                          env=env, cwd=cwd, timeout=180)


def run_python(code: str, env, cwd) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env=env, cwd=cwd, timeout=120)


def reset(env, cwd) -> None:
    done = subprocess.run(["discimus", "reset"], capture_output=True, text=True, env=env,
                          cwd=cwd, timeout=180)
    assert done.returncode == 0, done.stderr


def commands_then_python(env, cwd) -> None:
    commands, python = walkthrough()
    first = run_commands(commands[0], env, cwd)
    assert first.returncode == 0, first.stdout + first.stderr
    assert first.stdout.startswith("ACCEPTED")
    rest = run_commands(commands[1], env, cwd)
    assert rest.returncode == 0, rest.stdout + rest.stderr
    assert "50002" in rest.stdout and "UITGESCHREVEN" in rest.stdout
    example = run_python(python, env, cwd)
    assert example.returncode == 0, example.stderr
    assert example.stdout.startswith("True ")


def python_then_commands(env, cwd) -> None:
    commands, python = walkthrough()
    example = run_python(python, env, cwd)
    assert example.returncode == 0, example.stderr
    assert example.stdout.startswith("True ") and "Discimus referte" in example.stdout
    for block in commands:
        done = run_commands(block, env, cwd)
        assert done.returncode == 0, done.stdout + done.stderr


def test_the_walkthrough_runs_in_either_order_with_reset_between(walk):
    root, env = walk
    commands_then_python(env, root)
    reset(env, root)                      # while the server runs: one transaction
    python_then_commands(env, root)


def test_a_second_run_of_either_half_reports_the_refusal(walk):
    root, env = walk
    commands, python = walkthrough()
    run_python(python, env, root)
    again = run_python(python, env, root)
    assert again.returncode == 0, again.stderr          # no AttributeError on inhoud
    assert again.stdout.startswith("False [30020]")
    run_commands(commands[0], env, root)
    refused = run_commands(commands[0], env, root)
    assert refused.returncode == 1 and "30020" in refused.stdout    # as the README says
    reset(env, root)
