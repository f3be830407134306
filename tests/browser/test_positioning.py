"""Positioning page in a real browser: live score while typing, and a saved version that
survives a reload."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import open_page

pytestmark = pytest.mark.browser

STEPS = ("target-role", "sector", "problem", "audience", "deliverable", "difference")
VAGUE = "Versatile professional, open to any opportunity in various industries"
FOCUSED = {"target-role": "Payroll controller", "audience": "CFOs of mid-size food manufacturers",
           "deliverable": "I cut the month-end close from 10 to 5 days"}


def _field(page, step):
    return page.locator(f".wb-positioning-field-{step}").locator("input, textarea")


def _score(page) -> int:
    return int(page.locator(".wb-positioning-score-value").inner_text())


def test_vague_then_focused_statement_then_reload_finds_the_version(page, server):
    open_page(page, server, "positioning.ipynb", ready_selector=".wb-positioning-score-value")
    before = page.locator(".wb-positioning-last-version").inner_text()
    saved_count = int(re.search(r"\((\d+) in all\)", before)[1])
    for step in STEPS:
        _field(page, step).fill("")
    _field(page, "target-role").press_sequentially(VAGUE[:20], delay=15)  # real keystrokes
    _field(page, "target-role").fill(VAGUE)

    findings = page.locator(".wb-positioning-findings")
    expect(findings.locator("li[data-code='vague_words']")).to_be_visible()
    expect(findings).to_contain_text("Versatile")
    expect(page.locator(".wb-positioning-score-value")).to_have_text(re.compile(r"^[0-4]?\d$"))
    vague_score = _score(page)
    assert vague_score < 50
    expect(page.locator(".wb-positioning-level-vague")).to_be_visible()

    for step, text in FOCUSED.items():
        _field(page, step).fill(text)
    expect(page.locator(".wb-positioning-level-focused")).to_be_visible()
    assert _score(page) >= 75 > vague_score
    expect(findings.locator("li[data-code='vague_words']")).to_have_count(0)
    one_liner = page.locator(".wb-positioning-one-liner textarea")
    expect(one_liner).to_have_value(
        "Payroll controller for CFOs of mid-size food manufacturers: "
        "I cut the month-end close from 10 to 5 days.")

    page.locator(".wb-positioning-save").click()
    expect(page.locator(".wb-positioning-status")).to_contain_text("Version saved")
    expect(page.locator(".wb-positioning-last-version")).to_contain_text(
        f"({saved_count + 1} in all)")

    page.reload()
    open_page(page, server, "positioning.ipynb", ready_selector=".wb-positioning-score-value")
    expect(page.locator(".wb-positioning-last-version")).to_contain_text(
        f"({saved_count + 1} in all)")
    expect(_field(page, "target-role")).to_have_value("Payroll controller")
    expect(one_liner).to_have_value(re.compile("^Payroll controller for CFOs"))
    assert _score(page) >= 75
    page.get_by_text("Progress and versions").click()
    expect(page.locator(".wb-positioning-history .main-svg").first).to_be_visible(timeout=30_000)
    expect(page.locator(".wb-positioning-compare")).to_contain_text("Score")


def test_user_text_is_shown_as_text_and_the_card_downloads(page, server):
    """Tags typed into the form stay text (finding, card, export); the Markdown file downloads."""
    open_page(page, server, "positioning.ipynb", ready_selector=".wb-positioning-score-value")
    attack = "<img src=x onerror=\"document.title='pwned'\">Payroll controller"
    _field(page, "target-role").fill(attack)
    findings = page.locator(".wb-positioning-findings")
    expect(findings.locator("li[data-code='markup']")).to_be_visible()
    expect(findings).to_contain_text("<img src=x")
    assert page.locator(".wb-positioning img").count() == 0
    assert page.title() != "pwned"

    page.get_by_text("Export (LinkedIn, CV)").click()
    page.locator(".wb-positioning-export-format").get_by_role("button", name="Markdown").click()
    expect(page.locator(".wb-positioning-export-text textarea")).to_have_value(
        re.compile(r"\\<img src=x"))
    with page.expect_download() as info:
        page.locator(".wb-positioning-download[download='positioning.md']").click()
    content = open(info.value.path(), encoding="utf-8").read()
    assert content.startswith("## My positioning") and r"\<img src=x" in content
    _field(page, "target-role").fill("Payroll controller")  # leave the draft clean
    expect(findings.locator("li[data-code='markup']")).to_have_count(0)
