"""The extraction pipeline's shared records: what each stage finds and what it hands on.

A document flows through stages in order; each stage reads what earlier ones found in the
``Analysis`` and adds its own mentions. Every mention carries the character span of the words
it came from (offsets into ``Analysis.text``), so that every extracted fact points at its
words. The assembly stage turns mentions into ACLED-coded ``Event`` records and ``Claim``
records, the output of ``raqib extract``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Protocol, runtime_checkable


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str

    def as_json(self) -> dict[str, int | str]:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True)
class Sentence:
    span: Span


@dataclass(frozen=True)
class ActorMention:
    span: Span
    name: str
    """ACLED-style canonical name: 'Military Forces of Syria (2000-)'."""
    inter: int
    """ACLED actor type code: 1 state forces, 2 rebels, 3 political militias, 4 identity
    militias, 5 rioters, 6 protesters, 7 civilians, 8 external/other forces."""
    country: str | None = None
    side: str | None = None
    """Free label of allegiance where the dictionary knows it ('government', 'opposition')."""


@dataclass(frozen=True)
class PlaceMention:
    span: Span
    name: str
    country: str | None
    admin1: str | None = None
    admin2: str | None = None
    admin3: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int = 1
    """ACLED: 1 the named town; 2 near a town / a small area; 3 a larger region."""
    source: str = ""
    """Gazetteer and record id ('geonames:170063', 'ocha:SY070000')."""
    score: float = 1.0


@dataclass(frozen=True)
class DateMention:
    span: Span
    value: date
    precision: int
    """ACLED time_precision: 1 the day is known; 2 the week (or a few days); 3 the month."""
    relative: bool = False
    role: str = ""
    """'' a day something may have happened; 'bound' the limit of a period ("since 17
    September", "by 10 October"). No event takes a date with a role as its date."""


@dataclass(frozen=True)
class CountMention:
    span: Span
    kind: str
    """'killed', 'injured', 'kidnapped', 'arrested', 'displaced' or 'other'."""
    low: int
    """The figure by ACLED's rules: the lowest reported; 'dozens' = 12, 'several' = 3, ..."""
    high: int | None = None
    approximate: bool = False
    who: str | None = None
    """Whose casualties when the text says ('civilians', 'soldiers', 'militants')."""
    numberless: bool = False
    """A count with no number: a bare plural or a vague word ('the bodies of children',
    'dozens': ACLED's 10 and 12)."""


@dataclass(frozen=True)
class WeaponMention:
    span: Span
    weapon: str
    """Normalised weapon class: 'air strike', 'artillery', 'barrel bomb', 'chemical', ..."""


@dataclass(frozen=True)
class EventCue:
    """Evidence that a sentence (or clause) reports an event of one ACLED sub-event type."""

    span: Span
    sub_event_type: str
    event_type: str
    disorder_type: str
    score: float
    """Confidence 0..1 from the classifier or rule that fired."""
    own: float | None = None
    """The sentence's own score for the type, before the document's context leaned it
    (None: the same as ``score``): whether it reports this type by its own words."""
    detail: Span | None = None
    """A later sentence that tells the same incident with its day (a headline's event told
    again in the body): the event's day, and its place when finer, come from there."""

    @property
    def own_score(self) -> float:
        return self.score if self.own is None else self.own


@dataclass
class Event:
    """One ACLED-coded event, with the spans of the words each field came from."""

    event_type: str
    sub_event_type: str
    disorder_type: str
    actor1: str = ""
    assoc_actor_1: str = ""
    inter1: int | None = None
    actor2: str = ""
    assoc_actor_2: str = ""
    inter2: int | None = None
    country: str = ""
    admin1: str = ""
    admin2: str = ""
    admin3: str = ""
    location: str = ""
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int | None = None
    event_date: str = ""
    time_precision: int | None = None
    fatalities: int = 0
    injured: int | None = None
    weapon: str = ""
    targets: str = ""
    confidence: float = 0.0
    evidence: Span | None = None
    spans: dict[str, Span] = field(default_factory=dict)


@dataclass
class Claim:
    claimant: str
    claimant_actor: str
    stance: str
    """'asserts' | 'denies' | 'accuses' | 'alleges' | 'calls_for'."""
    statement: str
    start: int
    end: int
    about: int | None = None
    hedged: bool = False
    claimant_side: str | None = None
    """The actor dictionary's side of ``claimant_actor`` ('government', 'opposition'; '' when
    the row has none); None when the claimant is no dictionary actor."""


@dataclass
class Analysis:
    """One document on its way through the pipeline."""

    id: str
    text: str
    reference_date: date | None = None
    language: str | None = None
    published: date | None = None
    """The day the text says it was published (its dateline), when it says so (the dates
    stage); its relative dates count from it."""
    dateline: Span | None = None
    """The words of that dateline ("26 Oct 2016" opening a line near the start)."""
    sentences: list[Sentence] = field(default_factory=list)
    actors: list[ActorMention] = field(default_factory=list)
    places: list[PlaceMention] = field(default_factory=list)
    place_names: list[Span] = field(default_factory=list)
    """Names of places abroad that the places stage did not take as the text's own (places
    v32: a name found only among a foreign place's other names): still names, which the
    event model reads masked as the places are."""
    towns_of_peoples: dict[tuple[int, int], frozenset[str]] = field(default_factory=dict)
    """Names the gazetteer knows that stand before a people's word ('Misrata militias',
    'Zintan tribesmen'), which are no place of the text (places v75), by their offsets: the
    countries (as the output names them) that have a town so named. A militia named after
    its town is ACLED's communal militia, not an ethnic one (actors v85)."""
    filed_from: list[PlaceMention] = field(default_factory=list)
    """The places of the text's dateline ('QUETTA, Pakistan - ...'), where the report was
    filed from: none of them is among ``places``; an event whose words name no place is
    placed there (places v84)."""
    dates: list[DateMention] = field(default_factory=list)
    counts: list[CountMention] = field(default_factory=list)
    weapons: list[WeaponMention] = field(default_factory=list)
    cues: list[EventCue] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    stages: list[str] = field(default_factory=list)
    """Versioned names of the stages that ran, stamped on the output."""
    resources: list[str] = field(default_factory=list)
    """The model and reference files the stages read, with their digests (the pipeline's)."""

    def span(self, start: int, end: int) -> Span:
        return Span(start, end, self.text[start:end])

    def days(self) -> list[DateMention]:
        """The dates that can be the day something happened (not the limits of a period)."""
        return [d for d in self.dates if not d.role]

    def is_dateline(self, mention: DateMention) -> bool:
        """The text's own dateline ("26 Oct 2016" opening its first lines), which dates the
        page, not what its words tell; a day the words name ("on Wednesday") is theirs, even
        when it is the page's day."""
        return self.dateline is not None and mention.span.start == self.dateline.start


@runtime_checkable
class Stage(Protocol):
    """One concern of the pipeline. ``name`` is versioned: 'extract.dates.v4'."""

    name: str

    def __call__(self, doc: Analysis) -> None:
        """Add this stage's findings to ``doc``; raise only on bugs (the pipeline records
        the failure on the document and goes on)."""
        ...


@dataclass(frozen=True)
class Options:
    """What a stage factory may need; every field has a working offline default."""

    model: str | None = None
    """Path of a trained event model (``raqib train``); None: the model shipped in the package."""
    actor_files: tuple[str, ...] = ()
    """Extra actor dictionaries (TSV in the documented format, or imported PETRARCH files)."""
    gazetteer_files: tuple[str, ...] = ()
    """Extra gazetteers (GeoNames dump, OCHA COD-AB CSV, Syrian Archive CSV)."""
    cache_dir: str | None = None
    """Where derived indexes may be cached (default: the user's cache folder)."""
    country: str | None = None
    """The country a team's texts are mostly about (its name or ISO code): a prior vote for
    it when the places stage settles a text's country ('Ayn Tarma' with nothing else around
    it is in Syria for a Syrian monitor, not Tarma in Peru)."""
