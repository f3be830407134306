"""A group arriving together on the coaching organisation's hub (deploy/jupyterhub/), unchanged:
PAM, one single-user server per person under their own Unix account, the idle culler,
configurable-http-proxy.

For each cohort size N (`--people 5,10,20`), a fresh hub; N real Unix users (`wbload01`…, the
demo profile in their home) log in at the same moment in headless Chromium (on this machine,
loopback only), each waiting for their home page's first view, then opening the network page
and the routines page. Printed per cohort: first page p50/p95 (login → home page drawn), other
pages p50/p95, CPU-seconds per server start (the server process and its children, from its
start until it first answers HTTP), CPU-seconds per person until their home page is drawn (their
server and kernel: what sizes a server for a group arriving together), memory per person with the home page open (their server and
kernel: RSS, and PSS where shared libraries are divided among processes), people who never got
a page within `--page-timeout`, the slowest server start beside `Spawner.http_timeout`, the
hub's event-loop stalls, and the load average before and after. The users and every process
are removed at the end of each run.

Needs root, PAM, npm (or configurable-http-proxy) and Chromium; without them it writes one row
saying why it was skipped.

    python benchmarks/hub_load.py [--people 5,10,20] [--lab] [--json FILE]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import pwd
import re
import secrets
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlparse

from measures import add_json_argument, p95, row, write_rows
from page_startup import READY

from tests import real_hub  # noqa: E402
from tests.browser.conftest import CELL_ERROR, CHROMIUM, CHROMIUM_FLAGS  # noqa: E402

PREFIX = "wbload"
START_CPU_TARGET = 1.5   # CPU-seconds per server start
MEMORY_TARGET = 200.0    # MB per person with the app open (RSS of server + kernel)
OTHER_PAGES = ("network", "routines")
HEADROOM_S = 20          # a server start must stay this far below Spawner.http_timeout


# Every selector of a page's first view visible, or a cell's error shown; false while the
# page is still arriving (Voilà streams it: there may be no body yet).
_DRAWN = ("selectors => !!document.body && (selectors.every(s => "
          "[...document.querySelectorAll(s)].some(e => { const r = e.getBoundingClientRect();"
          " return r.width > 0 && r.height > 0; }))"
          f" || document.body.innerText.includes({json.dumps(CELL_ERROR)}))")


def _load() -> str:
    """The load average over 1, 5 and 15 minutes."""
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


class StartWatch(threading.Thread):
    """Watches each user's single-user server from the moment it appears until it first
    answers HTTP, and records the CPU-seconds it (and its children) used until then."""

    def __init__(self, users: list[str], seconds: float):
        super().__init__(daemon=True)
        self.uids = {pwd.getpwnam(user).pw_uid: user for user in users}
        self.cpu: dict[str, float] = {}
        self.wall: dict[str, float] = {}
        self.deadline = time.monotonic() + seconds
        self.done = threading.Event()

    def run(self) -> None:
        import psutil

        while not self.done.is_set() and time.monotonic() < self.deadline \
                and len(self.cpu) < len(self.uids):
            for uid, user in self.uids.items():
                if user in self.cpu:
                    continue
                pid = real_hub.server_pid(uid)
                url = real_hub.server_environment(uid).get("JUPYTERHUB_SERVICE_URL")
                if not pid or not url:
                    continue
                try:
                    urllib.request.urlopen(url.rstrip("/") + "/api", timeout=0.5).close()
                except urllib.error.HTTPError:
                    pass  # an answer all the same
                except OSError:
                    continue
                try:
                    process = psutil.Process(pid)
                    times = process.cpu_times()
                    used = times.user + times.system + times.children_user + \
                        times.children_system
                    for child in process.children(recursive=True):
                        child_times = child.cpu_times()
                        used += child_times.user + child_times.system
                    self.cpu[user] = used
                    self.wall[user] = time.time() - process.create_time()
                except psutil.Error:
                    continue
            time.sleep(0.2)


async def _person(browser, base: str, user: str, password: str, go: asyncio.Event,
                  timeout_ms: int) -> dict:
    """One person: log in when `go` is set, wait for the home page's first view, note their
    memory, then open the other pages. Returns seconds, or where they got stuck."""
    context = await browser.new_context(viewport={"width": 1366, "height": 768})
    context.set_default_timeout(timeout_ms)
    foreign: list[str] = []

    async def _route(route):
        url = route.request.url
        if url.startswith(("data:", "blob:")) or urlparse(url).hostname == "127.0.0.1":
            await route.continue_()
        else:
            foreign.append(url)
            await route.abort()

    await context.route("**/*", _route)
    tab = await context.new_page()
    result: dict = {"user": user, "other": {}, "foreign": foreign}
    try:
        await tab.goto(f"{base}/hub/login")
        await tab.fill("#username_input", user)
        await tab.fill("#password_input", password)
        await go.wait()
        started = time.monotonic()
        await tab.click("#login_submit", no_wait_after=True)
        await tab.wait_for_function(
            "user => location.pathname.startsWith(`/user/${user}/voila/`)"
            " || document.querySelector('.login_error')", arg=user, polling=250)
        if "/hub/login" in tab.url:
            raise RuntimeError(await tab.inner_text(".login_error"))
        await tab.wait_for_function(_DRAWN, arg=READY["home"], polling=100)
        result["first"] = time.monotonic() - started
        if CELL_ERROR in await tab.content():
            result["error"] = "a cell failed on the home page"
        await asyncio.sleep(1)  # the kernel settles after its last message
        uid = pwd.getpwnam(user).pw_uid
        result["memory"] = real_hub.memory_mb(uid)
        result["cpu_first"] = real_hub.cpu_seconds(uid)
        for page in OTHER_PAGES:
            started = time.monotonic()
            await tab.goto(f"{base}/user/{user}/voila/render/{page}.ipynb")
            await tab.wait_for_function(_DRAWN, arg=READY[page], polling=100)
            result["other"][page] = time.monotonic() - started
        await asyncio.sleep(1)
        result["memory_after"] = real_hub.memory_mb(uid)  # three pages opened, one open
    except Exception as problem:  # noqa: BLE001 — one person stuck is a figure, not the end
        result["stuck"] = f"{type(problem).__name__} on {urlparse(tab.url).path}: " \
            f"{str(problem).splitlines()[0][:100]}"
    finally:
        await context.close()
    return result


def _machine_cpu() -> float:
    """CPU-seconds the whole machine has spent busy since it started."""
    fields = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    user, nice, system, _idle, _iowait, irq, softirq, steal = fields[:8]
    return (user + nice + system + irq + softirq + steal) / os.sysconf("SC_CLK_TCK")


def _tree_cpu(pids: list[int], children: bool = True) -> float:
    """CPU-seconds of these processes (and of their descendants, alive or waited for)."""
    import psutil

    total = 0.0
    for pid in pids:
        try:
            process = psutil.Process(pid)
            times = process.cpu_times()
            total += times.user + times.system
            if children:
                total += times.children_user + times.children_system
                for child in process.children(recursive=True):
                    child_times = child.cpu_times()
                    total += child_times.user + child_times.system
        except psutil.Error:
            pass
    return total


def _browser_pids() -> list[int]:
    """Chromium's first processes (started by Playwright's driver under this one)."""
    import psutil

    found = {}
    for process in psutil.Process().children(recursive=True):
        try:
            if process.name().startswith("chrom"):
                found[process.pid] = process.ppid()
        except psutil.Error:
            pass
    return [pid for pid, parent in found.items() if parent not in found]


async def _cohort(base: str, passwords: dict[str, str], timeout_ms: int,
                  hub: real_hub.Hub) -> tuple[list[dict], dict]:
    """The people's visits, and where the machine's CPU went from the moment they logged in
    until the last of them was done: browsers, the people's servers and kernels, the hub."""
    from playwright.async_api import async_playwright

    uids = [pwd.getpwnam(user).pw_uid for user in passwords]
    hub_pids = [pid for pid in (hub.proc.pid, hub.proxy_pid()) if pid]
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM,
                                                   args=CHROMIUM_FLAGS)
        go = asyncio.Event()
        people = [asyncio.create_task(_person(browser, base, user, password, go, timeout_ms))
                  for user, password in passwords.items()]
        await asyncio.sleep(3 + 0.3 * len(people))  # every login form loaded and filled
        before = {"machine": _machine_cpu(), "browsers": _tree_cpu(_browser_pids()),
                  "hub": _tree_cpu(hub_pids, children=False), "wall": time.monotonic()}
        go.set()
        results = await asyncio.gather(*people)
        cpu = {"machine": _machine_cpu() - before["machine"],
               "browsers": _tree_cpu(_browser_pids()) - before["browsers"],
               "hub": _tree_cpu(hub_pids, children=False) - before["hub"],
               "people": sum(real_hub.cpu_seconds(uid) for uid in uids),
               "wall": time.monotonic() - before["wall"]}
        await browser.close()
    return results, cpu


def _hub_log_figures(log: Path) -> dict:
    text = log.read_text(errors="replace")
    stalls = [float(s) for s in re.findall(r"unresponsive for at least ([\d.]+)s", text)]
    starts = [float(s) for s in re.findall(r"User \S+ took ([\d.]+) seconds to start", text)]
    warnings: dict[str, int] = {}
    for message in re.findall(r"\[W [^\]]*\] (.{0,90})", text):
        # one line per kind: numbers, ids and the people's names left out
        kind = re.sub(rf"{PREFIX}\d+|[0-9a-f]{{8}}-[0-9a-f-]+|\d+(\.\d+)?", "…", message)
        warnings[kind.strip()] = warnings.get(kind.strip(), 0) + 1
    return {"stalls": stalls, "hub_starts": starts, "warnings": warnings}


def run_cohort(n: int, users: list[str], passwords: dict, root: Path, proxy: str,
               user_env: Path, lab: bool, timeout_ms: int) -> dict:
    state = root / f"state-{n}"
    state.mkdir(mode=0o700)
    groups = state / "groups.json"  # one group: only its people may log in
    groups.write_text(json.dumps({"groups": {f"{PREFIX}-club": {
        "coach": users[0], "members": users[1:]}}}))
    env = {"WORKBOOK_USER_ENV": str(user_env), "WORKBOOK_GROUPS": str(groups),
           "WORKBOOK_CARD_DROP": str(root / "cards")}
    if lab:
        env["WORKBOOK_JUPYTERLAB"] = "1"
    hub = real_hub.start_hub(state, proxy, env)
    chosen = {user: passwords[user] for user in users[:n]}
    load_before = _load()
    watch = StartWatch(list(chosen), seconds=timeout_ms / 1000 + 60)
    watch.start()
    try:
        people, cpu = asyncio.run(_cohort(hub.base, chosen, timeout_ms, hub))
    finally:
        watch.done.set()
        watch.join(timeout=10)
        load_after = _load()
        left = hub.stop(chosen)
    if left:
        print(f"  still running after the hub stopped: {left}", file=sys.stderr)
    for person in people:
        if "stuck" in person or "error" in person:  # what the hub and their server said
            said = [line for line in hub.log.read_text(errors="replace").splitlines()
                    if person["user"] in line or "Kernel" in line or "Traceback" in line]
            print(f"  {person['user']} in the hub's log:\n    " + "\n    ".join(said[-12:]),
                  file=sys.stderr)
    return {"people": n, "results": people, "cpu": watch.cpu, "start_wall": watch.wall,
            "machine": cpu,
            "load": (load_before, load_after), "http_timeout": _http_timeout(user_env),
            **_hub_log_figures(hub.log)}


def _http_timeout(user_env: Path) -> float:
    """Spawner.http_timeout, as the hub reads it from its configuration."""
    found = subprocess.run(
        [sys.executable, "-c", "from traitlets.config import Config; c = Config(); "
         f"exec(open({str(real_hub.CONFIG)!r}).read(), {{'get_config': lambda: c, "
         f"'__file__': {str(real_hub.CONFIG)!r}}}); print(c.Spawner.http_timeout)"],
        env={**os.environ, "WORKBOOK_USER_ENV": str(user_env)}, capture_output=True, text=True,
        check=True)
    return float(found.stdout.split()[-1])


def _p(values: list[float], q: str) -> float | None:
    if not values:
        return None
    return statistics.median(values) if q == "50" else p95(values)


def summary(cohort: dict) -> dict:
    results = cohort["results"]
    first = [r["first"] for r in results if "first" in r]
    other = [s for r in results for s in r["other"].values()]
    rss = [r["memory"]["rss"] for r in results if "memory" in r]
    pss = [r["memory"]["pss"] for r in results if "memory" in r]
    server = [r["memory"]["server_rss"] for r in results if "memory" in r]
    after = [r["memory_after"] for r in results if "memory_after" in r]
    cpu = list(cohort["cpu"].values())
    cpu_first = [r["cpu_first"] for r in results if "cpu_first" in r]
    return {
        "cpu_first": _p(cpu_first, "50"),
        "people": cohort["people"], "first": (_p(first, "50"), _p(first, "95")),
        "other": (_p(other, "50"), _p(other, "95")), "cpu": (_p(cpu, "50"), _p(cpu, "95")),
        "rss": _p(rss, "50"), "pss": _p(pss, "50"), "server_rss": _p(server, "50"),
        "rss_after": _p([m["rss"] for m in after], "50"),
        "kernels_after": _p([m["kernels"] for m in after], "50"),
        "never": sum("first" not in r for r in results),
        "stuck": [f"{r['user']}: {r['stuck']}" for r in results if "stuck" in r],
        "errors": [f"{r['user']}: {r['error']}" for r in results if "error" in r],
        "foreign": sorted({u for r in results for u in r["foreign"]}),
        "slowest_start": max(cohort["start_wall"].values(), default=None),
        "http_timeout": cohort["http_timeout"], "stalls": cohort["stalls"],
        "load": cohort["load"], "warnings": cohort["warnings"], "machine": cohort["machine"],
    }


def _s(pair) -> str:
    return " / ".join("—" if v is None else f"{v:.1f}" for v in pair)


def table(summaries: list[dict]) -> str:
    head = ["people", "first page p50 / p95 s", "other pages p50 / p95 s",
            "CPU-s per server start p50 / p95", "CPU-s per person to home page",
            "memory per person RSS / PSS MB (server)",
            "after 3 pages MB (kernels)",
            "never got a page", "slowest server start s (http_timeout)",
            "hub stalls", "load before → after"]
    lines = [head]
    for s in summaries:
        lines.append([str(s["people"]), _s(s["first"]), _s(s["other"]), _s(s["cpu"]),
                      _s((s["cpu_first"],)),
                      f"{_s((s['rss'], s['pss']))} ({_s((s['server_rss'],))})",
                      f"{_s((s['rss_after'],))} ({_s((s['kernels_after'],))})", str(s["never"]),
                      f"{_s((s['slowest_start'],))} ({s['http_timeout']:.0f})",
                      f"{len(s['stalls'])} (max {max(s['stalls'], default=0):.1f} s)",
                      f"{s['load'][0]} → {s['load'][1]}"])
    widths = [max(len(line[i]) for line in lines) for i in range(len(head))]
    return "\n".join(" | ".join(cell.ljust(w) for cell, w in zip(line, widths)).rstrip()
                     for line in lines)


def rows_for(summaries: list[dict], lab: bool) -> list[dict]:
    name = "hub load" + (" (JupyterLab on)" if lab else "")
    cpu = [v for s in summaries for v in s["all_cpu"]]
    rss = [v for s in summaries for v in s["all_rss"]]
    rows = []
    if cpu:
        rows.append(row(name, "CPU per server start", statistics.median(cpu), "CPU-s",
                        p95=p95(cpu), target=f"≤ {START_CPU_TARGET}",
                        ratio=statistics.median(cpu) / START_CPU_TARGET,
                        met=statistics.median(cpu) <= START_CPU_TARGET))
    if rss:
        rows.append(row(name, "memory per person, home open (RSS)", statistics.median(rss),
                        "MB", p95=p95(rss), target=f"≤ {MEMORY_TARGET:.0f} MB",
                        ratio=statistics.median(rss) / MEMORY_TARGET,
                        met=statistics.median(rss) <= MEMORY_TARGET))
    first_cpu = [v for s in summaries for v in s["all_cpu_first"]]
    if first_cpu:
        rows.append(row(name, "CPU per person to home page (server + kernel)",
                        statistics.median(first_cpu), "CPU-s", p95=p95(first_cpu)))
    for s in summaries:
        n = s["people"]
        if s["first"][0] is not None:
            rows.append(row(name, f"first page, {n} together", s["first"][0], "s",
                            p95=s["first"][1]))
        if s["other"][0] is not None:
            rows.append(row(name, f"other pages, {n} together", s["other"][0], "s",
                            p95=s["other"][1]))
        rows.append(row(name, f"people who never got a page, {n} together", s["never"],
                        "people", target="0", met=s["never"] == 0))
        if s["slowest_start"] is not None:
            limit = s["http_timeout"] - HEADROOM_S
            rows.append(row(name, f"slowest server start, {n} together", s["slowest_start"],
                            "s", target=f"≤ {limit:.0f} (http_timeout − {HEADROOM_S})",
                            ratio=s["slowest_start"] / limit,
                            met=s["slowest_start"] <= limit))
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", default="5,10,20", help="cohort sizes, comma-separated")
    parser.add_argument("--lab", action="store_true",
                        help="servers with JupyterLab (WORKBOOK_JUPYTERLAB=1), as before")
    parser.add_argument("--page-timeout", type=float, default=240,
                        help="seconds a person waits for each page before giving up")
    add_json_argument(parser)
    args = parser.parse_args()
    reason = real_hub.missing() or (None if Path(CHROMIUM).exists()
                                    else f"no Chromium at {CHROMIUM}")
    if reason:
        print(f"hub load skipped: {reason}")
        write_rows(args.json, [row("hub load", f"skipped: {reason}", 0, "")])
        return 0
    sizes = [int(n) for n in args.people.split(",")]
    users = [f"{PREFIX}{i:02d}" for i in range(1, max(sizes) + 1)]
    passwords = {user: secrets.token_urlsafe(12) for user in users}
    root = Path(tempfile.mkdtemp(prefix="wbload-"))
    root.chmod(0o711)
    summaries = []
    try:
        proxy = real_hub.proxy_command()
        user_env = real_hub.user_environment(root)
        python = user_env / "bin" / "python"
        real_hub.add_users(passwords)
        _seed(users, python)
        for n in sizes:
            print(f"{n} people together (load {_load()}) …", file=sys.stderr, flush=True)
            cohort = run_cohort(n, users, passwords, root, proxy, user_env, args.lab,
                                int(args.page_timeout * 1000))
            s = summary(cohort)
            s["all_cpu"] = list(cohort["cpu"].values())
            s["all_rss"] = [r["memory"]["rss"] for r in cohort["results"] if "memory" in r]
            s["all_cpu_first"] = [r["cpu_first"] for r in cohort["results"] if "cpu_first" in r]
            summaries.append(s)
            for key in ("stuck", "errors", "foreign"):
                if s[key]:
                    print(f"  {key}: {s[key]}", file=sys.stderr)
    finally:
        for user in users:
            real_hub.remove_user(user)
        subprocess.run(["groupdel", f"wbdrop-{PREFIX}-club"], capture_output=True)
        shutil.rmtree(root, ignore_errors=True)
    print(f"\n{os.cpu_count()} cores; servers "
          f"{'with JupyterLab' if args.lab else 'lean (Voilà and the workbook)'}\n")
    print(table(summaries))
    print("\nwhere the machine's CPU went, from the logins until the last person was done:")
    for s in summaries:
        m = s["machine"]
        shares = {name: m[name] / m["machine"] for name in ("browsers", "people", "hub")
                  if m["machine"] > 0}
        rest = 1 - sum(shares.values())
        print(f"  {s['people']:3} people: {m['machine']:.0f} CPU-s in {m['wall']:.0f} s "
              f"({m['machine'] / m['wall']:.2f} of {os.cpu_count()} cores busy): "
              + ", ".join(f"{name} {share:.0%}" for name, share in shares.items())
              + f", everything else {rest:.0%}")
    warnings: dict[str, int] = {}
    for s in summaries:
        for kind, count in s["warnings"].items():
            warnings[kind] = warnings.get(kind, 0) + count
    if warnings:
        print("\nhub log warnings (times seen):\n  " + "\n  ".join(
            f"{count:4} × {kind}" for kind, count in sorted(warnings.items())))
    write_rows(args.json, rows_for(summaries, args.lab))
    return 0


def _seed(users: list[str], python: Path) -> None:
    """The demo profile, seeded once as the first user, copied into every other home."""
    real_hub.seed_profile(users[0], python, lang="en", name="Demo", demo=True)
    source = Path(pwd.getpwnam(users[0]).pw_dir) / "networking-workbook"
    for i, user in enumerate(users[1:], start=2):
        target = Path(pwd.getpwnam(user).pw_dir) / "networking-workbook"
        shutil.copytree(source, target)
        subprocess.run(["chown", "-R", f"{user}:{user}", str(target)], check=True)
        real_hub.as_user(user, "from workbook.store import open_profile\n"
                         "from workbook.store.settings import set_setting\n"
                         f"set_setting(open_profile('default'), 'lang', {'fr' if i % 2 else 'en'!r})",
                         python)


if __name__ == "__main__":
    sys.exit(main())
