"""Whether an incident is contested: sides telling opposing accounts of the same event.

``contest(incident)`` looks at the claims about the incident and at its reports.

Which claims are about the incident:

- a claim whose ``report_id`` is one of the incident's reports;
- a claim with no ``report_id`` from a document one of the incident's reports came from,
  only when its statement names the incident's place (a report's ``location``, whole word,
  case-insensitive) or its weapon, or a word of its sub-event type that is specific enough
  (``chemical``, ``chlorine``, ``air strike`` … see ``raqib.extract.claims_lexicon.
  TYPE_WORDS``). This is conservative on purpose: a press release denies many things, and a
  denial is tied to this incident only when it says what it denies. Claims from documents
  outside the incident are never used.
- except that a claim with no ``report_id`` that points back with "such", "these" or
  "those" at a thing ("denied firing any such shells") is about what the nearest earlier
  asserting claim of its document naming that thing is about ("accused armed groups of
  firing shells carrying chlorine"): it belongs to that claim's incident and to no other
  incident its words happen to name (a shelling in another town);
- a denial with no ``report_id`` that points back at claims ("these accusations", "the
  allegations", "such claims" …) from a document that also carries an accusation or
  assertion about the incident by another claimant: the denial answers that accusation
  (the document-level stand-in for resolving "these").
- ``calls_for`` claims state no account and are left out.

Who holds a claim (``holder_side``, ``_actor``): its claimant when the actor dictionary knows
who that is (``claimant_side`` is not None), else the source that printed it. The holder's side
is the claimant's dictionary side when the dictionary gives it an allegiance ("the Russian
defence ministry" quoted by a monitor of unknown side holds the government's account,
"opposition factions" the opposition's, the Islamic State the jihadists'; not 'unknown',
'group' or 'civilian'), else the source's side; the holder's actor is the claimant's dictionary
actor, else none ("the source" and misread phrases name nobody). Two holders differ when both
sides are known (not 'unknown') and unequal; when a side is unknown, when both name an actor
and the actors are unequal. Two factions of one side do not contest each other's account.

The incident is contested when:

1. a denial (stance ``denies``) stands against an assertion (``asserts``, ``accuses``,
   ``alleges``) by a different holder — a reports' source counts as asserting the event,
   held by its source side; or
2. sources of two different known sides name perpetrators (the reports' ``actor1``;
   'Unidentified …', 'Civilians …' and the like left out) in disjoint camps: government media
   blaming armed groups while the opposition blames the government or Russia. State forces
   and pro-government militias (``Military Forces of …``, ``Police Forces of …``,
   ``Militia (Pro-Government)``, ``NDF: …``) are one camp, so the usual uncertainty over
   whether a Syrian or a Russian jet struck is not a contest; every other actor is its own
   camp.

``by_side`` lists each side's claims about the incident (by the holder's side), each with its
quote, enough for a page giving each side's account; the same words by the same claimant from
the same source (a page and its feed entry, captured twice) are listed once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from raqib.extract.claims_lexicon import TYPE_WORDS
from raqib.extract.claims_speaker import PRONOUNS
from raqib.incidents.records import WITHHELD, ClaimView, IncidentView, ReportView

ASSERTING = ("asserts", "accuses", "alleges")
UNKNOWN_SIDE = "unknown"
_NO_ALLEGIANCE = frozenset({"", UNKNOWN_SIDE, "group", "civilian"})


_ANAPHORIC = re.compile(
    r"\b(?:these|those|this|such|the|their|its|his|her|that)\s+(?:\w+\s+)?"
    r"(?:accusations?|allegations?|claims?|charges?|reports?|lies|fabrications?|story|stories|"
    r"narrative|scenario|version)\b",
    re.IGNORECASE,
)
"""Words by which a denial points back at an accusation made earlier in the same text."""

_NOT_BLAME = ("Unidentified", "Civilians", "Protesters", "Rioters")
_STATE_CAMP = ("Military Forces of", "Police Forces of", "Militia (Pro-Government)", "NDF:")


def camp(actor: str) -> str:
    """The camp a perpetrator belongs to when comparing sides' blame (see the docstring)."""
    return "state forces" if actor.startswith(_STATE_CAMP) else actor


@dataclass(frozen=True)
class Contest:
    contested: bool
    reasons: list[str] = field(default_factory=list)
    by_side: dict[str, list[ClaimView]] = field(default_factory=dict)

    def as_json(self) -> dict[str, Any]:
        """Plain JSON: sides in name order, claims in id order."""
        return {
            "contested": self.contested,
            "reasons": list(self.reasons),
            "by_side": {
                side: [_claim_json(c) for c in claims]
                for side, claims in sorted(self.by_side.items())
            },
        }


def _claim_json(claim: ClaimView) -> dict[str, Any]:
    return {
        "id": claim.id,
        "source": claim.source.name,
        "claimant": claim.claimant,
        "claimant_actor": claim.claimant_actor,
        "stance": claim.stance,
        "statement": claim.statement,
        "hedged": claim.hedged,
        "document": claim.document,
        "report_id": claim.report_id,
        "claimant_side": claim.claimant_side,
        "holder_side": holder_side(claim),
    }


def contest(incident: IncidentView) -> Contest:
    """Whether ``incident`` is contested, why, and each side's claims about it."""
    claims = claims_about(incident)
    reasons = _denials(claims, incident.reports) + _blame(incident.reports)
    by_side: dict[str, list[ClaimView]] = {}
    for claim in {_wording(c): c for c in reversed(claims)}.values():
        by_side.setdefault(holder_side(claim), []).append(claim)
    for listed in by_side.values():
        listed.sort(key=lambda c: c.id)
    return Contest(bool(reasons), reasons, by_side)


def _wording(claim: ClaimView) -> tuple[str, ...]:
    """What a claim says and who says it, in which outlet: equal for copies of one text."""
    def fold(words: str) -> str:
        return " ".join(words.split()).casefold()
    return (claim.source.name, fold(claim.claimant), claim.stance, fold(claim.statement))


def claims_about(incident: IncidentView) -> list[ClaimView]:
    """The incident's claims that state an account of it (see the module docstring)."""
    report_ids = {r.id for r in incident.reports}
    documents = {r.document for r in incident.reports}
    patterns = _mention_patterns(incident.reports)
    found = []
    answering = []
    for claim in sorted(incident.claims, key=lambda c: c.id):
        if claim.stance == "calls_for":
            continue
        antecedent = _antecedent(claim, incident.claims) if claim.report_id is None else None
        if claim.report_id is not None:
            if claim.report_id in report_ids:
                found.append(claim)
        elif antecedent is not None:
            if antecedent.report_id in report_ids:
                found.append(claim)
        elif claim.document in documents and any(p.search(claim.statement) for p in patterns):
            found.append(claim)
        elif (claim.document in documents and claim.stance == "denies"
              and _ANAPHORIC.search(claim.statement)):
            answering.append(claim)
    for denial in answering:
        if any(c.document == denial.document and c.stance in ASSERTING
               and c.claimant != denial.claimant for c in found):
            found.append(denial)
    return sorted(found, key=lambda c: c.id)


_BACK = re.compile(r"\b(?:such|these|those)\s+(\w+)", re.IGNORECASE)


def _antecedent(claim: ClaimView, claims: list[ClaimView]) -> ClaimView | None:
    """The claim that ``claim``'s "such shells" / "these attacks" points back at: the nearest
    earlier asserting claim of the same document that names the same thing; None when the
    claim does not point back, or nothing earlier names the thing."""
    back = _BACK.search(claim.statement)
    if back is None:
        return None
    thing = re.compile(rf"\b{re.escape(back.group(1))}\b", re.IGNORECASE)
    earlier = [c for c in claims if c.document == claim.document and c.id < claim.id
               and c.stance in ASSERTING and thing.search(c.statement)]
    return max(earlier, key=lambda c: c.id, default=None)


def _mention_patterns(reports: list[ReportView]) -> list[re.Pattern[str]]:
    words: set[str] = set()
    for report in reports:
        words.update(w for w in (report.location, report.weapon) if len(w.strip()) > 2)
        words.update(TYPE_WORDS.get(report.sub_event_type, ()))
    return [re.compile(rf"\b{re.escape(w.strip())}\b", re.IGNORECASE) for w in sorted(words)]


def _holders_differ(side_a: str, actor_a: str, side_b: str, actor_b: str) -> bool:
    if UNKNOWN_SIDE not in (side_a, side_b) and side_a and side_b:
        return side_a != side_b
    return bool(actor_a and actor_b and actor_a != actor_b)


def _denials(claims: list[ClaimView], reports: list[ReportView]) -> list[str]:
    """One reason per denying side: who of that side denies, against which holders (each
    named once: by actor, else by source, an outlet and its own correspondent as one)."""
    by_side: dict[str, tuple[dict[str, str], dict[str, str]]] = {}
    for denial in (c for c in claims if c.stance == "denies"):
        opposed: dict[str, str] = {}
        for c in claims:
            if c.stance in ASSERTING and _holders_differ(
                holder_side(c), _actor(c), holder_side(denial), _actor(denial)
            ):
                opposed.setdefault(_body(_actor(c) or c.source.name), _holder(c))
        for r in reports:
            if _holders_differ(r.source.side, "", holder_side(denial), ""):
                opposed.setdefault(_body(r.source.name), r.source.name)
        if opposed:
            deniers, against = by_side.setdefault(holder_side(denial), ({}, {}))
            deniers.setdefault(_body(_actor(denial) or denial.source.name), _holder(denial))
            for key, name in opposed.items():
                against.setdefault(key, name)
    return [f"denied by {_listed(list(deniers.values()))} ({_side(side)}), "
            f"against {_listed(list(against.values()))}"
            for side, (deniers, against) in by_side.items()]


def _body(name: str) -> str:
    """Who a holder is, for naming each once: an actor or a source by the words before its
    ':' or '(' ("SANA: Syrian Arab News Agency" and the source "SANA (Syrian Arab News
    Agency)" are one body)."""
    return re.split(r"\s*[:(]", name, maxsplit=1)[0].strip().casefold()


LISTED = 4
"""At most this many holders named in one reason; the rest are counted."""


def _listed(names: list[str]) -> str:
    if len(names) <= LISTED:
        return ", ".join(names)
    return f"{', '.join(names[:LISTED])} and {len(names) - LISTED} more"


PUBLISHER = "(publisher)"
"""The claimant the claims stage names when the document itself speaks."""


def holder_side(claim: ClaimView) -> str:
    """The side holding the claim: its claimant's, when the actor dictionary gives it an
    allegiance; else its source's."""
    if claim.claimant_side is not None and claim.claimant_side not in _NO_ALLEGIANCE:
        return claim.claimant_side
    return claim.source.side or UNKNOWN_SIDE


def _actor(claim: ClaimView) -> str:
    """The claimant's dictionary actor; '' for a claimant the dictionary cannot place."""
    known = claim.claimant_side is not None and claim.claimant_actor != PUBLISHER
    return claim.claimant_actor if known else ""


def _holder(claim: ClaimView) -> str:
    """Who holds the claim, in plain words: its claimant as written when the actor dictionary
    knows who that is, else its source (a claimant span the dictionary cannot place, such as
    "the source" or a misread phrase, says less than the outlet that printed it)."""
    if not _actor(claim) or claim.claimant == WITHHELD:
        return claim.source.name
    pronoun = claim.claimant.casefold() in PRONOUNS
    return claim.claimant_actor if pronoun else " ".join(claim.claimant.split())


def deniers(result: Contest) -> set[str]:
    """Names of the sources whose claims about the incident deny it and assert nothing."""
    claims = [c for side in result.by_side.values() for c in side]
    denying = {c.source.name for c in claims if c.stance == "denies"}
    return denying - {c.source.name for c in claims if c.stance in ASSERTING}


def _blame(reports: list[ReportView]) -> list[str]:
    blamed: dict[str, set[str]] = {}
    camps: dict[str, set[str]] = {}
    for report in reports:
        side, actor = report.source.side, report.actor1
        if side and side != UNKNOWN_SIDE and actor and not actor.startswith(_NOT_BLAME):
            blamed.setdefault(side, set()).add(actor)
            camps.setdefault(side, set()).add(camp(actor))
    sides = sorted(blamed)
    reasons = []
    for i, a in enumerate(sides):
        for b in sides[i + 1 :]:
            if not camps[a] & camps[b]:
                reasons.append(
                    f"{_side(a)} sources blame {' / '.join(sorted(blamed[a]))}; "
                    f"{_side(b)} sources blame {' / '.join(sorted(blamed[b]))}"
                )
    return reasons


def _side(side: str) -> str:
    return f"{side or UNKNOWN_SIDE} side"
