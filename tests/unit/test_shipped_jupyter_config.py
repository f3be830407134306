"""The Jupyter config files the package installs into its environment (etc/jupyter): the
workbook's template, cell timeout and kernel culling for every Jupyter server or Voilà started
from it (JupyterHub's single-user servers included), and the hub's group file rules."""

import importlib.util
import json
import os
import sys
import tomllib
from pathlib import Path

import pytest

from workbook.commands import serve

REPO = Path(__file__).resolve().parents[2]
SHIPPED = REPO / "workbook" / "share" / "etc" / "jupyter"


def _load(name: str) -> dict:
    return json.loads((SHIPPED / name).read_text())


def test_the_package_installs_its_jupyter_config_and_template_into_the_environment():
    shared = tomllib.loads((REPO / "pyproject.toml").read_text())["tool"]["hatch"]["build"][
        "targets"]["wheel"]["shared-data"]
    assert shared["workbook/share/etc/jupyter"] == "etc/jupyter"
    template = shared["workbook/share/jupyter/voila/templates/workbook"]
    assert template == "share/jupyter/voila/templates/workbook"
    assert _load("voila.json")["VoilaConfiguration"]["template"] == "workbook"
    assert (REPO / "workbook/share/jupyter/voila/templates/workbook/index.html.j2").is_file()


def test_voila_alone_and_voila_in_a_jupyter_server_get_the_same_limits():
    voila, server = _load("voila.json"), _load("jupyter_server_config.json")
    for section in ("VoilaExecutor", "MappingKernelManager"):
        assert voila[section] == server[section]
    assert server["VoilaExecutor"]["timeout"] == serve.CELL_TIMEOUT_SECONDS
    assert server["MappingKernelManager"]["cull_idle_timeout"] == serve.IDLE_KERNEL_SECONDS


def test_a_jupyter_server_does_not_send_pages_to_the_mathjax_cdn():
    """Voilà's front end loads MathJax from a public CDN unless both settings are null."""
    settings = _load("jupyter_server_config.json")["ServerApp"]["tornado_settings"]
    assert settings == {"mathjax_url": None, "mathjax_config": None}


@pytest.fixture
def drop_folders():
    path = REPO / "deploy" / "jupyterhub" / "drop_folders.py"
    spec = importlib.util.spec_from_file_location("drop_folders", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules["drop_folders"] = module
    spec.loader.exec_module(module)
    yield module
    del sys.modules["drop_folders"]


def test_the_groups_file_names_coaches_and_members(drop_folders, tmp_path):
    groups = drop_folders.load_groups(REPO / "deploy" / "jupyterhub" / "groups.example.json")
    assert drop_folders.groups_of("claire", groups) == ["thursday-club", "tuesday-club"]
    assert drop_folders.groups_of("ana", groups) == ["tuesday-club"]
    assert drop_folders.groups_of("stranger", groups) == []


@pytest.mark.parametrize("content", [
    {"groups": {"../etc": {"coach": "c", "members": []}}},
    {"groups": {"Club A": {"coach": "c", "members": []}}},
    {"groups": {"club_a": {"coach": "c", "members": []}}},
    {"groups": {"club": {"members": ["a"]}}},
    {"groups": ["club"]},
])
def test_a_groups_file_that_would_make_unsafe_folders_is_refused(drop_folders, tmp_path,
                                                                content):
    path = tmp_path / "groups.json"
    path.write_text(json.dumps(content))
    with pytest.raises(drop_folders.GroupsFileError):
        drop_folders.load_groups(path)


def test_without_setfacl_no_drop_folder_is_made_and_the_error_says_what_to_install(
        drop_folders, tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path / "empty-bin"))
    root = tmp_path / "cards"
    with pytest.raises(drop_folders.UnprotectedFolderError) as caught:
        drop_folders.prepare(root, "tuesday-club", "claire", ["ana"])
    assert "apt-get install acl" in str(caught.value)
    assert not root.exists()
    groups = tmp_path / "groups.json"
    groups.write_text(json.dumps({"groups": {"club": {"coach": "c", "members": []}}}))
    monkeypatch.setenv("WORKBOOK_CARD_DROP", str(root))
    assert drop_folders.main(["drop_folders.py", str(groups)]) == 1
    assert not root.exists()


@pytest.mark.skipif(os.geteuid() != 0, reason="making a drop folder chowns it: run as root")
def test_a_file_system_that_refuses_acls_leaves_no_open_drop_folder(drop_folders, tmp_path,
                                                                    monkeypatch):
    tools = tmp_path / "bin"
    tools.mkdir()
    fake = tools / "setfacl"                   # what setfacl says where ACLs are not supported
    fake.write_text("#!/bin/sh\necho 'setfacl: Operation not supported' >&2\nexit 1\n")
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", f"{tools}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setattr(drop_folders, "_ensure_unix_group", lambda name, members: 0)
    root = tmp_path / "cards"
    with pytest.raises(drop_folders.UnprotectedFolderError) as caught:
        drop_folders.prepare(root, "wbtest-club", "nobody", [])
    assert "Operation not supported" in str(caught.value)
    assert not (root / "wbtest-club").exists()
