"""deploy/jupyterhub/jupyterhub_config.py, loaded as JupyterHub loads it (no hub started; the
real hub runs in tests/browser/test_hub.py)."""

import os
import shutil
import sys
from pathlib import Path

import pytest
from traitlets.config import Config

from workbook.paths import notebooks_dir

CONFIG = Path(__file__).resolve().parents[2] / "deploy" / "jupyterhub" / "jupyterhub_config.py"


def _load(monkeypatch, **env) -> Config:
    for name in ("WORKBOOK_GROUPS", "WORKBOOK_USER_ENV", "WORKBOOK_IDLE_SECONDS",
                 "WORKBOOK_JUPYTERLAB"):
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
    assert c.Spawner.environment.get_value({})["WORKBOOK_HOME"] == "~/networking-workbook"


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


NOT_FOR_THE_WORKBOOK = {"jupyterlab", "jupyter_lsp", "jupyter_server_terminals", "notebook_shim"}


def _disabled(config: Config) -> set[str]:
    args = config.Spawner.args if "args" in config.Spawner else []
    return {arg.split("=")[1] for arg in args
            if arg.startswith("--ServerApp.jpserver_extensions=") and arg.endswith("=False")}


def test_each_server_loads_only_voila_and_the_workbook(monkeypatch):
    c = _load(monkeypatch, WORKBOOK_USER_ENV=sys.prefix)
    assert _disabled(c) == NOT_FOR_THE_WORKBOOK
    # Voilà and the hub's own extension stay: nothing here turns them off.
    assert not any("voila" in arg or "jupyterhub" in arg for arg in c.Spawner.args)


def test_an_organisation_that_wants_jupyterlab_gets_it_with_one_setting(monkeypatch):
    c = _load(monkeypatch, WORKBOOK_USER_ENV=sys.prefix, WORKBOOK_JUPYTERLAB="1")
    assert _disabled(c) == set()
    assert c.Spawner.default_url == "/voila/render/home.ipynb"


def test_the_server_starting_page_follows_the_start_itself_when_its_script_fails(monkeypatch):
    from jinja2 import ChainableUndefined, ChoiceLoader, Environment, FileSystemLoader, PrefixLoader

    c = _load(monkeypatch, WORKBOOK_USER_ENV=sys.prefix)
    hub_templates = Path(sys.prefix) / "share" / "jupyterhub" / "templates"
    # The hub's own loader: the deployment's folder first, the hub's pages as templates/….
    env = Environment(loader=ChoiceLoader([
        PrefixLoader({"templates": FileSystemLoader([str(hub_templates)])}, "/"),
        FileSystemLoader(list(c.JupyterHub.template_paths) + [str(hub_templates)])]),
        autoescape=True, undefined=ChainableUndefined)  # what the hub's handlers add is left out
    page = env.get_template("spawn_pending.html").render(
        progress_url="/hub/api/users/ann/server/progress", base_url="/hub/",
        static_url=lambda path, **_: f"/hub/static/{path}", user={"name": "ann"},
        parsed_scopes=set(), announcement=None)
    assert 'require(["jquery", "jhapi"]' in page  # the hub's own script is still there
    fallback = page.split('require(["jquery", "jhapi"]')[1]
    assert "window._jupyterhub_page_loaded" in fallback
    assert 'new EventSource("/hub/api/users/ann/server/progress")' in fallback
    assert "window.location.reload()" in fallback


@pytest.mark.skipif(os.geteuid() != 0, reason="only root's hub runs servers as other accounts")
def test_the_hub_says_at_start_when_the_people_cannot_reach_the_workbook(monkeypatch, capsys):
    import tempfile

    from tests.real_hub import layer_environment

    root = Path(tempfile.mkdtemp(prefix="wbenv-"))
    try:
        root.chmod(0o711)
        (root / "closed").mkdir(mode=0o700)  # only root may enter
        _load(monkeypatch, WORKBOOK_USER_ENV=str(layer_environment(root / "closed")))
        said = capsys.readouterr().err
        assert said.count("The people's servers cannot start") == 1
        assert "WORKBOOK_USER_ENV" in said and "/opt/tljh/user" in said
        (root / "open").mkdir(mode=0o755)
        _load(monkeypatch, WORKBOOK_USER_ENV=str(layer_environment(root / "open")))
        assert "cannot start" not in capsys.readouterr().err
    finally:
        shutil.rmtree(root, ignore_errors=True)


def test_while_drop_folders_are_repaired_the_hub_goes_on_answering_one_repair_at_a_time(
        monkeypatch, tmp_path):
    import asyncio
    import inspect
    import json
    import time
    from types import SimpleNamespace

    sys.path.insert(0, str(CONFIG.parent))
    import drop_folders

    groups = tmp_path / "groups.json"
    groups.write_text(json.dumps({"groups": {
        "tuesday-club": {"coach": "claire", "members": ["ana", "bertrand"]}}}))
    running, overlaps = [], []

    def slow_prepare(root, name, coach, members, unix_name):
        if running:
            overlaps.append(name)
        running.append(name)
        time.sleep(0.3)  # gpasswd and setfacl on a busy server
        running.remove(name)

    monkeypatch.setattr(os, "geteuid", lambda: 0)  # only root's hub repairs the folders
    monkeypatch.setattr(drop_folders, "prepare_all", lambda *args: None)
    monkeypatch.setattr(drop_folders, "prepare", slow_prepare)
    c = _load(monkeypatch, WORKBOOK_USER_ENV=sys.prefix, WORKBOOK_GROUPS=str(groups))
    hook = c.Spawner.pre_spawn_hook
    spawners = [SimpleNamespace(user=SimpleNamespace(name=name), environment={})
                for name in ("ana", "bertrand", "claire")]

    async def hub():
        ticks = 0

        async def answering():  # the hub's other work: it must not wait for the repairs
            nonlocal ticks
            while True:
                await asyncio.sleep(0.01)
                ticks += 1

        async def spawn(spawner):  # as JupyterHub runs the hook: awaited if it is awaitable
            result = hook(spawner)
            if inspect.isawaitable(result):
                await result

        other = asyncio.create_task(answering())
        await asyncio.sleep(0)
        started = time.monotonic()
        await asyncio.gather(*(spawn(spawner) for spawner in spawners))
        other.cancel()
        return ticks, time.monotonic() - started

    ticks, seconds = asyncio.run(hub())
    # A tick every 10 ms while the repairs ran (half of them, on a busy machine).
    assert ticks >= seconds / 0.01 / 2, "the hub stopped answering while folders were repaired"
    assert overlaps == [], "two repairs ran at once"
    for spawner in spawners:
        assert spawner.environment["WORKBOOK_CARD_GROUPS"] == "tuesday-club"
