"""The parties an event was done to: those a count of the dead or wounded holds, and those
named right after what an attack did to them or the place of theirs it hit (used by
``raqib.extract.roles``, which tells actor1 from actor2)."""

from __future__ import annotations

import re
from functools import cache

from raqib.extract.casualties import subset_phrases
from raqib.extract.model import ActorMention, Analysis, CountMention

_OF = re.compile(r"\s+(?:of|من)\s+(?:the\s+)?", re.IGNORECASE)
_HELD_BY = r"belonging\s+to|manned\s+by|run\s+by|held\s+by"
"""Words after a thing that name the party it is (one alternation, for two target rules)."""
_TARGET_BEFORE = re.compile(
    r"\b(?:target(?:ed|ing|s)?|struck|striking|hit(?:ting)?|shell(?:ed|ing)|bomb(?:ed|ing)|"
    r"raid(?:ed|ing)|ambush(?:ed|ing)|attack(?:ed|ing)|"
    r"(?:air\s*)?strikes?|attacks?\s+(?:on|against)|assaults?\s+on)\s+"
    r"(?:(?:on|against)\s+)?(?:(?:the|a|an|two|several)\s+)?"
    r"(?:(?:[\w-]+\s+){0,2}?(?:cars?|vehicles?|convoys?|motorcycles?|trucks?|positions?|bases?|"
    r"checkpoints?|posts?|gatherings?|meetings?|headquarters|houses?|homes?|patrols?|camps?|"
    r"members?|fighters?|commanders?|leaders?|militants?)\s+(?:carrying|of|used\s+by|"
    + _HELD_BY + r")\s+)?(?:(?:the|an?)\s+)?$", re.IGNORECASE)
"""Right before a party: what the event was done to ('targeted a car carrying', 'struck
positions of', 'an air strike on'): the party is the target."""
_DETAINED_BEFORE = re.compile(
    r"\b(?:arrest(?:ed|ing|s)?|detain(?:ed|ing|s)?|captur(?:ed|ing|es?)|kidnapp(?:ed|ing)|"
    r"abduct(?:ed|ing|s)?)\s+(?:(?!by\b)[\w-]+\s+){0,3}?(?:(?:members?|fighters?|commanders?|"
    r"leaders?|militants?|operatives?|elements?)\s+(?:of|from)\s+(?:the\s+)?)?$", re.IGNORECASE)
"""Right before a party: an arrest or abduction of its people ('arrested a suspected ISIS
leader', 'detained two members of'): the party is the one arrested (assemble v34)."""
_TAKEN_FROM = re.compile(
    r"\b(?:captur(?:ed|ing|es?)|took|taken|tak(?:es|ing)|seiz(?:ed|ing|es?)|retook|retaken|"
    r"recaptur(?:ed|ing|es?)|wrest(?:ed|ing)|liberat(?:ed|ing|es?)|regain(?:ed|ing|s)?)\b"
    r"[^.;]{0,80}?\bfrom\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?$", re.IGNORECASE)
"""Right before a party: the one a place was taken from ('captured a district of Raqqa from
Islamic State fighters'): the party lost it (assemble v34)."""
_LOST_AFTER = re.compile(
    r"\s+(?:(?:have|has|had)\s+)?(?:lost\b(?!\s+(?:no|none)\b)|"
    r"(?:abandon(?:ed|s)?|desert(?:ed|s)?|vacat(?:ed|es)|evacuat(?:ed|es)|fled|flees?)\s+"
    r"(?:their|its|the)\s+(?:[\w-]+\s+)?(?:positions?|bases?|posts?|outposts?|barracks|"
    r"camps?|garrisons?|checkpoints?)\b|"
    r"(?:withdr[ae]w|withdrawn|retreated|pulled\s+out)\s+from\b)", re.IGNORECASE)
"""Right after a party: what it lost ('the rebels lost control of three villages', 'regime
forces lost 35 fighters': assemble v52), the posts it gave up or where it withdrew from
('soldiers abandoned their positions and fled after jihadists overran the base', 'the army
withdrew from the town': v100): the party lost it."""
_STRUCK_THING = (r"(?:[\w-]+\s+){0,2}?(?:cars?|vehicles?|convoys?|trucks?|positions?|bases?|"
                 r"checkpoints?|posts?|headquarters|offices?|patrols?|camps?|teams?|ambulances?)")
_STRUCK = (r"(?:hit|struck|targeted|attacked|shelled|bombed|ambushed|shot(?:\s+at)?|"
           r"fired\s+(?:up)?on)")
_BEEN = r"(?:was|were|has\s+been|had\s+been|have\s+been)"
_MINE = (r"(?:hit|hits|struck|strikes|ran\s+over|runs\s+over|drove\s+over|rolled\s+over|"
         r"stepped\s+on|steps\s+on|trod\s+on)\s+an?\s+(?:[\w-]+\s+)?"
         r"(?:(?:land)?mines?|(?:roadside\s+)?bombs?|explosives?|explosive\s+devices?|IEDs?)\b")
_TARGET_AFTER = re.compile(
    rf"\s+(?:{_STRUCK_THING}\s+)?(?:{_BEEN}\s+(?:{_STRUCK}|blown\s+up)\b|{_STRUCK}\s+by\b|{_MINE})"
    rf"|\s+{_STRUCK_THING}\s+{_STRUCK}\s+(?:near|in|on|outside|at|along)\b"
    rf"|\s+(?:{_STRUCK_THING}\s+)?(?:came|comes|come|coming)\s+under\s+(?:[\w-]+\s+)?"
    rf"(?:fire|attack|shelling|bombardment)\b",
    re.IGNORECASE)
"""Right after a party: what of its was struck ('UN convoy hit by mortar fire', 'a Turkish
patrol was targeted'; a headline's 'UN aid convoy attacked near Aleppo', v46): the party is the
target (assemble v35). So is one whose vehicle or patrol was blown up or hit a mine or a bomb
('a military truck ran over a landmine', 'a police vehicle was blown up'; not one that
detonated a bomb: assemble v57), and one that came under fire or attack ('a Russian patrol
came under fire near ...', v92)."""
_RAMMED_INTO = (r"(?:rammed|rams|ramming|crashed|crashes|crashing|drove|driven|slammed|slams|"
                r"ploughed|plowed)\s+(?:[\w-]+\s+){0,4}?into")
"""A vehicle driven into a party's convoy or post ('rammed an explosives-laden vehicle into a
military convoy': assemble v97); not any 'into' ('fired into the air')."""
_FACILITY_BEFORE = re.compile(
    r"\b(?:at|on|near|outside|inside|in\s+front\s+of|next\s+to|beside|alongside|"
    r"close\s+to|" + _RAMMED_INTO + r"|targeted|targeting|targets|hit|hits|"
    r"struck|strikes|attacked|attacking|attacks|stormed|storms|raided|raids)\s+"
    r"(?:(?:an?|the)\s+(?:[\w-]+\s+)?)?$", re.IGNORECASE)
_FACILITY_AFTER = re.compile(
    r"\s+(?:stations?|posts?|outposts?|checkpoints?|bases?|headquarters|barracks|camps?|"
    r"compounds?|buildings?|offices?|academy|academies|patrols?|convoys?|vehicles?)\b",
    re.IGNORECASE)
"""A party's facility, right after its name, where an event hit ('a car bomb exploded outside
a police station', 'hit an army checkpoint'): the party is the target (assemble v56); in a
headline's words too, with no article and the verb in the present ('Rocket attack hits US
base', v92); beside it ('went off next to an army convoy', v95), or driven into it
('rammed a vehicle into a military convoy', v97)."""
_FACILITY_END = re.compile(r"\s(?:bases?|posts?|outposts?|positions?|checkpoints?|"
                           r"patrols?|convoys?)$", re.IGNORECASE)
"""A mention that ends in its facility ('US base', 'a Turkish patrol': actors v8)."""
_BY = re.compile(r"\bby\s+(?:the\s+)?$", re.IGNORECASE)
"""Right before a party inside a toll's words: the toll's agent, not its dead (v31)."""
_TOLL_FROM = re.compile(r"(?:the\s+)?(?:death\s+)?toll\s+from\s+(?:the\s+|an?\s+)?$",
                        re.IGNORECASE)
"""A toll's words up to a party right after "from": the party whose attack the toll
counts ("Death Toll From Daesh Militants Attack on Village ... Reaches 51"), not its dead
(v118)."""
_TARGET_AT = re.compile(
    r"\b(?:at|on|near|outside|inside|in front of|next to|beside|alongside|close to|"
    + _RAMMED_INTO + r")\s+"
    r"(?:an?|the|one|two)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:checkpoints?|positions?|bases?|posts?|headquarters|offices?|patrols?|convoys?|"
    r"camps?|barracks|gatherings?|cars?|vehicles?|bus(?:es)?|trucks?|motorcycles?|houses?|"
    r"homes?)\s+(?:of|carrying|transporting|" + _HELD_BY + r")\s+(?:(?:the|an?)\s+)?$",
    re.IGNORECASE)
"""Right before a party: the place of theirs where an event hit ('blew himself up at a
checkpoint of the Asayish', 'exploded near a position of the army', 'near a vehicle
carrying regime soldiers': v35; 'at the house of a Fifth Corps commander': v42): the party is
the target (assemble v28)."""


_THEIR_ATTACK_REPELLED = re.compile(
    r"[^.;]{0,160}?\b(?:when|as|after)\s+(?:[\w'’-]+\s+){1,5}?(?:repulsed|repelled|thwarted|"
    r"foiled|fended\s+off|pushed\s+back)\s+(?:their|its)\s+(?:attacks?|assaults?|offensive|"
    r"advance)\b", re.IGNORECASE)
"""After a party: another 'repulsed their attack': the party told before attacked, whoever
of it was killed (assembly v74: '9 Taliban militants were killed when Afghan forces repulsed
their attacks')."""


def acted_on(doc: Analysis, actors: list[ActorMention], counts: list[CountMention]
             ) -> frozenset[int]:
    """``id`` of the parties the event was done to: those whose words a count of the killed
    or wounded holds (v9) or that a count's words are members of ('killing two members of
    the Asayish': v24), and those named right after what an attack did to them ('targeted a
    car carrying', 'struck positions of': v22) or the place of theirs it hit ('at a checkpoint
    of': v28; 'outside a police station': v56); not a party whose attack another repelled
    (v74)."""
    return frozenset(id(a) for a in actors
                     if not _THEIR_ATTACK_REPELLED.match(doc.text, a.span.end)
                     and _done_to(doc.text, a, counts))


def _done_to(text: str, a: ActorMention, counts: list[CountMention]) -> bool:
    """Whether the words around ``a`` tell the event as done to it (``acted_on``)."""
    start, end = a.span.start, a.span.end
    return bool(any(_counts(text, c, a) for c in counts)
                or _TARGET_BEFORE.search(text, max(0, start - 80), start)
                or _TARGET_AT.search(text, max(0, start - 80), start)
                or _DETAINED_BEFORE.search(text, max(0, start - 60), start)
                or _TAKEN_FROM.search(text, max(0, start - 120), start)
                or _TARGET_AFTER.match(text, end)
                or ((_FACILITY_AFTER.match(text, end) or _FACILITY_END.search(a.span.text))
                    and _FACILITY_BEFORE.search(text, max(0, start - 80), start))
                or _LOST_AFTER.match(text, end))


def _counts(text: str, count: CountMention, actor: ActorMention) -> bool:
    """Whether the words of ``count`` hold ``actor`` or are members of it ('two members of
    the Asayish')."""
    if count.span.start <= actor.span.start and actor.span.end <= count.span.end:
        # not the agent a toll's words name ('the death toll of the massacre committed by
        # Russian warplanes rose to 15': v31)
        return not (_BY.search(text, max(count.span.start, actor.span.start - 20),
                               actor.span.start)
                    or _TOLL_FROM.fullmatch(text, count.span.start, actor.span.start))
    return count.span.end <= actor.span.start and bool(
        _OF.fullmatch(text, count.span.end, actor.span.start)
        or _included().fullmatch(text, count.span.end, actor.span.start))


@cache
def _included() -> re.Pattern[str]:
    """Between a count and a party: the party is among the counted ('killing nine people
    including four police officers': the police were among the dead, not the bombers; v106),
    by the numbers lexicon's phrases of a part ('including', 'among them', 'most of them';
    a word before 'of them': 'some of them', 'all of them')."""
    return re.compile(rf",?\s+(?:\w+\s+)?(?:{subset_phrases()})\s+(?:[\w-]+\s+){{0,3}}?",
                      re.IGNORECASE)
