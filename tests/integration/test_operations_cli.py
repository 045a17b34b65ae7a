"""``discimus audit``, ``retention`` and ``faults`` as an operator runs them (SQLite)."""
from __future__ import annotations

import json
import re

import pytest

from tests.integration.test_service_cli import discimus


@pytest.fixture(scope="module")
def env(tmp_path_factory):
    path = tmp_path_factory.mktemp("ops") / "ops.sqlite"
    env = {"DISCIMUS_DATABASE_URL": f"sqlite:///{path}",
           "DISCIMUS_BUSINESS_DATE": "2026-09-03"}
    loaded = discimus("fixtures", "load", "--students", "30", env=env)
    assert loaded.returncode == 0, loaded.stderr
    return env


def test_audit_needs_a_student_or_a_partner_and_reads_json(env):
    assert discimus("audit", env=env).returncode == 3
    assert discimus("audit", "--insz", "1", "--sender", "x", env=env).returncode == 3
    assert discimus("audit", "--sender", "groeipakket", "--limit", "0", env=env).returncode == 3
    empty = discimus("audit", "--insz", "20051670278", "--json", env=env)
    assert empty.returncode == 0 and json.loads(empty.stdout) == []
    table = discimus("audit", "--sender", "groeipakket", env=env)
    assert "What groeipakket looked at: 0 consultation(s)" in table.stdout


def test_retention_dry_run_counts_what_the_run_then_removes(env):
    dry = discimus("retention", "run", "--dry-run", "--today", "2040-01-01", "--json",
                   env=env)
    assert dry.returncode == 0, dry.stderr
    counted = json.loads(dry.stdout)
    assert counted["cutoff"] == "2034-09-01" and counted["dry_run"] is True
    assert counted["absences"] > 0
    again = json.loads(discimus("retention", "run", "--dry-run", "--today", "2040-01-01",
                                "--json", env=env).stdout)
    assert again == counted                                  # a dry run changed nothing
    real = discimus("retention", "run", "--today", "2040-01-01", env=env)
    assert real.returncode == 0, real.stderr
    assert re.search(rf"absences \(half days, 004 §71\)\s*│\s*{counted['absences']}\b",
                     real.stdout), real.stdout
    after = json.loads(discimus("retention", "run", "--dry-run", "--today", "2040-01-01",
                                "--json", env=env).stdout)
    assert (after["absences"], after["careers"]) == (0, 0)
    assert discimus("retention", "run", "--today", "2040-13-01", env=env).returncode == 3


@pytest.mark.parametrize("argv, says", [
    (["slow"], "needs a delay"),
    (["busy", "--delay", "500"], "give 0 to 20"),
    (["unavailable", "--insz", "12345678901"], "check digits"),
    (["unavailable", "--service", "GeefNiets"], "no MAGDA service here")])
def test_a_bad_fault_rule_is_a_usage_error_and_stores_nothing(env, argv, says):
    done = discimus("faults", "add", *argv, env=env)
    assert done.returncode == 3 and says in done.stderr
    assert json.loads(discimus("faults", "list", "--json", env=env).stdout) == []


def test_fault_rules_are_added_listed_and_cleared(env):
    added = discimus("faults", "add", "unavailable", "--service", "GeefAantalAanwezigheden",
                     "--note", "source down drill", env=env)
    assert added.returncode == 0 and "fault rule" in added.stdout
    listing = discimus("faults", "list", env=env)
    assert "GeefAantalAanwezigheden" in listing.stdout and "source down drill" in listing.stdout
    assert "removed 0" in discimus("faults", "clear", "--service", "GeefNiets", env=env).stdout
    assert json.loads(discimus("faults", "clear", "--json", env=env).stdout) == {"removed": 1}
