"""pytest plugin: every test session gets its own WORKBOOK_HOME holding a demo profile.

nbval's kernels inherit this environment, so each notebook runs against realistic data and
no test ever touches a real user's data directory."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path


def pytest_configure(config):
    home = Path(tempfile.mkdtemp(prefix="workbook-test-home-"))
    config._workbook_previous_env = {k: os.environ.get(k) for k in
                                     ("WORKBOOK_HOME", "WORKBOOK_PROFILE", "WORKBOOK_LANG")}
    os.environ.update(WORKBOOK_HOME=str(home), WORKBOOK_PROFILE="demo", WORKBOOK_LANG="en")
    config._workbook_home = home

    from workbook.demo import fill_demo
    from workbook.store import open_profile

    conn = open_profile("demo")
    try:
        fill_demo(conn)
    finally:
        conn.close()


def pytest_unconfigure(config):
    home = getattr(config, "_workbook_home", None)
    if home:
        shutil.rmtree(home, ignore_errors=True)
    for key, value in getattr(config, "_workbook_previous_env", {}).items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value
