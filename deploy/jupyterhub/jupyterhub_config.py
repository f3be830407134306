"""JupyterHub configuration for a coaching organisation's Networking Workbook.

Each person logs in to the hub and lands on the workbook's home page (Voilà), served by their
own single-user server running as their own Unix user, with their profiles in their own home
directory. The workbook's Voilà template (no CDN), cell timeout and kernel culling are not set
here: they come with the package, as Jupyter config files installed into its environment
(etc/jupyter/voila.json and etc/jupyter/jupyter_server_config.json), and apply to every Jupyter
server started from it.

Settings, read from the hub's environment when it starts:

  WORKBOOK_USER_ENV     the Python environment where networking-workbook is installed
                        (default: the hub's own; The Littlest JupyterHub: /opt/tljh/user)
  WORKBOOK_GROUPS       a JSON file naming each group's coach and members
                        (see groups.example.json). With it, only those people may log in, the
                        hub knows the groups, and each group gets a card drop folder.
  WORKBOOK_CARD_DROP    where the drop folders live (default /srv/networking-workbook/cards)
  WORKBOOK_UNIX_PREFIX  what the spawner puts before a hub user name to make the Unix account
                        name (The Littlest JupyterHub: "jupyter-"; default: nothing)
  WORKBOOK_IDLE_SECONDS stop a person's server after this long without activity (default 3600)
  WORKBOOK_JUPYTERLAB   set to 1 to give each person's server JupyterLab (with its language
                        server and terminals) beside the workbook; without it a server runs
                        Voilà and the workbook only, which starts in a third of the CPU time

Use it as `jupyterhub -f jupyterhub_config.py`, or drop it into The Littlest JupyterHub's
/opt/tljh/config/jupyterhub_config.d/ (see the README, "For a coaching organisation").
"""

import asyncio
import os
import pwd
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import drop_folders  # noqa: E402  (beside this file)

c = get_config()  # noqa: F821  (provided by JupyterHub when it loads this file)

USER_ENV = Path(os.environ.get("WORKBOOK_USER_ENV") or sys.prefix)
CARD_DROP = os.environ.get("WORKBOOK_CARD_DROP") or drop_folders.DEFAULT_ROOT
GROUPS_FILE = os.environ.get("WORKBOOK_GROUPS")
UNIX_PREFIX = os.environ.get("WORKBOOK_UNIX_PREFIX", "")
IDLE_SECONDS = int(os.environ.get("WORKBOOK_IDLE_SECONDS") or 3600)
JUPYTERLAB = os.environ.get("WORKBOOK_JUPYTERLAB", "").strip().lower() in {"1", "true", "yes"}
# What a person's server does not load unless WORKBOOK_JUPYTERLAB is set: JupyterLab (whose
# extension manager runs yarn and npm at start), the language server (which runs npm), terminals,
# and the classic Notebook's configuration shim.
NOT_FOR_THE_WORKBOOK = ("jupyterlab", "jupyter_lsp", "jupyter_server_terminals", "notebook_shim")


def _pages_dir() -> str:
    """The workbook's notebooks, as installed in the users' environment."""
    try:
        return subprocess.run(
            [str(USER_ENV / "bin" / "python"), "-c",
             "from workbook.paths import notebooks_dir; print(notebooks_dir())"],
            check=True, capture_output=True, text=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError) as problem:
        raise SystemExit(f"networking-workbook is not installed in {USER_ENV}: install it "
                         "there, or set WORKBOOK_USER_ENV to the environment that has it "
                         f"({problem})") from None


def _say_if_out_of_users_reach() -> None:
    """The servers run as the people's own Unix accounts: if an ordinary account cannot run
    the environment's Python and import the workbook, no server will start. Say so now, in
    the hub's log, rather than as a timeout at each person's login."""
    if os.geteuid() != 0:
        return  # servers then run as the hub's own user, who can read what the hub reads
    try:
        nobody = pwd.getpwnam("nobody")
    except KeyError:
        return
    python = USER_ENV / "bin" / "python"
    try:
        runs = subprocess.run([str(python), "-c", "import workbook"], capture_output=True,
                              cwd="/", user=nobody.pw_uid, group=nobody.pw_gid,
                              extra_groups=[], timeout=60).returncode == 0
    except (OSError, subprocess.SubprocessError):
        runs = False
    if not runs:
        print(f"The people's servers cannot start: an ordinary Unix account cannot run "
              f"{python} and import the workbook; install networking-workbook into an "
              "environment every account can read (e.g. /opt/networking-workbook, or "
              "/opt/tljh/user with The Littlest JupyterHub) and set WORKBOOK_USER_ENV to it.",
              file=sys.stderr, flush=True)


# --- every person's own server: the workbook, in Voilà -----------------------------------
c.Spawner.cmd = [str(USER_ENV / "bin" / "jupyterhub-singleuser")]
c.Spawner.notebook_dir = _pages_dir()  # read-only for users: pages, not a place to save files
_say_if_out_of_users_reach()
c.Spawner.default_url = "/voila/render/home.ipynb"
if not JUPYTERLAB:
    _args = list(c.Spawner.args) if "args" in c.Spawner else []
    c.Spawner.args = [*_args, *(f"--ServerApp.jpserver_extensions={name}=False"
                                for name in NOT_FOR_THE_WORKBOOK)]
# Profiles live in the person's home ("~" is expanded by the workbook with the server's HOME).
# Two malloc arenas instead of one per thread: ~8 MB less per person (server and kernel),
# measured with benchmarks/hub_load.py.
c.Spawner.environment.update({"WORKBOOK_HOME": "~/networking-workbook",
                              "MALLOC_ARENA_MAX": "2"})
c.Spawner.start_timeout = 120
# From the server process's start until it answers. A group logging in together shares the
# CPU, so the last servers of a cohort answer much later than a lone one (see the README's
# capacity table); this only has to catch a server that will never answer.
c.Spawner.http_timeout = 120

# The "server starting" page recovers by itself when its script fails to load on a busy hub.
_templates = list(c.JupyterHub.template_paths) if "template_paths" in c.JupyterHub else []
c.JupyterHub.template_paths = [str(HERE / "templates"), *_templates]

# --- groups, their coaches, and the card drop folders -------------------------------------
GROUPS = drop_folders.load_groups(GROUPS_FILE) if GROUPS_FILE else {}


def _unix_name(user: str) -> str:
    return UNIX_PREFIX + user


if GROUPS:
    people = {group["coach"] for group in GROUPS.values()}
    people.update(user for group in GROUPS.values() for user in group.get("members", []))
    c.Authenticator.allowed_users = people
    c.JupyterHub.load_groups = {
        name: {"users": sorted({group["coach"], *group.get("members", [])})}
        for name, group in GROUPS.items()}
    if os.geteuid() == 0:
        drop_folders.prepare_all(CARD_DROP, GROUPS, _unix_name)


# One repair at a time (gpasswd and setfacl are not made to run side by side on one group),
# each in a thread: when a whole group logs in at once, the hub goes on answering everyone
# else while the commands run.
_REPAIRING = asyncio.Lock()


def _repair(names: list[str]) -> None:
    for name in names:
        group = GROUPS[name]
        drop_folders.prepare(CARD_DROP, name, group["coach"], group.get("members", []),
                             _unix_name)


async def _pass_card_drop(spawner) -> None:
    """Tell the person's pages where their groups' drop folders are (and repair them first,
    since a Unix account may have been created since the hub started)."""
    mine = drop_folders.groups_of(spawner.user.name, GROUPS)
    if not mine:
        return
    if os.geteuid() == 0:
        async with _REPAIRING:
            await asyncio.to_thread(_repair, mine)
    spawner.environment["WORKBOOK_CARD_DROP"] = CARD_DROP
    spawner.environment["WORKBOOK_CARD_GROUPS"] = ",".join(mine)


c.Spawner.pre_spawn_hook = _pass_card_drop

# --- stop servers nobody uses (their kernels are culled by the shipped Jupyter config) -----
_services = list(c.JupyterHub.services) if "services" in c.JupyterHub else []
if not any("jupyterhub_idle_culler" in " ".join(s.get("command", [])) for s in _services):
    c.JupyterHub.services = [*_services, {
        "name": "workbook-idle-culler",
        "command": [sys.executable, "-m", "jupyterhub_idle_culler",
                    f"--timeout={IDLE_SECONDS}", "--cull-every=300"],
    }]
    _roles = list(c.JupyterHub.load_roles) if "load_roles" in c.JupyterHub else []
    c.JupyterHub.load_roles = [*_roles, {
        "name": "workbook-idle-culler",
        "scopes": ["list:users", "read:users:activity", "read:servers", "delete:servers"],
        "services": ["workbook-idle-culler"],
    }]
