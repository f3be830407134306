"""The lock (constraints.txt): every package the workbook declares is pinned there, within the
ranges pyproject.toml states, and every install the project makes goes through it."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

REPO = Path(__file__).resolve().parents[2]


def _pins() -> dict[str, Version]:
    pins = {}
    for line in (REPO / "constraints.txt").read_text().splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            name, sep, version = line.partition("==")
            assert sep, f"not an exact pin: {line}"
            pins[canonicalize_name(name)] = Version(version)
    return pins


def _declared() -> list[Requirement]:
    project = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]
    found = [Requirement(r) for r in project["dependencies"]]
    for extra in project["optional-dependencies"].values():
        found += [Requirement(r) for r in extra]
    # An extra that names another of the project's extras ("networking-workbook[hub]") is
    # the project itself, installed from the checkout, not a package to pin.
    own = canonicalize_name(project["name"])
    return [r for r in found if canonicalize_name(r.name) != own]


def test_every_declared_package_is_locked_within_its_range():
    pins = _pins()
    for requirement in _declared():
        name = canonicalize_name(requirement.name)
        assert name in pins, f"{requirement.name} is not in constraints.txt: run make lock"
        assert requirement.specifier.contains(pins[name], prereleases=True), \
            f"constraints.txt has {name} {pins[name]}, outside {requirement}"
        assert not requirement.specifier.contains(Version("999")), \
            f"{requirement} has no upper bound: say up to which major it was tested"


def test_serve_test_bench_and_ci_install_from_the_lock():
    makefile = (REPO / "Makefile").read_text()
    installs = re.findall(r"^.*pip install.*$", makefile, re.M)
    project_installs = [line for line in installs if "-e " in line and "LOCK_VENV" not in line]
    assert len(project_installs) == 2                      # .installed and .installed-test
    assert all("--constraint $(LOCK)" in line for line in project_installs), project_installs
    for target in ("serve", "test", "bench", "fuzz"):
        assert re.search(rf"^{target}: \$\(VENV\)/\.installed", makefile, re.M), target
    assert "make test" in (REPO / ".ci" / "run").read_text()
