"""Post-build step: a PDF of each published report, made offline from the built HTML.

Debian's Chromium prints each report page (executive summary, overview report, Home Office
letter) to PDF with its print stylesheet (no navigation, no buttons, no help block), exactly as
a reader's browser would print it. The PDF's Title is the page's <title>; the PDF is tagged
(headings, lists, tables) and has an outline of its headings. It is written beside the page,
`reviews/<slug>/overview-report/<slug>-overview-report.pdf`, and a download link (with the
file's size) replaces the `<!--rs-pdf-->` marker that theme/main.html leaves on report pages,
so that a page links to its PDF only once the PDF exists.

Nothing leaves the machine: the built site is served on 127.0.0.1 from the staging directory
for the duration of the step, Chromium runs headless with a throw-away profile, its background
networking off, and every host name but 127.0.0.1 unresolvable.

Importing this module registers the step in `generator.build.POST_BUILD_STEPS`.

If Chromium is not installed the step says so and the build goes on without PDFs, except in
CI (`CI=true`), where that is an error. `REVIEWSITE_PDF=0` turns the step off on purpose.
"""

from __future__ import annotations

import base64
import fcntl
import functools
import html
import http.server
import json
import os
import re
import select
import shutil
import signal
import sys
import tempfile
import threading
import time
from pathlib import Path

from generator import build

REPORT_PAGES = ("executive-summary", "overview-report", "home-office-letter")
MARKER = "<!--rs-pdf-->"
PAGE_TIMEOUT = 60.0  # seconds for one page to load and print

CHROMIUM_FLAGS = [
    "--headless", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--no-first-run", "--disable-sync", "--disable-extensions", "--disable-default-apps",
    "--mute-audio", "--no-default-browser-check", "--disable-features=Translate,MediaRouter",
    # No host name resolves but our own server's: nothing can leave the machine.
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
]


class PdfError(build.BuildFailed):
    pass


def find_chromium() -> str | None:
    """REVIEWSITE_CHROMIUM, else Debian's `chromium` (or `chromium-browser`) on the PATH."""
    explicit = os.environ.get("REVIEWSITE_CHROMIUM")
    if explicit:
        return explicit if os.access(explicit, os.X_OK) else None
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    return None


def report_pages(site_dir: Path) -> list[tuple[Path, str]]:
    """(the page's index.html, its path from the site root) for every report page built."""
    found = []
    reviews = site_dir / "reviews"
    if not reviews.is_dir():
        return found
    for review in sorted(p for p in reviews.iterdir() if p.is_dir()):
        for name in REPORT_PAGES:
            page = review / name / "index.html"
            if page.is_file():
                found.append((page, f"reviews/{review.name}/{name}/"))
    return found


def pdf_step(site_dir: Path, content=None) -> None:
    """The POST_BUILD_STEPS entry: make every report's PDF and link it from its page."""
    if os.environ.get("REVIEWSITE_PDF", "1").strip().lower() in ("0", "no", "off", "false"):
        _say("PDFs: skipped (REVIEWSITE_PDF is off).")
        return
    pages = report_pages(site_dir)
    if not pages:
        return
    chromium = find_chromium()
    if chromium is None:
        why = ("Chromium was not found (install Debian's `chromium` package, or set "
               "REVIEWSITE_CHROMIUM to a Chromium or Chrome binary)")
        if os.environ.get("CI", "").lower() == "true":
            raise PdfError(f"PDFs of the reports could not be made: {why}")
        _say(f"PDFs: skipped, {len(pages)} report page(s) have no PDF: {why}. "
             "The pages are published without a PDF link.")
        return
    started = time.perf_counter()
    made = make_pdfs(site_dir, pages, chromium)
    _say(f"PDFs: {len(made)} report PDF(s) made in {time.perf_counter() - started:.1f} s.")


def make_pdfs(site_dir: Path, pages: list[tuple[Path, str]], chromium: str) -> list[Path]:
    made = []
    with _Server(site_dir) as server, _Chromium(chromium) as browser:
        for page, rel in pages:
            slug = Path(rel).parts[1]
            target = page.parent / f"{slug}-{page.parent.name}.pdf"
            data = browser.print_to_pdf(f"{server.base}{rel}")
            target.write_bytes(data)
            _link(page, target)
            made.append(target)
    return made


def _link(page: Path, pdf: Path) -> None:
    text = page.read_text(encoding="utf-8")
    if MARKER not in text:
        return
    size = pdf.stat().st_size
    shown = f"{size / 1024:,.0f} KB" if size < 1024 * 1024 else f"{size / 1024 / 1024:,.1f} MB"
    link = (f'<p class="rs-download"><a href="{html.escape(pdf.name)}" download>'
            f'Download this report as a PDF</a> (PDF, {shown}). '
            f'The web page and the PDF have the same content.</p>')
    page.write_text(text.replace(MARKER, link, 1), encoding="utf-8")


def pdf_title(data: bytes) -> str | None:
    """The /Title in a PDF's document information (as Chromium writes it), or None."""
    m = re.search(rb"/Title\s*(\((?:\\.|[^\\)])*\)|<[0-9A-Fa-f\s]*>)", data)
    if not m:
        return None
    raw = m.group(1)
    if raw.startswith(b"<"):
        b = bytes.fromhex(re.sub(rb"\s", b"", raw[1:-1]).decode())
    else:
        b = re.sub(rb"\\([nrtbf()\\]|[0-7]{1,3})", lambda e: _unescape(e.group(1)), raw[1:-1])
    if b.startswith(b"\xfe\xff"):
        return b[2:].decode("utf-16-be")
    return b.decode("latin-1")


def _unescape(code: bytes) -> bytes:
    simple = {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"b": b"\b", b"f": b"\f",
              b"(": b"(", b")": b")", b"\\": b"\\"}
    return simple.get(code) or bytes([int(code, 8) & 0xFF])


def _say(message: str) -> None:
    print(message, file=sys.stderr)


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


class _QuietServer(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        if not isinstance(sys.exc_info()[1], (ConnectionError, TimeoutError)):
            super().handle_error(request, client_address)  # a browser hanging up is no error


class _Server:
    """The staging directory on 127.0.0.1, on a free port, for as long as the step runs."""

    def __init__(self, root: Path):
        handler = functools.partial(_Quiet, directory=str(root))
        self.httpd = _QuietServer(("127.0.0.1", 0), handler)
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}/"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()


class _Chromium:
    """One headless Chromium for all the pages, driven over the DevTools protocol on a pipe
    (--remote-debugging-pipe: no port is opened)."""

    def __init__(self, binary: str):
        self.binary = binary
        self.next_id = 0
        self.buffer = b""
        self.events: list[dict] = []

    def __enter__(self):
        self.profile = tempfile.mkdtemp(prefix="rs-chromium-")
        # The browser reads commands on fd 3 and writes replies on fd 4.
        to_child_r, to_child_w = os.pipe()
        from_child_r, from_child_w = os.pipe()
        # Out of the way of 3 and 4 before they are moved there in the child.
        hi_r = fcntl.fcntl(to_child_r, fcntl.F_DUPFD_CLOEXEC, 10)
        hi_w = fcntl.fcntl(from_child_w, fcntl.F_DUPFD_CLOEXEC, 10)
        os.close(to_child_r)
        os.close(from_child_w)

        flags = list(CHROMIUM_FLAGS)
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            flags.append("--no-sandbox")  # Chromium refuses to run as root with its sandbox
        argv = [self.binary, *flags, f"--user-data-dir={self.profile}", "--remote-debugging-pipe",
                "about:blank"]
        # posix_spawn, not fork: safe while other threads run (the local server's, mkdocs').
        actions = [(os.POSIX_SPAWN_DUP2, hi_r, 3), (os.POSIX_SPAWN_DUP2, hi_w, 4),
                   (os.POSIX_SPAWN_OPEN, 0, os.devnull, os.O_RDONLY, 0),
                   (os.POSIX_SPAWN_OPEN, 1, os.devnull, os.O_WRONLY, 0),
                   (os.POSIX_SPAWN_OPEN, 2, os.devnull, os.O_WRONLY, 0)]
        try:
            self.pid = os.posix_spawn(self.binary, argv, dict(os.environ), file_actions=actions)
        except OSError as exc:
            os.close(to_child_w)
            os.close(from_child_r)
            shutil.rmtree(self.profile, ignore_errors=True)
            raise PdfError(f"PDFs: Chromium ({self.binary}) could not start: {exc}") from None
        finally:
            os.close(hi_r)
            os.close(hi_w)
        self.write_fd = to_child_w
        self.read_fd = from_child_r
        try:
            target = self.call("Target.createTarget", {"url": "about:blank"})["targetId"]
            self.session = self.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
            self.call("Page.enable", session=self.session)
        except BaseException:
            self.__exit__(None, None, None)
            raise
        return self

    def __exit__(self, *exc):
        try:
            if self._running():
                try:
                    self.call("Browser.close", timeout=5)
                except Exception:
                    pass
                deadline = time.monotonic() + 5
                while self._running() and time.monotonic() < deadline:
                    time.sleep(0.05)
                if self._running():
                    os.kill(self.pid, signal.SIGKILL)
                    os.waitpid(self.pid, 0)
        finally:
            for fd in (self.write_fd, self.read_fd):
                try:
                    os.close(fd)
                except OSError:
                    pass
            shutil.rmtree(self.profile, ignore_errors=True)

    def _running(self) -> bool:
        try:
            pid, _ = os.waitpid(self.pid, os.WNOHANG)
        except ChildProcessError:
            return False
        return pid == 0

    def print_to_pdf(self, url: str) -> bytes:
        self.events.clear()
        deadline = time.monotonic() + PAGE_TIMEOUT
        reply = self.call("Page.navigate", {"url": url}, session=self.session)
        if reply.get("errorText"):
            raise PdfError(f"PDFs: Chromium could not open {url}: {reply['errorText']}")
        self.wait_event("Page.loadEventFired", deadline)
        self.call("Runtime.evaluate", {"expression": "document.fonts.ready.then(() => true)",
                                       "awaitPromise": True}, session=self.session)
        result = self.call("Page.printToPDF", {
            "printBackground": True,
            "preferCSSPageSize": True,
            "generateTaggedPDF": True,
            "generateDocumentOutline": True,
            "displayHeaderFooter": True,
            "headerTemplate": "<span></span>",
            "footerTemplate": ('<div style="font-size:8pt;width:100%;text-align:center;color:#000">'
                               'Page <span class="pageNumber"></span> of <span class="totalPages"></span></div>'),
            "paperWidth": 8.27, "paperHeight": 11.69,  # A4, if the page sets no size itself
            "marginTop": 0.7, "marginBottom": 0.8, "marginLeft": 0.6, "marginRight": 0.6,
        }, session=self.session, timeout=max(5.0, deadline - time.monotonic()))
        return base64.b64decode(result["data"])

    # --- the DevTools protocol over the pipe -------------------------------------------------

    def call(self, method: str, params: dict | None = None, *, session: str | None = None,
             timeout: float = PAGE_TIMEOUT) -> dict:
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        data = json.dumps(message).encode() + b"\0"
        try:
            while data:
                data = data[os.write(self.write_fd, data):]
        except OSError as exc:
            raise PdfError(f"PDFs: Chromium stopped unexpectedly ({method}: {exc})") from None
        deadline = time.monotonic() + timeout
        while True:
            msg = self._read(deadline, method)
            if msg.get("id") == self.next_id:
                if "error" in msg:
                    raise PdfError(f"PDFs: Chromium refused {method}: {msg['error'].get('message')}")
                return msg.get("result", {})
            if "method" in msg:
                self.events.append(msg)

    def wait_event(self, name: str, deadline: float) -> dict:
        while True:
            for i, ev in enumerate(self.events):
                if ev.get("method") == name:
                    return self.events.pop(i)
            self.events.append(self._read(deadline, name))

    def _read(self, deadline: float, waiting_for: str) -> dict:
        while b"\0" not in self.buffer:
            left = deadline - time.monotonic()
            if left <= 0:
                raise PdfError(f"PDFs: Chromium did not answer in time ({waiting_for})")
            ready, _, _ = select.select([self.read_fd], [], [], left)
            if not ready:
                continue
            chunk = os.read(self.read_fd, 1 << 20)
            if not chunk:
                raise PdfError(f"PDFs: Chromium stopped unexpectedly ({waiting_for})")
            self.buffer += chunk
        raw, self.buffer = self.buffer.split(b"\0", 1)
        return json.loads(raw)


def register() -> None:
    if pdf_step not in build.POST_BUILD_STEPS:
        build.POST_BUILD_STEPS.append(pdf_step)


register()
