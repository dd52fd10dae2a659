"""Event classification: which ACLED sub-event types each sentence reports.

Every sentence is classified by the event model (a linear model over word and character
n-grams, ``raqib.extract.classifier``); the lexical evidence earlier stages found in it
(weapons, actor types, killed counts, the groups of its victims, and the taxonomy's phrases
such as "exchanged fire" or "burned tyres"; the weights are data in the taxonomy file) moves
probability between types, the codebook's precedence rules resolve competing types, and one
``EventCue`` per reported sub-event type is appended to ``doc.cues`` (best first within a
sentence). Sentences that report no ACLED event produce no cue.

How evidence is weighed (``raqib.extract.event_evidence`` reads the taxonomy's tables for a
sentence or a text): the model alone decides whether a sentence reports an event at all (a
killed count or a phrase's weight against no event may tip it); the evidence only moves
probability between event types, so a weapon named in a political statement does not make the
statement an event. Only when no sentence of a text reads as an event does the evidence tip
one (v61): a sentence whose event types together outweigh no event
(``event_evidence.LOOSE_NONE``) and that holds a phrase or an actor of some event type, or a
weapon's verb ("shelled", v72; not a weapon's noun alone) reports one, so a short note the
model finds unlike its examples ("Four political parties joined to march to protest cancelled
municipal elections.") is not lost. A
type the taxonomy names only by evidence (a chemical attack) is read only where the sentence's
or its text's evidence weighs for it (v64). The whole document's scores (its context) and the
evidence phrases of a sentence's passage (itself and ``PASSAGE`` sentences either side) lean
the choice among the types a sentence itself supports (at least ``LEAN_SHARE`` of its best own
probability); they never choose or add a type the sentence does not name. A sentence of which
the model knows few words (another language) has its evidence weigh in more, and reports an
event only when another stage read something that says so. Clauses that date or explain the
sentence by another event (``raqib.extract.sentences.reading_spans``) are read apart from it.

``best_cues(doc)`` (``raqib.extract.event_incidents``) turns the cues into one cue per
incident for the assembly stage. What each version of the stage changed, with examples, is in
docs/extraction.md (the ``extract.events`` row).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

import numpy as np

from raqib.extract import classifier, place_mask, taxonomy
from raqib.extract.event_evidence import EventEvidence, within
from raqib.extract.event_incidents import ANOTHER
from raqib.extract.model import Analysis, EventCue, Options, PlaceMention, Span
from raqib.extract.positions import ByStart
from raqib.extract.sentences import (
    MIN_WORDS,
    reading_spans,
    reported_clause,
    says_nothing,
    sentence_spans,
    told,
)

NAME = "extract.events.v159"


LEAN_SHARE = 0.25
"""The document's context may choose a sentence's type only among the types whose own
probability is at least this share of the sentence's best."""
PASSAGE = 1
"""The sentences either side of a sentence whose evidence phrases, with its own, lean its
choice of type as the document's context does; each phrase counts once per passage."""
READ = 0.5
"""A sentence of which the model knows fewer words than this share has its evidence weigh in
more, in proportion (v10: an Arabic sentence naming toxic gas is a chemical attack)."""
WEAPON_FLOOR = 0.1
"""A type the sentence's weapons name is a candidate from this score on, under the floor a
second type needs, when the codebook's precedence prefers it over the best type (v71: "killed
when a shell hit their home" was an Attack, the shelling at 0.26)."""
LATIN_END = "\u024f"
"""The last letter of the Latin blocks (Basic Latin to Latin Extended-B)."""
_OTHER_SCRIPT = re.compile(f"[^\\x00-{LATIN_END}\u1e00-\u1eff\u2000-\u206f]")
"""A character outside the Latin letters and the usual punctuation (Arabic, Cyrillic, ...):
only a sentence that holds one is read as another language's (``named_by_evidence.unread``),
which spares the others the model's reading share (28 µs a sentence)."""


class EventsStage:
    name = NAME

    def __init__(self, model: classifier.EventModel, tax: taxonomy.Taxonomy) -> None:
        self.model = model
        self.taxonomy = tax
        self.evidence = EventEvidence(model.classes, tax)
        self._none, self._events = self.evidence.none, self.evidence.events
        self._disorder = {
            label: tax.disorder_type(label)
            for label in model.classes
            if label in tax.sub_event_types
        }
        self._disorder.update(model.meta.get("disorder_types") or {})

    def __call__(self, doc: Analysis) -> None:
        bounds, whole = reading_spans(doc.text, sentence_spans(doc),
                                      sorted(a.span.start for a in doc.actors))
        found = self._cues(doc, [doc.span(*b) for b in bounds])
        read = {(c.span.start, c.span.end) for c in found}
        lacking = {piece for piece in whole if piece not in read}
        if lacking:  # nothing read before the cause: the whole sentence is read (v47), with
            # the rest of the document around it, as the first reading had it
            again = self._cues(doc, [doc.span(*(whole[b] if b in lacking else b))
                                     for b in bounds])
            wholes = {whole[piece] for piece in lacking}
            found = sorted(found + [c for c in again if (c.span.start, c.span.end) in wholes],
                           key=lambda c: c.span.start)
        doc.cues.extend(replace(c, span=doc.span(*whole[key])) if (
            key := (c.span.start, c.span.end)) in whole else c for c in found)

    def _cues(self, doc: Analysis, spans: list[Span]) -> list[EventCue]:
        """The cues read in ``spans``, with the document's lean, and in the clauses after
        "that" of those that read as none."""
        places = ByStart(doc.places)
        counted = [self.model.features(self._text(doc, span, places)) for span in spans]
        context, against_none = self._document_lean(doc.text, counted)
        mentions = _Mentions(doc, self.evidence.named(doc, spans))
        logits = [self.model.logits_of(counts) for counts in counted]
        contexts = self._passages(spans, context)
        found = self._read(spans, logits, mentions, contexts)
        if not found and against_none.any():  # the document says it reports an event
            found = self._read(spans, [x + against_none for x in logits], mentions, contexts)
        reported = self._reported(doc, spans, found, contexts, places, mentions)
        if not found and not reported:  # nothing at all: what leans to an event is one (v61)
            found = self._read(spans, logits, mentions, contexts, loose=True)
        return found + reported

    def _reported(self, doc: Analysis, spans: list[Span], found: list[EventCue],
                  contexts: list[np.ndarray | None], places: ByStart[PlaceMention],
                  mentions: _Mentions) -> list[EventCue]:
        """The cues of what follows the last "that" of each sentence that reads as no event,
        read alone with the sentence's context (v16): the words a statement reports, or what
        a thing did ("The foreign minister deplored the attack that left four aid workers
        dead in Jonglei")."""
        read = {cue.span.start for cue in found}
        out: list[EventCue] = []
        for span, context in zip(spans, contexts, strict=True):
            if span.start in read:
                continue
            bounds = reported_clause(doc.text, span.start, span.end)
            if bounds is None or len(doc.text[bounds[0]:span.end].split()) < MIN_WORDS:
                continue
            clause = doc.span(*bounds)
            logits = self.model.logits_of(self.model.features(self._text(doc, clause, places)))
            out += self._classify(mentions.inside(clause), clause, logits, context,
                                  named=mentions.named)
        return out

    def _document_lean(self, text: str, counted: list[Counter[str]]
                       ) -> tuple[np.ndarray | None, np.ndarray]:
        """(the context every sentence's choice of type leans by: the whole document's
        scores, weighted, when it has several sentences, plus its document-scope evidence;
        that evidence's weight against no event, zero for every other class)."""
        context = None
        if len(counted) > 1:
            # The document's features are its sentences' together (less the word pairs that
            # straddle two sentences): counting them once serves both.
            whole: Counter[str] = Counter()
            for counts in counted:
                whole.update(counts)
            context = self._weighted(self.model.logits_of(whole))
        lean = self.evidence.document_evidence(text)
        against_none = np.zeros(len(self.model.classes))
        if self._none is not None:
            against_none[self._none], lean[self._none] = lean[self._none], 0.0
        if lean.any():
            context = lean if context is None else context + lean
        return context, against_none

    def _passages(self, spans: list[Span], context: np.ndarray | None
                  ) -> list[np.ndarray | None]:
        """Each sentence's context: the document's, plus the log-odds of the evidence phrases
        found in its passage (``PASSAGE`` sentences either side and itself); none for a
        sentence that announces another incident ('In a separate incident on Monday, bandits
        abducted 20 travellers' had leaned to the armed clash of the document's lead: v145)."""
        phrases = self.taxonomy.evidence.phrases
        found = [self.evidence.phrases_in(span.text) for span in spans]
        contexts: list[np.ndarray | None] = []
        for i in range(len(spans)):
            if ANOTHER.match(spans[i].text):  # 'In a separate incident, ...' (v145)
                contexts.append(None)
                continue
            near = set().union(*found[max(0, i - PASSAGE):i + PASSAGE + 1])
            lean = self.evidence.boost([phrases[n][1] for n in sorted(near)])
            if self._none is not None:  # leans among event types only (see event_adjustment)
                lean[self._none] = 0.0
            contexts.append(context if not lean.any() else
                            lean if context is None else context + lean)
        return contexts

    def _read(self, spans: list[Span], logits: list[np.ndarray], mentions: _Mentions,
              contexts: list[np.ndarray | None], loose: bool = False) -> list[EventCue]:
        """The cues of every sentence, in order (``loose``: see
        ``EventEvidence.leans_to_event``)."""
        return [cue for span, scores, context in zip(spans, logits, contexts, strict=True)
                for cue in self._classify(mentions.inside(span), span, scores, context, loose,
                                          mentions.named)]

    def _text(self, doc: Analysis, span: Span,
              places: ByStart[PlaceMention] | None = None) -> str:
        """The words of ``span`` the model reads: place names masked when it was trained so
        (``raqib.extract.place_mask``)."""
        end = told(doc.text, span.start, span.end)
        if end < span.end:
            span = doc.span(span.start, end)
        if not self.model.meta.get(place_mask.META_KEY):
            return span.text
        inside = (places or ByStart(doc.places)).inside(span)
        return place_mask.masked(doc.text, [*(p.span for p in inside), *doc.place_names], span)

    def context(self, text: str) -> np.ndarray:
        """The whole text's event-type scores, weighted, with its document-scope evidence,
        to add to each sentence's."""
        return self._weighted(self.model.logits(text)) + self.evidence.document_evidence(text)

    def _weighted(self, logits: np.ndarray) -> np.ndarray:
        return self.taxonomy.evidence.document_context * logits.astype(np.float64)

    def classify(
        self, doc: Analysis, span: Span, context: np.ndarray | None = None
    ) -> list[EventCue]:
        """The cues of one sentence (or clause) of ``doc``: empty when it reports no event.
        ``context`` (from ``context(doc.text)``) leans the choice between event types
        towards what the whole document reports; it never decides whether there is one."""
        return self._classify(doc, span, self.model.logits(self._text(doc, span)), context,
                              named=self.evidence.named(doc, [span]))

    def _classify(
        self, doc: Analysis, span: Span, logits: np.ndarray, context: np.ndarray | None,
        loose: bool = False, named: frozenset[str] = frozenset(),
    ) -> list[EventCue]:
        adjusted, evidence = self._evidence(doc, span, logits)
        is_event, probs = self._scores(adjusted, evidence, context)
        if not is_event and loose:
            is_event = self.evidence.leans_to_event(doc, span, adjusted)
        if not is_event or says_nothing(doc, span):
            return []  # a header, a date line, a caption's 'Zamalka, 21 August 2013.'
        if not evidence.any() and self._unread(doc, span):
            return []  # words the model never learned, and nothing else read in them
        probs.pop(taxonomy.NO_EVENT, None)
        # The context leans the choice among the types the sentence itself supports; it
        # neither picks nor adds a type the sentence does not name (shelling told in a
        # report about a chlorine attack is not a chemical attack).
        own = probs if context is None else self._scores(adjusted, evidence, None)[1]
        own.pop(taxonomy.NO_EVENT, None)
        unread = bool(_OTHER_SCRIPT.search(span.text)) and (  # v133: another language
            self.model.coverage(self._text(doc, span)) < READ)
        for label in self.evidence.unevidenced(evidence, named, unread):  # v64: chemical words
            probs.pop(label, None)
            own.pop(label, None)
        least = LEAN_SHARE * max(own.values())
        best = max((label for label in probs if own[label] >= least), key=probs.__getitem__)
        floor = self.taxonomy.evidence.secondary_score
        candidates = {label: probs[label] for label in probs
                      if label == best or (own[label] >= floor and probs[label] >= floor)}
        named = self.evidence.weapon_types(doc, span)
        for label in named:  # v71: a shell named, not an Attack
            if label in own and own[label] >= WEAPON_FLOOR and self.taxonomy.overrules(label, best):
                candidates[label] = probs[label]
        if best in named:  # v76: a missile named, and no aircraft, is no air strike by precedence
            candidates = {label: p for label, p in candidates.items() if label in named
                          or label == best or not self.taxonomy.overrules(label, best)}
        resolved = self.taxonomy.one_reading(
            self.taxonomy.apply_precedence(candidates, span.text))
        ranked = sorted(resolved.items(), key=lambda item: (-item[1], item[0]))
        return [self._cue(span, label, score, own.get(label, 0.0)) for label, score in ranked]

    def probabilities(
        self, doc: Analysis, span: Span, context: np.ndarray | None = None
    ) -> dict[str, float]:
        """Class probabilities of ``span`` after weighing the evidence inside it."""
        logits = self.model.logits(self._text(doc, span))
        return self._scores(*self._evidence(doc, span, logits), context)[1]

    def _unread(self, doc: Analysis, span: Span) -> bool:
        """Whether the sentence is mostly in a script other than Latin, the model knows under
        ``READ`` of its words, and no stage read a count of victims in it (v12). An English
        sentence of unknown names keeps the model's reading: FA-KES articles held such
        sentences that reported events (linking F1 0.628 -> 0.616 without the script test)."""
        letters = [c for c in span.text if c.isalpha()]
        if sum(c > LATIN_END for c in letters) * 2 <= len(letters):
            return False
        if any(c.low > 0 and within(c.span, span) for c in doc.counts):
            return False
        return self.model.coverage(self._text(doc, span)) < READ

    def _evidence(self, doc: Analysis, span: Span, logits: np.ndarray
                  ) -> tuple[np.ndarray, np.ndarray]:
        """(the sentence's logits with killed counts, habitual words and phrases' weights for
        no event added; the log-odds its evidence moves between event types): read once per
        sentence, whatever the contexts it is scored with."""
        adjusted = logits.astype(np.float64) + self.evidence.event_adjustment(doc, span)
        evidence = self.evidence.type_evidence(doc, span)
        if evidence.any():
            # words the model never learned (another language) leave its choice of type to
            # chance: the evidence it does read (a weapon, an actor type) weighs in more
            read = self.model.coverage(self._text(doc, span))
            if read < READ:
                evidence *= READ / max(read, 0.1)
        return adjusted, evidence

    def _scores(
        self, logits: np.ndarray, evidence: np.ndarray, context: np.ndarray | None
    ) -> tuple[bool, dict[str, float]]:
        """(whether the model alone, with killed counts and habitual words, finds an event; the
        probabilities after the evidence and the context moved mass between event types), from
        ``_evidence``'s two arrays."""
        probs = classifier.softmax(logits)
        is_event = self._none is None or int(np.argmax(probs)) != self._none
        boost = evidence
        if context is not None:
            boost = boost + context
        if boost.any() and len(self._events):
            p_none = probs[self._none] if self._none is not None else 0.0
            shifted = classifier.softmax(logits[self._events] + boost[self._events])
            probs[self._events] = shifted * (1.0 - p_none)
        labels = self.model.classes
        return is_event, {label: float(p) for label, p in zip(labels, probs, strict=True)}

    def _cue(self, span: Span, label: str, score: float, own: float) -> EventCue:
        return EventCue(
            span=span,
            sub_event_type=label,
            event_type=self.taxonomy.event_type(label),
            disorder_type=self._disorder.get(label) or self.taxonomy.disorder_type(label),
            score=round(score, 4),
            own=round(own, 4),
        )


class _Mentions:
    """A document's counts, weapons and actors by position: each sentence's evidence costs
    what the sentence holds."""

    def __init__(self, doc: Analysis, named: frozenset[str] = frozenset()) -> None:
        self.doc, self.named = doc, named
        self.counts, self.weapons = ByStart(doc.counts), ByStart(doc.weapons)
        self.actors, self.dates = ByStart(doc.actors), ByStart(doc.dates)
        self.places = ByStart(doc.places)

    def inside(self, span: Span) -> Analysis:
        return Analysis(
            id=self.doc.id, text=self.doc.text, counts=self.counts.inside(span),
            weapons=self.weapons.inside(span), actors=self.actors.inside(span),
            dates=self.dates.inside(span), places=self.places.inside(span),
        )


def create(options: Options) -> EventsStage:
    """The events stage with the model in ``options.model`` (None: the shipped default)."""
    return EventsStage(classifier.load(options.model), taxonomy.load())
