"""`python3 tools/mutation.py [MODULE ...] [--survivors] [--diff] [--max-children N] [--fail-under P]`:
mutation testing of the domain's rule modules, one module at a time, against `tests/fieldnote/`.

mutmut (the `dev` extra; its settings are `[tool.mutmut]` in pyproject.toml) copies the project
into `mutants/`, makes small changes to one module's functions (a `>=` becomes `>`, a constant
changes, a string gets `XX` around it, an argument becomes None...) and runs the domain tests
that reach each changed function. A mutant the tests notice is killed; one they do not notice
survived: either a gap in the tests or an equivalent change (see docs/testing.md for how to
tell them apart). For each module this prints killed / survived / score and lists the
survivors; `--diff` shows each survivor's change.

    python3 tools/mutation.py                  # every rule module (tens of minutes)
    python3 tools/mutation.py scoring badges   # these modules only
    python3 tools/mutation.py scoring --survivors --diff   # re-run the last survivors only

MODULE is a module of `fieldnote/` ("scoring" or "fieldnote/scoring.py"); without one, the
modules listed in `only_mutate` of `[tool.mutmut]`. Timeouts count as killed (the change made
the tests hang or crawl). The score is killed / all mutants of the module, so mutants no test
reaches count against it. Results stay in `mutants/` (git-ignored); the log of each module's
run is `mutants/<module>.log`. Exit status 1 when a module scores below `--fail-under`.
"""

from __future__ import annotations

import argparse
import ast
import difflib
import json
import os
import subprocess
import sys
import tomllib
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# mutmut's exit codes for a mutant (its `stats.status_by_exit_code`), as this tool counts them.
_KILLED = {1, 3, 36, 24, -24, 152, 255, 37}  # tests failed, pytest error, timeout, type check
_SURVIVED = {0}
_NO_TESTS = {5, 33}
_NOT_RUN = {None, 2, 34}  # not checked, interrupted, skipped

# Set for the test runs of a mutation run; read by `tests/support/examples.py`.
MUTATION_RUN = "FIELDNOTE_MUTATION_RUN"


def _out(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def _err(line: str) -> None:
    sys.stderr.write(line + "\n")
    sys.stderr.flush()


def rule_modules() -> list[str]:
    """The modules `[tool.mutmut] only_mutate` lists, as module names ("scoring")."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    paths = config["tool"]["mutmut"]["only_mutate"]
    return [Path(p).stem for p in paths]


def module_name(arg: str) -> str:
    name = Path(arg).stem if arg.endswith(".py") else arg.removeprefix("fieldnote.")
    if not (ROOT / "fieldnote" / f"{name}.py").is_file():
        raise SystemExit(f"mutation: no module fieldnote/{name}.py")
    return name


def _mutmut() -> list[str]:
    exe = ROOT / ".venv" / ("Scripts" if sys.platform == "win32" else "bin") / "mutmut"
    return [str(exe)]


def results(module: str) -> dict[str, int | None]:
    """Each mutant of `module` and the exit code of its test run (None: not run yet)."""
    meta = ROOT / "mutants" / "fieldnote" / f"{module}.py.meta"
    if not meta.is_file():
        return {}
    codes: dict[str, int | None] = json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"]
    prefix = f"fieldnote.{module}."
    return {k: v for k, v in codes.items() if k.startswith(prefix)}


def not_run(codes: dict[str, int | None]) -> list[str]:
    """The mutants of a module's results that have not been run (a run stopped early, or
    mutants of functions changed since: mutmut resets those when a run starts)."""
    return sorted(k for k, v in codes.items() if v in _NOT_RUN)


def tally(codes: dict[str, int | None]) -> tuple[int, int, list[str]]:
    """(killed, total, survivors) of a module's results; mutants not run are left out."""
    counted = {k: v for k, v in codes.items() if v not in _NOT_RUN}
    killed = sum(1 for v in counted.values() if v in _KILLED)
    survivors = sorted(k for k, v in counted.items() if v not in _KILLED)
    return killed, len(counted), survivors


def run_module(module: str, names: list[str], max_children: int, append: bool = False) -> int:
    """Run mutmut on the named mutants (a glob of the whole module when none are named)."""
    log = ROOT / "mutants" / f"{module}.log"
    log.parent.mkdir(exist_ok=True)
    args = [*_mutmut(), "run", "--max-children", str(max_children),
            *(names or [f"fieldnote.{module}.*"])]
    # Tests that check thousands of generated examples check fewer in a mutation run, where
    # they run once per mutant (see `tests/support/examples.py`).
    env = {**os.environ, MUTATION_RUN: "1"}
    with log.open("a" if append else "w", encoding="utf-8") as out:
        return subprocess.call(args, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)


def _functions(module: str) -> dict[str, str]:
    """The source of every function in the mutated copy of `module`, by name."""
    path = ROOT / "mutants" / "fieldnote" / f"{module}.py"
    source = path.read_text(encoding="utf-8")
    lines = source.splitlines()
    return {node.name: "\n".join(lines[node.lineno - 1:node.end_lineno])
            for node in ast.walk(ast.parse(source))
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)}


def show(module: str, name: str, functions: dict[str, str]) -> str:
    """The change a mutant makes, as a diff of its function (what `mutmut show` prints)."""
    function = name.removeprefix(f"fieldnote.{module}.")
    original = functions.get(function.rsplit("__mutmut_", 1)[0] + "__mutmut_orig", "")
    mutant = functions.get(function, "")
    lines = difflib.unified_diff(original.splitlines(), mutant.splitlines(), lineterm="", n=1)
    return "\n".join(line for line in list(lines)[2:] if not line.startswith("@@"))


def _run(module: str, survivors_only: bool, max_children: int) -> int:
    """Run a whole module, or its last survivors and the mutants not run yet."""
    if not survivors_only:
        _err(f"{module}: running mutmut ...")
        return run_module(module, [], max_children)
    codes = results(module)
    names = tally(codes)[2] + not_run(codes)
    if not names:
        _err(f"{module}: no survivors to re-run")
        return 0
    _err(f"{module}: running mutmut on {len(names)} mutants ...")
    code = run_module(module, names, max_children)
    # mutmut makes new mutants of the functions changed since the last run when it starts, and
    # leaves them not run unless named: run them too, so that the figure counts every mutant.
    fresh = not_run(results(module))
    if code == 0 and fresh:
        _err(f"{module}: running mutmut on {len(fresh)} new mutants of changed functions ...")
        code = run_module(module, fresh, max_children, append=True)
    return code


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="tools/mutation.py", description=__doc__.split("\n\n")[0],
        formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("modules", nargs="*", metavar="MODULE",
                        help="modules of fieldnote/ (default: every rule module)")
    parser.add_argument("--survivors", action="store_true",
                        help="re-run only the mutants that survived the last run (and those "
                             "not run yet)")
    parser.add_argument("--report", action="store_true",
                        help="print the last results without running anything")
    parser.add_argument("--diff", action="store_true", help="show each survivor's change")
    parser.add_argument("--max-children", type=int, default=2,
                        help="mutants tested at once (default 2)")
    parser.add_argument("--fail-under", type=float, default=90.0,
                        help="exit 1 when a module scores below this percentage (default 90)")
    args = parser.parse_args(argv)

    import dev  # the project's set-up: makes sure .venv holds the dev extra (mutmut)

    dev.ensure_venv()
    modules = [module_name(m) for m in args.modules] or rule_modules()
    rows: list[tuple[str, int, int, list[str], int]] = []
    for module in modules:
        if not args.report:
            code = _run(module, args.survivors, args.max_children)
            if code != 0:
                _err(f"{module}: mutmut stopped with exit status {code}; see "
                     f"mutants/{module}.log")
                return 2
        codes = results(module)
        killed, total, survivors = tally(codes)
        rows.append((module, killed, total, survivors, len(not_run(codes))))

    failed = False
    _out(f"{'module':<12} {'killed':>7} {'survived':>9} {'total':>6} {'score':>7} {'not run':>8}")
    for module, killed, total, survivors, left in rows:
        score = 100.0 * killed / total if total else 0.0
        failed = failed or score < args.fail_under or left > 0
        _out(f"{module:<12} {killed:>7} {len(survivors):>9} {total:>6} {score:>6.1f}% {left:>8}")
    for module, _killed, _total, survivors, _left in rows:
        if not survivors:
            continue
        kinds = Counter(n.rsplit("__mutmut_", 1)[0].removeprefix(f"fieldnote.{module}.")
                        for n in survivors)
        _out(f"\n{module}: {len(survivors)} survivors in "
             + ", ".join(f"{fn} ({count})" for fn, count in sorted(kinds.items())))
        functions = _functions(module) if args.diff else {}
        for name in survivors:
            _out(f"  {name}")
            if args.diff:
                _out("\n".join("    " + line for line in show(module, name, functions).splitlines()))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
