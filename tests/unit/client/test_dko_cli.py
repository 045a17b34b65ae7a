"""``discimus client dko …`` and ``discimus client numbers`` before anything is sent, and
how their answers read."""
from __future__ import annotations

import datetime as dt

from discimus_client import cli, commands_dko, dko_messages as m, results as r
from tests.unit.client.test_cli import discimus


def _dko_actions():
    parser = cli._Parser(prog="discimus")
    commands = parser.add_subparsers(dest="command")
    cli._add_client_commands(commands)
    client = commands.choices["client"]
    actions = client._subparsers._group_actions[0].choices
    dko = actions["dko"]
    return {**{f"dko {k}": v for k, v in dko._subparsers._group_actions[0].choices.items()},
            "numbers": actions["numbers"]}


def test_every_dko_option_has_help():
    actions = _dko_actions()
    assert set(actions) == {"dko register", "dko deregister", "dko numbers", "numbers"}
    undocumented = [f"{name} {'/'.join(a.option_strings)}"
                    for name, parser in actions.items()
                    for a in parser._actions if a.option_strings and not a.help]
    assert undocumented == []


def test_a_missing_school_year_or_a_bad_discipline_is_a_usage_error():
    base = ("client", "dko", "register", "--as", "dkosoft", "--institution", "130001",
            "--stamnummer", "2600201", "--first-name", "Noor", "--last-name", "Van Damme",
            "--birth-date", "2013-05-21", "--sex", "V", "--fee", "J")
    done = discimus(*base, "--discipline", "MU")
    assert done.returncode == 3 and "--school-year" in done.stderr
    done = discimus(*base, "--school-year", "2026", "--discipline", "XX")
    assert done.returncode == 3 and "--discipline" in done.stderr


def test_a_registration_and_the_numbers_read_plainly():
    info = m.DkoRegistrationInfo(7, "130001", "Academie Gent", "2600201", 2026, None, "MU",
                                 "J", dt.date(2026, 9, 2), None, "INGESCHREVEN")
    notice = r.Uitzondering(code=50601, type="INFORMATIE", diagnose="no INSZ yet")
    text = commands_dko.render(r.Result("q1", info, (notice,)))
    assert text.splitlines() == [
        "ACCEPTED  (Referte q1)",
        "  INFORMATIE   50601  no INSZ yet",
        "  academy 130001 Academie Gent stamnummer 2600201, school year 2026-2027, "
        "muziek, fee youth, INSZ pending, registered 2026-09-02, INGESCHREVEN (Discimus "
        "referte 7)"]
    numbers = [m.IdentificationNumber("2600102", "Van Looy", "Robert", dt.date(2019, 6, 9),
                                      "FOUT", None, "19060924157", dt.date(2026, 9, 3),
                                      "check digits"),
               m.IdentificationNumber("2500103", "Haddad", "Amina", dt.date(2015, 2, 14),
                                      "PSEUDO", "15026000211", None, dt.date(2026, 9, 3),
                                      "none exists")]
    lines = commands_dko.render(r.Result("q2", numbers, (), "more")).splitlines()
    assert "FOUT      '19060924157' is wrong" in lines[1]
    assert "PSEUDO    15026000211" in lines[2] and lines[3].startswith("  … more follow")
    assert commands_dko.render(r.Result("q3", [], ())).endswith(
        "no numbers supplied, created or reported")
