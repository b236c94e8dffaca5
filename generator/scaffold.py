"""`reviewsite new SLUG`: a new review folder with commented templates an editor fills in."""

from __future__ import annotations

from pathlib import Path

REVIEW_YML = """\
# The facts of this review. Dates: a day as YYYY-MM-DD, or a month as YYYY-MM.
# Only the panel's names may be real names: everyone else has a pseudonym.
title: {title}                  # the pseudonym-based title, e.g. "Hana" or "Adult A"
type: {type}                    # dhr | dardr | case-review | safeguarding-adult-review | action-plan
# reference: CSP/DHR/2026/01
# death: 2026-01                # month and year of death
summary: >-
  One or two sentences for the list of reviews.
pseudonyms:
  - name: {title}
    role: victim
# panel:
#   chair: {{name: "Firstname Lastname", role: Independent Chair}}
#   members:
#     - {{name: "Firstname Lastname", role: Detective Inspector, agency: Elmshire Police}}
themes: []                      # Home Office library themes, exactly as in generator/data/vocab.yml
# relationship: Ex-boyfriend or ex-girlfriend
process:
  # notified: 2026-02-10        # the Home Office was told of the decision to review
  # completed: 2026-08
  # signed_off: 2026-09-01
  # submitted: 2026-09-15
# clearance: recorded by `reviewsite clear {slug} --date ... --reference ...`
# publication:
#   decision: publish           # publish | summary-only | withhold (withhold needs a reason)
#   date: 2027-01-20
"""

SUMMARY_MD = """\
## Introduction

Write the executive summary here. Use the pseudonyms and roles ("the GP", "a Detective
Sergeant"), never real names, addresses or dates of birth. Run `reviewsite check` often.
"""

REPORT_MD = """\
## Introduction

## Timescales

## Confidentiality

## Terms of reference

## Methodology

## Involvement of family, friends, work colleagues, neighbours and wider community

## Contributors to the review

## The review panel members

## Author of the overview report

## Parallel reviews

## Equality and diversity

## Dissemination

## Background information (the facts)

## Chronology

| Date | Agency | Contact | Notes |
| --- | --- | --- | --- |

## Overview

## Analysis

## Conclusions

## Lessons to be learnt

## Recommendations

1. Write each recommendation as a numbered item: the check compares their number with action-plan.yml.
"""

PLAN_YML = """\
as_of: {today}
recommendations:
  - id: R1
    level: overview             # overview | agency | area
    text: The recommendation as the report makes it.
    actions:
      - id: R1.1
        text: What will be done.
        lead: Head of Community Safety   # a role, never a name
        agencies: []
        target: {today_month}           # a day, a month, or ongoing
        status: not-started             # not-started | in-progress | complete | ongoing | withdrawn | superseded
        updates: []
"""


def scaffold(reviews_dir: Path, slug: str, title: str, type_: str, today) -> list[Path]:
    folder = reviews_dir / slug
    folder.mkdir(parents=True)
    files = {
        "review.yml": REVIEW_YML.format(title=title, type=type_, slug=slug),
        "executive-summary.md": SUMMARY_MD,
        "overview-report.md": REPORT_MD,
        "action-plan.yml": PLAN_YML.format(today=today.isoformat(), today_month=today.strftime("%Y-%m")),
    }
    written = []
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
        written.append(folder / name)
    return written
