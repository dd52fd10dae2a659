"""The ACLED event taxonomy as data: event types, sub-event types, disorder types, the
codebook's precedence rules and the lexical evidence the events stage weighs.

The taxonomy lives in ``resources/taxonomy/acled.json`` (format in that folder's README);
``load()`` reads it once per path. Precedence is applied here and only here
(``Taxonomy.apply_precedence``) so that every stage that must choose between sub-event types
for one incident chooses the same way.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from raqib.errors import ResourceError

NO_EVENT = "none"
"""The class label of text that reports no ACLED event."""

FORMAT = "raqib.taxonomy/1"


class TaxonomyError(ResourceError):
    """The taxonomy file is malformed or names an unknown type."""


@dataclass(frozen=True)
class SubEventType:
    name: str
    slug: str
    event_type: str
    disorder_type: str
    definition: str


@dataclass(frozen=True)
class PrecedenceRule:
    id: str
    prefer: str
    over: tuple[str, ...]
    why: str
    when: re.Pattern[str] | None = None
    """The markers of the evidence phrases the rule needs in an incident's words ("when":
    phrase ids); None: it always applies."""


@dataclass(frozen=True)
class Combination:
    """Two sub-event types reported for one incident that together make a third."""

    id: str
    all: tuple[str, ...]
    becomes: str
    why: str
    markers: re.Pattern[str] | None = None
    """When set (``"when"`` in the file: one evidence phrase's id or a list of them, and
    these are their markers), the combination holds only for an incident whose words hold
    one of them (a shelling and a clash make one clash when a side fired back)."""


@dataclass(frozen=True)
class Alternatives:
    """Sub-event types that are two readings of one act, told apart by what a text may not
    say (whether the victims were armed: an Attack or an Armed clash): for one incident only
    the better-scored stays, never both."""

    id: str
    types: tuple[str, ...]
    why: str


@dataclass(frozen=True)
class Evidence:
    """Log-odds adjustments the events stage adds to the model's scores."""

    weapons: dict[str, dict[str, float]] = field(default_factory=dict)
    actor_types: dict[int, dict[str, float]] = field(default_factory=dict)
    killed: dict[str, float] = field(default_factory=dict)
    habitual: re.Pattern[str] | None = None
    """Words of habitual or ongoing action ('repeatedly', 'in recent weeks', 'continued to')."""
    habitual_weights: dict[str, float] = field(default_factory=dict)
    """Added when a sentence has such words and names no single day: what goes on over weeks
    is background, not an event ACLED codes (ACLED codes each day and place)."""
    phrases: tuple[tuple[re.Pattern[str], dict[str, float]], ...] = ()
    """(words, log-odds) added among event types when a sentence holds the words (two sides
    fighting: 'exchanged fire', 'repelled an attack')."""
    document_phrases: tuple[tuple[re.Pattern[str], dict[str, float]], ...] = ()
    """Phrases whose scope is the whole document ("scope": "document"): what they add leans
    every sentence's choice among the types it supports, as the document's context does
    (ACLED's crowd-size tag says the note reports a demonstration or a riot)."""
    victims: dict[str, dict[str, float]] = field(default_factory=dict)
    """Victims' group (``CountMention.who``) -> log-odds added among event types when every
    victim a sentence counts killed or injured is of the groups listed (armed victims are not
    civilians)."""
    place_attacked: dict[str, float] = field(default_factory=dict)
    """Log-odds added among event types when a sentence tells of a place attacked by its name
    and names one armed party only, a militia (``roles.place_attacked``: no second side
    fought)."""
    named_by_evidence: frozenset[str] = frozenset()
    """Sub-event types a sentence is read as only when its evidence weighs for them (a
    chemical attack needs its chemical words, not only the model's reading)."""
    named_by_evidence_unread: frozenset[str] = frozenset()
    """Sub-event types a sentence the model mostly cannot read (another language) is read as
    only when its evidence weighs for them: the model's guess at unknown words is no means."""
    secondary_score: float = 0.3
    """A sub-event type other than the best becomes a cue too when it scores this much."""
    merge_score: float = 0.5
    """A cue of an adjacent sentence merges into an incident of another type (by precedence
    or combination) only when it scores this much; cues of the same type always merge."""
    document_context: float = 0.5
    """Weight of the whole document's event-type scores added to each sentence's."""


@dataclass(frozen=True)
class Taxonomy:
    event_types: dict[str, str]
    """Event type name -> definition."""
    sub_event_types: dict[str, SubEventType]
    disorder_types: dict[str, str]
    precedence: tuple[PrecedenceRule, ...]
    evidence: Evidence
    combinations: tuple[Combination, ...] = ()
    no_event_definition: str = ""
    alternatives: tuple[Alternatives, ...] = ()

    @property
    def labels(self) -> list[str]:
        """Every class a model may predict: the 25 sub-event types and ``NO_EVENT``."""
        return [*self.sub_event_types, NO_EVENT]

    def event_type(self, sub_event_type: str) -> str:
        return self._get(sub_event_type).event_type

    def disorder_type(self, sub_event_type: str) -> str:
        return self._get(sub_event_type).disorder_type

    def typed(self, sub_event_type: str) -> dict[str, str]:
        """``sub_event_type`` with its event and disorder types, as an event's or a cue's
        three fields (``replace(cue, **tax.typed(label))``)."""
        return {"sub_event_type": sub_event_type,
                "event_type": self.event_type(sub_event_type),
                "disorder_type": self.disorder_type(sub_event_type)}

    def slug(self, label: str) -> str:
        return "no_event" if label == NO_EVENT else self._get(label).slug

    def by_slug(self, slug: str) -> str:
        if slug == "no_event":
            return NO_EVENT
        for sub in self.sub_event_types.values():
            if sub.slug == slug:
                return sub.name
        raise TaxonomyError(f"no sub-event type has the slug {slug!r}")

    def canonical(self, name: str) -> str | None:
        """The taxonomy's spelling of a sub-event type written with other case or spaces."""
        key = " ".join(name.split()).casefold()
        for sub in self.sub_event_types:
            if sub.casefold() == key:
                return sub
        return None

    def overrules(self, prefer: str, other: str) -> bool:
        """Whether a precedence rule prefers ``prefer`` over ``other``."""
        return any(rule.prefer == prefer and other in rule.over for rule in self.precedence)

    def apply_precedence(self, scores: dict[str, float], text: str | None = None
                         ) -> dict[str, float]:
        """Resolve competing sub-event types reported for ONE incident.

        ``scores`` maps candidate sub-event types to scores. First each combination whose
        types are all candidates (and, for one with markers, whose markers the incident's
        words ``text`` hold) replaces them with the type they make together (scored as the
        best of them). Then, for every precedence rule whose preferred type and one of
        whose overruled types are both candidates, the overruled one is dropped and the
        preferred one keeps the higher of the two scores; a rule with ``when`` only where
        ``text`` holds its markers, and always when no ``text`` is given (an incident's
        reports reconciled: no words to read). Rules apply in file order; the result keeps
        only the surviving candidates.
        """
        result = dict(scores)
        for combo in self.combinations:
            if all(name in result for name in combo.all) and (
                    combo.markers is None or combo.markers.search(text or "")):
                best = max(result.pop(name) for name in combo.all)
                result[combo.becomes] = max(best, result.get(combo.becomes, 0.0))
        for rule in self.precedence:
            if rule.prefer not in result or (
                    rule.when is not None and text is not None and not rule.when.search(text)):
                continue
            for loser in rule.over:
                if loser in result:
                    result[rule.prefer] = max(result[rule.prefer], result.pop(loser))
        return result

    def one_reading(self, scores: dict[str, float]) -> dict[str, float]:
        """``scores`` of the types one sentence's words support, without the readings that
        are alternatives of a better-scored one (``alternatives``; the first listed on a
        tie). Only for one sentence: two sentences may tell two acts (an attack, then a
        clash with the forces that came), one sentence's words are read one way."""
        result = dict(scores)
        for alternatives in self.alternatives:
            present = [name for name in alternatives.types if name in result]
            if len(present) > 1:
                keep = max(present, key=result.__getitem__)
                for name in present:
                    if name != keep:
                        del result[name]
        return result

    def _get(self, name: str) -> SubEventType:
        try:
            return self.sub_event_types[name]
        except KeyError:
            raise TaxonomyError(f"unknown ACLED sub-event type {name!r}") from None


def default_path() -> Path:
    return Path(str(resources.files("raqib") / "resources" / "taxonomy" / "acled.json"))


def load(path: str | Path | None = None) -> Taxonomy:
    """The taxonomy in ``path`` (default: the shipped ACLED taxonomy), read once per path."""
    return _load(str(Path(path))) if path else _load_default()


@lru_cache(maxsize=1)
def _load_default() -> Taxonomy:
    # finding the packaged file costs ~60 us a call: more than reconciling a small incident
    return _load(str(default_path()))


@lru_cache(maxsize=4)
def _load(path: str) -> Taxonomy:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise TaxonomyError(f"cannot read taxonomy {path}: {exc}") from exc
    if data.get("format") != FORMAT:
        raise TaxonomyError(f"{path}: format is {data.get('format')!r}, expected {FORMAT!r}")
    return parse(data)


def parse(data: dict) -> Taxonomy:
    disorder = dict(data["disorder_types"])
    event_types: dict[str, str] = {}
    subs: dict[str, SubEventType] = {}
    for event in data["event_types"]:
        event_types[event["name"]] = event["definition"]
        for sub in event["sub_event_types"]:
            if sub["disorder_type"] not in disorder:
                raise TaxonomyError(f"{sub['name']}: unknown disorder type {sub['disorder_type']}")
            subs[sub["name"]] = SubEventType(
                sub["name"], sub["slug"], event["name"], sub["disorder_type"], sub["definition"]
            )
    phrases = {g.get("id"): g for g in data.get("evidence", {}).get("phrases", [])}
    rules = tuple(
        PrecedenceRule(r["id"], r["prefer"], tuple(r["over"]), r.get("why", ""),
                       _condition(r, phrases, "precedence rule"))
        for r in data.get("precedence", [])
    )
    combos = tuple(
        Combination(c["id"], tuple(c["all"]), c["becomes"], c.get("why", ""),
                    _condition(c, phrases))
        for c in data.get("combinations", [])
    )
    alternatives = tuple(Alternatives(a["id"], tuple(a["types"]), a.get("why", ""))
                         for a in data.get("alternatives", []))
    named = [(r.id, (r.prefer, *r.over)) for r in rules]
    named += [(c.id, (*c.all, c.becomes)) for c in combos]
    named += [(a.id, a.types) for a in alternatives]
    for rule_id, names in named:
        for name in names:
            if name not in subs:
                raise TaxonomyError(f"rule {rule_id}: unknown sub-event type {name!r}")
    return Taxonomy(
        event_types=event_types,
        sub_event_types=subs,
        disorder_types=disorder,
        precedence=rules,
        evidence=_evidence(data.get("evidence", {}), subs),
        combinations=combos,
        no_event_definition=data.get("no_event", {}).get("definition", ""),
        alternatives=alternatives,
    )


def _condition(combo: dict, phrases: dict[str, dict], kind: str = "combination"
               ) -> re.Pattern[str] | None:
    """The markers of the evidence phrases a combination or a precedence rule (``kind``)
    names in ``when`` (one id or a list of ids; None: no condition)."""
    if "when" not in combo:
        return None
    names = [combo["when"]] if isinstance(combo["when"], str) else list(combo["when"])
    for name in names:
        if name not in phrases:
            raise TaxonomyError(f"{kind} {combo['id']!r}: no evidence phrase {name!r}")
    return _markers([m for name in names for m in phrases[name].get("markers", [])],
                    f"{kind} {combo['id']!r}")


def _markers(patterns: list[str], where: str) -> re.Pattern[str] | None:
    """One case-insensitive pattern for the listed word patterns, on word boundaries; a
    space in a pattern matches any run of white space (text from a PDF breaks its lines
    inside sentences: "were to be" at the end of one line, "withdrawn" on the next)."""
    if not patterns:
        return None
    try:
        return re.compile(
            r"\b(?:" + "|".join(f"(?:{_spaced(p)})" for p in patterns) + r")\b", re.I)
    except re.error as exc:
        raise TaxonomyError(f"{where}: {exc}") from None


def _spaced(pattern: str) -> str:
    """``pattern`` with each space read as ``\\s+`` (inside a character class, ``\\s``);
    an optional space (" ?": "tear ?gas") as ``\\s*``."""
    out, in_class, escaped = [], False, False
    for char in pattern:
        literal, escaped = escaped, not escaped and char == "\\"
        if not literal and char in "[]":
            in_class = char == "["
        if char == "?" and not literal and not in_class and out and out[-1] == r"\s+":
            out[-1] = r"\s*"
            continue
        if char == " " and not literal:
            char = r"\s" if in_class else r"\s+"
        out.append(char)
    return "".join(out)


def _phrase(group: dict, table: Callable[[dict], dict[str, float]], groups: dict[str, dict]
            ) -> tuple[re.Pattern[str], dict[str, float]]:
    """A phrase's words and weights; with ``unless`` (the ids of other phrases), its words
    count only in a text that holds none of those phrases' markers."""
    where = f"evidence.phrases {group.get('id', '?')!r}"
    pattern = _markers(group.get("markers", []), where)
    if pattern is None:
        raise TaxonomyError(f"{where}: no markers")
    unless = group.get("unless", [])
    names = [unless] if isinstance(unless, str) else list(unless)
    for name in names:
        if name not in groups:
            raise TaxonomyError(f"{where}: unless names no evidence phrase {name!r}")
    if names:
        others = _markers([m for name in names for m in groups[name].get("markers", [])],
                          where)
        if others is None:
            raise TaxonomyError(f"{where}: unless names phrases with no markers")
        # anchored: the words anywhere, then the text as a whole holds none of the others
        # (in that order: most texts hold neither, and the others are searched only where
        # the words are found)
        pattern = re.compile(rf"(?s)\A(?=.*?{pattern.pattern})(?!.*?{others.pattern})", re.I)
    return pattern, table(group.get("weights", {}))


def _scoped(groups: list[dict], scope: str) -> list[dict]:
    for group in groups:
        if group.get("scope", "sentence") not in {"sentence", "document"}:
            raise TaxonomyError(f"evidence.phrases {group.get('id', '?')!r}: scope must be "
                                f"'sentence' or 'document', not {group['scope']!r}")
    return [group for group in groups if group.get("scope", "sentence") == scope]


def _evidence(data: dict, subs: dict[str, SubEventType]) -> Evidence:
    known = {*subs, NO_EVENT}
    habitual = data.get("habitual", {})
    groups = {group.get("id"): group for group in data.get("phrases", [])}

    def table(raw: dict) -> dict[str, float]:
        for label in raw:
            if label not in known:
                raise TaxonomyError(f"evidence names an unknown type {label!r}")
        return {label: float(value) for label, value in raw.items()}

    return Evidence(
        weapons={k.casefold(): table(v) for k, v in data.get("weapons", {}).items()},
        actor_types={int(k): table(v) for k, v in data.get("actor_types", {}).items()},
        killed=table(data.get("killed", {})),
        habitual=_markers(habitual.get("markers", []), "evidence.habitual.markers"),
        habitual_weights=table(habitual.get("weights", {})),
        phrases=tuple(_phrase(group, table, groups)
                      for group in _scoped(data.get("phrases", []), "sentence")),
        document_phrases=tuple(_phrase(group, table, groups)
                               for group in _scoped(data.get("phrases", []), "document")),
        victims={k.casefold(): table(v) for k, v in data.get("victims", {}).items()},
        place_attacked=table(data.get("place_attacked", {}).get("weights", {})),
        named_by_evidence=frozenset(table(dict.fromkeys(
            data.get("named_by_evidence", {}).get("types", []), 0.0))),
        named_by_evidence_unread=frozenset(table(dict.fromkeys(
            data.get("named_by_evidence", {}).get("unread", []), 0.0))),
        secondary_score=float(data.get("secondary_score", 0.3)),
        merge_score=float(data.get("merge_score", 0.5)),
        document_context=float(data.get("document_context", 0.5)),
    )
