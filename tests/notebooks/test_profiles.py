"""Every notebook run as Voilà runs it, on the profiles a real user brings besides the demo
(nbval runs them on the demo): a brand-new empty profile, and 30,000 contacts with a year
of exchanges and a few bad rows left by an older workbook. No cell may fail and no page
may answer with an error sentence instead of its content."""

from __future__ import annotations

import datetime as dt
import json
import random
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from workbook.paths import notebooks_dir
from workbook.store import open_profile, transaction

NOTEBOOKS = sorted(p.name for p in notebooks_dir().glob("*.ipynb"))
TODAY = dt.date.today()
CONTACTS = 30_000


def _large_profile(name: str) -> None:
    """30,000 contacts (a LinkedIn export's worth) sorted, tagged and followed for a year,
    plus bad rows: a two-digit year, a date that does not exist, text in a date."""
    from workbook.domain.vocabulary import INTERACTION_KINDS, ROLES, SORTED_LAYERS
    from workbook.store import network as network_store

    rng = random.Random(7)
    conn = open_profile(name)
    with transaction(conn):
        conn.executemany("INSERT INTO organisations(name, name_key) VALUES (?, ?)",
                         [(f"Entreprise {i}", f"entreprise {i}") for i in range(1500)])
        conn.executemany(
            "INSERT INTO contacts(full_name, organisation_id, position, layer, tie_strength,"
            " mutual_connections, connected_on, source) VALUES (?, ?, ?, ?, ?, ?, ?, 'linkedin')",
            [(f"Prénom{i % 400} Nom{i}", rng.randint(1, 1500), "Chef de projet",
              rng.choice(SORTED_LAYERS) if rng.random() < 0.3 else "unsorted",
              rng.randint(1, 5), rng.randint(0, 60),
              (TODAY - dt.timedelta(days=rng.randint(30, 6000))).isoformat())
             for i in range(CONTACTS)])
        conn.executemany("INSERT OR IGNORE INTO contact_roles VALUES (?, ?)",
                         [(rng.randint(1, CONTACTS), rng.choice(ROLES)) for _ in range(10_000)])
        conn.executemany(
            "INSERT INTO interactions(contact_id, occurred_on, kind) VALUES (?, ?, ?)",
            [(rng.randint(1, CONTACTS), (TODAY - dt.timedelta(days=rng.randint(1, 365)))
              .isoformat(), rng.choice(INTERACTION_KINDS)) for _ in range(60_000)])
        for i in range(25):
            network_store.save_target(conn, f"Entreprise {i}", motivation=rng.randint(0, 3))
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
    """Texts of widgets that show a page's error sentence instead of the page."""
    state = nb.metadata.get("widgets", {}).get(
        "application/vnd.jupyter.widget-state+json", {}).get("state", {})
    found = []
    for model in state.values():
        value = model.get("state", {}).get("value")
        if isinstance(value, str) and 'class="wb-status-error"' in value:
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
