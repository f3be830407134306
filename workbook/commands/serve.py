"""Serve the workbook's pages in the browser (Voilà).

Binds 127.0.0.1 by default. Any other address requires a token: one is generated and the
tokenised address printed, since the pages hold a job seeker's private network.
"""

from __future__ import annotations

import argparse
import errno
import ipaddress
import os
import secrets
import shutil
import socket
import sys
from pathlib import Path

from workbook.commands import UsageError, messages
from workbook.i18n import LANGUAGES, Translator
from workbook.paths import (
    DEFAULT_PROFILE,
    DEMO_PROFILE,
    SESSION_VIEW_VARIABLE,
    check_profile_name,
    data_home,
    notebooks_dir,
    voila_templates_root,
)
from workbook.store import NewerSchemaError, open_profile
from workbook.store.settings import set_setting
from workbook.voila_server import ANNOUNCE_VARIABLE, APP_PAGE, TOKEN_VARIABLE, is_loopback

# A kernel with no page connected for this long is shut (a tab closed without a goodbye, a
# laptop asleep); a page open in a tab is never culled. Never let a page wait forever on a
# stuck cell either.
IDLE_KERNEL_SECONDS = 600
CELL_TIMEOUT_SECONDS = 120


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--profile", help="cli.arg.serve.profile")
    parser.add_argument("--port", type=int, default=8866, help="cli.arg.serve.port")
    parser.add_argument("--ip", default="127.0.0.1", help="cli.arg.serve.ip")
    parser.add_argument("--demo", action="store_true", help="cli.arg.serve.demo")
    parser.add_argument("--lang", choices=LANGUAGES, help="cli.arg.serve.lang")
    parser.add_argument("--token", help="cli.arg.serve.token")
    parser.add_argument("--session", action="store_true", help="cli.arg.serve.session")


SESSION_PAGE = "group.ipynb"


def pages_folder(session: bool) -> Path:
    """The notebooks served: all pages, or for a group session a folder holding only the
    group page (Voilà serves every notebook of its folder)."""
    if not session:
        return notebooks_dir()
    folder = data_home() / "served" / "session"
    folder.mkdir(parents=True, exist_ok=True)
    for stale in folder.glob("*.ipynb"):
        stale.unlink()
    shutil.copyfile(notebooks_dir() / SESSION_PAGE, folder / SESSION_PAGE)
    return folder


def voila_command(args: argparse.Namespace, pages: Path | None = None) -> list[str]:
    """The server's command line. It holds no secret: the token goes through the
    environment, since every local user can read a command line with `ps`."""
    return [
        sys.executable, "-m", "workbook.voila_server", str(pages or notebooks_dir()),
        "--no-browser", f"--port={args.port}", f"--Voila.ip={args.ip}",
        "--Voila.port_retries=0",    # a busy port is an error, never a silent move
        "--template=workbook", "--theme=light",
        f"--VoilaExecutor.timeout={CELL_TIMEOUT_SECONDS}",
        f"--MappingKernelManager.cull_idle_timeout={IDLE_KERNEL_SECONDS}",
        "--MappingKernelManager.cull_interval=60",
    ]


def session_arguments(session: bool) -> list[str]:
    """A group session's server answers only for the session page (`voila_server`'s
    `session_handlers`): the room gets nothing else, code or no code."""
    return [f"--WorkbookVoila.session_page={SESSION_PAGE}"] if session else []


def check_port_free(ip: str, port: int, tr: Translator) -> None:
    """Refuse a port another program holds, before printing any address: the address
    printed must be the one the pages are served at."""
    family = socket.AF_INET6 if ":" in ip else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((ip, port))
        except OSError as problem:
            if problem.errno == errno.EADDRINUSE:
                raise UsageError(tr("cli.error.port_in_use", port=port, ip=ip)) from None
            raise UsageError(tr("cli.error.cannot_listen", ip=ip, port=port,
                                reason=problem.strerror)) from None


def lan_addresses() -> list[str]:
    """This machine's IPv4 addresses that other machines of the local network can reach
    (not loopback, not link-local), for a group session's participants."""
    import psutil  # installed with the Jupyter kernel

    found = []
    for addresses in psutil.net_if_addrs().values():
        for address in addresses:
            if address.family != socket.AF_INET:
                continue
            ip = ipaddress.ip_address(address.address)
            if not ip.is_loopback and not ip.is_link_local:
                found.append(address.address)
    return sorted(set(found))


def addresses_to_print(ip: str, port: int, token: str, page: str = APP_PAGE) -> list[str]:
    """Where to open the pages: the bound address, or every reachable one for 0.0.0.0."""
    hosts = ([*lan_addresses(), "127.0.0.1"] if ip in ("0.0.0.0", "::", "") else
             [f"[{ip}]" if ":" in ip else ip])
    query = f"?token={token}" if token else ""
    return [f"http://{host}:{port}/voila/render/{page}{query}" for host in hosts]


def server_environment(profile: str, token: str) -> dict[str, str]:
    """The server's environment: the profile its pages open, the token, and where Voilà
    finds the workbook's template."""
    env = dict(os.environ, WORKBOOK_PROFILE=profile, **{TOKEN_VARIABLE: token})
    env["JUPYTER_PATH"] = os.pathsep.join(
        p for p in (str(voila_templates_root()), os.environ.get("JUPYTER_PATH", "")) if p)
    return env


def run(args: argparse.Namespace) -> int:
    tr = messages(args)
    if not 0 < args.port < 65536:
        raise UsageError(tr("cli.error.port_range", port=args.port))
    profile = check_profile_name(args.profile or (DEMO_PROFILE if args.demo else DEFAULT_PROFILE))
    token = args.token or ""
    if not is_loopback(args.ip) and not token:
        token = secrets.token_urlsafe(24)
    check_port_free(args.ip, args.port, tr)
    try:
        conn = open_profile(profile)
    except NewerSchemaError as problem:
        raise UsageError(tr("cli.error.serve_newer", profile=repr(profile), problem=problem)) \
            from None
    try:
        if args.lang:       # first: the demo speaks the language it is served in
            set_setting(conn, "lang", args.lang)
        if args.demo:
            from workbook.demo import fill_demo
            from workbook.store.profile import has_contacts

            if not has_contacts(conn):
                fill_demo(conn)
    finally:
        conn.close()

    env = server_environment(profile, token)
    session = getattr(args, "session", False)
    if session:
        env[SESSION_VIEW_VARIABLE] = "session"
    urls = addresses_to_print(args.ip, args.port, token, SESSION_PAGE if session else APP_PAGE)
    # Printed by the server once it answers (an address printed before would be refused
    # for the seconds Voilà takes to start).
    env[ANNOUNCE_VARIABLE] = "\n".join(
        [tr("cli.serve.open", profile=repr(profile), url=urls[0])]
        + [tr("cli.serve.or", url=url) for url in urls[1:]])
    # Voilà takes this process's place, so stopping `workbook serve` (Ctrl-C, SIGTERM) stops
    # the server itself and its kernels; a child process would be left running.
    command = voila_command(args, pages_folder(session)) + session_arguments(session)
    os.execve(command[0], command, env)
    return 0  # not reached
