"""The casualty words around a chain of figures (``raqib.extract.numbers``): the word after
it ("were killed", "dead", "abducted and killed") or before it ("killing 3", "the death toll
rose to 12"), which gives the chain its kind, and whether a participle takes an object ("3
gunmen killed a man": the chain are the killers, not the killed). The words are the lexicon's
(``resources/lexicon/casualties.tsv`` and the roles of ``numbers.tsv``)."""

from __future__ import annotations

from raqib.extract.arabic import ARABIC
from raqib.extract.lexicon import Lexicon

END = frozenset(".!?;:؟")
"""Tokens that end a sentence."""
GRAVITY = ["killed", "injured", "kidnapped", "arrested", "displaced", "other"]
"""The kinds, gravest first: two casualty words joined by "and" count as the graver."""
PARTITIVE = frozenset({"them", "those", "these", "whom"})
"""Pronouns of a partitive "of" between a figure and its casualty word: "one of them later
died", "two of whom died" (numbers v14)."""
DISTANCE = frozenset({"m", "km", "kms", "metres", "meters", "metre", "meter", "kilometres",
                      "kilometers", "kilometre", "kilometer", "miles", "mile"})
"""Units after a figure that make it a distance, not a count nor the object of a casualty
verb ('shot dead 100 m from his house', numbers v16; ``number_spans.SKIP`` is built on it)."""
IRREGULAR = frozenset({"shot", "hit", "struck", "beaten", "taken", "thrown", "caught", "held",
                       "found", "seen", "left", "bound"})
"""Participles that do not end in -ed, as "shot in the chest and killed" uses them."""
RELATIVE = frozenset({"who", "which", "whom", "whose"})
"""Words that open a relative clause after a comma, an aside the victims' verb comes after."""
PARTICLES = frozenset({"out", "away", "off", "down", "up"})
"""Adverbs a participle may take before its phrase of place ('dragged out of their car')."""
MAX_AND_GAP = 10
"""Words a phrase of place, time or agent may take between two joined casualty words (6
until numbers v16: "kidnapped by a group of armed rebels from his home and was later
killed" has 9)."""
PHRASE_REACH = 14
"""Tokens a phrase the chain's clause skips may hold, besides a parenthesis in it ("two men
suspected of house break-ins and robberies in the Mhlasini area in Verulam (eThekwini,
KwaZulu-Natal) were fatally assaulted": the parenthesis counted until numbers v20)."""
AFTER_REACH = 24
"""Tokens between a chain of figures and its casualty word (16 until numbers v20)."""
TOLL_REACH = 14
"""Words a phrase may hold between a toll noun and the verb that updates it ("the death toll
from Tuesday's attack on the town rose to 86"; 12 until numbers v12: "the death toll of the
massacre committed by Russian warplanes in Maarat al-Numan market rose to 15" has 13 tokens,
"the toll of the war on the economy of the whole northern region of the country rose to 40"
14, too far)."""
ARABIC_SUBJECT = 3
"""Arabic words a casualty verb's subject may take between the verb and its count."""


BODY_PARTS = frozenset([
    "head", "face", "jaw", "neck", "throat", "shoulder", "shoulders", "arm", "arms", "elbow",
    "wrist", "hand", "hands", "finger", "fingers", "chest", "back", "stomach", "abdomen",
    "belly", "side", "hip", "hips", "groin", "buttock", "buttocks", "thigh", "thighs", "leg",
    "legs", "knee", "knees", "ankle", "foot", "feet"])
"""Where a person is "shot in the ...": wounded, unless the words say dead ("shot in the
chest and killed" joins the two)."""
_WHOSE = frozenset(["the", "his", "her", "their", "its", "one", "both"])
_WHICH_SIDE = frozenset(["left", "right", "upper", "lower"])


def _wound(w: list[str], k: int) -> int | None:
    """The end of "shot in the (left) leg", "shot in his hand", "shot in both legs" at token
    ``k``; None when the words there are not such."""
    if w[k] != "shot" or w[k + 1 : k + 2] != ["in"]:
        return None
    j = k + 2
    for words in (_WHOSE, _WHICH_SIDE):
        if j < len(w) and w[j] in words:
            j += 1
    return j + 1 if j < len(w) and w[j] in BODY_PARTS else None


DURATION = frozenset(["minute", "minutes", "hour", "hours", "day", "days", "week", "weeks",
                      "month", "months", "year", "years"])
_LATER = frozenset(["later", "earlier", "after", "afterwards", "ago", "before"])


def _later(w: list[str], k: int) -> bool:
    """The words at ``k`` after a figure make it a time ('killed 8 days later', 'two weeks
    ago'), no object of the verb before it (numbers v61)."""
    return k + 1 < len(w) and w[k] in DURATION and w[k + 1] in _LATER


def _manner(token: str) -> bool:
    """An adverb of manner or of certainty ('briefly', 'allegedly', 'likely'): a word of
    letters ending in -ly, longer than 'only'."""
    return len(token) > 4 and token.endswith("ly") and token.isalpha()


_SENTENCED = frozenset(["sentenced", "sentences", "sentencing", "condemned", "condemns",
                        "condemning"])
"""Right before a chain of figures: those a court sentenced, no victims ('sentenced two
protesters to death'), unless their sentence tells them put to death (numbers v37)."""
_PUT_TO_DEATH = frozenset(["executed", "beheaded", "hanged", "shot", "killed", "stoned"])


def sentenced(w: list[str], k: int, end: int) -> bool:
    """Whether token ``k`` sentences the figures after it and the sentence from ``end`` on
    does not tell them put to death ('... and publicly executed them')."""
    if w[k] not in _SENTENCED:
        return False
    for token in w[end:]:
        if token in END:
            return True
        if token in _PUT_TO_DEATH:
            return False
    return True


_WHEN = frozenset(["yesterday", "today", "tonight", "overnight", "earlier", "later", "last",
                   "this", "early", "late", "monday", "tuesday", "wednesday", "thursday",
                   "friday", "saturday", "sunday", "again", "too", "as", "while", "when"])
"""Words after a participle that tell when, not whom: no object ('Militants killed yesterday
in Helmand')."""


NAME_WORDS = 4
"""How many words may name the people of a count before its own casualty word ("7 INGO
national staff injured"): then the count is no object of a verb before it (numbers v76)."""

class CasualtyWords:
    """Reads the casualty words of the lexicon around token positions; ``Numbers`` reads the
    figures (``_quantity``) between them."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lex = lexicon
        self._aux = lexicon.role("aux")
        self._filler = lexicon.role("filler") | self._aux
        self._object = lexicon.role("object")
        self._prepositions = lexicon.role("preposition")
        self._stop = lexicon.role("stop")
        """Words that end a noun phrase after a count (``Numbers`` adds punctuation)."""
        self._clause = lexicon.role("clause")
        self._update = lexicon.role("update")
        self._toll_gap = self._filler | self._update
        """Words that may stand between a toll noun and its figure ("rose to")."""
        self._subset = lexicon.role("subset")
        self._attempt = lexicon.role("attempt")

    def _quantity(
        self, w: list[str], i: int, blocked: set[int]
    ) -> tuple[int, int, int | None, bool, str] | None:
        """A hedged figure starting at token ``i`` (``Numbers._quantity``)."""
        raise NotImplementedError

    def _after(self, w: list[str], k: int, asides: bool = True
               ) -> tuple[int, str, bool] | None:
        """(end, kind, passive) of the casualty word after a chain ending at token ``k``;
        ``asides``: whether an aside closed by a comma may stand between them (not after a
        bare plural or an unknown singular, which may be no victim at all: numbers v16)."""
        passive, skipped, start = False, False, k
        while k < len(w) and k - start <= AFTER_REACH:
            hit = self._term(w, k)
            if hit:
                end, kind, verb = hit
                if verb and not passive and (self._takes_object(w, end) or (
                        not asides and self._named_object(w, end))):
                    return None
                return end, kind, passive
            token = w[k]
            nxt = w[k + 1] if k + 1 < len(w) else ""
            if asides and token == "," and nxt in RELATIVE and not self._told_next(w, k + 2):
                k = self._aside(w, k + 1)  # "two doctors, who were guests there, were killed"
            elif token == "," and (nxt in self._filler or self.lex.terms.at(w, k + 1)):
                k += 1
            elif token == "of" and nxt in PARTITIVE:
                k += 2
            elif token == "of" and nxt == "the" and self.lex.terms.at(w, k + 2):
                return self._of_the(w, k + 2, passive)
            elif not skipped and (token in ",(" or token in self._prepositions):
                k, skipped = self._skip_phrase(w, k, asides), True
            elif not skipped and token.endswith(("ed", "ing")) and nxt in self._prepositions:
                k, skipped = self._skip_phrase(w, k + 1, asides), True  # "involved in the ..."
            elif token in self._filler:
                if token == "have" and k > start and w[k - 1] == "to":
                    passive = False  # "were reported to have killed five villagers": the
                    # perfect infinitive is active, as "to have been killed" is not (v86)
                passive, k = passive or token in self._aux, k + 1
            elif _manner(token) and token not in self.lex.nouns:
                k += 1  # "briefly abducted", "seriously wounded" (numbers v56)
            elif token.endswith("ed") and nxt == ",":
                k += 2  # "attacked, stabbed and killed" (numbers v16)
            elif (join := self._participle_joined(w, k)) is not None:
                k = join + 1  # "ambushed and killed", "shot in the chest and killed"
            else:
                return None
        return None

    def _of_the(self, w: list[str], k: int, passive: bool) -> tuple[int, str, bool] | None:
        """'one of the injured', 'two of the wounded died': a figure of a group told before
        (the casualty word at ``k`` names the group) is no count of its own, unless a verb
        after the group tells what befell them (numbers v18)."""
        group = self.lex.terms.at(w, k)
        j = self._past_fillers(w, k + (group[0] if group else 1))
        hit = self._term(w, j) if j < len(w) else None
        return (hit[0], hit[1], passive) if hit else None

    def _told_next(self, w: list[str], k: int) -> bool:
        """Whether a casualty word follows at ``k`` past auxiliaries and fillers ('a wanted
        man, who was killed': the relative clause tells what befell him)."""
        k = self._past_fillers(w, k)
        return k < len(w) and self.lex.terms.at(w, k) is not None

    def _past_fillers(self, w: list[str], k: int) -> int:
        """The first token at or after ``k`` that is no filler ('was', 'later', ...)."""
        while k < len(w) and w[k] in self._filler:
            k += 1
        return k

    def _participle_joined(self, w: list[str], k: int) -> int | None:
        """The 'and' after a participle at ``k`` and a short phrase of place ('shot in the
        chest and killed', 'dragged out of their vehicle and shot and killed': numbers v16)."""
        if not (w[k].endswith("ed") or w[k] in IRREGULAR):
            return None
        after = k + 1 + (k + 1 < len(w) and w[k + 1] in PARTICLES)
        return self._and_after(w, after)

    def _term(self, w: list[str], k: int) -> tuple[int, str, bool] | None:
        """(end, kind, is a participle) of the casualty word at token ``k``."""
        hit = self.lex.terms.at(w, k)
        if hit is None:
            if w[k].endswith("ed") and w[k + 1 : k + 3] == ["to", "death"]:
                return k + 3, "killed", False  # "clubbed to death"
            wound = _wound(w, k)
            if wound is None:
                return None
            hit = (wound - k, "verb:injured")  # "shot in the leg" (numbers v53)
        role, kind = hit[1].split(":")
        end = k + hit[0]
        join = self._and_after(w, end)
        if join is not None:  # "abducted and killed", "abducted outside his home and killed"
            j = self._past_fillers(w, join + 1)
            second = self.lex.terms.at(w, j) if j < len(w) else None
            if second:
                kind = min(kind, second[1].split(":")[1], key=GRAVITY.index)
                if w[end] != "by":  # the agent's words stay out of the victims' (v16)
                    end = j + second[0]
        return end, kind, role == "verb"

    def _and_after(self, w: list[str], k: int) -> int | None:
        """The 'and' that joins a second casualty word to the one ending at ``k``: right
        after it, or after a short phrase of place or time in the same clause ("abducted
        outside his home and killed"), or of its agent ("kidnapped by a group of armed rebels
        from his home and was later killed", numbers v16)."""
        if k < len(w) and w[k] == "and":
            return k
        if k >= len(w) or (w[k] not in self._prepositions and w[k] != "by"):
            return None
        for j in range(k + 1, min(len(w), k + 1 + MAX_AND_GAP)):
            if w[j] == "and":
                return j
            if w[j] in END or w[j] in self._clause or w[j] == "," or w[j] in self._aux:
                return None
        return None

    def _skip_phrase(self, w: list[str], k: int, asides: bool = True) -> int:
        """Where the chain's clause goes on after ", ... ," or a prepositional phrase at ``k``."""
        close = {",": ",", "(": ")"}.get(w[k])
        j, aside = k + 1, 0
        while j < len(w) and j - aside < k + PHRASE_REACH:
            if close and w[j] == close:
                return j + 1
            if w[j] in END:
                break
            if not close and w[j] == "(" and ")" in w[j + 1:j + 10]:
                end = w.index(")", j + 1) + 1  # "in Verulam (eThekwini, KwaZulu-Natal) were"
                aside, j = aside + end - j, end
                continue
            if w[j] in self._clause and close == "," and asides:
                return self._aside(w, j)  # ", while in a taxi on the way to their office,"
            if w[j] in self._clause or (w[j] == "," and close != ")"):
                break
            if not close and self._verb_at(w, j):
                return j
            j += 1
        return len(w)

    def _aside(self, w: list[str], j: int) -> int:
        """After ", while in a taxi," or ", who worked for an NGO,": where the clause goes on
        when the aside closes with a comma (at ``j`` or after it) right before its verb ('two
        aid workers, while in a taxi on the way to their office, were killed': numbers v16),
        else nowhere."""
        for m in range(j, min(len(w) - 1, j + 14)):
            if w[m] in END:
                break
            if w[m] == "," and self._verb_at(w, m + 1):
                return m + 1
        return len(w)

    def _verb_at(self, w: list[str], k: int) -> bool:
        """Whether token ``k`` is an auxiliary or a casualty participle ('were', 'killed')."""
        term = self.lex.terms.at(w, k)
        return w[k] in self._aux or bool(term and term[1].startswith("verb"))

    def _named_object(self, w: list[str], k: int) -> bool:
        """A word after the participle of a bare plural's chain that no casualty phrase,
        preposition or glue word is: a name, the object of an active verb ('Gunmen killed Ahmed
        Ali, a local councillor' counted ten gunmen killed; numbers v30)."""
        return (k < len(w) and w[k].isalpha() and w[k] not in self._filler
                and w[k] not in self._prepositions and w[k] not in self._clause
                and w[k] not in self._stop and w[k] not in _WHEN
                and not w[k].endswith("ly") and not self.lex.terms.at(w, k))

    def _takes_object(self, w: list[str], k: int) -> bool:
        if k >= len(w):
            return False
        if w[k] in self._object:
            return True
        quantity = self._quantity(w, k, set())
        if quantity:  # "killed 3 civilians", but not "1 killed 3 injured" nor "3 miles from",
            # nor "5 staff killed 7 staff injured": a count with its own word (numbers v76)
            after = w[quantity[0]] if quantity[0] < len(w) else ""
            named = self._past_names(w, quantity[0])
            return not ((named < len(w) and self.lex.terms.at(w, named))
                        or after in DISTANCE or _later(w, quantity[0]))
        noun = self.lex.nouns.get(w[k])
        return noun is not None and noun[0] != "thing"

    def _past_names(self, w: list[str], k: int) -> int:
        """The token after up to ``NAME_WORDS`` words that name people at ``k`` ('INGO
        national staff'): nouns, or words the lexicons do not know."""
        j = k
        while j < len(w) and j - k < NAME_WORDS and w[j].isalpha() and (
                w[j] in self.lex.nouns or not (w[j] in self.lex.words or w[j] in self._stop
                                               or self.lex.terms.at(w, j))):
            j += 1
        return j

    def _before(self, w: list[str], start: int) -> tuple[int, str] | None:
        """(first token, kind) of the casualty word before a chain starting at ``start``."""
        hit = self.lex.before.ending(w, start)
        if hit and hit[0] >= 1 and (w[hit[0] - 1] in self._attempt or (
                hit[0] >= 2 and w[hit[0] - 1] == "to" and w[hit[0] - 2] in self._attempt)):
            return None  # "tried to kill two men", "nearly lynch two men": not done (v87)
        if hit:
            first = hit[0] - 1
            other = self.lex.before.ending(w, first) if first > 0 and w[first] == "and" else None
            if other and w[other[0]].endswith("ing") == w[hit[0]].endswith("ing"):
                # "killing and injuring 10": the graver kind; not "leaving him killed and
                # injuring a number of his family" (two forms: two clauses; numbers v44)
                return other[0], min(hit[1], other[1], key=GRAVITY.index)
            return hit
        subject = self._arabic_subject(w, start) or self._part_after_verb(w, start)
        if subject:
            return subject
        k = start
        updated = False
        while k > 0 and start - k < 5:
            toll = self.lex.tolls.ending(w, k)
            if toll:
                return toll
            if w[k - 1] not in self._toll_gap:
                break
            updated = updated or w[k - 1] in self._update
            k -= 1
        return self._toll_before_phrase(w, k) if updated else None

    def _part_after_verb(self, w: list[str], start: int) -> tuple[int, str] | None:
        """A figure after a casualty word, a comma and 'including' or 'among them' ('dozens of
        people were killed, including at least 40 civilians'; numbers v68): a part of the
        figure before, of its kind (``casualties.total`` keeps the whole, unless the part is
        larger); the count's words are the chain's."""
        for width in (1, 2):
            k = start - width
            if k < 2 or " ".join(w[k:start]) not in self._subset or w[k - 1] != ",":
                continue
            hit = self.lex.before.ending(w, k - 1)
            if hit:
                return start, hit[1]
        return None

    def _arabic_subject(self, w: list[str], start: int) -> tuple[int, str] | None:
        """An Arabic casualty verb before its subject, then the chain (the language's
        verb-subject-object order: 'قتل مسلحون مجهولون ثلاثة مدنيين', unknown gunmen killed
        three civilians; numbers v67): up to ``ARABIC_SUBJECT`` Arabic words between."""
        for gap in range(1, ARABIC_SUBJECT + 1):
            k = start - gap
            if k <= 0 or not ARABIC.search(w[k]) or self.lex.terms.at(w, k):
                return None
            hit = self.lex.before.ending(w, k)
            if hit and ARABIC.search(w[hit[0]]):
                return start, hit[1]  # the count's words are the chain's, not the subject's
        return None

    def _toll_before_phrase(self, w: list[str], k: int) -> tuple[int, str] | None:
        """A toll noun up to ``TOLL_REACH`` words before an update verb that ends at ``k``:
        "the death toll [from Tuesday's attack on the town] rose to 86"; the phrase between
        may not cross a clause or a sentence."""
        for j in range(k, max(0, k - TOLL_REACH), -1):
            toll = self.lex.tolls.ending(w, j)
            if toll:
                return toll
            if w[j - 1] in END or w[j - 1] in self._clause or w[j - 1] in {",", ";"}:
                return None
        return None
