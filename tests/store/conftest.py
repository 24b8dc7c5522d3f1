"""Every store test runs against SQLite and against a real PostgreSQL server."""
from __future__ import annotations

from pathlib import Path
from typing import Iterator

import pytest

from rasd.store import Store
from storekit import BACKENDS, fresh_db, pg_unavailable


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    if request.param == "postgresql" and (reason := pg_unavailable()):
        pytest.skip(reason)
    return request.param


@pytest.fixture
def db_url(backend: str, tmp_path: Path) -> Iterator[str]:
    """A fresh, empty database of the current backend."""
    with fresh_db(backend, tmp_path) as url:
        yield url


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    with Store.open(db_url) as s:
        yield s
