"""Who acted, by the words around a party's name: the agent of a violent passive ('killed by
X'), of an attack ('an attack by X', 'repelled an X attack'), of an operation ('during X
operations', 'exchanged fire with X during a patrol') or of a device it planted ('an
X-planted IED'). Used by ``raqib.extract.assemble`` beside ``raqib.extract.roles`` (the
parties acted on are in ``raqib.extract.role_targets``)."""

from __future__ import annotations

import re

from raqib.extract.model import ActorMention, Analysis

_AGENT_BEFORE = re.compile(
    r"\b([a-z]+)\s+(?:(?:at|on|upon)\s+)?by\s+"
    r"(?:(?:the|a|an|suspected|alleged|presumed|unidentified|unknown)\s+){0,2}$", re.IGNORECASE)
_AGENT_AFTER = re.compile(r"[-‐](?:planted|laid|placed|fired|launched)\b", re.IGNORECASE)
VIOLENT = frozenset([
    "killed", "shot", "hit", "struck", "attacked", "targeted", "wounded", "injured", "hurt",
    "ambushed", "abducted", "kidnapped", "shelled", "bombed", "bombarded", "executed",
    "beheaded", "stabbed", "beaten", "slain", "murdered", "assassinated", "massacred",
    "tortured", "raped", "assaulted", "lynched", "detained", "arrested", "captured", "seized",
    "raided", "stormed", "looted", "burned", "burnt", "torched", "destroyed", "damaged",
    "blown", "planted", "launched", "perpetrated", "committed", "fired", "overrun", "gunned",
    "attack", "attacks", "assault", "assaults", "offensive", "incursion", "raid", "raids",
    "ambush",
])
_REPELLED_BEFORE = re.compile(
    r"\b(?:repelled|repulsed|thwarted|foiled|fended off|pushed back|repelling|repulsing|"
    r"thwarting|foiling)\s+(?:an?|the)?\s*$", re.IGNORECASE)
_ATTACK_AFTER = re.compile(r"\s+(?:attacks?|assaults?|offensive|incursion|advance)\b",
                           re.IGNORECASE)
"""'killed by Taliban militants', 'hit by a Taliban-planted IED', 'an attack by X',
'repelled a Taliban attack', 'shot at by armed men' (assembly v71): the agent of a violent
passive or of an attack is who acted, whatever the order of the words; 'backed by', 'held by'
or 'reported by' name no agent."""


_FOUGHT_WITH = re.compile(r"\b(?:exchanged\s+fire|clashed|fought|engaged\s+in\s+a\s+(?:shoot-?out|"
                          r"firefight|gunfight))\s+with\s+(?:the\s+)?$", re.IGNORECASE)
_ON_OPERATION = re.compile(r"[^.;]{0,40}?\bduring\s+(?:an?|the|its|their)\s+(?:[\w-]+\s+){0,2}?"
                           r"(?:operations?|patrols?|raids?|searche?s?|sweeps?)\b", re.IGNORECASE)
"""'armed men exchanged fire with military police forces during a patrol': the force on its
operation went after them (assembly v75)."""
_DURING = re.compile(r"\bduring\s+(?:(?:an?|the|joint|several)\s+)?$", re.IGNORECASE)
_ITS_OPERATION = re.compile(r"\s+(?:(?:joint|military|security|clearance|search|"
                            r"counter-?terrorism)\s+)?(?:operations?|raids?|offensives?|"
                            r"sweeps?)\b", re.IGNORECASE)
"""'7 Taliban militants were killed ... during General Command of Police Special Units
operations in ...': the party whose operation it was acted (assembly v91)."""


def agent(doc: Analysis, actor: ActorMention) -> bool:
    """Whether the actor is named as the agent of a passive ('shot dead by X'), of an
    attack ('an attack by X', 'repelled an X attack'), of an operation ('during X
    operations') or of a device it planted ('an X-planted IED')."""
    if _AGENT_AFTER.match(doc.text, actor.span.end):
        return True
    if _ON_OPERATION.match(doc.text, actor.span.end) and _FOUGHT_WITH.search(
            doc.text, max(0, actor.span.start - 40), actor.span.start):
        return True
    if _ITS_OPERATION.match(doc.text, actor.span.end) and _DURING.search(
            doc.text, max(0, actor.span.start - 30), actor.span.start):
        return True
    if _ATTACK_AFTER.match(doc.text, actor.span.end) and _REPELLED_BEFORE.search(
            doc.text, max(0, actor.span.start - 40), actor.span.start):
        return True
    before = _AGENT_BEFORE.search(doc.text, max(0, actor.span.start - 60), actor.span.start)
    if before is None:
        return False
    return before.group(1).casefold() in VIOLENT
