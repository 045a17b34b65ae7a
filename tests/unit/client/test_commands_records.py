"""``discimus client measures|support|refusals``: options documented, output readable."""
import datetime as dt

import pytest

from discimus_client import cli, commands_records as cr, results as r

GROUPS = ("measures", "support", "refusals")


def _actions():
    parser = cli._Parser(prog="discimus")
    commands = parser.add_subparsers(dest="command")
    cli._add_client_commands(commands)
    client = commands.choices["client"]
    groups = client._subparsers._group_actions[0].choices
    for group in GROUPS:
        for name, action in groups[group]._subparsers._group_actions[0].choices.items():
            yield f"{group} {name}", action


def test_every_action_of_the_three_groups_exists_and_every_option_has_help():
    actions = dict(_actions())
    assert set(actions) == {f"{g} {a}" for g in GROUPS
                            for a in ("register", "cancel", "list")}
    undocumented = [f"{name} {'/'.join(a.option_strings)}"
                    for name, parser in actions.items()
                    for a in parser._actions if a.option_strings and not a.help]
    assert undocumented == []


@pytest.mark.parametrize("argv, missing", [
    (["measures", "register", "--stamnummer", "2600001", "--type", "TU", "--from",
      "2026-09-02"], "--insz"),
    (["support", "register", "--stamnummer", "2290003", "--from", "2023-01-09"],
     "--supporting"),
    (["refusals", "register", "--insz", "14030377264", "--date", "2026-08-20"], "--kind"),
])
def test_a_missing_required_option_is_a_usage_error(argv, missing, capsys):
    with pytest.raises(SystemExit) as exited:
        cli.main(["client", *argv, "--as", "informat", "--institution", "034567"])
    assert exited.value.code == cli.EXIT_USAGE and missing in capsys.readouterr().err


def test_results_render_one_readable_line_per_record():
    measure = r.Measure("034567", "INF-1", "2600001", "11062706014", "DU",
                        dt.date(2027, 8, 31))
    stored = cr.render(r.Result("ref-1", r.RecordProcessed("034567", "NIEUW", measure)))
    assert stored.splitlines() == [
        "ACCEPTED  (Referte ref-1)",
        "  NIEUW: definitive exclusion (DU) from 2027-08-31 (no end date)  stamnummer "
        "2600001  INSZ 11062706014  (student id INF-1)"]
    listed = cr.render(r.Result("ref-2", [
        r.SupportedStudent("012345", "INF-2290001", "2290001", dt.date(2022, 10, 3),
                           "090123"),
        r.Refusal("034567", "KAND-1", "14030377264", "W", dt.date(2026, 8, 20))]))
    assert listed.splitlines()[1:] == [
        "  supported from 2022-10-03 by 090123  stamnummer 2290001 at 012345  INSZ -  "
        "(student id INF-2290001)",
        "  refused enrollment (W) on 2026-08-20  INSZ 14030377264  (student id KAND-1)"]
    assert cr.render(r.Result("ref-3", [])).splitlines()[1:] == ["  none"]
