"""The built example site in a real browser: WCAG 2.2 AA (axe-core), privacy, safety, keyboard,
no JavaScript, print, sub-path hosting and the PDFs. See conftest.py for the set-up."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

SUBPATH = "/community-safety/reviews/"  # as in conftest.py
WITHDRAWN = "elmshire-police-da-plan"  # withdrawn by conftest.py's built_site

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]

# Every page type, by the path of an example of it in the example site.
PAGE_TYPES = {
    "home": "",
    "reviews index": "reviews/",
    "review page": "reviews/hana-2021/",
    "executive summary": "reviews/hana-2021/executive-summary/",
    "overview report": "reviews/hana-2021/overview-report/",
    "action plan": "reviews/hana-2021/action-plan/",
    "QA letter page": "reviews/hana-2021/home-office-letter/",
    "help": "help/",
    "accessibility statement": "accessibility/",
    "cover your tracks": "cover-your-tracks/",
    "withdrawal notice": f"reviews/{WITHDRAWN}/",
    "404": "no-such-page/",
}


def run_axe(page) -> list[dict]:
    return page.evaluate(
        """async (tags) => {
             const r = await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']});
             return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
               nodes: v.nodes.map(n => n.target.join(' ') + ' :: ' + (n.failureSummary || '').replace(/\\s+/g, ' '))}));
           }""", AXE_TAGS)


def describe(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        lines.append(f"- {v['id']} ({v['impact']}): {v['help']}")
        lines += [f"    {n}" for n in v["nodes"][:8]]
        if len(v["nodes"]) > 8:
            lines.append(f"    ... and {len(v['nodes']) - 8} more")
    return "\n".join(lines)


def visit(session, url: str, *, expect_status=200):
    response = session.page.goto(url, wait_until="load")
    status = response.status if response is not None else None
    hint = ""
    if status == 404 and "/reviews/" in url:
        hint = (" (the example review is not published in this build: see the build's output above;"
                " `reviewsite status` says why)")
    assert status == expect_status, f"{url}: HTTP {status}{hint}"
    return response


def check_privacy(session, where: str) -> None:
    assert not session.outside, f"{where}: requests that would leave the machine: {session.outside}"
    non_local = [u for u in session.requests if not u.startswith("http://127.0.0.1:")
                 and not u.startswith(("data:", "blob:", "about:")) and u not in session.exits]
    assert not non_local, f"{where}: non-local requests: {non_local}"
    assert session.context.cookies() == [], f"{where}: cookies were set"
    stored = session.page.evaluate("() => [localStorage.length, sessionStorage.length]")
    assert stored == [0, 0], f"{where}: the browser's storage holds {stored} entries (local, session)"
    csp = session.page.evaluate("() => window.__rsCsp")
    assert csp == [], f"{where}: Content Security Policy violations: {csp}"


@pytest.mark.parametrize("kind", list(PAGE_TYPES))
def test_page_type_passes_axe_with_no_outside_request(shared_session, server, kind):
    session = shared_session
    path = PAGE_TYPES[kind]
    visit(session, f"{server}/{path}", expect_status=404 if kind == "404" else 200)
    violations = run_axe(session.page)
    assert not violations, f"{kind} ({path or '/'}): {len(violations)} axe violation(s):\n{describe(violations)}"
    check_privacy(session, kind)
    assert session.page.evaluate("() => document.documentElement.lang") == "en-GB"
    assert session.page.locator("[data-rs-exit]").count() == 1, "no Exit this page control"
    assert session.page.locator("aside.rs-help").count() == 1, "no help block"


def all_pages(site: Path) -> list[str]:
    pages = []
    for html in sorted(site.rglob("index.html")):
        rel = html.parent.relative_to(site).as_posix()
        pages.append("" if rel == "." else rel + "/")
    return pages


def sample_pages(site: Path, per_group: int = 2) -> list[str]:
    """Pages of every kind not named in PAGE_TYPES (dashboard, trackers, agency and theme
    pages...): pages that differ only in their last path segment are one kind, and the first
    `per_group` of each kind are enough to cover its template (keeps the suite fast)."""
    done = set(PAGE_TYPES.values())
    groups: dict[str, list[str]] = {}
    for path in all_pages(site):
        if path in done:
            continue
        parts = path.rstrip("/").split("/")
        key = "/".join(parts[:-1] + ["*"]) if len(parts) > 1 else path
        groups.setdefault(key, []).append(path)
    return [p for members in groups.values() for p in members[:per_group]]


def test_every_kind_of_page_passes_axe(shared_session, server, built_site):
    session = shared_session
    """Every other kind of page (dashboard, trackers, agency pages, theme pages, data...)."""
    failures = []
    pages = sample_pages(built_site)
    for path in pages:
        visit(session, f"{server}/{path}")
        violations = run_axe(session.page)
        if violations:
            failures.append(f"{path or '/'}:\n{describe(violations)}")
        check_privacy(session, path or "/")
    assert not failures, f"axe violations on {len(failures)} page(s):\n" + "\n".join(failures)


def test_every_page_has_the_content_security_policy(built_site):
    for html in sorted(built_site.rglob("*.html")):
        text = html.read_text(encoding="utf-8")
        m = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)"', text)
        assert m, f"{html.relative_to(built_site)}: no Content-Security-Policy meta"
        policy = m.group(1)
        assert "default-src 'self'" in policy and "script-src 'self'" in policy
        assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
        # No inline script may exist for the policy to block: only JSON data blocks.
        for tag in re.findall(r"<script\b[^>]*>", text):
            assert "src=" in tag or 'type="application/json"' in tag, f"{html.name}: inline script {tag}"
        assert "fonts.googleapis" not in text and "fonts.gstatic" not in text


def test_served_from_a_sub_path(session, server, built_site):  # own context: its own response log
    failed = []
    session.page.on("response", lambda r: failed.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    for path in ("", "reviews/", "reviews/hana-2021/overview-report/", "accessibility/"):
        visit(session, f"{server}{SUBPATH}{path}")
        violations = run_axe(session.page)
        assert not violations, f"{SUBPATH}{path}: {describe(violations)}"
    # Links stay under the sub-path.
    hrefs = session.page.eval_on_selector_all("a[href]", "els => els.map(e => e.href)")
    local = [h for h in hrefs if h.startswith(server)]
    assert local and all(h.startswith(server + SUBPATH) for h in local), [h for h in local if SUBPATH not in h]
    assert not failed, f"failed requests under {SUBPATH}: {failed}"
    check_privacy(session, SUBPATH)


# --- Exit this page ------------------------------------------------------------------------------


def _exit_then_back(session, server, leave) -> None:
    home, review = f"{server}/", f"{server}/reviews/hana-2021/"
    visit(session, home)
    visit(session, review)
    page = session.page
    with page.expect_navigation(url=session.exit_url):
        leave(page)
    assert page.url.rstrip("/") == session.exit_url.rstrip("/")
    assert session.exits, "the exit page was not requested"
    # The review's page was replaced in the history: Back goes to the page before it.
    page.go_back(wait_until="load")
    assert page.url == home, f"Back returned to {page.url}, not to {home}: the history entry was not replaced"


def test_exit_button_leaves_and_replaces_the_history_entry(session, server):
    _exit_then_back(session, server, lambda page: page.click("[data-rs-exit]"))


def test_exit_by_pressing_shift_three_times(session, server):
    def shift3(page):
        page.locator("h1").first.click()  # focus in the page, as a reader's would be
        for _ in range(3):
            page.keyboard.press("Shift")
    _exit_then_back(session, server, shift3)


def test_shift_pressed_twice_does_not_leave(session, server):
    visit(session, f"{server}/help/")
    session.page.keyboard.press("Shift")
    session.page.keyboard.press("Shift")
    session.page.keyboard.press("a")
    session.page.keyboard.press("Shift")
    session.page.wait_for_timeout(200)
    assert session.page.url == f"{server}/help/"
    assert not session.exits


def test_exit_is_a_plain_link_without_javascript(session_nojs, server):
    page = session_nojs.page
    visit(session_nojs, f"{server}/reviews/hana-2021/")
    link = page.locator("[data-rs-exit]")
    assert link.get_attribute("href") == session_nojs.exit_url
    with page.expect_navigation(url=session_nojs.exit_url):
        link.click()
    assert session_nojs.exits


# --- keyboard, no JavaScript, print --------------------------------------------------------------


@pytest.mark.parametrize("path", ["", "reviews/hana-2021/overview-report/", "no-such-page/"])
def test_tab_reaches_the_visible_skip_link_first(session, server, path):
    page = session.page
    session.page.goto(f"{server}/{path}", wait_until="load")
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.classList.contains('md-skip')"), \
        page.evaluate("() => document.activeElement.outerHTML.slice(0, 200)")
    page.wait_for_function("() => getComputedStyle(document.activeElement).opacity === '1'", timeout=20000)
    box = page.evaluate("() => { const r = document.activeElement.getBoundingClientRect();"
                        " return [r.top, r.left, r.width, r.height]; }")
    assert box[0] >= 0 and box[1] >= 0 and box[2] > 10 and box[3] > 10, f"skip link not on screen: {box}"
    ring = page.evaluate("() => { const s = getComputedStyle(document.activeElement);"
                         " return [s.outlineStyle, s.outlineWidth, s.boxShadow]; }")
    assert ring[0] != "none" and ring[1] != "0px", f"no visible focus indicator: {ring}"
    # The next Tab reaches Exit this page.
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.hasAttribute('data-rs-exit')")
    # The skip link works.
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Enter")
    assert "#" in page.url


def test_no_keyboard_trap(session, server):
    page = session.page
    visit(session, f"{server}/reviews/hana-2021/action-plan/")
    seen = []
    for _ in range(80):
        page.keyboard.press("Tab")
        seen.append(page.evaluate("() => { const e = document.activeElement;"
                                  " return e ? e.tagName + '|' + (e.getAttribute('href') || e.id || e.className) + '|' + Math.round(e.getBoundingClientRect().top + scrollY) : '' }"))
    repeats = max(len(seen) - len(set(seen)), 0)
    assert len(set(seen)) > 20, f"focus did not move through the page: {seen[:10]}"
    assert repeats < 5, f"focus kept returning to the same elements: {seen}"
    assert session.exits == [], "tabbing must not leave the page"


@pytest.mark.parametrize("path", ["", "reviews/hana-2021/overview-report/", "reviews/hana-2021/action-plan/"])
def test_pages_work_without_javascript(session_nojs, server, path):
    page = session_nojs.page
    visit(session_nojs, f"{server}/{path}")
    assert page.locator("article h1").count() == 1
    assert len(page.locator("article").inner_text()) > 200
    assert page.locator("[data-rs-exit]").is_visible()
    assert page.locator("aside.rs-help").is_visible()
    assert page.locator(".md-sidebar--primary nav a[href]").count() > 3  # the navigation is plain links
    assert not session_nojs.outside


def test_print_shows_only_the_document(session, server):
    page = session.page
    visit(session, f"{server}/reviews/hana-2021/overview-report/")
    page.emulate_media(media="print")
    for selector in (".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer",
                     "[data-rs-exit]", "aside.rs-help", ".md-top", ".headerlink"):
        loc = page.locator(selector)
        for i in range(loc.count()):
            assert not loc.nth(i).is_visible(), f"{selector} is printed"
    assert page.locator("article h1").is_visible()
    assert page.locator("button:visible").count() == 0, "a button is printed"
    # External links print their address.
    after = page.evaluate("""() => { const a = [...document.querySelectorAll('article a[href^="http"]')][0];
                                     return a ? getComputedStyle(a, '::after').content : null; }""")
    assert after is None or "http" in after


# --- PDFs --------------------------------------------------------------------------------------


def test_each_report_has_a_pdf_with_its_title_linked_from_its_page(session, server, built_site):
    from generator.pdf import pdf_title, report_pages

    pages = report_pages(built_site)
    assert {rel for _, rel in pages} >= {"reviews/hana-2021/executive-summary/",
                                           "reviews/hana-2021/overview-report/",
                                           "reviews/hana-2021/home-office-letter/"}
    for html, rel in pages:
        pdfs = list(html.parent.glob("*.pdf"))
        assert len(pdfs) == 1, f"{rel}: {pdfs}"
        data = pdfs[0].read_bytes()
        assert data.startswith(b"%PDF-")
        title = re.search(r"<title>(.*?)</title>", html.read_text(encoding="utf-8"), re.S).group(1).strip()
        import html as htmllib
        assert pdf_title(data) == htmllib.unescape(title), rel
        visit(session, f"{server}/{rel}")
        link = session.page.locator("a.rs-download, .rs-download a")
        assert link.count() == 1, f"{rel}: no link to the PDF"
        response = session.page.request.get(link.get_attribute("href") if link.get_attribute("href").startswith("http")
                                            else f"{server}/{rel}{link.get_attribute('href')}")
        assert response.status == 200 and response.headers["content-type"] == "application/pdf"


def test_search_works_under_the_content_security_policy(session, server):
    page = session.page
    visit(session, f"{server}/")
    box = page.locator("input[data-md-component='search-query']")
    box.focus()
    # the search index loads in a web worker: Material says "Initializing search" until it is ready
    page.wait_for_function(
        "() => { const m = document.querySelector('.md-search-result__meta');"
        " return m && !/initiali[sz]ing/i.test(m.textContent); }", timeout=60000)
    for _attempt in range(6):
        box.fill("")
        box.type("restraining order", delay=20)
        try:
            page.wait_for_selector(".md-search-result__item", timeout=10000)
            break
        except Exception:
            continue
    assert page.locator(".md-search-result__item").count() >= 1
    check_privacy(session, "search")
