import pytest

from desktop.store import open_store
from desktop.store.insights import InsightsQueries
from tests.desktop.insights import fixture_data


@pytest.fixture
def store(tmp_path):
    store = open_store(tmp_path / "fieldnote.sqlite3")
    fixture_data.load(store)
    yield store
    store.engine.dispose()


@pytest.fixture
def insights(store):
    queries = InsightsQueries(store.engine)
    yield queries
    queries.dispose()
