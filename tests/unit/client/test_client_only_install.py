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


def test_an_emulator_command_without_the_server_extra_says_what_to_install(tmp_path):
    code = ("import sys; sys.modules['spyne'] = None; "   # as if spyne were not installed
            "from discimus_client.cli import main; "
            f"sys.exit(main(['contracts', 'export', '--root', {str(tmp_path)!r}]))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=ROOT)
    assert done.returncode == 2
    assert "pip install 'discimus-emulator[server]'" in done.stderr
    assert not (tmp_path / "wsdl").exists()
