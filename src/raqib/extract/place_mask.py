"""Place names masked before the event model reads a text.

What happened decides an event's type, not where: a linear model over words learns that
"Aleppo" or "Douma" go with chemical attacks when its examples of chemical attacks are
mostly Syrian, and then codes a barrel bomb on Aleppo as one. A model trained on texts whose
place names were replaced by ``PLACE_TOKEN`` (the places stage finds them, as it does at run
time) cannot learn that, and the events stage masks the same way before it scores a sentence.
A model says whether it was trained so (``meta["masks_places"]``); older models are read
unmasked, as they were trained.

The same masking takes one side's label for the other's fighters out of what the model reads:
"terrorists" (state media's word for every armed opponent) and "takfiris" read as
"militants", the word the nouns lexicon files them under (the plural noun only: "a terrorist
attack" tells what kind of attack it was), so that the type of an event does not
depend on which side's vocabulary tells it (events v30). It is part of what the model is
trained on, through the same function.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from raqib.extract.model import Options, Span
from raqib.extract.place_qualifiers import CAPITAL_OF
from raqib.extract.place_rules import ARTICLE_AFTER, TERRAIN_WORD

PLACE_TOKEN = "qplace"
"""What a place name becomes: one token that no real word shares."""
META_KEY = "masks_places"
LOADED = re.compile(r"\b(?:terrorist|takfiri)s\b", re.IGNORECASE)
"""Labels that one side gives the other's fighters, read as the neutral "militants" (the
plural noun only: "a terrorist attack" says what kind of attack it was)."""


TERRAIN_NAME = re.compile(rf"{TERRAIN_WORD}({ARTICLE_AFTER}[A-Z][\w'’]*)|\b(Badia)\b")
"""The name of a mountain, a valley or a plain after its terrain word ("Jabal al-Zawiya"):
a place's name whether or not the gazetteer knows it (places v30 no longer takes it for a
town abroad), masked as the places the stage finds are; and the Badia, the Syrian desert,
a stop word since places v33 (it had been Badia, a village of Italy)."""


def masked(text: str, places: Iterable[Span], span: Span) -> str:
    """The words of ``span`` of ``text`` with each place name wholly inside it replaced by
    ``PLACE_TOKEN`` (overlapping names: the first), the names after terrain words
    (``TERRAIN_NAME``) among them, and loaded labels by neutral ones (``LOADED``)."""
    out, last = [], span.start
    terrain = [Span(m.start(g), m.end(g), m.group(g))
               for m in TERRAIN_NAME.finditer(text, span.start, span.end)
               for g in (1, 2) if m.group(g)]
    for place in sorted([*places, *terrain], key=lambda p: (p.start, -p.end)):
        if place.start < last or place.end > span.end or CAPITAL_OF.fullmatch(
                text, place.start, place.end):
            continue  # 'the Somali capital' is a place, but no name: read as always (v64)
        out += [text[last:place.start], PLACE_TOKEN]
        last = place.end
    out.append(text[last:span.end])
    return LOADED.sub("militants", "".join(out))


def mask_texts(texts: Sequence[str], options: Options | None = None) -> list[str]:
    """Each text with its place names masked, found by the same stages as at run time (the
    sentences, the actors, whose names hold no place, then the places, with ``options``'
    gazetteers)."""
    from raqib.extract import actors, places, sentences
    from raqib.extract.pipeline import Pipeline

    options = options or Options()
    finder = Pipeline(options, stages=[sentences.create(options), actors.create(options),
                                       places.create(options)])
    out = []
    for text in texts:
        doc = finder.run("mask", text)
        names = [*(p.span for p in doc.places), *doc.place_names]
        out.append(masked(text, names, doc.span(0, len(text))))
    return out
