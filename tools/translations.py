"""Extract, build and check the app's translations (Qt Linguist `.ts` sources, `.qm` catalogues).

    python tools/translations.py update        # extract every tr() string into the .ts files
    python tools/translations.py build         # compile each .ts into the .qm shipped beside it
    python tools/translations.py check         # fail on anything untranslated, inconsistent or stale
    python tools/translations.py fill de T.json  # set translations from a JSON table (see below)

It uses PySide6's own `lupdate` and `lrelease`, which read Python sources: the context of
`self.tr("...")` is the class the call is written in, and `QCoreApplication.translate(ctx, ...)`
and `QT_TRANSLATE_NOOP(ctx, ...)` name theirs. This tool never edits Python sources.
"""

from __future__ import annotations

import argparse
import ast
import json
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ("desktop", "fieldnote")  # where tr() strings live (fieldnote: the role policy's
# refusal sentences, marked with QT_TRANSLATE_NOOP); only .py files are read
TS_DIR = ROOT / "resources" / "translations"
LANGUAGES = ("de", "es")  # the shipped languages: each must be complete
# English needs only the plural forms of "%n" messages ("1 lead", "308 leads"): its catalogue
# holds just those (lupdate -pluralonly), and it must be complete too.
PLURAL_ONLY = ("en",)
CATALOGUES = LANGUAGES + PLURAL_ONLY
CATALOGUE = "fieldnote"  # fieldnote_<lang>.ts / .qm

_PLACEHOLDER = re.compile(r"%(?:\d+|n)")
# An accelerator is "&" before a letter or digit; "&&" is a literal ampersand.
_ACCELERATOR = re.compile(r"(?<!&)&(?!&)(?=\w)")


def ts_path(lang: str, directory: Path = TS_DIR) -> Path:
    return directory / f"{CATALOGUE}_{lang}.ts"


def qm_path(lang: str, directory: Path = TS_DIR) -> Path:
    return directory / f"{CATALOGUE}_{lang}.qm"


def _tool(name: str) -> str:
    """PySide6's `pyside6-<name>` from the running interpreter's environment, else from PATH."""
    for candidate in (Path(sys.executable).parent, None):
        found = shutil.which(f"pyside6-{name}", path=str(candidate) if candidate else None)
        if found:
            return found
    raise SystemExit(f"pyside6-{name} not found: install PySide6 into this environment")


def _run(args: list[str]) -> None:
    done = subprocess.run(args, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"{Path(args[0]).name} failed:\n{done.stdout}{done.stderr}")


def lupdate(ts_files: Sequence[Path], root: Path = ROOT) -> None:
    """Extract every message of the sources into `ts_files` (new ones unfinished, vanished
    ones dropped, existing translations kept); a plural-only catalogue gets the "%n" ones."""
    for plural_only in (False, True):
        files = [t for t in ts_files if _is_plural_only(t) == plural_only]
        if files:
            _run([_tool("lupdate"), "-silent", "-extensions", "py", "-locations", "none",
                  "-no-obsolete", "-source-language", "en", *(["-pluralonly"] if plural_only else []),
                  *_source_files(root), "-ts", *[str(t) for t in files]])


def _source_files(root: Path) -> list[str]:
    """The Python files lupdate reads, sorted: given folders, it walks them in the order the
    file system lists them, which differs between checkouts and would reorder the catalogues."""
    return sorted(str(p) for s in SOURCES for p in (root / s).rglob("*.py"))


def _is_plural_only(ts_file: Path) -> bool:
    return any(ts_file.name == f"{CATALOGUE}_{lang}.ts" for lang in PLURAL_ONLY)


def lrelease(ts_file: Path, qm_file: Path) -> None:
    _run([_tool("lrelease"), "-silent", str(ts_file), "-qm", str(qm_file)])


@dataclass(frozen=True)
class Message:
    context: str
    source: str
    forms: tuple[str, ...]  # the translation; one form per plural form for a "%n" message
    finished: bool


def read_ts(path: Path) -> list[Message]:
    messages = []
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            element = message.find("translation")
            kind = element.get("type") if element is not None else "unfinished"
            if kind in ("obsolete", "vanished"):
                continue
            if element is None:
                forms: tuple[str, ...] = ("",)
            elif message.get("numerus") == "yes":
                forms = tuple(f.text or "" for f in element.iter("numerusform")) or ("",)
            else:
                forms = (element.text or "",)
            messages.append(Message(name, message.findtext("source") or "", forms, kind is None))
    return messages


def _key(m: Message) -> tuple[str, str]:
    return (m.context, m.source)


def problems(messages: Sequence[Message]) -> Iterator[str]:
    """What is wrong with a language's messages: untranslated, unfinished, placeholders or
    keyboard accelerators that differ from the source."""
    for m in messages:
        where = f"{m.context}: {m.source!r}"
        if not all(form.strip() for form in m.forms):
            yield f"untranslated {where}"
            continue
        if not m.finished:
            yield f"unfinished {where}"
        for form in m.forms:
            if sorted(_PLACEHOLDER.findall(m.source)) != sorted(_PLACEHOLDER.findall(form)):
                yield f"placeholders differ in {where}: {form!r}"
            if len(_ACCELERATOR.findall(m.source)) != len(_ACCELERATOR.findall(form)):
                yield f"keyboard accelerator differs in {where}: {form!r}"


def variable_tr_calls(root: Path = ROOT) -> Iterator[str]:
    """Calls lupdate cannot extract: `tr()` with text that is not a literal, `translate()` or
    `QT_TRANSLATE_NOOP()` with a context that is not, any of them inside an f-string, an alias
    of `tr`/`translate`, and a wrapper that passes its own parameter to `translate()` (its
    callers' literals would never be extracted). `translate(literal_context, variable)` is allowed for labels marked with
    QT_TRANSLATE_NOOP where they are defined."""
    for source in SOURCES:
        for path in sorted((root / source).rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
            params: dict[int, set[str]] = {}  # id of each call node -> its function's parameters
            for func in ast.walk(tree):
                if isinstance(func, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
                    names = {a.arg for a in (*func.args.posonlyargs, *func.args.args,
                                             *func.args.kwonlyargs)}
                    for inner in ast.walk(func):
                        params.setdefault(id(inner), set()).update(names)
            in_fstring = {id(inner) for fstring in ast.walk(tree) if isinstance(fstring, ast.JoinedStr)
                          for inner in ast.walk(fstring)}
            for node in ast.walk(tree):
                where = f"{path.relative_to(root)}:{node.lineno}" if hasattr(node, "lineno") else ""
                if (isinstance(node, ast.Assign) and isinstance(node.value, ast.Attribute)
                        and node.value.attr in ("tr", "translate")):
                    # `t = QCoreApplication.translate`: lupdate does not follow the alias.
                    yield f"{where}: alias {ast.unparse(node)}"
                    continue
                if not isinstance(node, ast.Call) or not node.args:
                    continue
                func = node.func
                name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
                owner = func.value if isinstance(func, ast.Attribute) else None
                literal = [isinstance(a, ast.Constant) and isinstance(a.value, str) for a in node.args]
                translate = (name == "translate" and isinstance(owner, ast.Name)
                             and owner.id in ("QCoreApplication", "QApplication"))
                wrapper = (translate and len(node.args) > 1 and isinstance(node.args[1], ast.Name)
                           and node.args[1].id in params.get(id(node), set()))
                if id(node) in in_fstring and name in ("tr", "translate", "QT_TRANSLATE_NOOP",
                                                       "QT_TR_NOOP"):
                    # lupdate does not read inside f-strings: the call is never extracted.
                    yield f"{where}: inside an f-string {ast.unparse(node)}"
                    continue
                if (name in ("tr", "QT_TR_NOOP") and not literal[0]
                        or name == "QT_TRANSLATE_NOOP" and not all(literal[:2])
                        or translate and not literal[0] or wrapper):
                    yield f"{where}: {ast.unparse(node)}"


def check(root: Path = ROOT, ts_dir: Path = TS_DIR) -> list[str]:
    """Everything that keeps the shipped translations from being complete and current."""
    found = [f"text not extractable, {p}" for p in variable_tr_calls(root)]
    with tempfile.TemporaryDirectory() as tmp:
        for lang in CATALOGUES:
            shipped = ts_path(lang, ts_dir)
            if not shipped.exists():
                found.append(f"{shipped.name} is missing")
                continue
            # Extract today's strings into a copy: what the sources say now, with the
            # translations the shipped file holds.
            current = Path(tmp) / shipped.name
            shutil.copyfile(shipped, current)
            lupdate([current], root)
            found += [f"{lang}: {p}" for p in problems(read_ts(current))]
            if sorted(read_ts(current), key=_key) != sorted(read_ts(shipped), key=_key):
                found.append(f"{shipped.name} is not up to date with the sources: "
                             "run tools/translations.py update")
            built = Path(tmp) / f"{lang}.qm"
            lrelease(shipped, built)
            compiled = qm_path(lang, ts_dir)
            if not compiled.exists() or compiled.read_bytes() != built.read_bytes():
                found.append(f"{compiled.name} is stale: run tools/translations.py build")
    return found


def fill(lang: str, table: Path) -> int:
    """Set translations from a JSON object: keys are a source text (for every context) or
    "Context|source text" (that context only, taking precedence); a value is the translation,
    or for a "%n" message the list of its plural forms. Returns how many were set."""
    entries: dict[str, str | list[str]] = json.loads(table.read_text(encoding="utf-8"))
    path = ts_path(lang)
    tree = ET.parse(path)
    count = 0
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            text = entries.get(f"{name}|{source}", entries.get(source))
            element = message.find("translation")
            if text is None or element is None or element.get("type") in ("obsolete", "vanished"):
                continue
            if message.get("numerus") == "yes":
                slots = list(element.iter("numerusform"))
                forms = [text] if isinstance(text, str) else text
                for i, slot in enumerate(slots):
                    slot.text = forms[min(i, len(forms) - 1)]
            else:
                element.text = text if isinstance(text, str) else text[0]
            element.attrib.pop("type", None)
            count += 1
    write_ts(tree, path)
    # lupdate writes the file again in its own layout (contexts at the margin, quotes as
    # entities), so a fill changes only the lines it translated.
    lupdate([path])
    return count


def write_ts(tree: ET.ElementTree, path: Path) -> None:
    """Write a .ts file as lupdate does (its DOCTYPE, UTF-8, four-space indent)."""
    ET.indent(tree, space="    ")
    body = ET.tostring(tree.getroot(), encoding="unicode")
    path.write_text(f'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n{body}\n',
                    encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("update", help="extract every tr() string into the .ts files")
    sub.add_parser("build", help="compile each .ts into its .qm")
    sub.add_parser("check", help="fail on an untranslated, inconsistent or stale translation")
    filling = sub.add_parser("fill", help="set translations from a JSON table")
    filling.add_argument("lang", choices=CATALOGUES)
    filling.add_argument("table", type=Path)
    args = parser.parse_args(argv)
    if args.command == "update":
        TS_DIR.mkdir(parents=True, exist_ok=True)
        lupdate([ts_path(lang) for lang in CATALOGUES])
        for lang in CATALOGUES:
            messages = read_ts(ts_path(lang))
            todo = sum(1 for m in messages if not m.finished or not all(f.strip() for f in m.forms))
            sys.stdout.write(f"{ts_path(lang).name}: {len(messages)} messages, {todo} to translate\n")
    elif args.command == "build":
        for lang in CATALOGUES:
            lrelease(ts_path(lang), qm_path(lang))
            sys.stdout.write(f"{qm_path(lang).name} built\n")
    elif args.command == "fill":
        sys.stdout.write(f"{fill(args.lang, args.table)} translations set\n")
    else:
        found = check()
        for line in found:
            sys.stdout.write(f"{line}\n")
        if found:
            return 1
        sys.stdout.write("translations complete and current: " + ", ".join(CATALOGUES) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
