"""A fresh server answers the golden requests as it did when they were recorded.

Times, database ids and signatures differ per run and are set aside
(``golden_pairs.normalize``); everything else in the answer must be identical.
"""
from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest

from discimus_fixtures import golden_pairs
from tests.e2e.server import start_server

GOLDEN = Path(str(resources.files("discimus_fixtures").joinpath("golden")))


@pytest.fixture(scope="module")
def fresh_server(tmp_path_factory):
    root = tmp_path_factory.mktemp("golden")
    running = start_server(root, f"sqlite:///{root / 'golden.sqlite'}", workers=1)
    yield running
    running.stop()


def test_fresh_answers_match_the_golden_ones(fresh_server):
    pairs = golden_pairs.record(fresh_server.url, fresh_server.pki_dir)
    for step, _request, response in pairs:
        golden = (GOLDEN / f"{step.name}.response.xml").read_bytes()
        assert golden_pairs.normalize(response).decode() == \
            golden_pairs.normalize(golden).decode(), step.name
