"""LeerID class information over HTTP, signed both ways: packages send, LeerID reads,
the data manager switches sharing with ``discimus leerid`` (seed 003)."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
import requests
from sqlalchemy import select

from discimus_client.class_messages import StudentClass
from discimus_fixtures.class_info import EXPIRED_SCHOOL, QUIET_SCHOOL, SHARING_SCHOOL
from discimus_service.persistence import tables
from discimus_service.persistence.database import make_engine, row_counts


def _enrolled(server, school: str) -> list[str]:
    """Stamnummers enrolled at ``school`` on the server's business date, from its data."""
    engine = make_engine(server.database_url)
    try:
        with engine.connect() as c:
            e = tables.enrollments.c
            rows = c.execute(select(e.stamnummer).where(
                e.institution_number == school, e.end_date.is_(None),
                e.start_date <= "2026-09-03").order_by(e.stamnummer)).all()
        return [r.stamnummer for r in rows]
    finally:
        engine.dispose()


def _leerid_cli(server, *args) -> subprocess.CompletedProcess:
    env = {**os.environ, "DISCIMUS_DATABASE_URL": server.database_url,
           "DISCIMUS_PKI_DIR": str(server.pki_dir), "DISCIMUS_BUSINESS_DATE": "2026-09-03"}
    return subprocess.run([sys.executable, "-m", "discimus_client.cli", "leerid", *args,
                           "--json"], capture_output=True, text=True, env=env, timeout=60)


def _counts(server):
    engine = make_engine(server.database_url)
    try:
        return row_counts(engine)
    finally:
        engine.dispose()


def test_the_index_lists_the_class_information_service(server):
    assert "/klasinformatie?wsdl" in requests.get(server.url + "/", timeout=10).text


def test_a_package_sends_classes_and_leerid_reads_them(client_for, server):
    # Students and class names no other test uses: this test's send changes them.
    first, second = _enrolled(server, SHARING_SCHOOL)[6:8]
    informat, leerid = client_for("informat"), client_for("leerid")
    done = informat.register_classes(SHARING_SCHOOL, [
        StudentClass(first, "E2E-LAT", "E2E-LAT-b", student_id="IF-1"),
        StudentClass(second, "E2E-WEWI", student_id="IF-2")])
    assert done.ok and done.uitzonderingen == (), done.uitzonderingen
    assert informat.wsse.last_verified is not None       # the answer was signed
    assert done.inhoud.new + done.inhoud.changed == 2

    again = informat.register_classes(SHARING_SCHOOL, [
        StudentClass(first, "E2E-LAT", "E2E-LAT-b", student_id="IF-1")])
    assert again.ok and (again.inhoud.unchanged, again.inhoud.new) == (1, 0)

    read = leerid.classes(SHARING_SCHOOL)
    assert read.ok, read.uitzonderingen
    assert read.inhoud.sharing.active and read.inhoud.sharing.data_manager == "An Peeters"
    by_number = {c.stamnummer: c for c in read.inhoud.classes}
    assert (by_number[first].class_name, by_number[first].subclass) == (
        "E2E-LAT", "E2E-LAT-b")
    assert by_number[second].class_name == "E2E-WEWI" and by_number[second].subclass is None
    assert by_number[first].insz and len(by_number[first].insz) == 11

    status = informat.class_sharing(SHARING_SCHOOL)
    assert status.ok and status.inhoud.active and status.inhoud.protocol


@pytest.mark.parametrize("sender, school, code", [
    ("skore", SHARING_SCHOOL, 40150),      # not a package LeerID works with
    ("wisa", SHARING_SCHOOL, 40006),       # a class package, but no mandate there
    ("informat", QUIET_SCHOOL, 40152),     # mandated, but the school does not share
])
def test_who_may_send_classes(client_for, server, sender, school, code):
    stamnummer = (_enrolled(server, school) or ["2600001"])[0]
    before = _counts(server)
    result = client_for(sender).register_classes(school, [StudentClass(stamnummer, "1A")])
    assert not result.ok and code in result.codes(), result.uitzonderingen
    after = _counts(server)
    assert after["class_assignments"] == before["class_assignments"]


def test_every_bad_item_is_named_and_nothing_is_stored(client_for, server):
    first, second = _enrolled(server, SHARING_SCHOOL)[2:4]
    before = _counts(server)["class_assignments"]
    result = client_for("informat").register_classes(SHARING_SCHOOL, [
        StudentClass(first, "2A"), StudentClass(second, "   "), StudentClass(first, "2B"),
        StudentClass("2099999", "2A")])
    assert not result.ok
    assert {(u.code, u.omstandigheid) for u in result.uitzonderingen} == {
        (10150, "Klassen/Klas[2]/Klas"), (10152, "Klassen/Klas[3]/Stamnummer"),
        (40010, "Klassen/Klas[4]/Stamnummer")}
    assert _counts(server)["class_assignments"] == before


@pytest.mark.parametrize("sender, school, code", [
    ("informat", SHARING_SCHOOL, 40150),   # a package does not read classes
    ("leerid", QUIET_SCHOOL, 40152),       # never shared
])
def test_only_leerid_reads_and_only_while_shared(client_for, sender, school, code):
    result = client_for(sender).classes(school)
    assert not result.ok and result.codes() == [code]


def test_the_data_manager_switches_sharing_and_a_stop_removes_the_classes(
        client_for, server):
    expired = _leerid_cli(server, "share", "--institution", EXPIRED_SCHOOL, "--director",
                          "DIR-056789-02", "--accept-protocol")
    assert expired.returncode == 1 and json.loads(expired.stdout)["code"] == 40151
    unaccepted = _leerid_cli(server, "share", "--institution", QUIET_SCHOOL,
                             "--director", "DIR-012345-01")
    assert unaccepted.returncode == 1 and json.loads(unaccepted.stdout)["code"] == 10151

    on = _leerid_cli(server, "share", "--institution", QUIET_SCHOOL, "--director",
                     "DIR-012345-01", "--accept-protocol")
    assert on.returncode == 0 and json.loads(on.stdout)["active"] is True, on.stderr
    stamnummer = _enrolled(server, QUIET_SCHOOL)[0]
    sent = client_for("informat").register_classes(QUIET_SCHOOL,
                                                   [StudentClass(stamnummer, "L4")])
    assert sent.ok, sent.uitzonderingen
    assert [c.class_name for c in client_for("leerid").classes(QUIET_SCHOOL).inhoud.classes
            ] == ["L4"]

    off = _leerid_cli(server, "stop", "--institution", QUIET_SCHOOL, "--director",
                      "DIR-012345-01")
    assert off.returncode == 0 and json.loads(off.stdout)["removed"] == 1, off.stderr
    assert client_for("leerid").classes(QUIET_SCHOOL).codes() == [40152]
    status = client_for("informat").class_sharing(QUIET_SCHOOL)
    assert status.ok and not status.inhoud.active and status.inhoud.since is not None


def test_the_command_line_sends_and_lists(server):
    env = {**os.environ, "DISCIMUS_URL": server.url, "DISCIMUS_PKI_DIR": str(server.pki_dir)}
    stamnummer = _enrolled(server, SHARING_SCHOOL)[5]     # used by no other test

    def cli(*args):
        return subprocess.run([sys.executable, "-m", "discimus_client.cli", "client",
                               "classes", *args], capture_output=True, text=True,
                              env=env, timeout=60)
    sent = cli("send", "--as", "informat", "--institution", SHARING_SCHOOL,
               "--item", f"{stamnummer},4B,4B-2")
    assert sent.returncode == 0, sent.stdout + sent.stderr
    listed = cli("list", "--as", "leerid", "--institution", SHARING_SCHOOL, "--json")
    assert listed.returncode == 0, listed.stdout + listed.stderr
    classes = {c["stamnummer"]: c for c in json.loads(listed.stdout)["inhoud"]["classes"]}
    assert (classes[stamnummer]["class_name"], classes[stamnummer]["subclass"]) == (
        "4B", "4B-2")
    refused = cli("list", "--as", "informat", "--institution", SHARING_SCHOOL)
    assert refused.returncode == 1 and "40150" in refused.stdout
