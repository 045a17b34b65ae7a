"""``discimus client magda …`` against the real server: output, JSON and exit codes."""
from __future__ import annotations

import datetime as dt
import json

from discimus_client.client import DiscimusClient
from discimus_client.results import Address, EnrollmentData, Student
from discimus_fixtures.generator import DEMO_PRIMARY, insz_for
from discimus_service.domain.model import Sex
from tests.e2e.test_cli import discimus

D = dt.date


def magda(server, action, *args, url=None):
    return discimus(server, "magda", action, "--as", "groeipakket", *args, url=url)


def test_register_then_history_then_end(server):
    insz = insz_for(D(2019, 2, 2), Sex.V, 481)
    done = DiscimusClient.from_pki(server.url, server.pki_dir, "informat").register_enrollment(
        Student(insz, "2600481", "Lina", "Janssens", D(2019, 2, 2), "V",
                Address("Dorpstraat", "4", "9000", "Gent")),
        EnrollmentData(DEMO_PRIMARY, "L2", D(2026, 9, 1), D(2026, 8, 27)))
    assert done.ok, done.uitzonderingen
    registered = magda(server, "register", "--insz", insz, "--from", "2026-09-01")
    assert registered.returncode == 0, registered.stderr
    assert registered.stdout.startswith("ACCEPTED") and "Resultaat 1" in registered.stdout
    history = magda(server, "history", "--insz", insz, "--from", "2026-09-01",
                    "--to", "2027-08-31")
    assert history.returncode == 0, history.stderr
    assert "012345 Basisschool De Regenboog" in history.stdout and "group L2" in history.stdout
    assert magda(server, "end", "--insz", insz).returncode == 0
    refused = magda(server, "history", "--insz", insz, "--from", "2026-09-01",
                    "--to", "2027-08-31", "--json")
    assert refused.returncode == 1
    result = json.loads(refused.stdout)
    assert [(u["code"], u["omstandigheid"]) for u in result["uitzonderingen"]] == [
        (40006, "40023")]


def test_a_wrong_path_exits_4_and_a_missing_key_3(server, tmp_path):
    wrong = magda(server, "history", "--insz", "12031555672", "--from", "2026-09-01",
                  "--to", "2027-08-31", url=server.url + "/nowhere")
    assert wrong.returncode == 4 and "cannot reach" in wrong.stderr
    missing = discimus(server, "magda", "history", "--as", "nobody", "--insz", "1",
                       "--from", "2026-09-01", "--to", "2027-08-31")
    assert missing.returncode == 3 and "nobody.key missing" in missing.stderr
