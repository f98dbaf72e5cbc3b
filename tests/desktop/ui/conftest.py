import pytest

from desktop.settings import Settings
from desktop.startup import build_services
from desktop.store import open_store
from desktop.tasks import TaskRunner
from desktop.ui.services import RecordChanges


@pytest.fixture
def services(tmp_path, qapp):
    """The window's services over a fresh store in `tmp_path`."""
    store = open_store(tmp_path / "fieldnote.sqlite3")
    changes = RecordChanges()
    store.add_listener(changes.on_store_commit)
    tasks = TaskRunner()
    yield build_services(store, tasks, Settings.load(tmp_path), changes, tmp_path)
    tasks.shutdown()
    store.engine.dispose()
