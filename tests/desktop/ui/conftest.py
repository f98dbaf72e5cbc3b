import pytest

from desktop.settings import Settings
from desktop.store import open_store
from desktop.store.queries import RecordQueries
from desktop.tasks import TaskRunner
from desktop.ui.services import RecordChanges, Services


@pytest.fixture
def services(tmp_path, qapp):
    """The window's services over a fresh store in `tmp_path`."""
    store = open_store(tmp_path / "fieldnote.sqlite3")
    changes = RecordChanges()
    store.add_listener(changes.on_store_commit)
    tasks = TaskRunner()
    yield Services(store, RecordQueries(store.engine), tasks, Settings.load(tmp_path), changes, tmp_path)
    tasks.shutdown()
    store.engine.dispose()
