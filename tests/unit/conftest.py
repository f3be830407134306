"""Fixtures shared by the unit tests."""

import pytest

from workbook.store import open_path


@pytest.fixture
def conn(tmp_path):
    """A migrated profile in a real SQLite file of the test's own."""
    connection = open_path(tmp_path / "profile.sqlite")
    yield connection
    connection.close()
