"""The production recipe in packaging/hub/ as far as it runs here: the systemd unit passes
`systemd-analyze verify`, the nginx site passes `nginx -t` (Caddy's `caddy validate` where
Caddy is installed), and the hub starts exactly as the unit's ExecStart line says, with the
sample environment file, answering /v1/health and logging one JSON object a line."""

from __future__ import annotations

import json
import os
import queue
import re
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import threading
from pathlib import Path

import pytest
import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

from tests.support.live_hub import fresh_pg_url

RECIPE = Path(__file__).resolve().parents[2] / "packaging" / "hub"
UNIT = RECIPE / "fieldnote-hub.service"
ENV_FILE = RECIPE / "fieldnote-hub.env"
NGINX_SITE = RECIPE / "nginx-fieldnote-hub.conf"
CADDYFILE = RECIPE / "Caddyfile"


def unit_settings(path: Path) -> dict[str, dict[str, str]]:
    """The unit file's sections and keys (each key once in this unit)."""
    sections: dict[str, dict[str, str]] = {}
    current: dict[str, str] = {}
    for raw in path.read_text().splitlines():
        line = raw.strip()
        if not line or line.startswith(("#", ";")):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = sections.setdefault(line[1:-1], {})
            continue
        key, _, value = line.partition("=")
        assert key not in current, f"{key} twice in {path.name}"
        current[key] = value
    return sections


def env_file_values(path: Path) -> dict[str, str]:
    values = {}
    for raw in path.read_text().splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        key, _, value = line.partition("=")
        values[key] = value
    return values


def exec_start_argv(command: str, env: dict[str, str]) -> list[str]:
    """ExecStart as systemd runs it: `${NAME}` becomes one word from the environment."""
    assert "$" not in re.sub(r"\$\{[A-Z_]+\}", "", command), "only ${NAME} substitutions"
    return [re.sub(r"\$\{([A-Z_]+)\}", lambda m: env[m.group(1)], word)
            for word in shlex.split(command)]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_the_unit_runs_serve_as_its_own_user_with_the_environment_file() -> None:
    service = unit_settings(UNIT)["Service"]
    assert service["User"] == "fieldnote"
    assert service["EnvironmentFile"] == "/etc/fieldnote/hub.env"
    argv = shlex.split(service["ExecStart"])
    assert argv[0].endswith("/bin/fieldnote-hub") and argv[1] == "serve"
    assert "--workers" in argv
    for option in ("NoNewPrivileges", "PrivateTmp", "ProtectHome"):
        assert service[option] == "yes"
    assert service["ProtectSystem"] == "strict"
    blobs = env_file_values(ENV_FILE)["FIELDNOTE_HUB_BLOBS"]
    assert blobs.startswith(service["ReadWritePaths"] + "/")


def test_the_unit_passes_systemd_analyze_verify(tmp_path: Path) -> None:
    tool = shutil.which("systemd-analyze")
    if tool is None:
        pytest.skip("systemd-analyze is not installed")
    # verify checks that the program exists: point it at this installation's fieldnote-hub.
    program = shlex.split(unit_settings(UNIT)["Service"]["ExecStart"])[0]
    unit = tmp_path / UNIT.name
    unit.write_text(UNIT.read_text().replace(program, str(Path(sys.executable).parent
                                                          / "fieldnote-hub")))
    done = subprocess.run([tool, "verify", str(unit)], capture_output=True, text=True,
                          timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    # Unknown keys and bad values are only warnings: there must be none.
    assert unit.name not in done.stderr, done.stderr


def _self_signed(tmp_path: Path) -> tuple[Path, Path]:
    openssl = shutil.which("openssl")
    if openssl is None:
        pytest.skip("openssl is not installed to make a test certificate")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run([openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                    "-subj", "/CN=hub.example.com", "-keyout", str(key), "-out", str(cert)],
                   capture_output=True, timeout=60, check=True)
    return cert, key


def test_the_nginx_site_passes_nginx_t(tmp_path: Path) -> None:
    nginx = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists()
                                       else None)
    if nginx is None:
        pytest.skip("nginx is not installed (apt-get install nginx-light)")
    cert, key = _self_signed(tmp_path)
    site = NGINX_SITE.read_text()
    site = re.sub(r"ssl_certificate\s+\S+;", f"ssl_certificate {cert};", site)
    site = re.sub(r"ssl_certificate_key\s+\S+;", f"ssl_certificate_key {key};", site)
    assert str(cert) in site and str(key) in site
    (tmp_path / "site.conf").write_text(site)
    (tmp_path / "nginx.conf").write_text(
        f"pid {tmp_path}/nginx.pid;\nerror_log {tmp_path}/error.log;\nevents {{}}\n"
        f"http {{\n    include {tmp_path}/site.conf;\n}}\n")
    done = subprocess.run([nginx, "-t", "-q", "-p", str(tmp_path), "-e",
                           str(tmp_path / "error.log"), "-c", str(tmp_path / "nginx.conf")],
                          capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr


def test_the_caddyfile_passes_caddy_validate() -> None:
    caddy = shutil.which("caddy")
    if caddy is None:
        pytest.skip("caddy is not installed")
    done = subprocess.run([caddy, "validate", "--adapter", "caddyfile", "--config",
                           str(CADDYFILE)], capture_output=True, text=True, timeout=60,
                          check=False)
    assert done.returncode == 0, done.stderr


def test_the_hub_starts_as_the_unit_says_and_logs_json_lines(
    tmp_path: Path, db_url: str | None
) -> None:
    cleanup = []
    if db_url is None:
        url = f"sqlite:///{tmp_path / 'hub.sqlite3'}"
    else:
        url, drop = fresh_pg_url(db_url)
        cleanup.append(drop)
    service = unit_settings(UNIT)["Service"]
    settings = env_file_values(ENV_FILE)
    port = _free_port()
    # The sample's values, but this machine's database, folder and a free port; two workers
    # rather than four on a small test machine.
    settings.update(FIELDNOTE_HUB_DB=url, FIELDNOTE_HUB_BLOBS=str(tmp_path / "blobs"),
                    FIELDNOTE_HUB_PORT=str(port), FIELDNOTE_HUB_WORKERS="2")
    argv = exec_start_argv(service["ExecStart"], settings)
    argv[0] = str(Path(sys.executable).parent / "fieldnote-hub")
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(tmp_path), **settings}
    proc = subprocess.Popen(argv, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)
    lines: queue.Queue[str | None] = queue.Queue()

    def pump() -> None:
        assert proc.stdout is not None
        for line in proc.stdout:
            lines.put(line)
        lines.put(None)

    reader = threading.Thread(target=pump, daemon=True)
    reader.start()
    seen: list[str] = []
    try:
        while True:
            line = lines.get(timeout=90)
            assert line is not None, f"the hub stopped: {proc.communicate()[1]}"
            seen.append(line)
            if "Application startup complete" in line:
                break
        # A worker logs its start-up just before it listens: connection refusals are retried.
        with requests.Session() as session:
            session.mount("http://", HTTPAdapter(max_retries=Retry(
                total=None, connect=30, read=0, status=0, backoff_factor=0.05,
                backoff_max=0.5)))
            answer = session.get(f"http://127.0.0.1:{port}/v1/health", timeout=30)
        assert answer.status_code == 200
        assert answer.json()["status"] == "ok"
        # The access line of that request comes before the shutdown lines.
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=60) == 0
        reader.join(timeout=30)
        while (line := lines.get(timeout=5)) is not None:
            seen.append(line)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        for step in cleanup:
            step()
    entries = [json.loads(line) for line in seen if line.strip()]
    assert all(isinstance(e, dict) and {"time", "level", "logger", "message"} <= e.keys()
               for e in entries)
    access = [e for e in entries if e["logger"] == "uvicorn.access"]
    assert [(e["method"], e["path"], e["status"]) for e in access] == [
        ("GET", "/v1/health", 200)]
    # No client address at info level.
    assert "client" not in access[0]
    assert "127.0.0.1:" not in json.dumps(access)
