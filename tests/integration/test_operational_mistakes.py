"""An operator's mistakes: one line that says what is wrong and how to fix it, exit 3.

Each case runs the real ``discimus`` command as a subprocess and checks that it stops
before the banner and before any gunicorn worker (no traceback, no "Worker failed to
boot"). The PKI and the database here are real.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests import dbhelpers

EXIT_CONFIGURATION = 3


def discimus(*args, env=None, cwd=None, prefix=()) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items() if not k.startswith("DISCIMUS_")}
    return subprocess.run([*prefix, sys.executable, "-m", "discimus_client.cli", *args],
                          capture_output=True, text=True, timeout=120, cwd=cwd,
                          env={**environment, **(env or {})})


def assert_one_line(done: subprocess.CompletedProcess, *fragments: str) -> str:
    message = done.stderr.strip()
    assert done.returncode == EXIT_CONFIGURATION, done.stderr[-2000:]
    assert len(message.splitlines()) == 1, message
    assert "Traceback" not in message and "Worker" not in message
    assert "Discimus exchange emulator on" not in done.stdout      # no banner
    for fragment in fragments:
        assert fragment in message
    return message


@pytest.fixture(scope="module")
def taken():
    """A port something listens on: should a check ever let serve through, it still
    stops at the port instead of serving for the rest of the run."""
    import socket
    with socket.socket() as listening:
        listening.bind(("127.0.0.1", 0))
        listening.listen()
        yield str(listening.getsockname()[1])


@pytest.fixture(scope="module")
def installation(tmp_path_factory):
    """A ready installation (PKI, database with the demo data), copied per test."""
    root = tmp_path_factory.mktemp("installed")
    env = {"DISCIMUS_PKI_DIR": str(root / "pki"),
           "DISCIMUS_DATABASE_URL": f"sqlite:///{root / 'discimus.sqlite'}"}
    done = discimus("pki", "init", env=env)
    assert done.returncode == 0, done.stderr
    done = discimus("fixtures", "load", "--students", "20", env=env)
    assert done.returncode == 0, done.stderr
    return root


@pytest.fixture
def installed(installation, tmp_path):
    shutil.copytree(installation, tmp_path / "var")
    root = tmp_path / "var"
    return root, {"DISCIMUS_PKI_DIR": str(root / "pki"),
                  "DISCIMUS_DATABASE_URL": f"sqlite:///{root / 'discimus.sqlite'}"}


@pytest.mark.parametrize("name, value, says", [
    ("DISCIMUS_DATABASE_URL", "postgres:/127.0.0.1/x", "is not a database URL"),
    ("DISCIMUS_SQLITE_SYNCHRONOUS", "off", "is not one of FULL, NORMAL"),
    ("DISCIMUS_BUSINESS_DATE", "2026-09-31", "is not a date"),
    ("DISCIMUS_MAX_AGE_SECONDS", "5 minutes", "is not a number of seconds"),
    ("DISCIMUS_CLOCK_SKEW_SECONDS", "1.5", "is not a number of seconds"),
    ("DISCIMUS_ECHO", "sometimes", "is not a yes/no value"),
])
def test_a_bad_setting_stops_serve_in_one_line(installed, taken, name, value, says):
    _root, env = installed
    done = discimus("serve", "--init", "--port", taken, env={**env, name: value})
    assert_one_line(done, f"{name}=", says)


def test_an_unreachable_postgresql_is_one_line(installed, taken):
    _root, env = installed
    url = "postgresql://postgres@127.0.0.1:1/test"     # nothing listens on port 1
    done = discimus("serve", "--port", taken, env={**env, "DISCIMUS_DATABASE_URL": url})
    assert_one_line(done, "cannot open the database postgresql://postgres@127.0.0.1:1/test",
                    "is PostgreSQL running")


def test_a_missing_postgresql_database_is_one_line(installed, taken):
    dbhelpers.require_postgres()
    from sqlalchemy.engine import make_url
    url = make_url(dbhelpers.POSTGRES_BASE).set(database="discimus_no_such_database")
    _root, env = installed
    done = discimus("serve", "--init", "--port", taken, env={
        **env, "DISCIMUS_DATABASE_URL": url.render_as_string(hide_password=False)})
    assert_one_line(done, '"discimus_no_such_database" does not exist', "createdb")


def test_a_missing_pki_without_init_is_one_line(installed, taken):
    root, env = installed
    shutil.rmtree(root / "pki")
    done = discimus("serve", "--port", taken, env=env)
    assert_one_line(done, f"no PKI folder {root / 'pki'}", "DISCIMUS_PKI_DIR")


def test_a_pki_missing_a_file_is_named(installed, taken):
    root, env = installed
    (root / "pki" / "server.key").unlink()
    done = discimus("serve", "--port", taken, env=env)
    assert_one_line(done, "has no server.key", "discimus pki init")


def test_init_refuses_a_new_ca_for_a_database_with_vendors(installed, taken):
    root, env = installed
    shutil.rmtree(root / "pki")
    done = discimus("serve", "--init", "--port", taken, env=env)
    assert_one_line(done, "has no CA", "already has vendors", "restore the PKI folder",
                    "discimus pki init", "S141")
    assert not (root / "pki" / "ca.pem").exists()      # no new CA was made quietly


def test_init_leaves_a_complete_pki_alone(installed, monkeypatch):
    # A complete PKI may be read-only (a mounted secret): --init must not even lock it.
    from discimus_service import bootstrap
    from discimus_service.security import pki
    from discimus_service.settings import configure

    def refuse(*_args, **_kwargs):
        raise PermissionError(13, "Permission denied", "pki/.lock")
    monkeypatch.setattr(pki, "init_pki", refuse)
    _root, env = installed
    bootstrap.ensure_ready(configure(env))


# -- a read-only var/ -----------------------------------------------------------------
def _read_only(folder: Path) -> tuple[str, ...]:
    """Make ``folder`` read-only; returns the prefix that makes that bind the command."""
    for path in (folder, *folder.rglob("*")):
        path.chmod(0o555 if path.is_dir() else 0o444)
    if os.geteuid() != 0:
        return ()
    # root ignores permission bits unless it gives up the capability to.
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("running as root without setpriv: permissions cannot apply")
    return (setpriv, "--bounding-set=-dac_override,-dac_read_search", "--")


@pytest.fixture
def writable_again(tmp_path):
    yield tmp_path
    for path in (tmp_path, *tmp_path.rglob("*")):
        if path.is_dir():
            path.chmod(0o755)


def test_a_read_only_var_is_one_line(installation, writable_again, taken):
    var = writable_again / "var"
    var.mkdir()
    shutil.copytree(installation / "pki", var / "pki")
    prefix = _read_only(var)
    done = discimus("serve", "--init", "--port", taken, cwd=writable_again, prefix=prefix)
    assert_one_line(done, "cannot open the database sqlite:///var/discimus.sqlite",
                    "make its folder writable")


def test_a_pki_folder_that_cannot_be_created_is_one_line(writable_again, taken):
    var = writable_again / "var"
    var.mkdir()
    prefix = _read_only(var)
    database = writable_again / "d.sqlite"
    done = discimus("serve", "--init", "--port", taken, cwd=writable_again, prefix=prefix,
                    env={"DISCIMUS_DATABASE_URL": f"sqlite:///{database}"})
    assert_one_line(done, "cannot create the PKI in var/pki", "DISCIMUS_PKI_DIR")


def test_a_port_in_use_is_one_line(installed, taken):
    _root, env = installed
    done = discimus("serve", "--port", taken, env=env)
    assert_one_line(done, f"127.0.0.1:{taken} is in use", "PORT=... make serve",
                    "DISCIMUS_URL")


def test_bad_serve_options_are_one_line(installed, taken):
    _root, env = installed
    assert_one_line(discimus("serve", "--workers", "0", "--port", taken, env=env),
                    "--workers 0")
    assert_one_line(discimus("serve", "--port", "70000", env=env), "--port 70000")


def test_a_misspelt_setting_is_named(installed, taken):
    _root, env = installed
    done = discimus("serve", "--port", taken,
                    env={**env, "DISCIMUS_BUSINES_DATE": "2026-09-03"})
    assert done.returncode == EXIT_CONFIGURATION
    assert "warning: DISCIMUS_BUSINES_DATE is not a setting" in done.stderr


def test_revoking_an_unknown_sender_is_one_line(installed):
    _root, env = installed
    assert_one_line(discimus("pki", "revoke", "nosuchvendor", env=env),
                    "no certificate", "nosuchvendor.pem")


def test_pki_init_says_loudly_when_it_makes_a_new_ca(tmp_path):
    env = {"DISCIMUS_PKI_DIR": str(tmp_path / "pki")}
    first = discimus("pki", "init", env=env)
    assert first.returncode == 0 and "NEW CA" in first.stderr and "S141" in first.stderr
    again = discimus("pki", "init", env=env)
    assert again.returncode == 0 and "NEW CA" not in again.stderr


def test_serving_a_database_without_vendors_warns(installed, tmp_path, taken):
    _root, env = installed
    env = {**env, "DISCIMUS_DATABASE_URL": f"sqlite:///{tmp_path / 'empty.sqlite'}"}
    done = discimus("serve", "--port", taken, env=env)   # stops right after the warning
    assert done.returncode == EXIT_CONFIGURATION
    assert "no vendors or agencies" in done.stderr and "discimus reset" in done.stderr
