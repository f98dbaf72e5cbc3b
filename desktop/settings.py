"""The app's settings, declared once with their types and defaults, stored as JSON in the data dir.

Widgets never invent string keys: they read and write the attributes of `Settings`. The file is
written atomically (temp file, fsync, rename), and older setting files are upgraded by version.

Before the user's file, a machine-wide file in the platform's site config directory is read
(`machine_settings_path`): there a company's IT pre-sets the hub, its CA bundle and the theme
for everyone on the machine. The user's file overrides it; a value the user never changed is
not written to the user's file, so it keeps following the machine's.
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

SETTINGS_FILE = "settings.json"
# The settings a machine-wide file may pre-set, and the environment variable that names another
# directory for it (for tests and for trying a file out before rolling it out).
MACHINE_KEYS = ("hub_url", "hub_ca_bundle", "theme")
SITE_CONFIG_ENV = "FIELDNOTE_SITE_CONFIG_DIR"
THEMES = ("light", "dark")
SETTINGS_VERSION = 2
# The smallest window (width, height) every page is laid out for, in every language: the main
# window's minimum and the least `--size` takes (docs/accessibility.md).
MIN_WINDOW_SIZE = (800, 600)


@dataclass
class Settings:
    """Typed user settings; every attribute here is a setting and has a default."""

    window_geometry: str = ""  # base64 of QWidget.saveGeometry()
    last_page: str = "leads"
    theme: str = "light"  # light | dark
    sync_interval_s: int = 60
    # The region for phone numbers typed without +country; "" = the event's country, else the
    # system locale's (fieldnote.leads.phone_region).
    phone_region: str = ""
    consent_text_version: str = "2026-01"
    consent_text: str = (
        "May we contact you about our products and events? You can withdraw at any time."
    )
    cache_limit_mb: int = 2048
    current_event_id: str = ""
    hub_ca_bundle: str = ""  # a company CA bundle for TLS to the hub
    hub_url: str = ""  # the hub offered for signing in when none is signed in yet
    debrief_autosave_ms: int = 2000  # a draft is saved this long after typing stops
    locale: str = ""  # "" = the system's; else a locale name such as "de_DE"
    capture_autosave_ms: int = 600  # an unsaved capture is kept this long after the last change
    # Keep the local database encrypted (SQLCipher, key in the OS keychain; docs/privacy.md).
    # Applied when the store is next opened, or at once by `fieldnote settings set`.
    encrypt_database: bool = False
    camera_id: str = ""  # the camera the capture screen scans with ("" = the first one)
    extra: dict[str, Any] = field(default_factory=dict)  # settings of newer versions, kept

    path: Path | None = field(default=None, repr=False, compare=False)
    # The values the machine-wide file set (MACHINE_KEYS only), under the user's.
    machine: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def load(cls, data_dir: Path) -> Settings:
        path = data_dir / SETTINGS_FILE
        settings = cls(path=path)
        settings.machine = load_machine_settings()
        for name, value in settings.machine.items():
            setattr(settings, name, value)
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return settings
        except (OSError, ValueError) as exc:
            log.warning("settings file unreadable (%s); using defaults", exc)
            return settings
        if not isinstance(raw, dict):
            return settings
        raw = _upgrade(raw)
        known = {f.name: f for f in fields(cls) if f.name not in _NOT_SETTINGS}
        for name, value in raw.get("values", {}).items():
            f = known.get(name)
            default = getattr(settings, name, None) if f else None
            if f is None:
                settings.extra[name] = value
            elif isinstance(value, type(default)) and not isinstance(value, bool) or (
                isinstance(default, bool) and isinstance(value, bool)
            ):
                setattr(settings, name, value)
            else:
                log.warning("setting %s has a value of the wrong type; default kept", name)
        return settings

    def save(self) -> None:
        if self.path is None:
            return
        values = {k: v for k, v in asdict(self).items() if k not in _NOT_SETTINGS
                  and not (k in self.machine and self.machine[k] == v)}
        values.update(self.extra)
        payload = json.dumps({"version": SETTINGS_VERSION, "values": values}, indent=2)
        atomic_write(self.path, payload.encode("utf-8"))


_NOT_SETTINGS = ("path", "extra", "machine")


def machine_settings_path() -> Path:
    """The machine-wide settings file: `settings.json` in the site config directory
    (/etc/xdg/fieldnote on Linux, /Library/Application Support/fieldnote on macOS,
    C:\\ProgramData\\Fieldnote\\fieldnote on Windows), or in $FIELDNOTE_SITE_CONFIG_DIR."""
    override = os.environ.get(SITE_CONFIG_ENV)
    if override:
        return Path(override) / SETTINGS_FILE
    from platformdirs import site_config_dir

    return Path(site_config_dir("fieldnote", "Fieldnote")) / SETTINGS_FILE


def load_machine_settings(path: Path | None = None) -> dict[str, Any]:
    """The values of the machine-wide file; none when there is no file. A file that cannot be
    used (unreadable, not JSON, a setting it may not set, a value of the wrong kind) is reported
    in one line and ignored as a whole, so the app starts as if it were not there."""
    path = machine_settings_path() if path is None else path
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as exc:
        log.warning("machine settings %s ignored: %s", path, _one_line(exc))
        return {}
    problem = _machine_problem(raw)
    if problem:
        log.warning("machine settings %s ignored: %s", path, problem)
        return {}
    values: dict[str, Any] = _upgrade(dict(raw))["values"]
    return values


def _machine_problem(raw: Any) -> str:
    if not isinstance(raw, dict):
        return "not a JSON object"
    values = _upgrade(dict(raw)).get("values")
    if not isinstance(values, dict):
        return '"values" is not an object'
    for name, value in values.items():
        if name not in MACHINE_KEYS:
            return f"{name!r} cannot be set machine-wide (only {', '.join(MACHINE_KEYS)})"
        if not isinstance(value, str):
            return f"{name} must be a string"
    if values.get("theme", "light") not in THEMES:
        return f"theme must be one of {', '.join(THEMES)}"
    return ""


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split()) or type(exc).__name__


def _upgrade(raw: dict[str, Any]) -> dict[str, Any]:
    """Bring a settings file of an older version up to SETTINGS_VERSION."""
    version = raw.get("version", 0)
    if version == 0:  # unversioned: a flat mapping of values
        raw = {"version": 1, "values": {k: v for k, v in raw.items() if k != "version"}}
        version = 1
    if version == 1:
        # Version 1 wrote its default phone region "US" whether or not anyone chose it: it now
        # means "automatic" (event, then system locale). Any other region was a choice and stays.
        values = dict(raw.get("values") or {})
        if values.get("phone_region") == "US":
            values["phone_region"] = ""
        raw = {"version": 2, "values": values}
    return raw


def atomic_write(path: Path, data: bytes) -> None:
    """Write `data` to `path` so a reader sees the old file or the new one, never half."""
    path.parent.mkdir(parents=True, exist_ok=True)
    import tempfile  # only when saving: not on the way to the first paint

    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
