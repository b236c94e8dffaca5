"""The content model: what an editor writes in `content/`, as typed, validated objects.

Files and their models:
    content/site.yml                      SiteSettings
    content/allowlist.yml                 Allowlist
    content/reviews/<slug>/review.yml     ReviewMeta
    content/reviews/<slug>/*.md           Document (front matter: DocumentFront)
    content/reviews/<slug>/action-plan.yml  ActionPlan

Field names are the YAML keys. Every model forbids unknown keys, so a typo such as
`staus` is reported with its line instead of being silently ignored.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Annotated, Literal, Union

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, PlainSerializer, model_validator

from generator.dates import PartialDate


def _partial_date(value):
    return PartialDate.parse(value)


def _day(value):
    d = PartialDate.parse(value)
    if d.is_month:
        raise ValueError(f"{d} is a month; this needs the exact day, e.g. {d}-15")
    return d


# A day or a month, as written: 2021-03-14 or 2021-03.
Date = Annotated[PartialDate, BeforeValidator(_partial_date), PlainSerializer(str)]
# A day only: 2021-03-14.
Day = Annotated[PartialDate, BeforeValidator(_day), PlainSerializer(str)]
NonEmpty = Annotated[str, Field(min_length=1)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)

    @model_validator(mode="before")
    @classmethod
    def _empty_means_absent(cls, data):
        """`process:` with every line commented out is YAML null: treat it as not written."""
        if isinstance(data, dict):
            return {k: v for k, v in data.items() if v is not None}
        return data


# --- site-wide settings -----------------------------------------------------------------


class Helpline(Strict):
    name: NonEmpty
    phone: str | None = None
    url: str | None = None
    hours: str | None = None
    description: str | None = None


class Partnership(Strict):
    name: NonEmpty  # "Elmvale Community Safety Partnership"
    short_name: str | None = None
    area: str | None = None  # the council area
    email: str | None = None  # the partnership's public contact address
    website: str | None = None


class Accessibility(Strict):
    """The accessibility statement's facts (Public Sector Bodies Accessibility Regulations 2018)."""

    status: Literal["full", "partial", "not"] = "partial"  # compliance with WCAG 2.2 AA
    known_issues: list[NonEmpty] = []  # what is not yet accessible, and why
    contact_email: str | None = None  # where to report a problem (default: the partnership's email)
    prepared: Day | None = None  # when the statement was prepared
    reviewed: Day | None = None  # when it was last reviewed
    tested_by: str = "automated axe-core tests of every page type in a real browser, and manual keyboard checks"


class SiteSettings(Strict):
    """content/site.yml"""

    title: NonEmpty = "Domestic homicide reviews"
    partnership: Partnership
    about: str | None = None  # a paragraph for the home page
    helplines: list[Helpline] = []
    exit_url: str = "https://www.bbc.co.uk/weather"  # where "Exit this page" goes
    accessibility: Accessibility = Accessibility()


class Allowlist(Strict):
    """content/allowlist.yml: public terms the anonymisation check must not flag."""

    agencies: list[NonEmpty] = []
    roles: list[NonEmpty] = []
    helplines: list[NonEmpty] = []
    places: list[NonEmpty] = []  # the partnership's own area names, which are public
    terms: list[NonEmpty] = []  # anything else: legislation, programmes, national bodies

    def all_terms(self) -> list[str]:
        return [*self.agencies, *self.roles, *self.helplines, *self.places, *self.terms]


# --- review.yml ---------------------------------------------------------------------------


class ReviewType(str, Enum):
    dhr = "dhr"  # Domestic Homicide Review
    dardr = "dardr"  # Domestic Abuse Related Death Review (the name used since 2024)
    case_review = "case-review"  # e.g. Case Review Following a Serious Incident
    sar = "safeguarding-adult-review"
    action_plan = "action-plan"  # an agency's plan, e.g. answering an inspection

    @property
    def label(self) -> str:
        return {
            "dhr": "Domestic Homicide Review",
            "dardr": "Domestic Abuse Related Death Review",
            "case-review": "Case Review",
            "safeguarding-adult-review": "Safeguarding Adult Review",
            "action-plan": "Action plan",
        }[self.value]

    @property
    def is_review_of_a_death(self) -> bool:
        return self is not ReviewType.action_plan


class Pseudonym(Strict):
    name: NonEmpty  # "Hana", "Adult B", "Mr C"
    role: NonEmpty  # "victim", "perpetrator", "Hana's eldest son"


class PanelMember(Strict):
    name: NonEmpty  # a real name: panel members are the only real people who may be named
    role: NonEmpty
    agency: str | None = None


class Panel(Strict):
    chair: PanelMember
    author: PanelMember | None = None  # when the report's author is not the chair
    members: list[PanelMember] = []

    def everyone(self) -> list[PanelMember]:
        return [self.chair, *([self.author] if self.author else []), *self.members]


class Extension(Strict):
    date: Date
    reason: NonEmpty


class Process(Strict):
    notified: Date | None = None  # the Home Office was told of the decision to review
    completed: Date | None = None  # the panel finished the review
    signed_off: Date | None = None  # the partnership signed off the documents
    submitted: Date | None = None  # sent to the Home Office Quality Assurance Panel
    extensions: list[Extension] = []


class Clearance(Strict):
    date: Day
    reference: NonEmpty
    by: NonEmpty = "Home Office Quality Assurance Panel"
    letter: str | None = None  # file name in the review folder, e.g. qa-letter.md
    conditions: str | None = None
    # sha256 of each document as cleared; written by `reviewsite clear`, never by hand.
    documents: dict[str, str] = {}


class Decision(str, Enum):
    publish = "publish"
    summary_only = "summary-only"
    withhold = "withhold"


class Publication(Strict):
    decision: Decision
    date: Day | None = None
    reason: str | None = None  # required to withhold; recorded, never published

    @model_validator(mode="after")
    def _reason_to_withhold(self):
        if self.decision is Decision.withhold and not self.reason:
            raise ValueError("a decision to withhold needs a reason (it is recorded, never published)")
        return self


class Amendment(Strict):
    date: Day
    note: NonEmpty  # public: shown in the change history
    documents: dict[str, str] = {}  # fingerprints after the amendment


class Withdrawal(Strict):
    date: Day
    reason: NonEmpty  # public: shown on the withdrawal notice


class Conclusion(Strict):
    date: Day
    note: str | None = None


class ReviewMeta(Strict):
    """content/reviews/<slug>/review.yml"""

    title: NonEmpty
    type: ReviewType
    partnership: str | None = None  # defaults to site.yml's partnership name
    reference: str | None = None
    death: Date | None = None  # month and year of death, e.g. 2021-03
    summary: str | None = None  # a sentence or two for the index and the home page
    pseudonyms: list[Pseudonym] = []
    panel: Panel | None = None
    themes: list[NonEmpty] = []  # Home Office library themes (generator/data/vocab.yml)
    categories: list[NonEmpty] = []  # Home Office "most filtered for" categories
    relationship: str | None = None  # victim to perpetrator, Home Office vocabulary
    process: Process = Process()
    clearance: Clearance | None = None
    publication: Publication | None = None
    amendments: list[Amendment] = []
    withdrawal: Withdrawal | None = None
    conclusion: Conclusion | None = None


class DocumentFront(Strict):
    """Optional front matter of a review's Markdown document."""

    title: str | None = None
    description: str | None = None


# --- action-plan.yml ----------------------------------------------------------------------


class Status(str, Enum):
    not_started = "not-started"
    in_progress = "in-progress"
    complete = "complete"
    ongoing = "ongoing"  # a standing practice, in place and continuing
    withdrawn = "withdrawn"
    superseded = "superseded"

    @property
    def label(self) -> str:
        return self.value.replace("-", " ").capitalize()

    @property
    def closed(self) -> bool:
        return self in (Status.complete, Status.withdrawn, Status.superseded)


def _target(value):
    if isinstance(value, str) and value.strip().lower() == "ongoing":
        return "ongoing"
    return PartialDate.parse(value)


Target = Annotated[Union[PartialDate, Literal["ongoing"]], BeforeValidator(_target), PlainSerializer(str)]


class Update(Strict):
    date: Date
    text: NonEmpty


class Action(Strict):
    id: NonEmpty
    text: NonEmpty
    lead: str | None = None  # a role, never a person's name
    agencies: list[NonEmpty] = []
    target: Target | None = None
    status: Status = Status.not_started
    reason: str | None = None  # why withdrawn or superseded
    completed: Date | None = None
    outcome: str | None = None
    updates: list[Update] = []


class Level(str, Enum):
    overview = "overview"  # made in the Overview Report
    agency = "agency"  # an agency's own (IMR) recommendation
    area = "area"  # a section of a non-review plan, e.g. an inspection area


class Recommendation(Strict):
    id: NonEmpty
    level: Level = Level.overview
    agency: str | None = None  # whose recommendation, for level: agency
    title: str | None = None  # short heading, e.g. for an inspection area
    text: NonEmpty
    anchor: str | None = None  # heading id in the overview report where it is made
    actions: list[Action] = []


class ActionPlan(Strict):
    """content/reviews/<slug>/action-plan.yml"""

    as_of: Day
    recommendations: list[Recommendation] = []


# --- the loaded site (plain containers, built by content.py) ------------------------------


@dataclass
class Document:
    name: str  # file name, e.g. "overview-report.md"
    path: Path
    text: str  # the whole file as written
    body: str  # the Markdown after any front matter
    body_line: int  # 1-based line number of the body's first line in the file
    front: DocumentFront = field(default_factory=DocumentFront)

    @property
    def kind(self) -> str:
        return DOCUMENT_KINDS.get(self.name, self.name)


DOCUMENT_KINDS = {
    "executive-summary.md": "Executive summary",
    "overview-report.md": "Overview report",
    "qa-letter.md": "Home Office letter and response",
}


@dataclass
class Review:
    slug: str
    dir: Path
    meta: ReviewMeta
    documents: dict[str, Document]  # by file name
    plan: ActionPlan | None = None
    plan_path: Path | None = None
    sources: dict = field(default_factory=dict)  # file name -> yamlsrc.Located, for line numbers

    @property
    def partnership(self) -> str | None:
        return self.meta.partnership


@dataclass
class Site:
    root: Path  # the content/ directory
    settings: SiteSettings
    allowlist: Allowlist
    reviews: list[Review]

    def review(self, slug: str) -> Review | None:
        return next((r for r in self.reviews if r.slug == slug), None)

