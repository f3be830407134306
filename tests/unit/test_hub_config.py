"""deploy/jupyterhub/jupyterhub_config.py, loaded as JupyterHub loads it (no hub started; the
real hub runs in tests/browser/test_hub.py)."""

import sys
from pathlib import Path

from traitlets.config import Config

from workbook.paths import notebooks_dir

CONFIG = Path(__file__).resolve().parents[2] / "deploy" / "jupyterhub" / "jupyterhub_config.py"


def _load(monkeypatch, **env) -> Config:
    for name in ("WORKBOOK_GROUPS", "WORKBOOK_USER_ENV", "WORKBOOK_IDLE_SECONDS"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    config = Config()
    monkeypatch.setattr(sys, "path", list(sys.path))
    exec(compile(CONFIG.read_text(), str(CONFIG), "exec"),
         {"get_config": lambda: config, "__file__": str(CONFIG)})
    return config


def test_everyone_lands_on_the_workbook_home_with_their_profiles_at_home(monkeypatch):
    c = _load(monkeypatch, WORKBOOK_USER_ENV=sys.prefix)
    assert c.Spawner.default_url == "/voila/render/home.ipynb"
    assert c.Spawner.notebook_dir == str(notebooks_dir())
    assert c.Spawner.cmd == [str(Path(sys.prefix) / "bin" / "jupyterhub-singleuser")]
    assert c.Spawner.environment.get_value({}) == {"WORKBOOK_HOME": "~/networking-workbook"}


def test_the_idle_culler_runs_with_only_the_rights_it_needs(monkeypatch):
    c = _load(monkeypatch, WORKBOOK_IDLE_SECONDS="900")
    (service,) = c.JupyterHub.services
    assert service["command"][1:3] == ["-m", "jupyterhub_idle_culler"]
    assert "--timeout=900" in service["command"]
    (role,) = c.JupyterHub.load_roles
    assert role["services"] == [service["name"]]
    assert set(role["scopes"]) == {"list:users", "read:users:activity", "read:servers",
                                   "delete:servers"}


def test_a_culler_already_configured_is_kept_alone(monkeypatch):
    config = Config()
    config.JupyterHub.services = [{"name": "cull-idle",
                                   "command": ["python3", "-m", "jupyterhub_idle_culler"]}]
    monkeypatch.setattr(sys, "path", list(sys.path))
    exec(compile(CONFIG.read_text(), str(CONFIG), "exec"),
         {"get_config": lambda: config, "__file__": str(CONFIG)})
    assert [s["name"] for s in config.JupyterHub.services] == ["cull-idle"]
