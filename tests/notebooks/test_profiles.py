"""Every notebook run as Voilà runs it, on the profiles a real user brings besides the demo
(nbval runs them on the demo): a brand-new empty profile, and 30,000 contacts with a year
of exchanges and a few bad rows left by an older workbook. No cell may fail and no page
may answer with an error sentence instead of its content."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from tests.large_profile import CONTACTS, fill_large_profile
from workbook.escaping import escape_html
from workbook.paths import notebooks_dir
from workbook.store import open_profile, transaction

NOTEBOOKS = sorted(p.name for p in notebooks_dir().glob("*.ipynb"))
TODAY = dt.date.today()


def _large_profile(name: str) -> None:
    """30,000 contacts (a LinkedIn export's worth) sorted, tagged and followed for a year,
    plus bad rows: a two-digit year, a date that does not exist, text in a date."""
    conn = open_profile(name)
    fill_large_profile(conn, CONTACTS, TODAY)
    with transaction(conn):
        # What an older workbook let through
        conn.execute("INSERT INTO interactions(contact_id, occurred_on, kind) VALUES"
                     " (1, '0026-03-10', 'coffee'), (2, '2026-02-31', 'call'),"
                     " (3, 'last tuesday', 'message')")
        conn.execute("UPDATE contacts SET birthday = '31/02', connected_on = '0208-07-08'"
                     " WHERE id IN (4, 5)")
    conn.close()


@pytest.fixture(scope="module")
def profiles(tmp_path_factory):
    home = tmp_path_factory.mktemp("profiles-home")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("WORKBOOK_HOME", str(home))
        open_profile("empty").close()
        _large_profile("large")
    return home


def _error_sentences(nb) -> list[str]:
    """Texts of widgets that show a page's or a callback's failure sentence (the
    catalogue's `common.error_*`) instead of the page. A page may still warn about what it
    had to leave out (a bad row), in its own words."""
    from workbook.i18n import LANGUAGES, catalogue

    failures = [text for lang in LANGUAGES for key, text in catalogue(lang).items()
                if key.startswith("common.error_")]
    state = nb.metadata.get("widgets", {}).get(
        "application/vnd.jupyter.widget-state+json", {}).get("state", {})
    found = []
    for model in state.values():
        value = model.get("state", {}).get("value")
        if isinstance(value, str) and any(escape_html(f) in value or f in value
                                          for f in failures):
            found.append(value)
    return found


@pytest.mark.parametrize("profile", ["empty", "large"])
@pytest.mark.parametrize("notebook", NOTEBOOKS)
def test_every_page_opens_on_an_empty_and_a_large_profile_with_bad_rows(
        notebook, profile, profiles, monkeypatch):
    monkeypatch.setenv("WORKBOOK_HOME", str(profiles))
    monkeypatch.setenv("WORKBOOK_PROFILE", profile)
    path = Path(notebooks_dir()) / notebook
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(nb, timeout=300, kernel_name="python3", store_widget_state=True,
                            resources={"metadata": {"path": str(path.parent)}})
    client.execute()
    errors = [output for cell in nb.cells for output in cell.get("outputs", [])
              if output.get("output_type") == "error"]
    assert not errors, json.dumps(errors, ensure_ascii=False)[:3000]
    assert not _error_sentences(nb), _error_sentences(nb)[:3]
