"""A real JupyterHub running the coaching organisation's configuration (deploy/jupyterhub/) with
real Unix users logging in through PAM: what tests/browser/test_hub.py and
benchmarks/hub_load.py share.

It needs root (to create the users), PAM (the hub's authenticator), setfacl (the card drop
folders) and configurable-http-proxy, which is installed from npm into a cache when it is not on
PATH. `missing()` says in one
sentence what this machine lacks, or None.
"""

from __future__ import annotations

import os
import pwd
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CONFIG = REPO / "deploy" / "jupyterhub" / "jupyterhub_config.py"
CHP_VERSION = "5"
SERVER_COMMAND = b"jupyterhub-singleuser"


class Unavailable(Exception):
    """What this machine lacks to run a real hub, as one sentence."""


def missing() -> str | None:
    """Why a real hub cannot run here (one sentence), or None when it can."""
    if os.geteuid() != 0:
        return "a real hub creates Unix users: run it as root"
    try:
        import pamela  # noqa: F401  (the hub's PAM binding; fails to import without libpam)
    except (ImportError, OSError) as problem:
        return f"PAM is not usable here ({problem}): apt-get install libpam0g"
    if not Path("/etc/pam.d/login").exists():
        return "PAM has no 'login' service (/etc/pam.d/login), which the hub logs people in with"
    if not shutil.which("setfacl"):  # deploy/jupyterhub/drop_folders.py refuses without ACLs
        return "the hub's card drop folders need setfacl: apt-get install acl"
    if not shutil.which("configurable-http-proxy") and not _cached_proxy().exists() \
            and not shutil.which("npm"):
        return ("the hub needs configurable-http-proxy from the npm registry: "
                "apt-get install npm")
    return None


def _cached_proxy() -> Path:
    cache = Path(os.environ.get("WORKBOOK_NPM_CACHE")
                 or Path.home() / ".cache" / "networking-workbook" / "npm")
    return cache / "node_modules" / ".bin" / "configurable-http-proxy"


def proxy_command() -> str:
    """configurable-http-proxy: on PATH, else from (or installed into) the npm cache."""
    found = shutil.which("configurable-http-proxy")
    if found:
        return found
    command = _cached_proxy()
    if not command.exists():
        npm = shutil.which("npm")
        if not npm:
            raise Unavailable(missing() or "npm is missing")
        cache = command.parents[2]
        cache.mkdir(parents=True, exist_ok=True)
        subprocess.run([npm, "install", "--prefix", str(cache), "--no-audit", "--no-fund",
                        f"configurable-http-proxy@{CHP_VERSION}"], check=True,
                       capture_output=True, timeout=300)
    return str(command)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def user_environment(root: Path) -> Path:
    """The Python environment the users' servers run from: this one, or, when its interpreter
    is out of the users' reach (a Python built under /root), a thin layer over it that runs
    the system's Python of the same version on this environment's packages, with its
    share/ and etc/ (the workbook's shipped Jupyter config) linked in."""
    probe = subprocess.run(["runuser", "-u", "nobody", "--", sys.executable, "-c", ""],
                           capture_output=True, cwd="/")
    if probe.returncode == 0:
        return Path(sys.prefix)
    return layer_environment(root)


def layer_environment(root: Path) -> Path:
    """A Python environment in `root`/user-env running the system's Python on this
    environment's packages (see user_environment)."""
    version = f"python{sys.version_info.major}.{sys.version_info.minor}"
    system_python = Path("/usr/bin") / version
    if not system_python.exists():
        raise Unavailable(f"the hub's users cannot run {sys.executable} and there is no "
                          f"{system_python} to run this environment's packages with")
    env = root / "user-env"
    (env / "bin").mkdir(parents=True)
    (env / "bin" / "python").symlink_to(system_python)
    (env / "pyvenv.cfg").write_text("home = /usr/bin\ninclude-system-site-packages = false\n")
    site_packages = env / "lib" / version / "site-packages"
    site_packages.mkdir(parents=True)
    ours = next(p for p in map(Path, sys.path) if p.name == "site-packages"
                and p.is_relative_to(sys.prefix))
    (site_packages / "layer.pth").write_text(f"import site; site.addsitedir({str(ours)!r})\n")
    for shared in ("share", "etc"):
        (env / shared).symlink_to(Path(sys.prefix) / shared)
    script = env / "bin" / "jupyterhub-singleuser"
    script.write_text(f"#!{env}/bin/python\nfrom jupyterhub.singleuser import main\nmain()\n")
    script.chmod(0o755)
    for folder in [env, *env.rglob("*")]:
        if folder.is_dir() and not folder.is_symlink():
            folder.chmod(0o755)
    return env


def add_users(passwords: dict[str, str]) -> None:
    """Create each Unix user afresh (home directory, login shell) with its password."""
    for user in passwords:
        remove_user(user)  # left behind by a run that was killed before its clean-up
        subprocess.run(["useradd", "-m", "-s", "/bin/bash", user], check=True)
    subprocess.run(["chpasswd"], input="".join(f"{u}:{p}\n" for u, p in passwords.items()),
                   text=True, check=True)


def remove_user(user: str) -> None:
    """Kill every process of `user`, then remove the account and its home directory."""
    try:
        uid = pwd.getpwnam(user).pw_uid
    except KeyError:
        return
    for pid in pids_of(uid):
        kill(pid, signal.SIGKILL)
    subprocess.run(["userdel", "-r", "-f", user], capture_output=True)


def as_user(user: str, code: str, python: Path) -> subprocess.CompletedProcess:
    """Run Python `code` as `user`, with the environment the hub gives their server."""
    home = pwd.getpwnam(user).pw_dir
    return subprocess.run(
        ["runuser", "-u", user, "--", "env", f"HOME={home}",
         f"WORKBOOK_HOME={home}/networking-workbook", str(python), "-c", code],
        capture_output=True, text=True, timeout=120, cwd="/")


def seed_profile(user: str, python: Path, *, lang: str, name: str, demo: bool,
                 group: str | None = None, roster: tuple[str, ...] = ()) -> None:
    """Give `user` a default profile in their home (with the demo's contacts if `demo`; with
    a `group` they coach, its `roster` already entered, if given)."""
    seeded = as_user(user, (
        "from workbook.store import open_profile\n"
        "from workbook.store.settings import set_setting\n"
        "from workbook.demo import fill_demo\n"
        "conn = open_profile('default')\n"
        + ("fill_demo(conn)\n" if demo else "")
        + ("from workbook.store.group import add_participant, create_group\n"
           f"group = create_group(conn, {group!r})\n"
           f"for member in {list(roster)!r}:\n"
           "    add_participant(conn, group, member)\n" if group else "")
        + f"set_setting(conn, 'lang', {lang!r})\n"
        f"set_setting(conn, 'display_name', {name!r})\n"), python)
    if seeded.returncode != 0:
        raise RuntimeError(f"could not seed {user}'s profile:\n{seeded.stderr}")


def pids_of(uid: int) -> list[int]:
    pids = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if entry.stat().st_uid == uid:
                    pids.append(int(entry.name))
            except FileNotFoundError:
                pass
    return pids


def kill(pid: int, sig: int) -> None:
    try:
        os.kill(pid, sig)
    except ProcessLookupError:
        pass


def memory_mb(uid: int) -> dict[str, float]:
    """Memory of every process of one user (their server and its kernels), in MB: resident
    (`rss`, what `ps` shows; libraries shared with other people's processes are counted in
    full) and proportional (`pss`, shared pages divided among the processes that map them:
    what one more person adds to a server's memory); `server_rss` of the server alone, and
    how many `kernels` it runs."""
    totals = {"rss": 0.0, "pss": 0.0, "server_rss": 0.0, "kernels": 0}
    server = server_pid(uid)
    for pid in pids_of(uid):
        try:
            rollup = Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()
            command = Path(f"/proc/{pid}/cmdline").read_bytes()
        except (FileNotFoundError, ProcessLookupError, PermissionError):
            continue
        sizes = {line.split(":")[0]: int(line.split()[1]) / 1024 for line in rollup
                 if line.startswith(("Rss:", "Pss:"))}
        totals["rss"] += sizes.get("Rss", 0)
        totals["pss"] += sizes.get("Pss", 0)
        if pid == server:
            totals["server_rss"] = sizes.get("Rss", 0)
        totals["kernels"] += b"ipykernel_launcher" in command
    return totals


def cpu_seconds(uid: int) -> float:
    """CPU-seconds used so far by every process of one user, and by the children they have
    waited for."""
    total = 0.0
    tick = os.sysconf("SC_CLK_TCK")
    for pid in pids_of(uid):
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except (FileNotFoundError, ProcessLookupError):
            continue
        total += sum(int(value) for value in fields[11:15]) / tick  # utime stime cutime cstime
    return total


def server_pid(uid: int) -> int | None:
    """The user's single-user server process, if it is running."""
    for pid in pids_of(uid):
        try:
            if SERVER_COMMAND in Path(f"/proc/{pid}/cmdline").read_bytes():
                return pid
        except FileNotFoundError:
            pass
    return None


def server_environment(uid: int) -> dict[str, str]:
    pid = server_pid(uid)
    try:
        raw = Path(f"/proc/{pid}/environ").read_bytes() if pid else b""
    except FileNotFoundError:
        raw = b""
    return dict(item.split("=", 1) for item in raw.decode().split("\0") if "=" in item)


def culler_running() -> bool:
    for entry in Path("/proc").iterdir():
        try:
            if entry.name.isdigit() and b"jupyterhub_idle_culler" in (entry / "cmdline") \
                    .read_bytes():
                return True
        except (FileNotFoundError, ProcessLookupError):
            pass
    return False


@dataclass
class Hub:
    base: str
    root: Path
    log: Path
    proc: subprocess.Popen

    def proxy_pid(self) -> int | None:
        pid_file = self.log.parent / "jupyterhub-proxy.pid"
        return int(pid_file.read_text()) if pid_file.exists() else None

    def stop(self, users) -> list[str]:
        """Stop the hub (which stops the servers it started and its proxy); return what is
        still running afterwards."""
        proxy = self.proxy_pid()
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(timeout=60)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
        left = []
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            left = [f"{user}: pid {pid}" for user in users
                    for pid in pids_of(pwd.getpwnam(user).pw_uid)]
            if proxy and Path(f"/proc/{proxy}").exists():
                left.append(f"proxy: pid {proxy}")
            if culler_running():
                left.append("idle culler")
            if not left:
                break
            time.sleep(0.5)
        return left


def start_hub(state: Path, proxy: str, env: dict[str, str], config: Path = CONFIG,
              seconds: float = 90) -> Hub:
    """Start JupyterHub on the given configuration, on free loopback ports, its state and log
    in `state`; return once it answers."""
    port = free_port()
    log = state / "hub.log"
    with open(log, "w") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "jupyterhub", "-f", str(config),
             "--JupyterHub.bind_url", f"http://127.0.0.1:{port}",
             "--JupyterHub.hub_bind_url", f"http://127.0.0.1:{free_port()}",
             "--ConfigurableHTTPProxy.api_url", f"http://127.0.0.1:{free_port()}"],
            cwd=state, stdout=out, stderr=subprocess.STDOUT, start_new_session=True,
            env={**os.environ, **env,
                 "PATH": os.pathsep.join([str(Path(proxy).parent), os.environ["PATH"]])})
    hub = Hub(base=f"http://127.0.0.1:{port}", root=state.parent, log=log, proc=proc)
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"the hub exited:\n{log.read_text()[-4000:]}")
        try:
            with urllib.request.urlopen(f"{hub.base}/hub/api/", timeout=2):
                return hub
        except OSError:
            time.sleep(0.5)
    hub.stop([])
    raise RuntimeError(f"the hub did not answer in {seconds}s:\n{log.read_text()[-4000:]}")
