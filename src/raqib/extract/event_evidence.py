"""The lexical evidence the events stage weighs (``raqib.extract.events``): the taxonomy's
tables (weapons, actors' types, phrases, killed counts, habitual words, the victims' groups,
a place attacked) as log-odds over the event model's classes, read for a sentence or a text.

What each weighs, and why, is data in the taxonomy file (``resources/taxonomy/acled.json``,
``evidence``); this module only finds which tables a sentence's words and mentions call for
and adds them up.
"""

from __future__ import annotations

import functools

import numpy as np

from raqib.extract import casualties, classifier, taxonomy
from raqib.extract.event_places import country_only
from raqib.extract.model import Analysis, CountMention, Span, WeaponMention
from raqib.extract.roles import POLITICAL_MILITIA, REBELS, place_attacked

LOOSE_NONE = 0.5
"""A text in which no sentence reads as an event: a sentence whose probability of no event
is under this, and that names a phrase, an actor or a weapon's verb of an event type (v61,
v72), reports one."""
HABITUAL_MOST = 2
"""At most this many distinct habitual phrases of a sentence add their weight."""
VICTIM_KINDS = ("killed", "injured")
"""The counts whose victims' groups (``evidence.victims``) say what kind of violence it was:
their weights count when every victim the sentence counts is of a group listed there."""


ARMED_GROUPS = (REBELS, POLITICAL_MILITIA)
"""Actor types (rebels, political militias) whose members a count names as victims when the
group's name stands inside the count ('killed an ISIS leader')."""


def victims_of(doc: Analysis, count: CountMention) -> str | None:
    """Whose casualties ``count`` counts: its noun's group (``CountMention.who``), or
    militants when an armed group's name stands inside it ('killed an ISIS leader', 'a
    senior Taliban commander': a leader is a civilian's word alone; events v126), not one
    of the lower-case words that only point to a group ('beheaded', 'handcuffed')."""
    if any(a.inter in ARMED_GROUPS and within(a.span, count.span)
           and not a.span.text.islower() for a in doc.actors):  # a name, not a cue word
        return "militants"
    return count.who


class EventEvidence:
    """The taxonomy's evidence over the classes of one event model."""

    def __init__(self, classes: list[str], tax: taxonomy.Taxonomy) -> None:
        self.classes = classes
        self.taxonomy = tax
        self.index = {label: i for i, label in enumerate(classes)}
        """Class -> its position in the model's scores."""
        self.none = self.index.get(taxonomy.NO_EVENT)
        """The position of no event (None: a model without that class)."""
        self.events = np.array(
            [i for i, label in enumerate(classes) if label != taxonomy.NO_EVENT])
        """The positions of the event types."""
        # sentence phrases that say whether something happened: their weight for no event
        self._occurred = {n: {taxonomy.NO_EVENT: weights[taxonomy.NO_EVENT]}
                          for n, (_, weights) in enumerate(tax.evidence.phrases)
                          if taxonomy.NO_EVENT in weights}
        # which phrases a sentence holds is asked three times (its passage's context, its
        # own evidence, whether it reports anything): searched once per text
        self._weighted = [(n, words) for n, (words, weights) in enumerate(tax.evidence.phrases)
                          if weights]
        self.phrases_in = functools.lru_cache(maxsize=4096)(self._search_phrases)

    def document_evidence(self, text: str) -> np.ndarray:
        """The log-odds the document-scope phrases in ``text`` add to every sentence's
        context (zero for each type when it holds none)."""
        return self.boost([weights for words, weights in self.taxonomy.evidence.document_phrases
                           if words.search(text)])

    def boost(self, tables: list[dict[str, float] | None]) -> np.ndarray:
        """The tables' log-odds summed per class of the model."""
        boost = np.zeros(len(self.classes))
        for table in tables:
            for label, weight in (table or {}).items():
                if label in self.index:
                    boost[self.index[label]] += weight
        return boost

    def event_adjustment(self, doc: Analysis, span: Span) -> np.ndarray:
        """The log-odds a killed count, or a wounded count with a weapon named (v46), or a
        phrase's weight for no event (an event more likely) and habitual words without a day
        (background, less likely) add to the sentence's scores."""
        evidence = self.taxonomy.evidence
        tables: list[dict[str, float] | None] = []
        counts = [c for c in doc.counts if c.low > 0 and within(c.span, span)]
        told = {c.kind for c in counts if not casualties.aggregate(c)}
        if told & set(VICTIM_KINDS):
            tables.append(evidence.killed)  # the wounded too (v46: of a weapon named; v59)
        if evidence.habitual is not None and not any(
                d.precision == 1 and within(d.span, span) for d in doc.days()):
            # each distinct habitual phrase counts, up to HABITUAL_MOST ("have repeatedly
            # targeted ... in recent weeks" is background twice over); a war's toll is
            # background as a habitual phrase is
            said = {m.group().casefold() for m in evidence.habitual.finditer(span.text)}
            said |= {"toll"} if any(c.kind in VICTIM_KINDS and casualties.aggregate(c)
                                     for c in counts) else set()
            tables += [evidence.habitual_weights] * min(len(said), HABITUAL_MOST)
        tables += [self._occurred[n] for n in self.phrases_in(span.text) if n in self._occurred]
        return self.boost(tables)

    def unevidenced(self, evidence: np.ndarray, named: frozenset[str],
                    unread: bool = False) -> list[str]:
        """The types a sentence is read as only with evidence for them
        (``Evidence.named_by_evidence``; and, in a sentence the model mostly cannot read,
        ``named_by_evidence_unread``) that neither its own evidence nor its text's (``named``)
        weighs for."""
        table = self.taxonomy.evidence
        labels = table.named_by_evidence | (table.named_by_evidence_unread if unread
                                            else frozenset())
        return [label for label in sorted(labels)
                if label in self.index and label not in named
                and evidence[self.index[label]] <= 0]

    def named(self, doc: Analysis, spans: list[Span]) -> frozenset[str]:
        """The types of ``Evidence.named_by_evidence`` that the weapons of the whole text and
        the phrases of its ``spans`` (its sentences: their phrases are searched once, for
        their own evidence too) weigh for (an article that names the chlorine once makes each
        sentence about the attack free to be read as one)."""
        evidence = self.taxonomy.evidence
        if not evidence.named_by_evidence:
            return frozenset()
        tables = self._weapons(doc.weapons)
        found = {n for span in spans for n in self.phrases_in(span.text)}
        tables += [evidence.phrases[n][1] for n in sorted(found)]
        weighed = self.boost(tables)
        return frozenset(label for label in evidence.named_by_evidence
                         if label in self.index and weighed[self.index[label]] > 0)

    def leans_to_event(self, doc: Analysis, span: Span, adjusted: np.ndarray) -> bool:
        """Whether a sentence the model reads as no event leans to one all the same: its event
        types together outweigh no event (``LOOSE_NONE``), and an actor, a phrase or a
        weapon's verb in it ("shelled", "torched", v72) weighs for an event type (a weapon's
        noun alone does not: "Security Council seeks clarity on chemical weapons reports"), or
        a phrase in it weighs against no event, saying that something happened without
        saying what ("A march took place in the capital", v107).
        Asked only of a text with no event else (v61)."""
        if self.none is None or classifier.softmax(adjusted)[self.none] >= LOOSE_NONE:
            return False
        acts = self._weapons([m for m in self._weapons_in(doc, span)
                              if m.span.text.casefold().endswith("ed")])
        said = self.boost(self.said(doc, span) + acts)
        return bool(len(self.events) and ((said[self.events] > 0).any()
                                          or said[self.none] < 0))

    def said(self, doc: Analysis, span: Span) -> list[dict[str, float] | None]:
        """The evidence tables of the actors' types and the taxonomy's phrases in ``span``."""
        evidence = self.taxonomy.evidence
        actors = [a for a in doc.actors if within(a.span, span)]
        tables = [evidence.actor_types.get(inter) for inter in {a.inter for a in actors}]
        return tables + [evidence.phrases[n][1] for n in self.phrases_in(span.text)]

    def type_evidence(self, doc: Analysis, span: Span) -> np.ndarray:
        evidence = self.taxonomy.evidence
        tables = self._weapons(self._weapons_in(doc, span))
        tables += self.said(doc, span)
        if evidence.place_attacked and place_attacked(
                doc.text, span, [a for a in doc.actors if within(a.span, span)],
                [p.span for p in doc.places if within(p.span, span) and country_only(p)]):
            tables.append(evidence.place_attacked)
        victims = {who.casefold() for c in doc.counts if c.kind in VICTIM_KINDS and c.low > 0
                   and within(c.span, span) and (who := victims_of(doc, c))}
        if victims and victims <= evidence.victims.keys():  # every victim of such a group
            tables += [evidence.victims[who] for who in victims]
        return self.boost(tables)

    def weapon_types(self, doc: Analysis, span: Span) -> set[str]:
        """The types the weapons named in ``span`` weigh fully for (1.0 or more)."""
        tables = self._weapons(self._weapons_in(doc, span))
        return {label for table in tables if table for label, w in table.items() if w >= 1.0}

    @staticmethod
    def _weapons_in(doc: Analysis, span: Span) -> list[WeaponMention]:
        """The weapons named inside ``span``."""
        return [m for m in doc.weapons if within(m.span, span)]

    def _weapons(self, weapons: list[WeaponMention]) -> list[dict[str, float] | None]:
        """The evidence tables of the weapon classes named, each once."""
        return [self.taxonomy.evidence.weapons.get(w)
                for w in {m.weapon.casefold() for m in weapons}]

    def _search_phrases(self, text: str) -> tuple[int, ...]:
        """The indices of the taxonomy's sentence phrases found in ``text``, in order; only
        those with weights (a phrase without, such as ``people-harmed``, only conditions a
        combination or a precedence rule, which read the incident's words themselves)."""
        return tuple(n for n, words in self._weighted if words.search(text))


def within(inner: Span, outer: Span) -> bool:
    """Whether ``inner`` lies inside ``outer``."""
    return outer.start <= inner.start and inner.end <= outer.end
