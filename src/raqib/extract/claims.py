"""Claims: who says what, with which stance, about which event (extract.claims.v5: v2, and
Arabic attribution read by ``raqib.extract.claims_arabic``).

Runs last. Finds attributions in each sentence ("X said (that) …", "…, X said.", "X accused Y
of …", "X denied …", "X claimed …", "according to X, …", "X urged …", quotes with a speaker) and,
in a publisher's own voice (a press release, a first-person text), gives the unattributed
sentences to the publisher. ``start``/``end`` span the claim's content, never the attribution;
``statement == doc.text[start:end]`` except for a denial of allegations that the text elsewhere
calls lies: that label is prefixed, joined by " … ". The publisher is read from a header or
signature line ("Press release / X", "Publisher: X", "(Source: X)") or from an opening "The X
condemns …"; a caller sets it by appending a line "Publisher: X" (body offsets unchanged).
Unknown, it is ``PUBLISHER``. The rules, stances and word lists: ``resources/claims/README.md``.
"""

from __future__ import annotations

import re

from raqib.extract import claims_arabic, place_countries
from raqib.extract.claims_about import Told, about
from raqib.extract.claims_calls import refine
from raqib.extract.claims_forms import accused_by, branded, each_other, rebuttal
from raqib.extract.claims_lexicon import (
    END_PUNCT,
    TOKEN,
    Lexicon,
    Range,
    Verb,
    sentence_body,
    trim,
)
from raqib.extract.claims_speaker import (
    Found,
    first_person,
    header_publisher,
    name_word,
    np_forward,
    performative_publisher,
    referent,
    relative_aside,
    speaker_actor,
    subject,
)
from raqib.extract.model import Analysis, Claim, Options
from raqib.extract.place_context import datelines
from raqib.extract.positions import ByStart
from raqib.extract.sentences import split

PUBLISHER = "(publisher)"
UNNAMED = "unnamed sources"
_NAMED_HEARER = re.compile(r"\s*(?:the\s+)?(?:[A-Z][\w'’.-]*\s+){1,5}(?:on\s+[A-Z]\w+\s+)?that\s+")
"""After 'told': a hearer the lexicon does not list, named in capitals, then 'that' ('told
Enab Baladi that', 'told the Syrian Observatory on Monday that'): the statement follows."""
_QUOTE = re.compile(r"“([^”\n]{8,1500})”|\"([^\"\n]{8,1500})\"")
_COPULA = re.compile(r"\s(?:is|are|was|were)\s")
_LIES_OF = re.compile(r"\blies(?:\s+and\s+\w+)?\s+(?:of|by)\s+(?:the\s+)?[\w’'-]+(?:\s+[\w’'-]+)?")
_RAISED = re.compile(r"\s+to\s+(?:be|have)\b", re.IGNORECASE)
_CONJUNCTION = re.compile(r"(?:as|while|amid)\b(?!\s+(?:many|much|well|of|part)\b)", re.IGNORECASE)
_LINK = re.compile(r"(?:,\s*|\s)(?:and|but)\s+(?:\w+\s+)?$|,\s*$")
_NEXT_SPEAKER = re.compile(r";\s*(?:(?:and|but|while)\s+)?$")
"""Before a speaker whose claim follows another's in one sentence ('Rescue workers said 42
died; the government said the attack was staged'): the first claim ends there (v9)."""
_NOBODY = re.compile(r"(?:no|none|nobody|no-one)\b", re.IGNORECASE)
"""A subject that says nobody spoke ('no group has claimed the attack', 'no one claimed
responsibility'): no claim (v15)."""
_BLAMED_ON = re.compile(r"\s+on\s+(?!(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b)")
"""After 'blamed': 'on' and what the act was blamed on ('an air strike blamed on Damascus'),
not a day ('blamed on Monday'): the subject is blamed, it blames nobody (v10)."""
_AT_LEAST = re.compile(r"at\s+(?:least|most)\b", re.IGNORECASE)


class Claims:
    name = "extract.claims.v26"

    def __init__(self) -> None:
        self._lex: Lexicon | None = None

    @property
    def lexicon(self) -> Lexicon:
        if self._lex is None:
            self._lex = Lexicon.load()
        return self._lex

    def __call__(self, doc: Analysis) -> None:
        lex, text = self.lexicon, doc.text
        spans = [(s.span.start, s.span.end) for s in doc.sentences] or split(text)
        lines = datelines(text)
        spans = [sentence_body(text, a, b, lines) for a, b in spans]
        found, quoted, used = self._quotes(text)
        for a, b in spans:
            if a < b and not any(qa <= a and b <= qb for qa, qb in quoted):
                found.extend(self._sentence(text, a, b, used, quoted))
                found.extend(claims_arabic.claims(text, a, b, doc.actors))  # v3
        publisher = header_publisher(text, lex) or performative_publisher(text, spans, found)
        voice = publisher is not None or first_person(text, spans, found, lex)
        for a, b in spans:
            if a < b and not any(a <= f.start < b for f in found) and not _inside(a, quoted):
                found.extend(self._unattributed(text, a, b, voice))
        found = [g for f in found for g in refine(self.lexicon, text, f)]
        _merge_lies(text, found, lex)
        doc.claims.extend(self._claims(doc, found, publisher))

    # -- attribution in a sentence -----------------------------------------------------
    def _sentence(self, text: str, a: int, b: int, used: set[int], quoted) -> list[Found]:
        lex, out, prev = self.lexicon, [], None
        acc = self._according(text, a, b)
        if acc:
            out.append(acc)
        if passive := accused_by(text, a, b):  # "X was accused by Y of Z" (v11)
            out.append(passive)
        for m in lex.verb_re.finditer(text, a, b):
            if m.start() in used or _inside(m.start(), quoted) or self._not_speech(text, a, b, m):
                continue
            verb = lex.verb(m)
            f = self._reverse(text, a, b, m, verb) or self._forward(text, a, b, m, verb, prev)
            if f:
                out.append(f)
                prev = f
        if rebut := rebuttal(text, a, b, out):  # ", a charge X rejected" (v12)
            out.append(rebut)
        if brand := branded(lex, text, a, b):  # "X called it a fabrication" (v20)
            out = [f for f in out if f.cspan != brand.cspan] + [brand]
        if mutual := each_other(lex, text, a, b):  # "X and Y traded blame for Z" (v22)
            out = [f for f in out if f.stance != "accuses" or not f.cspan
                   or not mutual[0].cspan[0] <= f.cspan[0] < mutual[1].cspan[1]] + mutual
        for f in out:  # "X called for Y, officials said": Y ends where the reported words do
            f.hedged = f.hedged or bool(lex.find("hedge", text, a, b))
            ends = [r.end for r in out if r.cspan and r.cspan[0] > r.end > f.start]
            ends += [trim(text, f.start, r.cspan[0])[1] for r in out if r.cspan
                     and f.start < r.cspan[0] < f.end
                     and _NEXT_SPEAKER.search(text, f.start, r.cspan[0])]
            f.end = min([f.end, *ends])
        return out

    def _not_speech(self, text: str, a: int, b: int, m: re.Match[str]) -> bool:
        """A verb form used as a noun ('the claims', 'reports said', 'claims were') or passive."""
        lex = self.lexicon
        prior = [w for w in TOKEN.findall(text, a, m.start())[-3:]
                 if not (lex.has("np_adverb", w) or w.endswith("ly"))]  # "was formally denied"
        before = (prior[-1:] or [""])[0].lower()
        after = (TOKEN.findall(text, m.end(), b)[:1] or [""])[0].lower()
        if m.group().lower().startswith("blame") and _BLAMED_ON.match(text, m.end()):
            return True  # "an air strike blamed on Damascus": who blamed is not said (v10)
        if _in_a_name(text, a, b, m, prior):
            return True  # "The United States blamed Russia": 'States' is no verb (v10)
        if lex.has("document", before) and lex.has("participle", m.group()):
            return True  # "a statement posted online": a participle, not speech (v17)
        if before.endswith(("'s", "’s")) or any(
                lex.has(cat, before) for cat in ("passive", "determiner", "noun_marker")):
            return True
        if (len(prior) > 1 and lex.has("determiner", prior[-2]) and not before.endswith("s")
                and lex.has("noun_form", m.group())):
            return True  # "the Israeli claim", "a police report": a noun (v25)
        if lex.has("noun_after", after) or (
                after in lex.verbs and lex.verbs[after].frame == "say"
                and not m.group().lower().endswith("ed")):  # 'denied reports that' (v16)
            return True
        if before == "," and _RAISED.match(text, m.end()):
            return True  # "shells containing a toxic substance, said to be chlorine, fell"
        if lex.has("adjective", m.group()) and after.isalpha() and after.islower() and not any(
                lex.has(cat, after) for cat in ("determiner", "pronoun", "self", "adjunct")):
            return after != "that"  # "alleged members", "reported fatalities"
        return bool(lex.res["not_speech"].match(text[m.end() : m.end() + 20].lstrip()))

    def _according(self, text: str, a: int, b: int) -> Found | None:
        m = self.lexicon.find("according", text, a, b)
        if not m:
            return None
        comma = text.find(",", m.end(), b)
        if m.start() - a <= 2 and comma > 0:  # "According to X, …"
            cspan, content = trim(text, m.end(), comma), (comma + 1, b)
        elif comma < 0:  # "…, according to X."
            cspan, content = trim(text, m.end(), b), (a, text.rfind(",", a, m.start()))
        else:
            cspan, content = trim(text, m.end(), comma), (a, b)
        s, e = trim(text, *(content if content[1] > content[0] else (a, m.start())))
        if cut := self.lexicon.find("clause_break", text, s, e):  # "..., but Y said Z" (v11)
            e = trim(text, s, cut.start())[1]
        if e - s < 8 or cspan[1] <= cspan[0]:
            return None
        return Found(text[cspan[0] : cspan[1]], cspan, "asserts", s, e, True)

    def _reverse(self, text: str, a: int, b: int, m, verb: Verb) -> Found | None:
        """'…, the ministry said (on Sunday).' and '…, said the ministry.'"""
        tail = TOKEN.findall(text, m.end(), b)
        if verb.frame == "object" or "that" in map(str.lower, tail) or ":" in tail:
            return None
        before = text[a : m.start()].rstrip()
        if relative_aside(text, a, m.start()):
            return None
        if before.endswith((",", "”", '"')) and len(tail) <= 14:
            cut, cspan = len(before) - 1 + a, np_forward(self.lexicon, text, m.end(), b)
        else:
            cspan = subject(self.lexicon, text, a, m.start())
            lead = text[a : cspan[0]].rstrip() if cspan else ""
            if not lead.endswith((",", "”", '"')) or len(tail) > 9:
                return None
            cut = len(lead) - 1 + a
        s, e = trim(text, a, cut)
        if cspan is None or e - s < 8 or self._clause_after(text, cspan[1], b):
            return None
        return Found(text[cspan[0] : cspan[1]], cspan, verb.stance, s, e, verb.hedged,
                      performative=verb.performative)

    def _clause_after(self, text: str, end: int, b: int) -> bool:
        """'…, said the opposition had never used …': a verb after the words that followed the
        reporting verb makes them the subject of what was said, not the speaker."""
        nxt = TOKEN.search(text, end, b)
        return bool(nxt) and any(self.lexicon.has(c, nxt.group()) for c in ("np_stop", "np_adverb"))

    def _forward(self, text: str, a: int, b: int, m, verb: Verb, prev) -> Found | None:
        """'X said (on Sunday) that …', 'X accused Y of …', '…, and accused …' (X inherited)."""
        cspan = subject(self.lexicon, text, a, m.start())
        claimant = text[cspan[0] : cspan[1]] if cspan else ""
        if _NOBODY.match(claimant):
            return None  # 'no group has claimed the attack' (v15)
        if cspan is None:
            link = _LINK.search(text, a, m.start())
            if prev is None or not link or prev.start > link.start():
                return None
            prev.end = trim(text, prev.start, link.start())[1]
            claimant, cspan = prev.claimant, prev.cspan
        start = self._skip_lead(text, m.end(), b, verb.frame == "tell")
        nxt = TOKEN.search(text, start, b)
        if nxt and (nxt.group() == ":" or (verb.frame != "object" and nxt.group() == "that")):
            start = nxt.end()
        cut = self.lexicon.find("clause_break", text, start, b)  # "…, but Y did Z"
        s, e = trim(text, start, cut.start() if cut else b)
        if e - s < 3 or _CONJUNCTION.match(text, s, e):
            return None  # "denies Aleppo gas claim as Russian jets strike": 'claim' is a noun
        return Found(claimant, cspan, verb.stance, s, e, verb.hedged,
                      performative=verb.performative)

    def _skip_lead(self, text: str, start: int, b: int, tell: bool) -> int:
        """Past the manner of speaking ('in the strongest terms', 'firmly'), an addressee ('told
        reporters') and adjuncts ('on Sunday', 'in a statement')."""
        lex, head = self.lexicon, False
        while (way := lex.find("manner", text, start, b)) and not text[start:way.start()].strip():
            start = way.end()  # 'condemn in the strongest terms the arrest of ...' (v14)
        m = lex.find("addressee", text, start, b) if tell else None
        if m and not text[start : m.start()].strip():
            start = m.end()
        elif tell and (named := _NAMED_HEARER.match(text, start, b)):
            return named.end()  # 'told Enab Baladi that ...' (v5)
        for t in TOKEN.finditer(text, start, b):
            w = t.group().lower()
            if _AT_LEAST.match(text, t.start()):  # 'said at least 42 died' (v9)
                break
            if w == "for" and head:  # "called on Wednesday for …"
                return t.end()
            if lex.has("adjunct", w) or lex.has("time", w):
                head, start = True, t.end()
            elif head and (lex.has("np_lead", w) or w.isdigit()):
                start = t.end()
            elif w != ",":
                break
        return start

    # -- quotes, unattributed sentences, refinement --------------------------------------
    def _quotes(self, text: str) -> tuple[list[Found], list[Range], set[int]]:
        """Quoted words with a speaker just after ('"…," X said') or before ('X said: "…"')."""
        found, quoted, used = [], [], set()
        for q in _QUOTE.finditer(text):
            quoted.append((q.start(), q.end()))
            s, e = trim(text, *(q.span(1) if q.group(1) is not None else q.span(2)))
            speaker = self._speaker_after(text, q.end()) or self._speaker_before(text, q.start())
            if speaker and e - s > 8:
                cspan, verb, pos = speaker
                used.add(pos)
                claimant = text[cspan[0] : cspan[1]]
                found.append(Found(claimant, cspan, verb.stance, s, e, verb.hedged))
        return found, quoted, used

    def _speaker_after(self, text: str, end: int) -> tuple[Range, Verb, int] | None:
        stop = min(len(text), end + 100)
        m = self.lexicon.verb_re.search(text, end, stop)
        if not m or "." in text[end : m.start()] or self.lexicon.verb(m).frame == "object":
            return None
        if text[end : m.start()].strip(" ,"):
            cspan = subject(self.lexicon, text, end, m.start())
            if cspan and TOKEN.findall(text, end, cspan[0]) not in ([], [","]):
                return None
        else:
            cspan = np_forward(self.lexicon, text, m.end(), stop)
        return (cspan, self.lexicon.verb(m), m.start()) if cspan else None

    def _speaker_before(self, text: str, start: int) -> tuple[Range, Verb, int] | None:
        lo = max(0, start - 100)
        verbs = [v for v in self.lexicon.verb_re.finditer(text, lo, start)
                 if not text[v.end() : start].strip(" :,")]
        cspan = subject(self.lexicon, text, lo, verbs[-1].start()) if verbs else None
        return (cspan, self.lexicon.verb(verbs[-1]), verbs[-1].start()) if cspan else None

    def _unattributed(self, text: str, a: int, b: int, voice: bool) -> list[Found]:
        lex = self.lexicon
        s, e = trim(text, a, b)
        words = TOKEN.findall(text, s, e)
        if not text[a:b].rstrip().endswith(END_PUNCT) or len(words) < 4:
            return []
        if not voice:
            hedge = lex.find("hedge_adverb", text, s, e)
            return [Found(UNNAMED, None, "alleges", s, e, True)] if hedge else []
        own = lex.has("self", words[0])
        accuses = not own and lex.find("accusation", text, s, e)
        stance = "accuses" if accuses else "asserts"
        owned = lex.owned.search(text, s, e)
        if owned and owned.start() - s < (e - s) / 2:  # "X's allegations about …"
            stance, cop = "denies", _COPULA.search(text, owned.end(), e)
            e = cop.start() if cop and not lex.find("falsity", text, s, e) else e
        hedged = bool(lex.find("hedge", text, s, e))
        return [Found(words[0] if own else PUBLISHER, None, stance, s, e, hedged, True)]

    # -- output ------------------------------------------------------------------------
    def _claims(self, doc: Analysis, found: list[Found], publisher) -> list[Claim]:
        lex, claims = self.lexicon, []
        last: tuple[str, str | None] | None = None
        country = place_countries.document_country(doc)
        actors = ByStart(doc.actors)
        seen: set[tuple[int, int, str, Range | None]] = set()
        told = Told(doc)
        for f in sorted(found, key=lambda f: (f.start, f.end)):
            if (f.start, f.end, f.stance, f.cspan) in seen or not doc.text[f.start : f.end].strip():
                continue
            seen.add((f.start, f.end, f.stance, f.cspan))  # two that blame each other (v22)
            claimant, cspan = f.claimant, f.cspan
            if claimant == PUBLISHER or lex.has("self", claimant):
                if publisher:
                    claimant, cspan = doc.text[publisher[0] : publisher[1]], publisher
                actor, side = speaker_actor(
                    actors, cspan, _tidy(claimant, lex) if publisher else PUBLISHER, country)
            elif ref := referent(doc, lex, actors, claimant, cspan, last, country):
                actor, side = last = ref
            else:
                actor, side = last = speaker_actor(actors, cspan, _tidy(claimant, lex), country)
            if side is None and cspan:  # no dictionary actor: its words may tell (v20)
                side = next((name for name in ("opposition", "government")
                             if lex.find(f"side_{name}", doc.text, *cspan)), None)
            statement = f.statement or doc.text[f.start : f.end]
            denier = actor if f.stance == "denies" else None
            claims.append(Claim(" ".join(claimant.split()), actor, f.stance, statement, f.start,
                                f.end, about(doc, f.start, f.end, told, denier, actor), f.hedged,
                                side))
        return claims


def _in_a_name(text: str, a: int, b: int, m: re.Match[str], prior: list[str]) -> bool:
    """Whether a verb form is a word of a name: capitalised right after a capitalised word,
    in a sentence that is not in title case ('the United States', 'Gulf States'; a
    headline's 'Russia Denies Attack' keeps its verb)."""
    if not (prior and name_word(m.group(), prior[-1])):
        return False
    return sum(w[:1].islower() for w in text[a:b].split() if len(w) > 3) >= 2


def _inside(pos: int, ranges: list[Range]) -> bool:
    return any(a <= pos < b for a, b in ranges)


def _merge_lies(text: str, found: list[Found], lex: Lexicon) -> None:
    """A denial of X's allegations about Y, where the text has called X's allegations lies."""
    labels = [m for f in found if f.stance == "denies"
              for m in _LIES_OF.finditer(text, f.start, f.end)]
    for f in found:
        owned = lex.owned.search(text, f.start, f.end)
        if f.stance != "denies" or not f.implicit or not owned or not labels:
            continue
        owner = set(re.findall(r"\b[A-Z]\w+", text[f.start : owned.start()])) - {"The"}
        for label in labels:
            if label.start() < f.start and owner & set(re.findall(r"\b[A-Z]\w+", label.group())):
                f.statement = f"{label.group()} … {text[f.start : f.end]}"
                break


def _tidy(name: str, lex: Lexicon) -> str:
    name = " ".join(name.split()).strip(" ,.;:")
    prefix = lex.find("source_prefix", name)
    if prefix and prefix.start() == 0:
        name = name[prefix.end() :].strip()
    name = re.sub(r"^(?:the|a|an)\s+", "", name, flags=re.IGNORECASE)
    return re.sub(r"['’]s$", "", name)


def create(options: Options) -> Claims:
    return Claims()
