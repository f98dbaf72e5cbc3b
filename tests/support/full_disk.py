"""A real full disk for a test: a small tmpfs mounted in a private mount namespace
(`unshare -rm`, no root needed where user namespaces are allowed), on which commands run as
real processes. Nothing is mounted outside that namespace, and the mount ends with it.

`run_on_small_disk(folder, size, steps)` copies `folder` onto the tmpfs, runs each step, copies
the tmpfs back into `folder`, and returns each command's exit code, stdout and stderr. A step is
`("run", argv, stdin)` (the string "{dir}" in argv is the tmpfs's path) or `("grow", size)`
(more room, as when space was freed).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

Step = tuple[Any, ...]


@dataclass
class Ran:
    returncode: int
    stdout: str
    stderr: str


def small_disks_work() -> bool:
    if shutil.which("unshare") is None or shutil.which("mount") is None:
        return False
    probe = subprocess.run(
        ["unshare", "-rm", "sh", "-c", "d=$(mktemp -d) && mount -t tmpfs -o size=64k tmpfs \"$d\" "
         "&& umount \"$d\"; s=$?; rmdir \"$d\"; exit $s"],
        capture_output=True, timeout=30)
    return probe.returncode == 0


needs_small_disk = pytest.mark.skipif(
    sys.platform != "linux" or not small_disks_work(),
    reason="needs `unshare -rm` and tmpfs mounts (Linux with user namespaces)")


def run_on_small_disk(folder: Path, size_kib: int, steps: list[Step],
                      env: dict[str, str], work: Path) -> list[Ran]:
    """Run `steps` on a tmpfs of `size_kib` holding a copy of `folder`; see the module doc."""
    work.mkdir(parents=True, exist_ok=True)
    plan = work / "plan.json"
    results = work / "results.json"
    plan.write_text(json.dumps({"folder": str(folder), "size_kib": size_kib,
                                "mount": str(work / "disk"), "steps": steps}))
    done = subprocess.run(["unshare", "-rm", sys.executable, __file__, str(plan), str(results)],
                          env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    return [Ran(**r) for r in json.loads(results.read_text())]


def _inside(plan_path: str, results_path: str) -> None:
    """Runs in the private mount namespace."""
    plan = json.loads(Path(plan_path).read_text())
    folder, disk = Path(plan["folder"]), Path(plan["mount"])
    disk.mkdir(parents=True, exist_ok=True)
    subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={plan['size_kib']}k", "tmpfs",
                    str(disk)], check=True)
    shutil.copytree(folder, disk, dirs_exist_ok=True)
    out: list[dict[str, Any]] = []
    for step in plan["steps"]:
        if step[0] == "grow":
            subprocess.run(["mount", "-o", f"remount,size={step[1]}k", str(disk)], check=True)
            continue
        _kind, argv, stdin = step
        argv = [a.replace("{dir}", str(disk)) for a in argv]
        ran = subprocess.run(argv, input=stdin, capture_output=True, text=True, timeout=300)
        out.append({"returncode": ran.returncode, "stdout": ran.stdout, "stderr": ran.stderr})
    shutil.rmtree(folder)
    shutil.copytree(disk, folder)
    Path(results_path).write_text(json.dumps(out))


if __name__ == "__main__":
    _inside(sys.argv[1], sys.argv[2])
