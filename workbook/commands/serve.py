"""Serve the workbook's pages in the browser (Voilà).

Binds 127.0.0.1 by default. Any other address requires a token: one is generated and the
tokenised address printed, since the pages hold a job seeker's private network.
"""

from __future__ import annotations

import argparse
import ipaddress
import os
import secrets
import sys

from workbook.commands import UsageError
from workbook.i18n import LANGUAGES
from workbook.paths import (
    DEFAULT_PROFILE,
    DEMO_PROFILE,
    check_profile_name,
    notebooks_dir,
    voila_templates_root,
)
from workbook.store import NewerSchemaError, open_profile
from workbook.store.settings import set_setting

# Reap kernels of closed tabs (a closed tab does not stop its kernel) and never let a page
# wait forever on a stuck cell.
IDLE_KERNEL_SECONDS = 1800
CELL_TIMEOUT_SECONDS = 120


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--profile", help=f"profile name (default: {DEFAULT_PROFILE}, "
                        f"or {DEMO_PROFILE} with --demo)")
    parser.add_argument("--port", type=int, default=8866, help="port (default: 8866)")
    parser.add_argument("--ip", default="127.0.0.1", help="address to bind (default: 127.0.0.1)")
    parser.add_argument("--demo", action="store_true",
                        help="fill the profile with the demo persona first if it is empty")
    parser.add_argument("--lang", choices=LANGUAGES, help="language of the pages")
    parser.add_argument("--token", help="access token (generated when binding a non-loopback "
                        "address)")


def is_loopback(address: str) -> bool:
    if address == "localhost":
        return True
    try:
        return ipaddress.ip_address(address).is_loopback
    except ValueError:
        return False


def voila_command(args: argparse.Namespace, token: str) -> list[str]:
    return [
        sys.executable, "-m", "voila", str(notebooks_dir()),
        "--no-browser", f"--port={args.port}", f"--Voila.ip={args.ip}",
        "--template=workbook", "--theme=light",
        f"--token={token}",
        f"--VoilaExecutor.timeout={CELL_TIMEOUT_SECONDS}",
        f"--MappingKernelManager.cull_idle_timeout={IDLE_KERNEL_SECONDS}",
        "--MappingKernelManager.cull_interval=300",
    ]


def run(args: argparse.Namespace) -> int:
    if not 0 < args.port < 65536:
        raise UsageError(f"port {args.port} is out of range 1-65535")
    profile = check_profile_name(args.profile or (DEMO_PROFILE if args.demo else DEFAULT_PROFILE))
    token = args.token or ""
    if not is_loopback(args.ip) and not token:
        token = secrets.token_urlsafe(24)
    try:
        conn = open_profile(profile)
    except NewerSchemaError as problem:
        raise UsageError(f"profile {profile!r} was written by a newer workbook ({problem})") \
            from None
    try:
        if args.demo:
            from workbook.demo import fill_demo
            from workbook.store.profile import has_contacts

            if not has_contacts(conn):
                fill_demo(conn)
        if args.lang:
            set_setting(conn, "lang", args.lang)
    finally:
        conn.close()

    env = dict(os.environ, WORKBOOK_PROFILE=profile)
    env["JUPYTER_PATH"] = os.pathsep.join(
        p for p in (str(voila_templates_root()), os.environ.get("JUPYTER_PATH", "")) if p)
    host = "127.0.0.1" if args.ip in ("0.0.0.0", "::") else args.ip
    url = f"http://{host}:{args.port}/voila/render/home.ipynb"
    if token:
        url += f"?token={token}"
    print(f"Networking Workbook — profile {profile!r}: open {url}", flush=True)
    # Voilà takes this process's place, so stopping `workbook serve` (Ctrl-C, SIGTERM) stops
    # the server itself and its kernels; a child process would be left running.
    command = voila_command(args, token)
    os.execve(command[0], command, env)
    return 0  # not reached
