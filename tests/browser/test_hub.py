"""The coaching organisation's deployment (deploy/jupyterhub/) on a real JupyterHub.

Three real Unix users (a coach and two job seekers) log in through PAM in headless Chromium;
LocalProcessSpawner starts one single-user server per person under their own account, as the
README's production set-up does. Needs root (to create the users; CI runs as root), PAM, setfacl
(the `acl` package: the drop folders are refused without it) and configurable-http-proxy, which
is installed from npm into a cache when missing (see tests/real_hub.py); outside CI, a missing
one skips the test saying what to install. The hub, every
server it started and the users are removed at the end, whatever happens.
"""

from __future__ import annotations

import grp
import json
import os
import pwd
import re
import secrets
import shutil
import stat
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

import pytest

from tests import real_hub
from tests.browser.conftest import ANYWIDGET_SLOW_START, CELL_ERROR, _is_problem

pytestmark = [pytest.mark.browser, pytest.mark.slow]

GROUP = "hubtest"
COACH, ANN, BOB = "wbhub-coach", "wbhub-ann", "wbhub-bob"
# user → (language, display name, demo data?)
PEOPLE = {COACH: ("en", "Carla Coach", False), ANN: ("en", "Ann Example", True),
          BOB: ("fr", "Bob Exemple", False)}
HOME_TITLE = {"en": "Your pages", "fr": "Vos pages"}
FIRST_STEPS = {"en": "Start here", "fr": "Pour commencer"}  # what an empty profile shows
TEMPLATE_MARK = "max-width: 1150px"  # a rule only the workbook's own Voilà template has
LOGIN_TIMEOUT_MS = 150_000
# Whose "server starting" page has its own script fail to load, as it does on a busy machine.
SCRIPT_FAILS_FOR = BOB
USER_PYTHON = Path(sys.executable)  # replaced by the hub fixture with the users' environment's


def _require_hub() -> None:
    """What the hub test needs is not here: a failure in CI (which installs it), a skip
    saying what to install anywhere else (a fresh machine runs `make test` as it is)."""
    reason = real_hub.missing()
    if reason:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"{reason} (CI installs it: .ci/run)")
        pytest.skip(reason)


@dataclass
class Hub:
    """The running hub, the card drop folders, each person's password and the figures."""
    real: real_hub.Hub
    cards: Path
    passwords: dict[str, str]
    figures: dict[str, dict] = field(default_factory=dict)

    @property
    def base(self) -> str:
        return self.real.base

    @property
    def log(self) -> Path:
        return self.real.log

    def proxy_pid(self) -> int | None:
        return self.real.proxy_pid()

    def stop(self) -> list[str]:
        return self.real.stop(PEOPLE)


@pytest.fixture(scope="module")
def hub():
    _require_hub()
    proxy = real_hub.proxy_command()
    root = Path(tempfile.mkdtemp(prefix="wbhub-"))
    root.chmod(0o711)  # the users reach the drop folders below it, nothing else
    state = root / "state"
    state.mkdir(mode=0o700)
    cards = root / "cards"
    passwords = {user: secrets.token_urlsafe(12) for user in PEOPLE}
    groups = state / "groups.json"
    groups.write_text(json.dumps({"groups": {GROUP: {"coach": COACH, "members": [ANN, BOB]}}}))
    running = None
    global USER_PYTHON
    try:
        user_env = real_hub.user_environment(root)
        USER_PYTHON = user_env / "bin" / "python"
        real_hub.add_users(passwords)
        reach = _as_user(ANN, "import workbook, jupyterhub")
        assert reach.returncode == 0, (
            f"a Unix user cannot run {USER_PYTHON} (the hub's users need read access to "
            f"the environment and the checkout):\n{reach.stderr}")
        for user, (lang, name, demo) in PEOPLE.items():
            real_hub.seed_profile(user, USER_PYTHON, lang=lang, name=name, demo=demo,
                                  group=GROUP if user == COACH else None,
                                  roster=("Ann Example", "Bob Exemple"))
        running = real_hub.start_hub(state, proxy, {
            "WORKBOOK_USER_ENV": str(user_env), "WORKBOOK_GROUPS": str(groups),
            "WORKBOOK_CARD_DROP": str(cards)}, config=_test_config(state))
        hub = Hub(real=running, cards=cards, passwords=passwords)
        yield hub
        if hub.figures:
            print("\nhub figures:", json.dumps(hub.figures, indent=1))
    finally:
        if running is not None:
            running.stop(PEOPLE)
        for user in PEOPLE:
            real_hub.remove_user(user)
        subprocess.run(["groupdel", f"wbdrop-{GROUP}"], capture_output=True)
        shutil.rmtree(root, ignore_errors=True)


def _test_config(state: Path) -> Path:
    """The deployment's configuration, unchanged but for one thing: the hub shows the "server
    starting" page however quickly a server starts, so that every login passes through it."""
    config = state / "jupyterhub_config.py"
    config.write_text(f"load_subconfig({str(real_hub.CONFIG)!r})\n"
                      "c.JupyterHub.tornado_settings.update({'slow_spawn_timeout': 0})\n")
    return config


def _as_user(user: str, code: str) -> subprocess.CompletedProcess:
    return real_hub.as_user(user, code, USER_PYTHON)


def _rss_mb(uid: int) -> float:
    return real_hub.memory_mb(uid)["rss"]


@dataclass
class Visit:
    """One person's browser session on the hub: their first page as it loaded, what went wrong
    on it, and the session (cookies) for later requests."""
    context: object
    url: str = ""
    content: str = ""
    foreign: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    console: list[str] = field(default_factory=list)
    slow_widgets: list[str] = field(default_factory=list)
    waited_on: list[str] = field(default_factory=list)  # hub pages passed through
    blocked: list[str] = field(default_factory=list)  # requests failed on purpose


def _watch(tab) -> tuple[list[str], list[str], list[str]]:
    """What goes wrong on a tab (problems), anywidget's slow starts, and its console."""
    problems, slow, console = [], [], []
    tab.on("console", lambda m: console.append(f"{m.type}: {m.text[:300]}"))
    tab.on("console", lambda m: problems.append(f"console.{m.type}: {m.text}")
           if m.type == "error" and not m.text.startswith("Failed to load resource") else None)
    # anywidget's 2 s start-up limit on a starved CPU: counted, not failed on (see conftest).
    tab.on("pageerror", lambda error: (slow if str(error) == ANYWIDGET_SLOW_START
                                       else problems).append(f"page error: {error}"))
    tab.on("response", lambda r: problems.append(f"HTTP {r.status} for {r.url}")
           if _is_problem(r) else None)
    return problems, slow, console


def _open(visit: Visit, hub: Hub, user: str, notebook: str, ready: str):
    """One of `user`'s pages, in their logged-in session; returns the tab and its problems."""
    tab = visit.context.new_page()
    problems, _slow, _console = _watch(tab)
    tab.goto(f"{hub.base}/user/{user}/voila/render/{notebook}")
    tab.wait_for_selector(f"{ready}, :text('{CELL_ERROR}')")
    assert CELL_ERROR not in tab.content(), f"a cell failed in {user}'s {notebook}"
    return tab, problems


def _log_in(browser, hub: Hub, user: str) -> Visit:
    """Log `user` in and wait for their first page; return it as it stood once drawn. The tab
    is closed afterwards, so that the next person's page loads on a quieter machine."""
    context = browser.new_context(viewport={"width": 1280, "height": 1600})
    context.set_default_timeout(LOGIN_TIMEOUT_MS)
    visit = Visit(context)

    def _route(route):
        url = route.request.url
        if user == SCRIPT_FAILS_FOR and "/static/js/jhapi" in url:
            visit.blocked.append(url)  # the hub's script for the "server starting" page
            route.abort()
        elif url.startswith(("data:", "blob:")) or urlparse(url).hostname == "127.0.0.1":
            route.continue_()
        else:
            visit.foreign.append(url)
            route.abort()

    context.route("**/*", _route)
    tab = context.new_page()
    tab.on("framenavigated", lambda frame: visit.waited_on.append(urlparse(frame.url).path)
           if "/hub/spawn-pending/" in frame.url else None)
    problems, slow, console = _watch(tab)
    tab.goto(f"{hub.base}/hub/login")
    tab.fill("#username_input", user)
    tab.fill("#password_input", hub.passwords[user])
    started = time.monotonic()
    tab.click("#login_submit")
    tab.wait_for_url(f"**/user/{user}/voila/**")  # the hub has started their server
    spawned = time.monotonic()
    if visit.blocked:  # the script's failure on the "server starting" page, made on purpose
        problems.clear()
    tab.wait_for_selector(f".wb-page, :text('{CELL_ERROR}')")
    hub.figures[user] = {"first_page_s": round(time.monotonic() - started, 1),
                         "server_start_s": round(spawned - started, 1)}
    if PEOPLE[user][2]:  # a profile with contacts: its chart must be drawn
        tab.wait_for_selector(".wb-page .wb-home-bars .wb-bar")
    tab.wait_for_timeout(3000)  # widgets that fail to start report it within this time
    visit.url, visit.content = tab.url, tab.content()
    visit.problems, visit.slow_widgets, visit.console = list(problems), list(slow), console
    tab.close()
    return visit


@pytest.fixture(scope="module")
def visits(hub, browser):
    """Each person logs in, one after the other; time to their first page is recorded."""
    result = {}
    try:
        for user in PEOPLE:
            result[user] = _log_in(browser, hub, user)
            assert CELL_ERROR not in result[user].content, hub.log.read_text()[-4000:]
        for user in PEOPLE:
            hub.figures[user]["memory_mb"] = round(_rss_mb(pwd.getpwnam(user).pw_uid))
            hub.figures[user]["widget_start_timeouts"] = len(result[user].slow_widgets)
        yield result
    finally:
        for visit in result.values():
            visit.context.close()


def test_each_person_lands_on_their_own_home_in_the_workbook_template(hub, visits):
    for user, (lang, name, demo) in PEOPLE.items():
        visit = visits[user]
        assert urlparse(visit.url).path == f"/user/{user}/voila/render/home.ipynb"
        content = visit.content
        assert name in content, f"{user} does not see their own profile"
        assert HOME_TITLE[lang] in content, f"{user}'s page is not in {lang}"
        assert (FIRST_STEPS[lang] in content) is not demo, f"{user}'s first steps"
        others = [other_name for other, (_l, other_name, _d) in PEOPLE.items() if other != user]
        assert not any(other in content for other in others)
        assert TEMPLATE_MARK in content, f"{user}'s page is not in the workbook's template"
        assert not visit.foreign, f"requests left 127.0.0.1 for {user}: {visit.foreign}"
        assert not visit.problems, (
            f"{user}'s page reported errors: {visit.problems}; console: {visit.console[-10:]}")
    # Each profile lives in its owner's home, under WORKBOOK_HOME from the spawner.
    for user in PEOPLE:
        profile = Path(pwd.getpwnam(user).pw_dir) / "networking-workbook/profiles/default.sqlite"
        assert profile.stat().st_uid == pwd.getpwnam(user).pw_uid


def test_the_server_starting_page_moves_on_by_itself_when_its_script_fails(hub, visits):
    for user in PEOPLE:
        assert visits[user].waited_on, f"{user} never saw the server starting page"
    visit = visits[SCRIPT_FAILS_FOR]
    assert visit.blocked, "the page's own script was not made to fail"
    # ... and yet this person reached their home page (asserted fully in the test above).
    assert urlparse(visit.url).path == f"/user/{SCRIPT_FAILS_FOR}/voila/render/home.ipynb"


def test_a_job_seeker_cannot_open_another_job_seekers_pages_or_api(hub, visits):
    request = visits[ANN].context.request
    for path in (f"/user/{BOB}/voila/render/home.ipynb", f"/user/{BOB}/api/contents",
                 f"/user/{BOB}/api/kernels", f"/hub/api/users/{BOB}"):
        response = request.get(hub.base + path)
        assert response.status in (403, 404), f"{path}: HTTP {response.status}"
        assert "Bob Exemple" not in response.text()
    # Ann's own API answers her: the refusals above are about Bob, not a broken session.
    assert request.get(f"{hub.base}/user/{ANN}/api/contents").status == 200


def test_each_group_member_gets_the_drop_folder_only_the_coach_reads(hub, visits):
    folder = hub.cards / GROUP
    info = folder.stat()
    assert info.st_uid == pwd.getpwnam(COACH).pw_uid
    assert grp.getgrgid(info.st_gid).gr_name == f"wbdrop-{GROUP}"
    assert stat.S_IMODE(info.st_mode) == 0o3730
    for user in PEOPLE:
        env = real_hub.server_environment(pwd.getpwnam(user).pw_uid)
        assert env.get("WORKBOOK_CARD_DROP") == str(hub.cards), user
        assert env.get("WORKBOOK_CARD_GROUPS") == GROUP, user
        assert env.get("WORKBOOK_HOME") == "~/networking-workbook", user
    card = folder / "a1b2c3.wbcard.json"
    # As the group page publishes: a temporary file made readable, then renamed into place.
    publish = _as_user(ANN, (
        "import os, tempfile\n"
        f"fd, tmp = tempfile.mkstemp(dir={str(folder)!r}, prefix='.card-')\n"
        "os.write(fd, b'{\"contacts\": 12}'); os.close(fd); os.chmod(tmp, 0o644)\n"
        f"os.replace(tmp, {str(card)!r})\n"))
    assert publish.returncode == 0, publish.stderr
    coach_reads = _as_user(COACH, f"print(open({str(card)!r}).read())")
    assert coach_reads.stdout.strip() == '{"contacts": 12}', coach_reads.stderr
    assert _as_user(COACH, f"print(len(__import__('os').listdir({str(folder)!r})))") \
        .stdout.strip() == "1"
    assert _as_user(BOB, f"open({str(card)!r}).read()").returncode != 0, \
        "another participant could read the card"
    assert _as_user(BOB, f"__import__('os').listdir({str(folder)!r})").returncode != 0
    assert _as_user(BOB, f"__import__('os').remove({str(card)!r})").returncode != 0
    withdraw = _as_user(ANN, f"__import__('os').remove({str(card)!r})")
    assert withdraw.returncode == 0, withdraw.stderr
    assert not card.exists()


def test_a_card_published_by_a_job_seeker_is_imported_by_the_coach_then_withdrawn(hub, visits):
    from playwright.sync_api import expect

    folder = hub.cards / GROUP
    share, share_problems = _open(visits[ANN], hub, ANN, "home.ipynb", ".wb-card-share")
    share.locator(".wb-card-open").click()
    share.locator(".wb-card-group select").select_option(GROUP)
    share.locator(".wb-card-preview-button").click()
    expect(share.locator(".wb-card-preview")).to_contain_text("Ann Example")
    share.locator(".wb-card-publish").click()
    expect(share.locator(".wb-card-status")).to_contain_text("your coach can import it")
    (card,) = folder.glob("*.wbcard.json")
    assert card.stat().st_uid == pwd.getpwnam(ANN).pw_uid
    assert _as_user(BOB, f"open({str(card)!r}).read()").returncode != 0, \
        "another participant could read the card"

    coach, coach_problems = _open(visits[COACH], hub, COACH, "group.ipynb", ".wb-group-tabs")
    coach.locator(".wb-group-tabs .lm-TabBar-tab", has_text="Cards").click()
    coach.locator(".wb-group-drop-look").click()
    expect(coach.locator(".wb-group-dropped")).to_contain_text("1 card waiting")
    coach.locator(".wb-group-drop-import").click()
    # A card id the group has not seen yet: the coach says who sent it, the roster's own
    # Ann Example offered first.
    waiting = coach.locator(".wb-group-waiting-row")
    expect(waiting.locator(".wb-group-waiting-text")).to_contain_text("Ann Example")
    expect(waiting.locator(".wb-group-waiting-choice select option").first) \
        .to_contain_text("Ann Example")
    waiting.locator(".wb-group-waiting-place").click()
    expect(coach.locator(".wb-group-cards-status")).to_contain_text(
        re.compile("imported for Ann Example", re.IGNORECASE))
    expect(coach.locator(".wb-group-side-by-side")).to_contain_text("Ann Example")

    share.locator(".wb-card-withdraw").click()
    expect(share.locator(".wb-card-status")).to_contain_text("removed from the group's folder")
    assert not list(folder.glob("*.wbcard.json"))
    assert not share_problems and not coach_problems, (share_problems, coach_problems)
    share.close()
    coach.close()


def test_stopping_the_hub_stops_every_server_it_started(hub, visits):
    assert all(real_hub.pids_of(pwd.getpwnam(user).pw_uid) for user in PEOPLE)
    assert hub.proxy_pid() and Path(f"/proc/{hub.proxy_pid()}").exists()
    assert real_hub.culler_running(), "the hub's idle culler is not running"
    left = hub.stop()
    assert not left, f"still running after the hub stopped: {left}"
