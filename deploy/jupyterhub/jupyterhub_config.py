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

Use it as `jupyterhub -f jupyterhub_config.py`, or drop it into The Littlest JupyterHub's
/opt/tljh/config/jupyterhub_config.d/ (see the README, "For a coaching organisation").
"""

import os
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import drop_folders  # noqa: E402  (beside this file)

c = get_config()  # noqa: F821  (provided by JupyterHub when it loads this file)

USER_ENV = Path(os.environ.get("WORKBOOK_USER_ENV") or sys.prefix)
CARD_DROP = os.environ.get("WORKBOOK_CARD_DROP") or drop_folders.DEFAULT_ROOT
GROUPS_FILE = os.environ.get("WORKBOOK_GROUPS")
UNIX_PREFIX = os.environ.get("WORKBOOK_UNIX_PREFIX", "")
IDLE_SECONDS = int(os.environ.get("WORKBOOK_IDLE_SECONDS") or 3600)


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


# --- every person's own server: the workbook, in Voilà -----------------------------------
c.Spawner.cmd = [str(USER_ENV / "bin" / "jupyterhub-singleuser")]
c.Spawner.notebook_dir = _pages_dir()  # read-only for users: pages, not a place to save files
c.Spawner.default_url = "/voila/render/home.ipynb"
# Profiles live in the person's home ("~" is expanded by the workbook with the server's HOME).
c.Spawner.environment.update({"WORKBOOK_HOME": "~/networking-workbook"})
c.Spawner.start_timeout = 120
c.Spawner.http_timeout = 60

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


def _pass_card_drop(spawner) -> None:
    """Tell the person's pages where their groups' drop folders are (and repair them first,
    since a Unix account may have been created since the hub started)."""
    mine = drop_folders.groups_of(spawner.user.name, GROUPS)
    if not mine:
        return
    if os.geteuid() == 0:
        for name in mine:
            group = GROUPS[name]
            drop_folders.prepare(CARD_DROP, name, group["coach"], group.get("members", []),
                                 _unix_name)
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
