"""Mutation testing of the security profile and the domain rules (cosmic-ray).

Usage: ``make mutation`` or ``.venv/bin/python tools/mutation.py [--survivors|--resume]
[wsse|domain|wsse:verifying,parser ...]``. ``--survivors`` runs again only the mutants
that survived the last run, against the current tests: the quick loop while killing
them. ``--resume`` finishes an interrupted run. ``target:module,...`` runs some modules
of a target (in parallel with another process on the others, if cores allow).

Slow (tens of minutes), so not part of CI. Why a copy and not the checkout:
setup.cfg maps ``client/`` to ``discimus_client`` and ``service/`` to
``discimus_service`` (package_dir), and the editable install imports from the
checkout through a meta-path finder that comes *after* ``sys.path``. So the
tree is copied into ``var/mutation/<target>/tree/`` under the import names
(``discimus_client/``, ...); with that folder first on ``PYTHONPATH`` the tests
import the copy, and cosmic-ray mutates the copy in place, never the checkout.

Each module is mutated in its own session and runs only the unit tests that
exercise it directly, in process (no server is started per mutant). The summary,
per module, and every surviving mutant's diff land in ``var/mutation/<target>.txt``.
Equivalent mutants (survivors that cannot be killed because the program behaves the
same) are listed with their reason in the docstrings of the edge-test modules:
tests/unit/wsse/test_{verifying,parser,envelope,signing}_edges.py and
tests/unit/domain/test_{identifiers,enrollment,absence,partners}_edges.py, test_mandates.py.
"""
from __future__ import annotations

import contextlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "var" / "mutation"
COPIES = {"client": "discimus_client", "service": "discimus_service",
          "fixtures": "discimus_fixtures", "tests": "tests"}
README_TABLE_TEST = "tests/contract/test_contracts.py::test_the_readme_code_table_is_current"

W = "tests/unit/wsse/"
D = "tests/unit/domain/"
VERIFIER_TESTS = [W + "test_verifying_edges.py", W + "test_verifying_freshness.py",
                  W + "test_verifying_xmlsec_context.py", W + "test_precise_refusals.py",
                  W + "test_inclusive_namespaces.py", W + "test_actors.py", W + "test_wcf.py",
                  W + "test_signing_and_verifying.py"]
# Each module is mutated in its own session with the tests that exercise it directly
# (a fraction of the unit tier, in process, no server): on 2 busy cores a mutant costs
# seconds, not minutes. Tests first that fail fastest (pytest -x stops there).
TARGETS = {
    "wsse": {
        "discimus_client/wsse/verifying.py": VERIFIER_TESTS,
        "discimus_client/wsse/signing.py": [W + "test_signing_edges.py", *VERIFIER_TESTS],
        "discimus_client/wsse/parser.py": [W + "test_parser_edges.py", W + "test_parser.py",
                                           W + "test_parser_xml_version.py"],
        "discimus_client/wsse/envelope.py": [W + "test_envelope_edges.py",
                                             W + "test_envelope_actors_edges.py",
                                             W + "test_envelope.py", W + "test_actors.py"],
        "discimus_client/wsse/policy.py": [W + "test_parser_edges.py", *VERIFIER_TESTS],
        "discimus_client/wsse/errors.py": [W + "test_errors.py", README_TABLE_TEST],
    },
    "domain": {
        "discimus_service/domain/identifiers.py": [D + "test_identifiers_edges.py",
                                                   D + "test_identifiers.py",
                                                   D + "test_enrollment.py"],
        "discimus_service/domain/enrollment.py": [D + "test_enrollment_edges.py",
                                                  D + "test_enrollment.py"],
        "discimus_service/domain/mandates.py": [D + "test_mandates.py"],
        "discimus_service/domain/model.py": [D + "test_model.py", D + "test_mandates.py",
                                             D + "test_enrollment.py"],
        "discimus_service/domain/schoolyear.py": [D + "test_schoolyear.py"],
        "discimus_service/domain/absence.py": [D + "test_absence_edges.py",
                                               D + "test_absence.py"],
        "discimus_service/domain/partners.py": [D + "test_partners_edges.py",
                                                D + "test_partners.py"],
        "discimus_service/domain/errors.py": [D + "test_errors.py", README_TABLE_TEST],
        "discimus_service/domain/boarding.py": [D + "test_boarding_edges.py",
                                                D + "test_boarding.py"],
        "discimus_service/domain/absence_counts.py": [D + "test_absence_counts.py"],
        "discimus_service/domain/school_calendar.py": [D + "test_absence_counts.py",
                                                       D + "test_school_calendar.py"],
        "discimus_service/domain/quality.py": [D + "test_quality.py"],
        "discimus_service/domain/identification_numbers.py": [
            D + "test_identification_numbers_edges.py", D + "test_identification_numbers.py",
            D + "test_dko.py"],
        "discimus_service/domain/dko.py": [D + "test_dko_edges.py", D + "test_dko.py"],
        # consultations.py is being rewritten (issue 5 §5); add it once it has settled.
    },
}

# Mutants that only produce a TypeError at once (str - str, str * str, ...) teach
# nothing: of the binary operators keep the arithmetic swaps. A value comparison
# turned into an identity test is left out for the same reason (and because its
# outcome depends on CPython's interning, not on our code).
EXCLUDE_OPERATORS = [
    # (Mul_Div also turns the keyword-only marker ``def f(a, *, b)`` into ``/``.)
    r"core/ReplaceBinaryOperator_(?!(Add_Sub|Sub_Add|FloorDiv_Mul)$)",
    r"core/ReplaceComparisonOperator_(Eq|NotEq|Lt|LtE|Gt|GtE)_(Is|IsNot)$",
    r"core/VariableReplacer", r"core/VariableInserter",
]


def _toml(module: str, tests: list[str]) -> str:
    command = " ".join([sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider",
                        *tests])

    def array(values):
        return "[" + ", ".join(json.dumps(v) for v in values) + "]"

    return "\n".join([
        "[cosmic-ray]",
        f"module-path = {json.dumps(module)}",
        "timeout = 120.0",
        "excluded-modules = []",
        f"test-command = {json.dumps(command)}",
        "[cosmic-ray.distributor]",
        'name = "local"',
        "[cosmic-ray.filters.operators-filter]",
        f"exclude-operators = {array(EXCLUDE_OPERATORS)}",
        ""])


def _copy_tree(target: str, modules: list[str]) -> Path:
    tree = OUT / target / ("tree-" + "-".join(modules) if modules else "tree")
    shutil.rmtree(tree, ignore_errors=True)
    tree.mkdir(parents=True)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for source, name in COPIES.items():
        shutil.copytree(ROOT / source, tree / name, ignore=ignore)
        if source != name:   # tests that read the source by its checkout path
            (tree / source).symlink_to(name)
    for name in ("README.rst", "setup.cfg", "pyproject.toml"):
        shutil.copy2(ROOT / name, tree / name)
    for folder in ("wsdl", "xsd"):
        if (ROOT / folder).is_dir():
            shutil.copytree(ROOT / folder, tree / folder, ignore=ignore)
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(tree)], check=True)
    return tree


def _bin(name: str) -> str:
    return str(Path(sys.executable).with_name(name))


def _run(target: str, modules: list[str], mode: str) -> str:
    tree = _copy_tree(target, modules)
    env = dict(os.environ, PYTHONPATH=str(tree))
    run = dict(cwd=tree, env=env, check=True)
    started = time.monotonic()
    dumps = []
    for module, tests in TARGETS[target].items():
        name = Path(module).stem
        if modules and name not in modules:
            continue
        config = OUT / target / f"{name}.toml"
        session = OUT / target / f"{name}.sqlite"
        config.write_text(_toml(module, tests))   # the current test selection
        if mode == "resume" and session.exists():
            pass                                  # `exec` runs what is still pending
        elif mode == "survivors" and session.exists():
            # Results of survivors forgotten: `exec` runs exactly those again.
            with contextlib.closing(sqlite3.connect(session)) as db, db:
                db.execute("DELETE FROM work_results WHERE test_outcome = 'SURVIVED'")
        else:
            session.unlink(missing_ok=True)
            subprocess.run([_bin("cosmic-ray"), "init", str(config), str(session)], **run)
            subprocess.run([_bin("cr-filter-operators"), str(session), str(config)], **run)
            subprocess.run([_bin("cosmic-ray"), "baseline", str(config)], **run)
        subprocess.run([_bin("cosmic-ray"), "exec", str(config), str(session)], **run)
        dumps.append(subprocess.run([_bin("cosmic-ray"), "dump", str(session)], cwd=tree,
                                    env=env, check=True, capture_output=True,
                                    text=True).stdout)
    minutes = (time.monotonic() - started) / 60   # of this run, survivors-only or full
    return _summary(target, "".join(dumps), minutes)


def _summary(target: str, dump: str, minutes: float) -> str:
    counts: dict[str, dict[str, int]] = {}
    survivors = []
    for line in dump.splitlines():
        item, result = json.loads(line)
        if result is None:
            continue
        mutation = item["mutations"][0]
        tally = counts.setdefault(Path(mutation["module_path"]).name, dict.fromkeys(
            ("killed", "survived", "incompetent", "skipped"), 0))
        if result["worker_outcome"] == "skipped":
            tally["skipped"] += 1
        elif result["worker_outcome"] != "normal":
            tally["incompetent"] += 1      # the operator could not rewrite the code
        elif result["test_outcome"] == "survived":
            tally["survived"] += 1
            survivors.append(f"--- {mutation['module_path']}:{mutation['start_pos'][0]} "
                             f"{mutation['operator_name']} #{mutation['occurrence']}\n"
                             f"{result['diff']}")
        else:
            tally["killed"] += 1

    def line(name, t):
        tested = t["killed"] + t["survived"] + t["incompetent"]
        return (f"{name}: {tested} mutants tested: {t['killed']} killed, {t['survived']} "
                f"survived, {t['incompetent']} incompetent; {t['skipped']} filtered out")
    total = {k: sum(t[k] for t in counts.values())
             for k in ("killed", "survived", "incompetent", "skipped")}
    head = [line(target, total) + f" (operators excluded: see tools/mutation.py); "
            f"{minutes:.1f} min"]
    head += ["  " + line(name, t) for name, t in sorted(counts.items())]
    return "\n".join(head) + "\n\n" + "\n".join(survivors)


def main(argv: list[str]) -> int:
    if {"-h", "--help"} & set(argv):      # not a target: never start a run by mistake
        print(__doc__)
        return 0
    mode = ("survivors" if "--survivors" in argv else
            "resume" if "--resume" in argv else "full")
    targets = [a for a in argv if not a.startswith("--")] or list(TARGETS)
    unknown = {t.partition(":")[0] for t in targets} - set(TARGETS)
    if unknown:
        print(f"unknown target(s) {', '.join(sorted(unknown))}; choose from "
              f"{', '.join(TARGETS)}", file=sys.stderr)
        return 2
    for spec in targets:
        target, _, names = spec.partition(":")
        modules = [n for n in names.split(",") if n]
        report = _run(target, modules, mode)
        (OUT / (f"{target}-{'-'.join(modules)}.txt" if modules else f"{target}.txt")
         ).write_text(report)
        print(report.split("\n", 1)[0])
    print(f"survivors with their diffs: {OUT}/<target>.txt")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
