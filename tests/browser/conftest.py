"""Browser tests: the built example site in Debian's Chromium, driven by Playwright for Python,
with axe-core (from the npm registry, node_modules/) injected into each page.

Nothing leaves 127.0.0.1: the site is served by a small threaded HTTP server on a free port of
127.0.0.1, at the root and under a sub-path (/community-safety/reviews/) as a council would host
it; every request the pages make is recorded and any other host fails the test; the exit
page is answered locally by the test itself; Chromium runs with its background networking off
and every host name but 127.0.0.1 unresolvable.

When Chromium, Playwright or axe-core is missing, these tests are skipped with the reason,
except in CI (CI=true), where that is a failure. If node_modules/axe-core is missing and npm is
installed, the session runs `npm ci` first.

REVIEWSITE_TEST_CONTENT=DIR builds another content/ folder instead of the example content.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import threading
import urllib.parse
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
SUBPATH = "/community-safety/reviews/"
WITHDRAWN = "elmshire-police-da-plan"  # withdrawn in the test's copy, for the notice page
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--no-first-run", "--disable-sync", "--disable-extensions", "--disable-default-apps",
    "--disable-features=Translate,MediaRouter,OptimizationHints",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
]


def pytest_configure(config):
    config.addinivalue_line("markers", "browser: runs in a real browser (Chromium via Playwright)")


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "tests/browser/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)


def _in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() == "true"


def _unavailable(reason: str):
    """Skip with the reason; in CI, fail: there the browser tests must run."""
    if _in_ci():
        pytest.fail(f"browser tests cannot run in CI: {reason}", pytrace=False)
    pytest.skip(f"browser tests skipped: {reason}")


def chromium_path() -> str | None:
    explicit = os.environ.get("REVIEWSITE_CHROMIUM")
    if explicit:
        return explicit if os.access(explicit, os.X_OK) else None
    for candidate in ("/usr/bin/chromium", shutil.which("chromium"), shutil.which("chromium-browser")):
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    return None


def _ensure_axe() -> str | None:
    """The path of axe.min.js, running `npm ci` if node_modules is missing and npm is there."""
    if not AXE.is_file() and shutil.which("npm") and (ROOT / "package-lock.json").is_file():
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"], cwd=ROOT,
                       check=False, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=300)
    return str(AXE) if AXE.is_file() else None


# --- the site ---------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The example content built once per session (PDFs included), with one review withdrawn."""
    from generator import build, pdf
    from generator.cli import main

    steps = list(build.POST_BUILD_STEPS)
    pdf.register()  # whether or not the command imports it: the PDFs are tested here

    project = tmp_path_factory.mktemp("browser-project")
    content = Path(os.environ.get("REVIEWSITE_TEST_CONTENT") or ROOT / "content")
    shutil.copytree(content, project / "content")
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(ROOT / "theme", project / "theme")
    (project / "private").mkdir()
    if (ROOT / "private").is_dir():  # the registers make the build's audit stricter, never looser
        for f in (ROOT / "private").glob("*.yml"):
            shutil.copy(f, project / "private" / f.name)
    code = main(["--project", str(project), "withdraw", WITHDRAWN, "--reason",
                 "Withdrawn at the request of the family (a fictional example).", "--date", "2026-11-01"])
    assert code == 0, "reviewsite withdraw failed"
    out = project / "site"
    pdf_setting = os.environ.get("REVIEWSITE_PDF")
    os.environ["REVIEWSITE_PDF"] = "1"  # the unit tests turn PDFs off; here they are tested
    try:
        code = main(["--project", str(project), "build", "--out", str(out)])
    finally:
        build.POST_BUILD_STEPS[:] = steps  # leave the other tests' builds as they were
        if pdf_setting is None:
            os.environ.pop("REVIEWSITE_PDF", None)
        else:
            os.environ["REVIEWSITE_PDF"] = pdf_setting
    assert code == 0, "reviewsite build failed"
    return out


class _Handler(http.server.SimpleHTTPRequestHandler):
    """The site at / and at SUBPATH; a missing page gets the site's 404.html with status 404,
    as a web server configured for the site would do."""

    def log_message(self, *args):
        pass

    def translate_path(self, path):
        parsed = urllib.parse.urlsplit(path).path
        if parsed.startswith(SUBPATH):
            parsed = "/" + parsed[len(SUBPATH):]
        return super().translate_path(parsed)

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / "404.html"
        if code == 404 and page.is_file():
            body = page.read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)
            return
        super().send_error(code, message, explain)


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        import sys
        if not isinstance(sys.exc_info()[1], (ConnectionError, TimeoutError)):
            super().handle_error(request, client_address)  # a browser that hangs up is no error


@pytest.fixture(scope="session")
def server(built_site):
    handler = functools.partial(_Handler, directory=str(built_site))
    httpd = _Server(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(scope="session")
def exit_url(built_site) -> str:
    import yaml

    from generator.model import SiteSettings
    settings = yaml.safe_load((built_site.parent / "content" / "site.yml").read_text(encoding="utf-8"))
    return settings.get("exit_url") or SiteSettings.model_fields["exit_url"].default


# --- the browser --------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def axe_source() -> str:
    path = _ensure_axe()
    if path is None:
        _unavailable(f"axe-core is not installed ({AXE.relative_to(ROOT)} is missing; run `npm ci` "
                     "at the repository root, with Node.js and npm installed)")
    return Path(path).read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def browser(axe_source):
    executable = chromium_path()
    if executable is None:
        _unavailable("Chromium is not installed (install Debian's `chromium` package, or set "
                     "REVIEWSITE_CHROMIUM to its path)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("Playwright for Python is not installed (it is pinned in requirements.lock: `make install`)")
    pw = sync_playwright().start()
    try:
        b = pw.chromium.launch(executable_path=executable, headless=True, args=CHROMIUM_ARGS)
    except Exception as exc:  # pragma: no cover - depends on the machine
        pw.stop()
        _unavailable(f"Chromium ({executable}) could not be started by Playwright: {exc}")
    yield b
    b.close()
    pw.stop()


_RECORD_CSP = """
window.__rsCsp = [];
document.addEventListener('securitypolicyviolation', e => {
  window.__rsCsp.push(e.violatedDirective + ' ' + (e.blockedURI || '') + ' ' + (e.sourceFile || '') + ':' + e.lineNumber);
});
"""

EXIT_PAGE = "<!doctype html><html lang='en'><title>Exit page</title><h1>Weather</h1></html>"


class Session:
    """One browser context: every request recorded, anything not on 127.0.0.1 refused (the exit
    URL is answered locally, so nothing leaves the machine)."""

    def __init__(self, browser, axe_source, exit_url, *, javascript=True):
        self.exit_url = exit_url
        self.requests: list[str] = []
        self.outside: list[str] = []
        self.exits: list[str] = []
        self.context = browser.new_context(java_script_enabled=javascript, viewport={"width": 1280, "height": 900},
                                           locale="en-GB", service_workers="block")
        self.context.add_init_script(script=_RECORD_CSP)
        self.context.add_init_script(script=axe_source)
        self.context.on("request", lambda r: self.requests.append(r.url))
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()

    def _route(self, route):
        url = route.request.url
        host = urllib.parse.urlsplit(url).hostname
        if host == "127.0.0.1" or url.startswith(("data:", "blob:", "about:")):
            route.continue_()
        elif url.rstrip("/") == self.exit_url.rstrip("/"):
            self.exits.append(url)
            route.fulfill(status=200, content_type="text/html; charset=utf-8", body=EXIT_PAGE)
        else:
            self.outside.append(url)
            route.abort("blockedbyclient")

    def close(self):
        self.context.close()


@pytest.fixture(scope="session")
def _shared(browser, axe_source, exit_url):
    s = Session(browser, axe_source, exit_url)
    yield s
    s.close()


@pytest.fixture
def shared_session(_shared):
    """One context and page for the many page-by-page checks (a new one costs about half a
    second): its request log is cleared for each test, its cookies and storage are not, so the
    privacy checks see everything every page before did too."""
    _shared.requests.clear()
    _shared.outside.clear()
    _shared.exits.clear()
    return _shared


@pytest.fixture
def session(browser, axe_source, exit_url):
    s = Session(browser, axe_source, exit_url)
    yield s
    s.close()


@pytest.fixture
def session_nojs(browser, axe_source, exit_url):
    s = Session(browser, axe_source, exit_url, javascript=False)
    yield s
    s.close()
