"""The client command line before anything is sent: help, usage errors, keys, exit codes.

Run as a subprocess, as a tester types it: the exit code is the interface.
"""
from __future__ import annotations

import os
import socket
import subprocess
import sys

import pytest

from discimus_client import cli

DOUBLES = ("client", "doubles", "--as", "informat", "--institution", "034567")


def discimus(*args, cwd=None, env=None) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items() if not k.startswith("DISCIMUS_")}
    return subprocess.run([sys.executable, "-m", "discimus_client.cli", *args],
                          capture_output=True, text=True, timeout=60, cwd=cwd,
                          env={**environment, **(env or {})})


@pytest.fixture(scope="module")
def pki(tmp_path_factory):
    from discimus_service.security.pki import init_pki
    return init_pki(tmp_path_factory.mktemp("pki"), ["informat"]).directory


def _closed_port() -> int:
    with socket.socket() as s:      # bound then closed: nothing listens there
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_every_client_option_has_help_and_the_help_lists_the_exit_codes():
    parser = cli._Parser(prog="discimus")
    commands = parser.add_subparsers(dest="command")
    cli._add_client_commands(commands)
    client = commands.choices["client"]
    actions = client._subparsers._group_actions[0].choices
    undocumented = [f"{name} {'/'.join(a.option_strings)}"
                    for name, action_parser in actions.items()
                    for a in action_parser._actions if a.option_strings and not a.help]
    assert undocumented == []
    for argv in ((["--help"]), (["client", "--help"])):
        shown = discimus(*argv).stdout
        assert "3  usage or configuration error" in shown
        assert "4  the service could not be reached" in shown


def test_url_help_names_discimus_url_and_follows_it():
    shown = discimus(*DOUBLES, "--help",
                     env={"DISCIMUS_URL": "http://127.0.0.1:8181"}).stdout
    assert "DISCIMUS_URL" in shown and "http://127.0.0.1:8181" in shown


def test_a_usage_error_exits_3_not_argparse_s_2():
    done = discimus("client", "doubles", "--as", "informat")     # no --institution
    assert done.returncode == 3
    assert "--institution" in done.stderr


def test_a_missing_key_outside_the_checkout_says_to_give_pki(tmp_path):
    done = discimus(*DOUBLES, cwd=tmp_path)
    assert done.returncode == 3
    message = done.stderr.strip()
    assert message.startswith("discimus: no key for informat in var/pki")
    assert "--pki DIR (or DISCIMUS_PKI_DIR)" in message
    assert "Errno" not in message and len(message.splitlines()) == 1


def test_a_missing_server_certificate_is_named(pki, tmp_path):
    for name in ("informat.key", "informat.pem"):
        (tmp_path / name).write_bytes((pki / name).read_bytes())
    done = discimus(*DOUBLES, "--pki", str(tmp_path))
    assert done.returncode == 3 and "no server certificate" in done.stderr


def test_a_url_without_scheme_is_a_usage_error(pki):
    done = discimus(*DOUBLES, "--pki", str(pki), "--url", "127.0.0.1:8080")
    assert done.returncode == 3 and "not an http(s) URL" in done.stderr


def test_a_service_that_is_not_running_exits_4(pki):
    url = f"http://127.0.0.1:{_closed_port()}"
    done = discimus(*DOUBLES, "--pki", str(pki), env={"DISCIMUS_URL": url})
    assert done.returncode == 4
    assert f"cannot reach the service at {url}" in done.stderr


def test_every_page_follows_vervolg_to_the_end_and_sends_each_token_once():
    from discimus_client import results as r
    from discimus_client.cli import every_page
    pages = {None: (["a", "b"], "t1"), "t1": (["c"], "t2"), "t2": (["d"], None)}
    asked = []

    def fetch(vervolg):
        asked.append(vervolg)
        items, following = pages[vervolg]
        return r.Result(referte=f"q{len(asked)}", inhoud=items, uitzonderingen=[],
                        continuation=following)

    result = every_page(fetch)
    assert asked == [None, "t1", "t2"]
    assert result.inhoud == ["a", "b", "c", "d"] and result.continuation is None


def test_every_page_stops_at_a_refusal_and_on_request():
    from discimus_client import results as r
    from discimus_client.cli import every_page
    refusal = r.Uitzondering(code=10012, type="FOUT", diagnose="bad Vervolg")
    answers = iter([r.Result("q1", ["a"], [], "t1"), r.Result("q2", None, [refusal], None)])
    result = every_page(lambda vervolg: next(answers))
    assert not result.ok and result.inhoud is None and result.codes() == [10012]
    first = every_page(lambda vervolg: r.Result("q1", ["a"], [], "t1"),
                       first_page_only=True)
    assert first.inhoud == ["a"] and first.continuation == "t1"
