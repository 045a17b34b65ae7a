"""``discimus client certificates``: what the options build and how answers read."""
from __future__ import annotations

import datetime as dt

import pytest

from discimus_client import certificate_messages as m, cli, results as r
from discimus_client.commands_certificates import render


def parse(*args):
    parser = cli._Parser(prog="discimus")
    commands = parser.add_subparsers(dest="command")
    cli._add_client_commands(commands)
    return parser.parse_args(["client", "certificates", *args, "--as", "informat",
                              "--institution", "034567"])


def test_register_options_build_one_certificate(monkeypatch):
    args = parse("register", "--stamnummer", "2600001", "--kind", "ob", "--date",
                 "2026-06-30", "--grade", "2", "--year", "1", "--form", "da",
                 "--exclude", "d", "--exclude", "am", "--study-field", "Elektriciteit")
    sent = {}

    def show(args, send, renderer):
        class Client:
            def register_certificates(self, institution, certificates, referte):
                sent.update(institution=institution, certificates=certificates)
        send(Client())
        return 0
    monkeypatch.setattr(cli, "_show", show)
    assert args.run(args) == 0
    [c] = sent["certificates"]
    assert (c.kind, c.form, c.excluded_forms, c.student_id, c.date) == (
        "OB", "DA", ("D", "AM"), "2600001", dt.date(2026, 6, 30))
    inhoud = m.register_inhoud("034567", sent["certificates"])
    item = inhoud["Studiebewijzen"]["Studiebewijs"][0]
    assert item["Graad"] == "2" and item["UitgeslotenOnderwijsvormen"] == {
        "Onderwijsvorm": ["D", "AM"]}


@pytest.mark.parametrize("args", [
    ("register", "--stamnummer", "2600001", "--kind", "XX", "--date", "2026-06-30"),
    ("register", "--stamnummer", "2600001", "--kind", "OA", "--date", "30/06/2026"),
    ("admission", "--stamnummer", "2600001", "--grade", "1", "--year", "3", "--form",
     "A"),
    ("transition", "--stamnummer", "2600001", "--grade", "1", "--year", "1", "--form",
     "A"),
])
def test_usage_errors_exit_before_sending(args):
    with pytest.raises(SystemExit) as caught:
        parse(*args)
    assert caught.value.code != 0


def certificate(**kw):
    base = dict(student_id=None, stamnummer="2600002", kind="GBO",
                date=dt.date(2026, 6, 30), full_name="Getuigschrift basisonderwijs",
                institution_number="012345", institution_name="Basisschool De Regenboog")
    return m.Certificate(**{**base, **kw})


def test_the_checks_read_as_a_verdict_with_its_rule():
    admission = m.Admission(1, 1, "B", "VOLDOET_MITS", ("TOELATINGSKLASSENRAAD",), "T04",
                            "1B with the primary education certificate", certificate())
    text = render(r.Result("ref", m.TransitionCheck(
        "2600002", dt.date(2026, 10, 1), True, ("after 15 January",), admission), ()))
    assert text.splitlines() == [
        "ACCEPTED  (Referte ref)",
        "  change on 2026-10-01: class council decision NEEDED",
        "    - after 15 January",
        "  stamnummer 2600002, grade 1 year 1 B: VOLDOET_MITS if TOELATINGSKLASSENRAAD",
        "    rule T04: 1B with the primary education certificate",
        "    on GBO Getuigschrift basisonderwijs of 2026-06-30 from 012345 Basisschool "
        "De Regenboog"]


def test_lists_and_counts_read_one_line_each():
    listed = render(r.Result("ref", [certificate(), certificate(
        kind="OB", grade=2, year=1, form="DA", excluded_forms=("D",),
        full_name="Oriënteringsattest B", institution_number="034567",
        institution_name="Sint-Jozefscollege")], ()))
    assert "2026-06-30  GBO  Getuigschrift basisonderwijs  (primary education)" in listed
    assert "(grade 2 year 1 DA, excludes D)" in listed
    assert render(r.Result("ref", [], ())).endswith("  none")
    counted = render(r.Result("ref", m.CertificatesProcessed("034567", 1, 2, 3, 0), ()))
    assert "1 new, 2 changed, 3 unchanged, 0 cancelled certificates" in counted
    previous = render(r.Result("ref", m.PreviousCertificates(None, []), ()))
    assert "none yet" in previous
