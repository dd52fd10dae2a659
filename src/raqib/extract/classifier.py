"""The event classifier: a linear model over word and character n-grams, stored as data.

Model file format (``raqib.event-model/1``): a NumPy ``.npz`` archive, read with
``allow_pickle=False``, holding

- ``meta``: a 0-d string array, a JSON object: ``format``, ``created`` (ISO date),
  ``trained_on`` (a description of the training material), ``features`` (the feature
  settings below), ``scores`` (held-out scores, when any), ``disorder_types`` (an optional
  sub-event type -> disorder type map observed in the training data);
- ``classes``: 1-d string array, the labels (ACLED sub-event types and ``none``);
- ``vocab``: a 0-d string array, the feature names joined by newlines (row i of ``coef``);
- ``idf``: float32 [n_features], the inverse document frequency of each feature;
- ``coef``: float32 [n_features, n_classes]; ``intercept``: float32 [n_classes].

A text's vector is, for each known feature, ``(1 + log tf) * idf``, L2-normalised; the
class scores are ``vector @ coef + intercept`` and their softmax the probabilities. Feature
names: ``w:word``, ``b:word word`` (adjacent words), ``c:<n-gram>`` (3-5 characters of a
word padded with ``<`` and ``>``). Words are lower-cased runs of letters; a run of digits
becomes ``0``. Prediction needs only NumPy; training lives in ``raqib.extract.train``.
"""

from __future__ import annotations

import itertools
import json
import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import numpy as np

from raqib.errors import ResourceError

FORMAT = "raqib.event-model/1"
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?|\d+(?:[.,]\d+)*")


class ModelError(ResourceError):
    """A model file is missing, unreadable or not in Raqib's event-model format."""


@dataclass(frozen=True)
class FeatureSettings:
    char_min: int = 3
    char_max: int = 5
    bigrams: bool = True

    def as_json(self) -> dict[str, int | bool]:
        return {"char_min": self.char_min, "char_max": self.char_max, "bigrams": self.bigrams}


def words(text: str) -> list[str]:
    out = []
    for match in _WORD.finditer(text.lower()):
        token = match.group()
        out.append("0" if token[0].isdigit() else token)
    return out


DEFAULT_SETTINGS = FeatureSettings()


def features(text: str, settings: FeatureSettings = DEFAULT_SETTINGS) -> Counter[str]:
    """Feature counts of ``text``: words, adjacent word pairs and in-word character n-grams
    (listed first, then counted at once: counting one by one cost twice as much)."""
    tokens = words(text)
    low, high = settings.char_min, settings.char_max + 1
    names = ["w:" + token for token in tokens]
    for token in tokens:
        if len(token) < 2:
            continue
        padded = f"<{token}>"
        names += ["c:" + padded[i:i + n] for n in range(low, high)
                  for i in range(len(padded) - n + 1)]
    if settings.bigrams:
        names += [f"b:{a} {b}" for a, b in itertools.pairwise(tokens)]
    return Counter(names)


def weigh(counts: Counter[str], index: dict[str, int], idf: np.ndarray
          ) -> tuple[np.ndarray, np.ndarray]:
    """(column indices, L2-normalised tf-idf values) of the known features in ``counts``,
    computed as arrays (a Python loop over the features took about 1.4 times as long)."""
    known = index.get
    every = np.array([known(name, -1) for name in counts], dtype=np.intp)
    tfs = np.fromiter(counts.values(), dtype=np.float64, count=len(counts))
    kept = every >= 0
    cols = every[kept]
    vals = (1.0 + np.log(tfs[kept])) * idf[cols]
    norm = math.sqrt(float(vals @ vals))
    return cols, (vals / norm if norm > 0 else vals)


@dataclass
class EventModel:
    classes: list[str]
    vocab: list[str]
    idf: np.ndarray
    coef: np.ndarray
    intercept: np.ndarray
    meta: dict = field(default_factory=dict)
    settings: FeatureSettings = field(default_factory=FeatureSettings)
    _index: dict[str, int] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        if not self._index:
            self._index = {name: i for i, name in enumerate(self.vocab)}
        n, k = len(self.vocab), len(self.classes)
        if self.coef.shape != (n, k) or self.idf.shape != (n,) or self.intercept.shape != (k,):
            raise ModelError(f"inconsistent model arrays: {n} features, {k} classes")

    def logits(self, text: str) -> np.ndarray:
        """Raw class scores of ``text`` (before the softmax)."""
        return self.logits_of(self.features(text))

    def features(self, text: str) -> Counter[str]:
        return features(text, self.settings)

    def logits_of(self, counts: Counter[str]) -> np.ndarray:
        """Raw class scores of a text given its feature counts (``features(text)``)."""
        cols, vals = weigh(counts, self._index, self.idf)
        if not len(cols):
            return self.intercept.astype(np.float64)
        return vals @ self.coef[cols] + self.intercept

    def coverage(self, text: str) -> float:
        """The share of ``text``'s words the model has learned (1.0 for a text of no words):
        low for a language it was not trained on, whose scores then say little."""
        tokens = words(text)
        if not tokens:
            return 1.0
        return sum(f"w:{token}" in self._index for token in tokens) / len(tokens)

    def predict_proba(self, text: str) -> dict[str, float]:
        probs = softmax(self.logits(text))
        return {label: float(p) for label, p in zip(self.classes, probs, strict=True)}

    def predict(self, text: str) -> tuple[str, float]:
        probs = softmax(self.logits(text))
        best = int(np.argmax(probs))
        return self.classes[best], float(probs[best])

    def predict_many(self, texts: Iterable[str]) -> list[tuple[str, float]]:
        return [self.predict(text) for text in texts]

    def save(self, path: str | Path) -> None:
        meta = {**self.meta, "format": FORMAT, "features": self.settings.as_json()}
        np.savez_compressed(
            Path(path),
            meta=np.array(json.dumps(meta, sort_keys=True)),
            classes=np.array(self.classes),
            vocab=np.array("\n".join(self.vocab)),
            idf=self.idf.astype(np.float32),
            coef=self.coef.astype(np.float32),
            intercept=self.intercept.astype(np.float32),
        )


def softmax(logits: np.ndarray) -> np.ndarray:
    shifted = np.exp(logits - np.max(logits))
    return shifted / shifted.sum()


def default_model_path() -> Path:
    return Path(str(resources.files("raqib") / "resources" / "models" / "events-default.npz"))


def load(path: str | Path | None = None) -> EventModel:
    """Read a model file (default: the model shipped with the package)."""
    path = Path(path) if path else default_model_path()
    try:
        with np.load(path, allow_pickle=False) as archive:
            arrays = {name: archive[name] for name in archive.files}
    except FileNotFoundError:
        raise ModelError(f"no event model at {path}") from None
    except OSError as exc:
        raise ModelError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    except ValueError:  # not a NumPy archive, or one holding objects a model never holds
        raise ModelError(f"{path} is not an event model file (one `raqib train` wrote)"
                         ) from None
    missing = {"meta", "classes", "vocab", "idf", "coef", "intercept"} - arrays.keys()
    if missing:
        raise ModelError(f"{path} lacks {', '.join(sorted(missing))}")
    meta = json.loads(str(arrays["meta"]))
    if meta.get("format") != FORMAT:
        raise ModelError(f"{path}: format {meta.get('format')!r}, expected {FORMAT!r}")
    vocab_text = str(arrays["vocab"])
    settings = FeatureSettings(**meta.get("features", {}))
    return EventModel(
        classes=[str(c) for c in arrays["classes"]],
        vocab=vocab_text.split("\n") if vocab_text else [],
        idf=arrays["idf"].astype(np.float32),
        coef=arrays["coef"].astype(np.float32),
        intercept=arrays["intercept"].astype(np.float32),
        meta=meta,
        settings=settings,
    )

