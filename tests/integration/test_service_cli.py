"""The emulator's own commands, as an operator runs them."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from cryptography import x509

ROOT = Path(__file__).resolve().parents[2]


def discimus(*args, env=None, cwd=None):
    return subprocess.run([sys.executable, "-m", "discimus_client.cli", *args],
                          capture_output=True, text=True, timeout=120,
                          env={**os.environ, **(env or {})}, cwd=cwd)


def test_pki_init_is_idempotent_and_revoke_reaches_the_crl(tmp_path):
    env = {"DISCIMUS_PKI_DIR": str(tmp_path / "pki")}
    first = discimus("pki", "init", env=env)
    assert first.returncode == 0, first.stderr
    key = (tmp_path / "pki" / "wisa.key").read_bytes()
    assert discimus("pki", "init", env=env).returncode == 0
    assert (tmp_path / "pki" / "wisa.key").read_bytes() == key
    done = discimus("pki", "revoke", "wisa", env=env)
    assert done.returncode == 0, done.stderr
    crl = x509.load_pem_x509_crl((tmp_path / "pki" / "crl.pem").read_bytes())
    wisa = x509.load_pem_x509_certificate((tmp_path / "pki" / "wisa.pem").read_bytes())
    assert crl.get_revoked_certificate_by_serial_number(wisa.serial_number) is not None


def test_fixtures_load_twice_adds_nothing_the_second_time(tmp_path):
    env = {"DISCIMUS_DATABASE_URL": f"sqlite:///{tmp_path / 'cli.sqlite'}"}
    first = discimus("fixtures", "load", "--students", "40", env=env)
    assert first.returncode == 0, first.stderr
    added = int(re.search(r"enrollments (\d+)", first.stdout).group(1))
    assert added >= 40            # every student enrolled once, some twice
    again = discimus("fixtures", "load", "--students", "40", env=env)
    assert "schools 0, senders 0, mandates 0, enrollments 0" in again.stdout


def test_contracts_export_writes_what_is_committed(tmp_path):
    done = discimus("contracts", "export", "--root", str(tmp_path))
    assert done.returncode == 0, done.stderr
    for folder in ("wsdl", "xsd"):
        for committed in (ROOT / folder).rglob("*"):
            name = committed.relative_to(ROOT / folder)
            # xsd/magda is MAGDA's own schemas, copied, not exported (tests/contract).
            if committed.is_dir() or name.parts[0] == "magda" and folder == "xsd":
                continue
            assert (tmp_path / folder / name).read_bytes() == committed.read_bytes(), name


def test_pki_init_server_key_replaces_only_the_server_key_and_says_so(tmp_path):
    env = {"DISCIMUS_PKI_DIR": str(tmp_path / "pki")}
    first = discimus("pki", "init", env=env)
    assert "answers signed RSA-SHA256" in first.stdout, first.stdout + first.stderr
    kept = {name: (tmp_path / "pki" / name).read_bytes()
            for name in ("ca.pem", "ca.key", "wisa.key", "wisa.pem")}
    to_ec = discimus("pki", "init", "--server-key", "ec", env=env)
    assert to_ec.returncode == 0, to_ec.stderr
    assert "answers signed ECDSA-SHA256 (WCF" in to_ec.stdout
    assert "NEW server key" in to_ec.stderr and "NEW CA" not in to_ec.stderr
    assert {name: (tmp_path / "pki" / name).read_bytes() for name in kept} == kept
    again = discimus("pki", "init", env=env)          # no option: the EC key is kept
    assert "ECDSA-SHA256" in again.stdout and "NEW" not in again.stderr


def test_partners_profile_shows_sets_and_refuses_vendors(tmp_path):
    env = {"DISCIMUS_DATABASE_URL": f"sqlite:///{tmp_path / 'cli.sqlite'}"}
    assert discimus("fixtures", "load", "--students", "10", env=env).returncode == 0
    shown = discimus("partners", "profile", "clb", env=env)
    assert (shown.returncode, shown.stdout) == (0, "clb: strict\n"), shown.stderr
    opted = discimus("partners", "profile", "clb", "magda-connector", env=env)
    assert (opted.returncode, opted.stdout) == (0, "clb: magda-connector\n"), opted.stderr
    assert discimus("partners", "profile", "clb", env=env).stdout == "clb: magda-connector\n"
    vendor = discimus("partners", "profile", "informat", "magda-connector", env=env)
    assert vendor.returncode == 3 and "only partner agencies" in vendor.stderr
    unknown = discimus("partners", "profile", "nobody", env=env)
    assert unknown.returncode == 3 and "no sender 'nobody'" in unknown.stderr
    assert discimus("partners", "profile", "clb", "lenient", env=env).returncode == 3


def test_identifiers_screen_reports_what_it_gave_and_gives_it_once(tmp_path):
    import json
    env = {"DISCIMUS_DATABASE_URL": f"sqlite:///{tmp_path / 'cli.sqlite'}",
           "DISCIMUS_BUSINESS_DATE": "2026-09-03"}
    assert discimus("fixtures", "load", env=env).returncode == 0
    first = discimus("identifiers", "screen", "--json", env=env)
    assert first.returncode == 0, first.stderr
    outcomes = json.loads(first.stdout)["outcomes"]
    academy = {(o["stamnummer"], kind) for kind, rows in outcomes.items() for o in rows
               if o["channel"] == "D"}
    assert {("2600101", "supplied"), ("2600102", "supplied"),
            ("2500103", "pseudo")} <= academy
    again = discimus("identifiers", "screen", env=env)
    assert again.returncode == 0 and "number supplied" not in again.stdout
    assert "number given before" in again.stdout
    refused = discimus("identifiers", "screen", "--grace-days", "-1", env=env)
    assert refused.returncode == 3 and "--grace-days" in refused.stderr
