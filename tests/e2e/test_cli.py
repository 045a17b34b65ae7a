"""The tester's command line against the real server: output, JSON and exit codes."""
from __future__ import annotations

import datetime as dt
import json
import socket
import subprocess
import sys

from discimus_fixtures.generator import DEMO_PRIMARY, DEMO_SECONDARY, insz_for
from discimus_service.domain.model import Sex
from tests.e2e.server import BUSINESS_DATE


def discimus(server, *args, url=None):
    return subprocess.run(
        [sys.executable, "-m", "discimus_client.cli", "client", *args,
         "--url", url or server.url, "--pki", str(server.pki_dir)],
        capture_output=True, text=True, timeout=60)


def _register(server, sender, institution, stamnummer, insz, *extra):
    return discimus(server, "register", "--as", sender, "--institution", institution,
                    "--group", "3", "--start", "2026-09-01", "--registered", "2026-08-27",
                    "--insz", insz, "--stamnummer", stamnummer, "--first-name", "Noor",
                    "--last-name", "Wouters", "--birth-date", "2018-06-01", "--sex", "V",
                    "--street", "Dorpstraat", "--house-number", "4", "--postcode", "9000",
                    "--municipality", "Gent", *extra)


def test_register_prints_a_readable_acceptance(server):
    insz = insz_for(dt.date(2018, 6, 1), Sex.V, 302)
    done = _register(server, "informat", DEMO_PRIMARY, "2600901", insz)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("ACCEPTED") and "INGESCHREVEN" in done.stdout


def test_a_refusal_exits_1_and_json_carries_the_code(server):
    done = _register(server, "informat", DEMO_PRIMARY, "2600902", "18060170299", "--json")
    assert done.returncode == 1
    result = json.loads(done.stdout)
    assert [u["code"] for u in result["uitzonderingen"]] == [20002]


def test_an_answer_not_signed_by_the_expected_server_exits_2(server, tmp_path):
    # The tester pinned the wrong server certificate: the answer must not be believed.
    pki = tmp_path / "pki"
    pki.mkdir()
    for name in ("informat.pem", "informat.key"):
        (pki / name).write_bytes((server.pki_dir / name).read_bytes())
    (pki / "server.pem").write_bytes((server.pki_dir / "broekx.pem").read_bytes())
    done = subprocess.run(
        [sys.executable, "-m", "discimus_client.cli", "client", "doubles", "--as",
         "informat", "--institution", DEMO_SECONDARY, "--url", server.url, "--pki",
         str(pki)], capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert "NOT TRUSTED" in done.stderr and "[S170]" in done.stderr


def test_a_wrong_service_path_exits_4(server):
    # The server answers, but not with SOAP: a transport error, not a fault (2).
    done = discimus(server, "doubles", "--as", "informat", "--institution",
                    DEMO_SECONDARY, url=server.url + "/nowhere")
    assert done.returncode == 4 and "cannot reach" in done.stderr


def test_the_banner_shows_the_business_date_and_how_answers_are_signed(server):
    banner = server.log.read_text()
    assert f"DISCIMUS_BUSINESS_DATE={BUSINESS_DATE}" in banner
    assert "answers signed RSA-SHA256" in banner


def test_an_unreachable_service_exits_4(server):
    # A port bound but not listening: the connection is refused, and nobody else can
    # take the port while the socket holds it.
    with socket.socket() as closed:
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
        done = discimus(server, "doubles", "--as", "informat", "--institution",
                        DEMO_SECONDARY, url=f"http://127.0.0.1:{port}/inschrijving")
    assert done.returncode == 4 and "cannot reach" in done.stderr


def test_doubles_prints_the_double_enrollments(server):
    done = discimus(server, "doubles", "--as", "informat", "--institution", DEMO_SECONDARY)
    assert done.returncode == 0, done.stderr
    first, *rest = done.stdout.splitlines()
    assert first.startswith("ACCEPTED")
    assert rest == ["  no double enrollments"] or all("also at" in line for line in rest)
    assert rest


def test_career_prints_the_student_and_the_enrollment_here(server):
    insz = insz_for(dt.date(2018, 6, 1), Sex.V, 303)
    registered = _register(server, "informat", DEMO_PRIMARY, "2600903", insz)
    assert registered.returncode == 0, registered.stderr
    done = discimus(server, "career", "--as", "informat", "--institution", DEMO_PRIMARY,
                    "--stamnummer", "2600903")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].startswith("ACCEPTED")
    assert f"  student INSZ {insz}  stamnummer 2600903" in lines
    assert any(line.startswith(f"  here:      {DEMO_PRIMARY} ") for line in lines)
    assert "  previous:  -" in lines and "  next:      -" in lines


def test_the_banner_lists_every_wsdl_and_the_magda_endpoint(server):
    import urllib.request
    banner = server.log.read_text()
    wsdls = [line.split("WSDL: ", 1)[1].strip() for line in banner.splitlines()
             if "WSDL: " in line]
    assert any("/inschrijving?wsdl" in u for u in wsdls)
    assert any("GeefHistoriekInschrijvingDienst-02.01" in u for u in wsdls)
    assert "/api/Magda-02.00/soap/WebService" in banner
    for url in wsdls:          # each one served, on the banner's host and port
        port = server.url.rsplit(":", 1)[1]
        with urllib.request.urlopen(url.replace(url.split("/")[2], f"127.0.0.1:{port}"),
                                    timeout=10) as answer:
            assert answer.status == 200 and b"definitions" in answer.read()
