"""Journalist outreach page in a real browser: a vague sheet gets findings and, fixed to three
sharp points, passes; the "journalist is calling" flow; a call-back logged within the hour
updates the good-client record. The page fixture fails on any request leaving 127.0.0.1."""

import datetime as dt
import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import open_page

pytestmark = pytest.mark.browser

VAGUE = [
    ("I think maybe we should sort of anticipate things", "Things are kind of important"),
    ("Innovative synergies are essential", "It's a game changer"),
    ("We should anticipate things a bit more", "Perhaps it matters"),
    ("The TCO of H2 trucks is quite high", "Reporting is key"),
    ("Stakeholders need best practices and bandwidth", "Together we go further"),
]
SHARP = [
    ("One day of delay costs 2,000 euros per solar site.", "Survey of 40 sites, 2025",
     "Every day without panels costs the price of a used car."),
    ("Storing near the site halves the delays.", "Example: the Lunel park gained 12 days",
     "A warehouse 20 km away beats a promise 800 km away."),
    ("Transformers must be ordered a year ahead.", "Manufacturer delay: 52 weeks",
     "Order the transformer before the permit, not after."),
]
TOPIC = "Solar site supply"


def _open(page, server):
    open_page(page, server, "press.ipynb", ready_selector=".wb-press-readiness")
    expect(page.locator(".wb-press-record-sentence")).to_be_visible()


def _tab(page, title):
    page.locator(".wb-press-tabs .lm-TabBar-tab", has_text=title).click()


def _field(page, css):
    return page.locator(f".{css}").locator("input, textarea").first


def _record(page):
    text = page.locator(".wb-press-record-sentence").inner_text()
    match = re.search(r"(\d+) of (\d+) requests", text)
    return (int(match[1]), int(match[2])) if match else (0, 0)


def test_vague_sheet_then_sharp_then_a_call_logged_within_the_hour(page, server):
    _open(page, server)
    before = _record(page)

    _tab(page, "Topic sheets")
    _field(page, "wb-press-topic").fill(TOPIC)
    _field(page, "wb-press-umbrella").fill(
        "Logistics is sort of a key challenge for renewable energy, I think.")
    page.locator(".wb-press-add-point").click()
    page.locator(".wb-press-add-point").click()
    for number, (point, quote) in enumerate(VAGUE, start=1):
        _field(page, f"wb-press-point-{number}").fill(point)
        _field(page, f"wb-press-quote-{number}").fill(quote)
    findings = page.locator(".wb-press-findings")
    for code in ("too_many_points", "hedging", "fluff", "jargon", "no_proof", "repeated_point"):
        expect(findings.locator(f"li[data-code='{code}']").first).to_be_visible()
    expect(findings).to_contain_text("sort of")
    page.locator(".wb-press-sheet-save").click()
    expect(page.locator(".wb-press-sheet-status")).to_contain_text("saved as written")

    _field(page, "wb-press-umbrella").fill(
        "One solar site in three runs late because parts arrive too late.")
    for number in range(1, 6):
        point, proof, quote = SHARP[number - 1] if number <= 3 else ("", "", "")
        _field(page, f"wb-press-point-{number}").fill(point)
        _field(page, f"wb-press-proof-{number}").fill(proof)
        _field(page, f"wb-press-quote-{number}").fill(quote)
    expect(findings.locator(".wb-press-pass")).to_be_visible()
    expect(findings.locator("li[data-code]")).to_have_count(0)
    page.locator(".wb-press-sheet-save").click()
    expect(page.locator(".wb-press-sheet-status")).to_contain_text("ready for a journalist")

    _tab(page, "A journalist is calling")
    page.locator(".wb-press-calling-sheet select").select_option(label=TOPIC)
    page.locator(".wb-press-calling-start").click()
    expect(page.locator(".wb-press-countdown")).to_contain_text("left to prepare")
    expect(page.locator(".wb-press-card")).to_contain_text("Storing near the site")
    expect(page.locator(".wb-press-reminders")).to_contain_text("re-read the article")
    received = dt.datetime.now() - dt.timedelta(minutes=25)
    _field(page, "wb-press-calling-received").fill(received.strftime("%Y-%m-%d %H:%M"))
    _field(page, "wb-press-calling-subject").fill("Delays on solar sites")
    page.locator(".wb-press-calling-log").click()
    expect(page.locator(".wb-press-calling-status")).to_contain_text("within your 60-min target")

    _tab(page, "Readiness")
    expect(page.locator(".wb-press-record-sentence")).to_contain_text(
        f"{before[0] + 1} of {before[1] + 1} requests")
    expect(page.locator(".wb-press-readiness-sheets")).to_contain_text(TOPIC)


def test_hostile_text_in_a_sheet_stays_text(page, server):
    _open(page, server)
    _tab(page, "Topic sheets")
    attack = "<img src=x onerror=\"document.title='pwned'\">KPI ROI 🎙️"
    _field(page, "wb-press-topic").fill(attack)
    _field(page, "wb-press-umbrella").fill(attack)
    findings = page.locator(".wb-press-findings")
    expect(findings.locator("li[data-code='jargon']").first).to_be_visible()
    page.locator(".wb-press-sheet-save").click()
    expect(page.locator(".wb-press-sheet-status")).to_contain_text("<img src=x")
    _tab(page, "Readiness")
    expect(page.locator(".wb-press-readiness-sheets")).to_contain_text("<img src=x")
    assert page.locator(".wb-press-tabs img").count() == 0
    assert page.title() != "pwned"


def test_the_charts_draw_offline_when_opened(page, server):
    _open(page, server)
    assert page.locator(".wb-press-charts .main-svg").count() == 0    # plotly not loaded yet
    page.locator(".wb-press-charts").get_by_text("Charts").click()
    expect(page.locator(".wb-press-charts .main-svg").first).to_be_visible(timeout=60_000)
    expect(page.locator(".wb-press-charts")).to_contain_text("Call-back times")
    expect(page.locator(".wb-press-charts")).to_contain_text("Podcast")   # outlets by medium
