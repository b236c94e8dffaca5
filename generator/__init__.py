"""reviewsite: publish statutory reviews and their action plans as a static website.

The pipeline, one module per stage, data flowing one way:

    content.py      load content/ into typed objects (model.py), or ContentErrors
    check/          anonymisation and consistency findings
    publication.py  decide what may be published, as of a date, and why not
    tracking.py     action statuses: overdue, stale, progress
    render.py       write Markdown pages and nav for what may be published
    build.py        run mkdocs into a fresh directory, audit, swap into site/
    audit.py        scan every built file for anything that must not be there
    report.py       print ContentErrors and Findings as text, JSON or SARIF
    cli.py          the `reviewsite` command; holds no rules
"""

__version__ = "0.1.0"
