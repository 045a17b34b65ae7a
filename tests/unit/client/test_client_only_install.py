"""A vendor installs only the client: no spyne, no SQLAlchemy, no database drivers."""
from __future__ import annotations

import configparser
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
SERVER_ONLY = ("spyne", "sqlalchemy", "alembic", "psycopg", "gunicorn", "faker")


def test_the_base_install_requires_no_server_package():
    config = configparser.ConfigParser()
    config.read(ROOT / "setup.cfg")
    base = config["options"]["install_requires"].lower()
    assert not [name for name in SERVER_ONLY if name in base]


def test_the_client_and_its_command_line_import_no_server_package():
    code = ("import sys, discimus_client.client, discimus_client.cli, "
            "discimus_client.plugin; "
            f"print(sorted(m for m in sys.modules if m.split('.')[0] in {SERVER_ONLY!r}))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, cwd=ROOT).stdout
    assert out.strip() == "[]"


def _without_spyne(*argv: str) -> subprocess.CompletedProcess:
    code = ("import sys; sys.modules['spyne'] = None; "   # as if spyne were not installed
            "from discimus_client.cli import main; "
            f"sys.exit(main({list(argv)!r}))")
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=ROOT)


def test_an_emulator_command_without_the_server_extra_says_what_to_install(tmp_path):
    done = _without_spyne("contracts", "export", "--root", str(tmp_path))
    assert done.returncode == 3          # configuration, not a SOAP fault (2)
    # There is no index with the emulator on it: the checkout (or the wheel) is the source.
    assert f"pip install '{ROOT}[server]'" in done.stderr
    assert "spyne" in done.stderr and len(done.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "wsdl").exists()


def test_serve_without_the_server_extra_prints_no_banner_first(tmp_path):
    done = _without_spyne("serve", "--port", "1")
    assert done.returncode == 3
    assert done.stdout == ""
    assert "`discimus serve` runs the emulator" in done.stderr
    assert "Traceback" not in done.stderr


def test_the_install_hint_outside_a_checkout_names_the_wheel(monkeypatch, tmp_path):
    from discimus_service import cli
    monkeypatch.setattr(cli, "__file__", str(tmp_path / "site" / "discimus_service" /
                                             "cli.py"))
    hint = cli.install_hint("server")
    assert "pip install '/path/to/checkout[server]'" in hint
    assert "pip install 'discimus_emulator-0.1.0-py3-none-any.whl[server]'" in hint
