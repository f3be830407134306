"""`workbook press`: readiness and the good-client record, the same figures as the page."""

import datetime as dt
import html

import pytest

from workbook.cli import main
from workbook.demo import fill_demo
from workbook.domain.press import entry_guards
from workbook.services.press import press_figures
from workbook.store import open_profile
from workbook.ui.common import open_page_context
from workbook.ui.press import PressPage

TODAY = dt.date(2026, 11, 23)


@pytest.fixture
def demo(tmp_path, monkeypatch):
    monkeypatch.setenv("WORKBOOK_HOME", str(tmp_path))
    conn = open_profile("demo")
    fill_demo(conn, today=TODAY)
    conn.close()
    return tmp_path


def test_press_prints_readiness_and_the_record(demo, capsys):
    assert main(["press", "--profile", "demo", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "Journalist outreach — Camille Durand" in out
    assert "Reachable at: 06 12 34 56 78" in out and "Call-back target: 60 min" in out
    assert "Topic sheets ready: 2 of 3" in out
    assert "[ ] Logistique de l'hydrogène" in out
    assert "4 of 5 requests answered within 60 min." in out
    assert "All journalists: 5 requests, within target 80%, median call-back 28 min" in out
    assert "Marc Leguen: 1 requests, within target 0%" in out


def test_the_command_and_the_page_show_the_same_figures(demo, capsys):
    main(["press", "--profile", "demo", "--lang", "fr"])
    out = capsys.readouterr().out
    page = PressPage(open_page_context("demo", "fr"),
                     now=lambda: dt.datetime.combine(TODAY, dt.time(18)))
    conn = page.ctx.conn
    record = press_figures(conn, "fr").record
    sentence = f"{record.within_target} sur {record.requests} demandes rappelées"
    assert sentence in out and sentence in html.unescape(page.readiness.record.value)
    assert "80\u00a0%" in out and "80\u00a0%" in html.unescape(page.readiness.record.value)
    conn.close()


def test_demo_media_history_is_realistic(demo):
    conn = open_profile("demo")
    figures = press_figures(conn, "fr")
    times = sorted(e.response_minutes for e in figures.entries if e.kind == "request")
    assert times[0] < 60 < times[-1]                        # fast answers and one slow one
    assert figures.record.quoted >= 1
    assert any(g.code == "reread_caught" for e in figures.entries for g in entry_guards(e))
    assert conn.execute("SELECT COUNT(*) FROM visibility_plan").fetchone()[0] >= 3
    conn.close()


def test_press_refuses_a_missing_profile(demo, capsys):
    assert main(["press", "--profile", "nobody"]) == 2
    assert capsys.readouterr().err.count("\n") == 1
