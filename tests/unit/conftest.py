"""Fixtures shared by the unit tests."""

import logging

import pytest
from hypothesis import settings

from workbook.store import open_path

# Property tests over outside input: a few dozen examples each in `make test` (seconds), many
# more in `make fuzz` (`--hypothesis-profile=fuzz`). No deadline: a slow example on a busy
# machine is not a failure.
settings.register_profile("default", max_examples=30, deadline=None)
settings.register_profile("fuzz", max_examples=3000, deadline=None)
settings.load_profile("default")          # `--hypothesis-profile` loads another after this


@pytest.fixture
def conn(tmp_path):
    """A migrated profile in a real SQLite file of the test's own."""
    connection = open_path(tmp_path / "profile.sqlite")
    yield connection
    connection.close()


class _Collect(logging.Handler):
    def __init__(self):
        super().__init__(logging.ERROR)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@pytest.fixture(autouse=True)
def callbacks_must_not_fail(request):
    """A page callback that raises is turned into a sentence for the user (`guarded`), so a
    broken button would pass any test that only looks at the page. Every test fails when a
    callback logged an exception, unless it is marked `callback_error_expected`."""
    collect = _Collect()
    logger = logging.getLogger("workbook.ui.callbacks")
    logger.addHandler(collect)
    try:
        yield collect.records
    finally:
        logger.removeHandler(collect)
    if collect.records and not request.node.get_closest_marker("callback_error_expected"):
        first = collect.records[0]
        detail = logging.Formatter().formatException(first.exc_info) if first.exc_info else ""
        pytest.fail(f"a page callback failed: {first.getMessage()}\n{detail}")
