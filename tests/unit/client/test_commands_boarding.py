"""``discimus client boarding``: what is sent and how answers read, without a server."""
from __future__ import annotations

import datetime as dt

import pytest

from discimus_client import cli, commands_boarding, internaat_messages, results as r


class _Recorder:
    """A stand-in client: records the call, answers with ``answer``."""

    def __init__(self, answer):
        self.answer, self.calls = answer, []

    def __getattr__(self, name):
        def call(*args, **kwargs):
            self.calls.append((name, args, kwargs))
            return self.answer
        return call


REGISTER = ["client", "boarding", "register", "--as", "informat", "--institution",
            "091235", "--stamnummer", "2600014", "--first-name", "Mohamed", "--last-name",
            "Swinnen", "--birth-date", "2013-08-05", "--sex", "M", "--country", "00999",
            "--establishment", "Gent", "--start", "2026-09-01"]
STAY = r.BoardingInfo(7, "091235", "2600014", None, "Swinnen", "Mohamed", "Gent", 2026,
                      dt.date(2026, 9, 1), None, True, None, False, True)


def _run(argv, answer, capsys):
    recorder = _Recorder(answer)
    parser = cli._Parser(prog="discimus")
    commands = parser.add_subparsers(dest="command")
    cli._add_client_commands(commands)
    args = parser.parse_args(argv)
    code = _invoke(args, recorder)
    return code, recorder.calls, capsys.readouterr().out


def _invoke(args, recorder):
    original = cli._client
    cli._client = lambda _args: recorder
    try:
        return args.run(args)
    finally:
        cli._client = original


@pytest.mark.parametrize("extra, framework, plan, action", [
    ([], None, None, "register_boarding"),
    (["--agreement-framework", "yes", "--support-plan", "no"], True, False,
     "register_boarding"),
    (["--correct", "--itinerant", "--school-number", "089012"], None, None,
     "correct_boarding"),
])
def test_register_sends_the_stay(capsys, extra, framework, plan, action):
    code, calls, out = _run(REGISTER + extra, r.Result("ref", STAY), capsys)
    ((name, (student, stay), _kw),) = calls
    assert code == 0 and name == action and out.startswith("ACCEPTED")
    assert (student.stamnummer, student.address.country) == ("2600014", "00999")
    assert (stay.institution_number, stay.establishment, stay.start_date) == (
        "091235", "Gent", dt.date(2026, 9, 1))
    assert (stay.agreement_framework, stay.support_plan) == (framework, plan)
    assert stay.itinerant_parents is ("--itinerant" in extra)
    assert "2600014 Swinnen, Mohamed (INSZ -): from 2026-09-01 at Gent" in out
    assert "agreement framework no, support plan yes, itinerant parents" in out


def test_a_refusal_exits_1_and_shows_the_code(capsys):
    refused = r.Result("ref", None, (r.Uitzondering(10504, "FOUT", "missing"),))
    code, _calls, out = _run(REGISTER, refused, capsys)
    assert code == 1 and "REFUSED" in out and "10504" in out


def test_the_schools_of_the_boarders_read_well(capsys):
    boarders = [
        r.BoarderSchools("2600011", "11062706014", "Huysmans", "Margareta",
                         dt.date(2026, 9, 1), None, None, None,
                         [r.SchoolEnrollment("034567", "Sint-Jozefscollege", "4C",
                                             dt.date(2026, 9, 1), None, "1"),
                          r.SchoolEnrollment("035555", "BuSO De Brug", "OV3",
                                             dt.date(2026, 9, 1), dt.date(2026, 12, 20),
                                             "2")]),
        r.BoarderSchools("2600013", None, "Ooms", "Marie", dt.date(2026, 9, 1), None,
                         "089012", "Europese School Mol", []),
        r.BoarderSchools("2600020", None, "Peeters", "Jan", dt.date(2026, 9, 1), None,
                         None, None, [])]
    argv = ["client", "boarding", "schools", "--as", "informat", "--institution",
            "091235", "--school-year", "2026"]
    code, calls, out = _run(argv, r.Result("ref", boarders), capsys)
    assert code == 0 and calls[0][2]["school_year"] == 2026
    assert "034567 Sint-Jozefscollege group 4C, from 2026-09-01, ordinary" in out
    assert "035555 BuSO De Brug group OV3, 2026-09-01 to 2026-12-20, special needs" in out
    assert "school 089012 Europese School Mol (given by the boarding school)" in out
    assert "no school enrollment known" in out


def test_the_stay_travels_as_the_contract_names_it():
    student = r.Student(None, "2600014", "Mohamed", "Swinnen", dt.date(2013, 8, 5), "M",
                        r.Address(None, None, None, None, country="00999"))
    inhoud = internaat_messages.stay_inhoud(student, r.BoardingData(
        "091235", "Gent", dt.date(2026, 9, 1), itinerant_parents=True,
        agreement_framework=False, support_plan=True))
    assert inhoud["Inschrijving"] == {
        "Instellingsnummer": "091235", "Vestigingsplaats": "Gent",
        "BeginDatum": dt.date(2026, 9, 1), "EindDatum": None,
        "AmbulantBeroepOuders": True, "Schoolnummer": None, "Afsprakenkader": False,
        "Ondersteuningsplan": True}
    assert inhoud["Leerling"]["Adres"]["Land"] == "00999"


def test_every_boarding_action_has_help():
    parser = cli._Parser(prog="discimus")
    cli._add_client_commands(parser.add_subparsers(dest="command"))
    for action in ("register", "end", "list", "schools"):
        with pytest.raises(SystemExit):
            parser.parse_args(["client", "boarding", action, "--help"])
    assert commands_boarding.render(r.Result("ref", [])).endswith("no boarders")
