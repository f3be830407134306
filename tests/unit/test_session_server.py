"""The room's server (`workbook serve --session`) has routes for the session page and what it
needs to run, nothing else: a path without a route is 404 before any access-code check."""

import argparse

from workbook.commands.serve import SESSION_PAGE, session_arguments, voila_command
from workbook.voila_server import SESSION_ROUTES, WorkbookVoila


def _routes(folder, *extra: str) -> list[str]:
    app = WorkbookVoila()
    app.initialize([str(folder), "--no-browser", *extra])
    app.init_settings()
    return [handler[0] for handler in app.init_handlers()]


def test_only_the_session_page_and_what_it_needs_have_a_route(tmp_path):
    everything = _routes(tmp_path)
    assert "/" in everything and "/voila/render/(.*)" in everything
    room = _routes(tmp_path, *session_arguments(True))
    assert "/voila/render/(group\\.ipynb)" in room
    for gone in ("/", "/voila/render/(.*)", "/voila/files/(.*)", "/logout"):
        assert gone not in room, gone
    assert not [r for r in room if r.startswith(("/voila/tree", "/voila/api/contents"))]
    assert all(route.startswith(SESSION_ROUTES) or route == "/voila/render/(group\\.ipynb)"
               for route in room), room


def test_serve_session_asks_for_the_session_page_only():
    assert session_arguments(True) == [f"--WorkbookVoila.session_page={SESSION_PAGE}"]
    assert session_arguments(False) == []
    args = argparse.Namespace(port=9, ip="127.0.0.1")
    assert not any("session_page" in part for part in voila_command(args))
