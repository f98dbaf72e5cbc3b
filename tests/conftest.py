"""Suite-wide test set-up: Qt runs offscreen, no test touches the real user data dir, and a
live hub fixture for any package's tests. Keep this small; package fixtures live beside the
package's tests."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_QUICK_BACKEND", "software")
# Keyring must never reach a real keychain from tests.
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
# Nor a machine-wide settings file of the machine the tests run on: a folder that has none.
os.environ.setdefault("FIELDNOTE_SITE_CONFIG_DIR",
                      str(Path(__file__).resolve().parent / "data" / "no-machine-settings"))

from tests.support.live_hub import LiveHub, start_live_hub  # noqa: E402
from tests.support.one_at_a_time import hold_lock, run_folder  # noqa: E402


@pytest.fixture(autouse=True)
def _many_connections_one_at_a_time(request: pytest.FixtureRequest,
                                    tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Tests marked `many_connections` hold many PostgreSQL connections at once; they take a
    lock shared by every test process of the run, so no two of them overlap (the server
    allows 100 connections)."""
    if request.node.get_closest_marker("many_connections") is None:
        yield
        return
    with hold_lock(run_folder(tmp_path_factory) / "many-connections.lock"):
        yield


@pytest.fixture
def live_hub(tmp_path: Path) -> Iterator[LiveHub]:
    """A real hub on loopback with a fresh SQLite database; add users with `add_user`."""
    hub = start_live_hub(tmp_path)
    try:
        yield hub
    finally:
        hub.stop()


@pytest.fixture(autouse=True)
def _english_formats() -> Iterator[None]:
    """Every test starts in en_US formats whatever the machine's locale; a test that sets
    another (`app_locale`) gets en_US back afterwards."""
    from desktop.locale import apply_locale

    apply_locale("en_US")
    yield
    apply_locale("en_US")


@pytest.fixture
def app_locale() -> Iterator[Callable[[str], None]]:
    """Switch the app's formats to a locale ("de_DE") for this test; en_US comes back after."""
    from desktop.locale import apply_locale

    yield lambda name: apply_locale(name) and None
    apply_locale("en_US")
