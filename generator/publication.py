"""Stage: decide. For each review, as of a date: its stage, whether it is published, which of its
documents, and every reason it is not. Knows nothing about text analysis or rendering: it is
given the findings, and the render stage is given only what this stage lets through.

Stages, derived from the facts in review.yml (never typed by hand):
    draft → signed off → submitted → cleared → published → concluded
    withheld   a decision not to publish (its reason is recorded, never published)
    withdrawn  published, then taken down (a notice with the public reason replaces it)

A review is PUBLISHED when, and only when, all of these hold:
    1. clearance is recorded (Home Office QA Panel, or the owning body for an agency's plan);
    2. the decision is `publish` (or `summary-only`: then only the executive summary);
    3. its publication date has come;
    4. the check has no unwaived error finding in any of its files;
    5. its documents are the ones that were cleared (fingerprints recorded by `reviewsite clear`),
       or an amendment recorded by `reviewsite amend` covers the change;
    6. the documents to publish exist.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field

from generator.dates import PartialDate
from generator.diagnostics import Finding
from generator.model import Decision, Review, ReviewType

DRAFT, SIGNED_OFF, SUBMITTED, CLEARED, PUBLISHED, CONCLUDED, WITHHELD, WITHDRAWN = (
    "draft", "signed off", "submitted", "cleared", "published", "concluded", "withheld", "withdrawn")
# Documents a review publishes, by decision.
FULL = ("executive-summary.md", "overview-report.md", "qa-letter.md")
SUMMARY = ("executive-summary.md",)


def fingerprint(text: str) -> str:
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()


def fingerprints(review: Review) -> dict[str, str]:
    """The current fingerprint of each Markdown document. The action plan is not fingerprinted:
    it is a living document, updated with progress long after clearance (the check still covers it)."""
    return {name: fingerprint(doc.text) for name, doc in review.documents.items()}


@dataclass
class ReviewDecision:
    review: Review
    stage: str
    published: bool
    documents: list[str] = field(default_factory=list)  # file names to publish
    with_plan: bool = False
    reasons: list[str] = field(default_factory=list)  # why not (or what is held back)
    published_on: dt.date | None = None
    last_updated: dt.date | None = None

    @property
    def slug(self) -> str:
        return self.review.slug


@dataclass
class PublicationPlan:
    as_of: dt.date
    decisions: list[ReviewDecision]

    @property
    def published(self) -> list[ReviewDecision]:
        return [d for d in self.decisions if d.published]

    @property
    def withdrawn(self) -> list[ReviewDecision]:
        return [d for d in self.decisions if d.stage == WITHDRAWN]

    def get(self, slug: str) -> ReviewDecision | None:
        return next((d for d in self.decisions if d.slug == slug), None)


def stage_of(review: Review, as_of: dt.date) -> str:
    m = review.meta
    if m.withdrawal is not None:
        return WITHDRAWN
    if m.publication is not None and m.publication.decision is Decision.withhold:
        return WITHHELD
    if m.clearance is not None:
        pub = m.publication
        if pub is not None and pub.date is not None and pub.date.first_day <= as_of:
            return CONCLUDED if m.conclusion is not None else PUBLISHED
        return CLEARED
    if m.process.submitted is not None:
        return SUBMITTED
    if m.process.signed_off is not None:
        return SIGNED_OFF
    return DRAFT


def decide_review(review: Review, findings: list[Finding], as_of: dt.date) -> ReviewDecision:
    m = review.meta
    stage = stage_of(review, as_of)
    reasons: list[str] = []
    if stage == WITHDRAWN:
        return ReviewDecision(review, stage, False, reasons=[
            f"withdrawn on {m.withdrawal.date.human()}: only a withdrawal notice is published"])
    if stage == WITHHELD:
        return ReviewDecision(review, stage, False, reasons=[
            "the partnership decided not to publish it (the reason is recorded in review.yml, never published)"])
    if m.clearance is None:
        who = "the Home Office Quality Assurance Panel" if m.type.is_review_of_a_death else "the body that owns it"
        step = {DRAFT: "it is a draft: not yet signed off by the partnership",
                SIGNED_OFF: "signed off, but not yet submitted to the Home Office",
                SUBMITTED: f"submitted on {m.process.submitted.human() if m.process.submitted else '?'}, "
                           f"awaiting clearance"}[stage]
        reasons.append(f"{step}; no clearance by {who} is recorded "
                       f"(record it with: reviewsite clear {review.slug} --date D --reference R)")
    pub = m.publication
    if pub is None:
        reasons.append("no publication decision is recorded (add 'publication: {decision: publish, date: ...}')")
    elif pub.date is None:
        reasons.append("no publication date is set (agree it with the family, then set publication.date)")
    elif pub.date.first_day > as_of:
        reasons.append(f"its publication date, {pub.date.human()}, has not come yet")

    summary_only = pub is not None and pub.decision is Decision.summary_only
    required = ["executive-summary.md"]
    if m.type.is_review_of_a_death and not summary_only:
        required.append("overview-report.md")
    documents = [d for d in (SUMMARY if summary_only else FULL) if d in review.documents]
    for name in required:
        if name not in review.documents:
            reasons.append(f"{name} is missing")
    if m.type is ReviewType.action_plan and review.plan is None:
        reasons.append("an action plan entry needs action-plan.yml")

    blocking = [f for f in findings if f.severity == "error" and not f.extra.get("waived")]
    if blocking:
        files = sorted({f.path.rsplit("/", 1)[-1] for f in blocking})
        reasons.append(f"the check has {len(blocking)} unresolved error finding(s) in {', '.join(files)} "
                       f"(run: reviewsite check)")

    if m.clearance is not None:
        reasons.extend(_changed_since_clearance(review, documents))

    published = not reasons and stage in (PUBLISHED, CONCLUDED)
    if stage in (PUBLISHED, CONCLUDED) and not published:
        stage = CLEARED  # due, but held back: the reasons say why
    published_on = pub.date.first_day if pub and pub.date else None
    last = max([a.date.first_day for a in m.amendments], default=published_on)
    with_plan = published and review.plan is not None and (pub.decision is Decision.publish)
    return ReviewDecision(review, stage, published, documents if published else [], with_plan,
                          reasons, published_on, last)


def _changed_since_clearance(review: Review, documents: list[str]) -> list[str]:
    m = review.meta
    cleared = dict(m.clearance.documents)
    if not cleared:
        return ["the clearance has no document fingerprints, so nothing proves these are the cleared texts "
                f"(record the clearance with: reviewsite clear {review.slug} ...)"]
    approved = [cleared] + [a.documents for a in m.amendments]
    current = fingerprints(review)
    reasons = []
    for name in documents:
        now = current.get(name)
        if now is None:
            continue
        if not any(ver.get(name) == now for ver in approved):
            if name in cleared or any(name in a.documents for a in m.amendments):
                reasons.append(f"{name} has changed since it was cleared: record why with "
                               f"reviewsite amend {review.slug} --note \"...\"")
            else:
                reasons.append(f"{name} was not part of the cleared documents: record it with "
                               f"reviewsite amend {review.slug} --note \"...\"")
    return reasons


def decide(reviews: list[Review], findings: list[Finding], as_of: dt.date) -> PublicationPlan:
    by_review: dict[str, list[Finding]] = {}
    for f in findings:
        if f.review:
            by_review.setdefault(f.review, []).append(f)
    return PublicationPlan(as_of, [decide_review(r, by_review.get(r.slug, []), as_of) for r in reviews])


# --- what the render stage receives: published material only ------------------------------


@dataclass(frozen=True)
class PublicReview:
    slug: str
    meta: object  # ReviewMeta of a published review
    documents: dict  # file name -> Document, only the ones to publish
    plan: object | None  # ActionPlan, when the decision publishes it
    published_on: dt.date
    last_updated: dt.date
    images: tuple = ()  # (path relative to the review folder, source path) of each image


@dataclass(frozen=True)
class WithdrawalNotice:
    """All that remains public of a withdrawn review: not even its title, which may be the
    very thing that had to be taken down."""
    slug: str
    type_label: str
    published_on: dt.date | None
    date: PartialDate
    reason: str


@dataclass(frozen=True)
class PublicContent:
    as_of: dt.date
    reviews: tuple[PublicReview, ...]
    notices: tuple[WithdrawalNotice, ...]


def public_content(plan: PublicationPlan) -> PublicContent:
    """Everything the public site may show, and nothing else."""
    reviews = []
    for d in plan.published:
        r = d.review
        images = tuple(sorted((str(p.relative_to(r.dir)), p) for p in (r.dir / "images").rglob("*")
                              if p.is_file())) if (r.dir / "images").is_dir() else ()
        reviews.append(PublicReview(
            slug=r.slug, meta=r.meta, documents={n: r.documents[n] for n in d.documents},
            plan=r.plan if d.with_plan else None, published_on=d.published_on,
            last_updated=d.last_updated or d.published_on, images=images))
    reviews.sort(key=lambda p: (p.published_on, p.slug), reverse=True)
    notices = tuple(
        WithdrawalNotice(d.slug, d.review.meta.type.label,
                         d.review.meta.publication.date.first_day if d.review.meta.publication and
                         d.review.meta.publication.date else None,
                         d.review.meta.withdrawal.date, d.review.meta.withdrawal.reason)
        for d in plan.withdrawn)
    return PublicContent(plan.as_of, tuple(reviews), notices)


_LINK = re.compile(r"\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)|href=[\"']([^\"']+)[\"']|^\[[^\]]+\]:\s*(\S+)", re.M)


def links_to_unpublished(plan: PublicationPlan) -> list[Finding]:
    """Links in published documents that lead to a review that is not published: each would
    either leak that review's existence or be a broken link, so each fails the build."""
    hidden = {d.slug for d in plan.decisions if not d.published and d.stage != WITHDRAWN}
    out: list[Finding] = []
    for d in plan.published:
        for name in d.documents:
            doc = d.review.documents[name]
            for m in _LINK.finditer(doc.text):
                target = next(g for g in m.groups() if g)
                parts = set(re.split(r"[/#?]", target))
                for slug in sorted(hidden & parts):
                    line = doc.text.count("\n", 0, m.start()) + 1
                    col = m.start() - (doc.text.rfind("\n", 0, m.start()) + 1) + 1
                    out.append(Finding(
                        path=str(doc.path), line=line, column=col, entity="LINK", severity="error",
                        rule="PB101", text=target, review=d.slug,
                        message=f"this links to the review '{slug}', which is not published",
                        hint="remove the link until that review is published"))
    return out
