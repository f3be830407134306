"""Voilà as the workbook runs it: `workbook serve` starts this module, never `voila` itself.

What it adds to Voilà's own server, and why:
- Host check: on a loopback address, a request must name a loopback host (`localhost`,
  `127.0.0.1`, `[::1]`). Voilà lets any `Host` through, so a web page on another site could
  rebind its name to 127.0.0.1 and read a job seeker's network through the kernel socket.
- The XSRF cookie is set when a page is served, so the page's "shut my kernel down" request
  on leaving is accepted (without the cookie the server refused it, and every page left
  behind kept a 100-180 MB kernel alive until the idle cull).
- A bound on kernels: kernels of pages nobody connected to (a page requested and never
  opened, a tab whose goodbye did not arrive) are shut when a new page starts, and past
  `MAX_KERNELS` a new page is refused with a sentence instead of filling the memory.
- The token comes from the environment (`WORKBOOK_SERVE_TOKEN`), never the command line,
  which every local user can read with `ps`.
- A group session's server (`session_page` set) answers only for that page and what it needs
  to run (its assets, its kernel's socket, the access-code form): the tree of notebooks, the
  contents API, the files beside the notebooks and every other path are 404, with or without
  the code (see `session_handlers`).
- `/` opens the app (`app.ipynb`) rather than a listing of notebook files, and the address
  `workbook serve` gives (`WORKBOOK_SERVE_ANNOUNCE`) is printed once the server answers.
- The page shown while a notebook runs speaks the profile's language (see `before_page`).
- `/api/kernels` lists the kernels alive (reading only, behind the same login as the pages),
  so whoever runs the server can see that one open app holds one kernel.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import ipaddress
import os
import re
import sys
from pathlib import Path

import jinja2
from jupyter_server.services.kernels.handlers import MainKernelHandler
from jupyter_server.utils import url_path_join
from tornado import web
from tornado.ioloop import IOLoop
from traitlets import Float, Integer, Unicode
from voila.app import Voila

TOKEN_VARIABLE = "WORKBOOK_SERVE_TOKEN"
ANNOUNCE_VARIABLE = "WORKBOOK_SERVE_ANNOUNCE"
APP_PAGE = "app.ipynb"
SERVER_TEMPLATES = (Path(__file__).resolve().parent / "share" / "jupyter" / "voila"
                    / "templates" / "workbook" / "server")
LOCAL_HOSTNAMES = ["localhost"]


def is_loopback(address: str) -> bool:
    """True for an address only this machine can reach (`localhost`, 127.x, ::1)."""
    if address == "localhost":
        return True
    try:
        return ipaddress.ip_address(address.strip("[]")).is_loopback
    except ValueError:
        return False


def abandoned_kernels(kernel_manager, after_seconds: float,
                      now: dt.datetime | None = None) -> list[str]:
    """Kernels with no browser connected and no activity for `after_seconds`."""
    now = now or dt.datetime.now(dt.UTC)
    found = []
    for kernel_id in list(kernel_manager.list_kernel_ids()):
        if kernel_manager._kernel_connections.get(kernel_id, 0) > 0:
            continue
        last = getattr(kernel_manager.get_kernel(kernel_id), "last_activity", None)
        if last is not None and (now - last).total_seconds() > after_seconds:
            found.append(kernel_id)
    return found


def before_page(handler, notebook, cwd):
    """Voilà's pre-launch hook: runs for every page request, before its kernel starts."""
    handler.xsrf_token   # noqa: B018  (reading it sets the `_xsrf` cookie the page sends back)
    _speak_the_profiles_language(notebook)
    app = handler.settings["voila"]
    kernels = handler.kernel_manager
    gone = abandoned_kernels(kernels, app.abandoned_seconds)
    for kernel_id in gone:
        handler.log.info("Shutting down kernel %s: no page is connected to it", kernel_id)
        asyncio.ensure_future(kernels.shutdown_kernel(kernel_id))
    if len(kernels.list_kernel_ids()) - len(gone) >= app.max_kernels:
        raise web.HTTPError(503, reason=(
            "Too many workbook pages are open. Close some tabs, then reload this page. / "
            "Trop de pages du classeur sont ouvertes. Fermez des onglets, puis rechargez."))
    return notebook


# What a session page needs besides itself: Voilà's kernel routes and socket, its static
# files, templates, themes and widget extensions, the kernel shutdown on leaving, and the
# login form where a participant types the access code.
SESSION_ROUTES = ("/api/kernels/", "/voila/templates/", "/voila/static/", "/voila/api/themes/",
                  "/voila/api/shutdown/", "/voila/labextensions/", "/login")


def session_handlers(handlers: list, base_url: str, page: str) -> list:
    """Voilà's routes cut down to one page: `/voila/render/<page>` and the routes it needs
    (`SESSION_ROUTES`). Whatever else the room asks for (`/`, `/voila/tree`, the contents
    API that lists notebooks and their times, `/voila/files/`) has no route: tornado answers
    404 before any login check, so the code changes nothing."""
    prefix = base_url.rstrip("/")
    kept = [h for h in handlers
            if any(h[0].startswith(prefix + route) for route in SESSION_ROUTES)]
    render = next(h for h in handlers if h[0] == prefix + "/voila/render/(.*)")
    page_route = prefix + "/voila/render/(" + re.escape(page) + ")"
    return [*kept, (page_route, *render[1:])]


def _speak_the_profiles_language(notebook) -> None:
    """The tab's title and the words shown until the page is drawn, in the language the
    profile's pages speak (the template reads them from the notebook's metadata)."""
    from workbook.i18n import Translator, choose_language
    from workbook.paths import DEFAULT_PROFILE
    from workbook.store import open_profile
    from workbook.store.settings import get_setting

    saved = None
    try:
        conn = open_profile(os.environ.get("WORKBOOK_PROFILE") or DEFAULT_PROFILE)
        try:
            saved = get_setting(conn, "lang")
        finally:
            conn.close()
    except Exception:       # the page itself says what is wrong with the profile
        saved = None
    tr = Translator(choose_language(None, saved))
    notebook.metadata["title"] = tr("app.title")
    notebook.metadata["workbook"] = {"lang": tr.lang, "loading": tr("app.server_loading")}


class KernelList(MainKernelHandler):
    """The kernels alive, as Jupyter's server lists them; starting one is not offered (a
    kernel starts with a page)."""

    async def post(self):
        raise web.HTTPError(405)


class WorkbookVoila(Voila):
    """Voilà with the workbook's host check and kernel bound (see the module's docstring)."""

    max_kernels = Integer(12, config=True, help="Most kernels alive at once; a page past "
                          "it is refused with a sentence.")
    abandoned_seconds = Float(45, config=True, help="A kernel no page connected to for "
                              "this long is shut when a new page starts. A page's kernel is "
                              "connected a few seconds after the page is served.")

    session_page = Unicode("", config=True, help="Serve only this notebook (a group "
                           "session for the room): every other path is 404.")

    def init_settings(self):
        settings = super().init_settings()
        # Voilà allows any Host; on loopback only loopback names may reach the pages. On
        # another address (a group session on a LAN) the token is what keeps others out.
        settings["allow_remote_access"] = not is_loopback(self.ip)
        settings["local_hostnames"] = LOCAL_HOSTNAMES
        # The login page in the workbook's words (the server's own talks of `jupyter server
        # list`): its folder comes first for the server's pages.
        server_pages = settings["jinja2_env"]
        server_pages.loader = jinja2.ChoiceLoader(
            [jinja2.FileSystemLoader(str(SERVER_TEMPLATES)), server_pages.loader])
        return settings

    def init_handlers(self):
        """Voilà's handlers, with `/` sending to the app (query kept: a token travels on);
        for a group session only the session page's."""
        handlers = super().init_handlers()
        if self.session_page:
            return session_handlers(handlers, self.server_url, self.session_page)
        root = self.server_url
        app = url_path_join(self.server_url, "voila/render", APP_PAGE)
        redirect = (root, web.RedirectHandler, {"url": app, "permanent": False})
        kernels = (url_path_join(self.server_url, "api/kernels"), KernelList)
        return [redirect if entry[0] == root else entry for entry in handlers] + [kernels]

    def start(self):
        announce = os.environ.pop(ANNOUNCE_VARIABLE, "")
        if announce:
            # Runs once the loop serves requests: the address printed answers at once.
            IOLoop.current().add_callback(print, announce, flush=True)
        super().start()


def main(argv: list[str] | None = None) -> None:
    token = os.environ.pop(TOKEN_VARIABLE, "")   # kernels started later do not inherit it
    app = WorkbookVoila.instance(token=token)
    app.initialize(argv if argv is not None else sys.argv[1:])
    app.voila_configuration.prelaunch_hook = before_page
    app.start()


if __name__ == "__main__":
    main()
