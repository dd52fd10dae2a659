"""Casualty figures: how many were killed, injured, kidnapped, arrested or displaced.

The text is split into word tokens once. At each token the stage tries to read a *group*: a
figure ("12", "twenty-three", "12-15", "between 12 and 15", "dozens of", "a" before a singular
noun) with its hedges ("at least") and the noun it counts ("civilians"), or a singular victim
("the driver", "he"), or a bare plural ("civilians"). Groups joined by "and" or commas form a
chain ("two soldiers and a civilian"). The chain's kind comes from the casualty word after it
("were killed", "dead") or, failing that, before it ("killing 3", "the death toll rose to 12");
a participle followed by its object is active ("3 gunmen killed a man") and makes the chain
the killers, not the killed. A figure of things ("30 rockets", "140 times") is kind 'other'.

Every word list is a lexicon file under ``resources/lexicon`` (numbers.tsv, vague.tsv,
casualties.tsv, nouns.tsv), each with a header describing its format; the figures coded for
vague words follow ACLED's conventions and are kept in vague.tsv; the lists are read by
``raqib.extract.lexicon``. ``fatalities()``, ``injured()`` and ``total()`` (from
``raqib.extract.casualties``, importable here too) apply ACLED's rules to a document's
mentions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from raqib.extract.arabic import ARABIC, known
from raqib.extract.bare_victims import bare_object, opens
from raqib.extract.casualties import fatalities, injured, total
from raqib.extract.casualty_words import ARABIC_SUBJECT, END, sentenced
from raqib.extract.lexicon import TOKEN, Lexicon, read_lexicon
from raqib.extract.model import Analysis, CountMention, Options
from raqib.extract.named_victims import named_victims
from raqib.extract.number_figures import Figures
from raqib.extract.number_spans import blocked_tokens
from raqib.extract.number_spans import year as spans_year

__all__ = ["Lexicon", "Numbers", "create", "fatalities", "injured", "read_lexicon", "total"]

_JOIN = frozenset({",", "and", "&"})
ONE = frozenset({"sg", "any"})
"""Noun numbers an indefinite article or 'one' may count as one victim ('a staff member', and
'a national staff', 'one INGO staff': a noun of number ``any``, numbers v16)."""
MANY = frozenset({"pl", "any"})
"""Noun numbers a bare plural may take ('staff were killed')."""
_TOKEN_OR_BREAK = re.compile(r"\n[ \t\r]*\n|" + TOKEN.pattern)
"""The lexicon's tokens, and blank lines: a title's count ended at its line ("Syria rebel
rocket kills five children" above a blank line had read on into the next line, "... children
Syria rebel", and counted five rebels; numbers v74)."""


@dataclass
class _Group:
    start: int
    end: int
    low: int
    high: int | None
    approximate: bool
    who: str | None
    thing: bool
    noun: bool
    figure: str
    """'num' (a figure), 'vague' ("dozens"), 'one' ("a child", "the driver", "he"), 'plural'."""


class Numbers(Figures):
    name = "extract.numbers.v89"

    def __init__(self, lexicon: Lexicon) -> None:
        super().__init__(lexicon)
        self._stop = self._stop | END | _JOIN
        self._function = lexicon.role("stop") | lexicon.role("aux") | lexicon.role("filler")
        self._glue = self._function | self._stop
        self._determiners = lexicon.role("definite") | {
            word for word, (kind, _value) in lexicon.words.items() if kind == "article"}
        self._arabic_casualty = {known(word, lexicon.vocabulary)
                                 for word in lexicon.role("verb") | lexicon.role("before")
                                 if ARABIC.search(word)}
        """Arabic casualty words a bare singular victim follows ('قتل مدني': v13)."""

    def _arabic_object(self, w: list[str], i: int) -> bool:
        """An Arabic accusative noun with no count before it, the object of a casualty verb
        a few words back, past its subject ('قتل مسلحون مجهولون رجلا', unknown gunmen killed
        a man: one; v71). After a count of 11 to 99 the same form is plural ('15 طفلا'),
        which the count reads."""
        if not ARABIC.search(w[i]):
            return False
        gap = w[max(0, i - 1 - ARABIC_SUBJECT):i]
        return any(word in self._arabic_casualty for word in gap) and all(
            ARABIC.search(word) for word in gap)

    def __call__(self, doc: Analysis) -> None:
        tokens = list(_TOKEN_OR_BREAK.finditer(doc.text))
        words = [self._word(tokens, i) for i in range(len(tokens))]
        blocked = blocked_tokens(doc, tokens)
        labels = self.lex.role("label")
        blocked.update(i + 1 for i, word in enumerate(words)  # "Resolution 2254", not the
                       if word in labels and self._number(words, i + 1))  # "group fatally" (v21)
        i = 0
        while i < len(words):
            i = self._step(doc, tokens, words, blocked, i)
        doc.counts.extend(named_victims(doc))  # 'Journalist Javier Valdez was shot dead' (v31)

    def _word(self, tokens: list[re.Match[str]], i: int) -> str:
        """Token ``i`` as the lexicons read it: lower-cased, but an acronym that is spelled
        like a short function word before a word that is not in capitals ('5 IS militants',
        'AS fighters', 'BH/IS fighters') stays itself, no 'is' or 'as' that would end the
        phrase before its noun (v8); a text in capitals ('3 ARE DEAD') is read as words."""
        text = tokens[i].group()
        if text[0] == "\n":
            return "."  # a blank line ends a title or a paragraph, as a full stop does (v74)
        folded = text.lower()
        if (text.isupper() and len(text) <= 3 and folded in self._function
                and i + 1 < len(tokens) and not tokens[i + 1].group().isupper()):
            return text
        return known(folded, self.lex.vocabulary)

    def _step(
        self, doc: Analysis, tokens: list[re.Match[str]], w: list[str], blocked: set[int], i: int
    ) -> int:
        for table, low in ((self.lex.zero, 0), (self.lex.selfs, 1),
                           (self.lex.unknowns, self.lex.plural)):  # v48: heavy casualties
            hit = table.at(w, i)
            if hit:
                span = doc.span(tokens[i].start(), tokens[i + hit[0] - 1].end())
                kinds = ("killed", "injured") if hit[1] == "casualties" else (hit[1],)
                doc.counts.extend(CountMention(  # "blew himself up": the bomber, no figure
                    span, kind, low, numberless=table is self.lex.selfs) for kind in kinds)
                return i + hit[0]
        chain = self._chain(w, i, blocked)
        if not chain:
            return i + 1
        after = chain[-1].end
        for start, end, kind, group in self._link(w, chain):
            span = doc.span(tokens[start].start(), tokens[end - 1].end())
            doc.counts.append(
                CountMention(span, kind, group.low, group.high, group.approximate, group.who,
                             group.figure in ("plural", "vague"))
            )
            after = max(after, end if kind != "other" else after)
        return after

    # -- reading groups -------------------------------------------------------------------

    def _noun(
        self, w: list[str], j: int, blocked: set[int], limit: int = 8
    ) -> tuple[int, tuple[str, str] | None, bool]:
        """(end, (group, number) of the last known noun, whether any word) after a figure."""
        noun: tuple[str, str] | None = None
        word, end, k, skipped = False, j, j, 0
        while k < len(w) and k - j - skipped < limit:
            entry = None if k in blocked else self.lex.nouns.get(w[k])
            if entry and noun and noun[0] != "thing" and entry[0] == "thing":
                after = self.lex.nouns.get(w[k + 1]) if k + 1 < len(w) else None
                if after is None or after[0] == "thing":
                    break  # "3 villagers fled their homes": the people, not the homes
                entry = None  # "1 staff truck driver": a thing that names a person's trade
            if entry:
                noun, word, k = entry, True, k + 1
                end = k
            elif noun and k - end >= 3:
                break  # three words at most between nouns: "staff contracted driver",
                # "a volunteer YRCS Taiz branch officer" (two until numbers v19)
            elif w[k] == "(" and ")" in w[k + 1 : k + 10]:
                close = w.index(")", k + 1) + 1  # "3 staff (2 drivers, 1 nurse) killed"
                skipped, k = skipped + close - k, close
                end = k if noun else end
            elif k in blocked or self._modifies(w, k, j) or (
                    noun is None and self._adjective(w, k)):
                word = word or w[k].isalpha()
                k += 1
            else:
                break
        return (end if noun else k if word else j), noun, word

    def _partitive(self, w: list[str], j: int, blocked: set[int]
                   ) -> tuple[int, tuple[str, str], bool] | None:
        """A figure's people named after 'of' and a determiner ('10 of his men', 'two of
        his sons'): (end, noun, True) when a plural person noun follows, else None. Read only
        for a figure that continues a list of victims ('a commander and 10 of his men' is one
        list, v50): alone, 'at least 2 of the victims' is a part of a figure told before."""
        if j + 2 < len(w) and w[j] == "of" and w[j + 1] in _PARTITIVE_DETERMINERS:
            stop, noun, _word = self._noun(w, j + 2, blocked, limit=3)
            if noun is not None and noun[0] != "thing" and noun[1] in MANY:
                return stop, noun, True
        return None

    def _own_kind(self, w: list[str], group: _Group) -> str | None:
        """'injured' for a later group of a chain whose own words call its people wounded
        ('the death toll rose to 32 and more than 115 wounded persons'; numbers v75), else
        None ('killed 4 civilians and 3 displaced people': the displaced were killed)."""
        for k in range(group.start, group.end):
            term = self.lex.terms.at(w, k) if self._adjective(w, k) else None
            if term and term[1] == "verb:injured":
                return "injured"
        return None

    def _adjective(self, w: list[str], k: int) -> bool:
        """A casualty participle right before a person noun, before the figure's noun: it
        tells what the people are, not what befell them here ('two displaced people were
        killed', 'a wounded soldier died'; numbers v45)."""
        term = self.lex.terms.at(w, k)
        noun = self.lex.nouns.get(w[k + 1]) if k + 1 < len(w) else None
        return bool(term and term[0] == 1 and term[1].startswith("verb") and noun is not None
                    and noun[0] != "thing")

    def _modifies(self, w: list[str], k: int, j: int) -> bool:
        """Whether token ``k`` can stand between a figure (ending at ``j``) and its noun."""
        token = w[k]
        if token == ".":
            return k > j and len(w[k - 1]) == 1  # "U.N."
        if token in self.lex.words or token in self._stop or self.lex.terms.at(w, k):
            return False
        return token.isalpha() or token in "-'’/"

    def _group(self, w: list[str], i: int, blocked: set[int]) -> _Group | None:
        quantity = self._quantity(w, i, blocked)
        if quantity:
            end, low, high, approximate, figure = quantity
            stop, noun, word = self._noun(w, end, blocked)
            person = noun is not None and noun[0] != "thing"
            if figure == "one" and not (person and noun is not None and noun[1] in ONE):
                if noun is None and w[i] in self.lex.role("pronoun"):
                    # "one was killed and another wounded", "wounding another" (v54)
                    return _Group(i, i + 1, 1, None, False, None, False, True, "one")
                if noun is not None or not word or w[stop - 1].endswith("s"):
                    return None
                figure = "weak"  # "a vaccinator was killed": an unknown singular noun
            if spans_year(w, i, end) and (not person or (i > 0 and w[i - 1] in self._stop)):
                return None
            who = noun[0] if person and noun is not None else None
            thing = noun is not None and noun[0] == "thing"
            if person and figure == "num":
                stop = self._of_one_family(w, stop)
            if figure == "one" and w[stop - 1] in self.lex.role("collective") and (
                    stop < len(w) and w[stop] == "of"):  # "a family of five" (v9)
                number = self._number(w, stop + 1)
                if number:
                    stop, low, figure = number[0], number[1], "num"
            return _Group(i, stop, low, high, approximate, who, thing, word, figure)
        if w[i] in self.lex.role("definite"):
            owner = next((k for k in range(i + 1, min(len(w), i + 4))
                          if w[k].endswith(("'s", "’s"))), i)  # "the Supreme Court's chief"
            stop, noun, _word = self._noun(w, owner + 1, blocked, limit=3)  # (v21)
            if noun and noun[0] != "thing" and noun[1] == "sg":
                return _Group(i, stop, 1, None, False, noun[0], False, True, "one")
        if w[i] in self.lex.role("pronoun") and not (
                i > 1 and w[i - 1] in ("of", "from") and w[i - 2] in _DIED):
            # not 'died of her wounds': the wounds she died of are no one wounded (v38)
            return _Group(i, i + 1, 1, None, False, None, False, True, "one")
        noun = self.lex.nouns.get(w[i])
        if noun and noun[1] == "du" and noun[0] != "thing":  # Arabic dual: "شخصين", two people
            return _Group(i, i + 1, 2, None, False, noun[0], False, True, "num")
        if noun and noun[1] == "any" and noun[0] != "thing" and self._arabic_object(w, i):
            return _Group(i, i + 1, 1, None, False, noun[0], False, True, "one")
        if noun and noun[1] == "sg" and noun[0] != "thing" and (
                (i > 0 and w[i - 1] in self._arabic_casualty)  # Arabic: no 'a' (v13)
                or (opens(w, i, self._glue) and i + 1 < len(w) and self._verb(w, i + 1))):
            # a headline drops its article: 'Journalist shot dead in Sinaloa' (v35), 'Bar
            # owner shot dead' (v47)
            return _Group(i, i + 1, 1, None, False, noun[0], False, True, "one")
        if noun and noun[1] == "sg" and noun[0] != "thing" and (
                first := bare_object(w, i, self._determiners, self.lex.nouns)) is not None:
            # 'kill merchant', 'kills al-Shabaab commander' (v88): from its first word
            return _Group(first, i + 1, 1, None, False, noun[0], False, True, "one")
        bare = i == 0 or w[i - 1] in self._stop or not w[i - 1].isalnum()
        if noun and noun[0] != "thing" and noun[1] in MANY and (bare or opens(w, i, self._glue)):
            stop, last, _word = self._noun(w, i, blocked)
            if last and last[1] == "any" and stop < len(w) and w[stop] == "was":
                # (v16; 'UN staff was shot dead', a word or two before it opening the
                # sentence: v52)
                return _Group(i, stop, 1, None, False, last[0], False, True, "one")
            if not bare:
                return None  # after describing words, only 'staff was' (a plural stays bare)
            if last and last[1] in MANY:
                return _Group(i, stop, self.lex.plural, None, True, last[0], False, True, "plural")
        return None

    def _verb(self, w: list[str], k: int) -> bool:
        """Whether a casualty participle stands at token ``k`` ('shot dead', 'killed')."""
        hit = self._term(w, k)
        return hit is not None and hit[2]

    def _of_one_family(self, w: list[str], stop: int) -> int:
        """The end of '... of one family', '... of the same family' after a counted noun: the
        family is whose members were counted, no count of its own ('11 members of one family
        died' was one dead; v33)."""
        if stop >= len(w) or w[stop] != "of":
            return stop
        k = stop + 1
        while k < len(w) and k - stop <= 3 and w[k] in _OF_FAMILY:
            k += 1
        return k + 1 if k < len(w) and w[k] in self.lex.role("collective") else stop

    def _chain(self, w: list[str], i: int, blocked: set[int]) -> list[_Group]:
        """Groups joined by "and" or commas: "two soldiers, a child and a woman"."""
        group = self._group(w, i, blocked)
        if group and group.who is None and not group.thing and group.figure == "num" and (
                group.end < len(w) and w[group.end] == "and"):
            # "3 international and 2 national staff": the noun after 'and' is both (v43)
            following = self._group(w, group.end + 1, blocked)
            if following and following.who and following.figure == "num":
                group.who = following.who
        chain, joins = ([group] if group else []), [""]
        while chain and chain[-1].who and (width := _join_width(w, chain[-1].end)):
            k = chain[-1].end + width
            k += 1 if k < len(w) and w[k] == "and" else 0
            following = self._group(w, k, blocked) if k < len(w) else None
            bare = None if following else self._bare_one(w, chain[-1], k)
            if bare == "was":
                chain[-1].end = k + 1  # "an official and activist was shot": one person (v8)
                break
            if bare == "were":  # "the driver and guard were killed": two (v8)
                following = replace(chain[-1], start=k, end=k + 1,
                                    who=self.lex.nouns[w[k]][0])
            if (following and not following.who and following.figure == "num"
                    and following.low > 1 and (part := self._partitive(
                        w, following.end, blocked))):  # "a commander and 10 of his men" (v50)
                following = replace(following, end=part[0], who=part[1][0])
            if not following or following.figure in ("plural", "weak") or not following.who:
                break
            chain.append(following)
            joins.append(w[k - 1])
        while joins[-1] == ",":  # an apposition, not a list: "1 staff, a driver, was killed"
            chain.pop()
            joins.pop()
        return chain

    def _bare_one(self, w: list[str], group: _Group, k: int) -> str | None:
        """After one victim and 'and', a bare singular person noun before 'was' names the
        same person again ('a prominent official and activist was shot dead'), before 'were'
        another ('the driver and guard were killed'): that verb, else None."""
        noun = self.lex.nouns.get(w[k]) if k < len(w) else None
        if (group.low == 1 and group.high is None and w[k - 1] == "and"
                and noun is not None and noun[0] != "thing" and noun[1] == "sg"
                and k + 1 < len(w) and w[k + 1] in ("was", "were")):
            return w[k + 1]
        return None

    # -- linking groups to casualty words ---------------------------------------------------

    def _link(self, w: list[str], chain: list[_Group]) -> list[tuple[int, int, str, _Group]]:
        """(first token, end token, kind, group) for each group of a chain that counts."""
        first, last = chain[0], chain[-1]
        if first.start > 0 and w[first.start - 1] == "by":
            return []  # the agent: "kidnapped by a group of armed rebels ... and killed" (v22)
        if first.start > 0 and sentenced(w, first.start - 1, last.end):
            return []  # "a court sentenced two protesters to death" (v37)
        after = self._after(w, last.end, asides=first.figure not in ("weak", "plural"))
        if after and first.figure == "weak" and any(
                self._number(w, k) or w[k] == "were" for k in range(last.end, after[0])):
            after = None  # "as a result, at least 21 militants ... were killed": theirs (v7);
            # one unknown noun is no subject of "were": "..., funded through a USAID
            # initiative, were shot" tells of the two women named before it (v16)
        if after and (after[2] or first.figure != "weak"):
            end, kind, _passive = after
            return [(g.start, end, "other" if g.thing else kind, g) for g in chain]
        before = self._before(w, first.start)
        if before:
            start, kind = before
            return [(start, g.end, "other" if g.thing else kind if g is first else
                     self._own_kind(w, g) or kind, g) for g in chain]
        if len(chain) == 1 and first.figure == "num" and first.noun and not first.who and not after:
            return [(first.start, first.end, "other", first)]
        return []


_DIED = frozenset(["died", "dies", "dying", "succumbed", "succumbs"])
_PARTITIVE_DETERMINERS = frozenset(["the", "his", "her", "their", "its", "our", "those"])
_OF_FAMILY = frozenset(["one", "a", "the", "same", "single", "his", "her", "their", "its"])


def _join_width(w: list[str], k: int) -> int:
    """How many tokens at ``k`` join two groups of a chain: 1 for "and", a comma or "&", 3 for
    "as well as" ('at least 4 people ... as well as 2 policemen were killed', v23), else 0."""
    if w[k:k + 3] == ["as", "well", "as"]:
        return 3
    return 1 if k < len(w) and w[k] in _JOIN else 0


def create(options: Options) -> Numbers:
    return Numbers(Lexicon())
