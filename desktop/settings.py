"""The app's settings, declared once with their types and defaults, stored as JSON in the data dir.

Widgets never invent string keys: they read and write the attributes of `Settings`. The file is
written atomically (temp file, fsync, rename), and older setting files are upgraded by version.
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
    debrief_autosave_ms: int = 2000  # a draft is saved this long after typing stops
    locale: str = ""  # "" = the system's; else a locale name such as "de_DE"
    capture_autosave_ms: int = 600  # an unsaved capture is kept this long after the last change
    extra: dict[str, Any] = field(default_factory=dict)  # settings of newer versions, kept

    path: Path | None = field(default=None, repr=False, compare=False)

    @classmethod
    def load(cls, data_dir: Path) -> Settings:
        path = data_dir / SETTINGS_FILE
        settings = cls(path=path)
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
        known = {f.name: f for f in fields(cls) if f.name not in ("path", "extra")}
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
        values = {k: v for k, v in asdict(self).items() if k not in ("path", "extra")}
        values.update(self.extra)
        payload = json.dumps({"version": SETTINGS_VERSION, "values": values}, indent=2)
        atomic_write(self.path, payload.encode("utf-8"))


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
