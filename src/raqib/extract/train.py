"""Training event models: the default one from the project's own examples, and a user's own
from an ACLED-coded export (``raqib train --acled FILE.csv``).

Training needs scikit-learn (the solver and the metrics); the model it writes needs only
NumPy (see ``raqib.extract.classifier`` for the format). The shipped default model is built
by ``scripts/build_default_model.py`` from ``resources/examples`` and the taxonomy's
definitions, never from ACLED data.
"""

from __future__ import annotations

import hashlib
import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from importlib import resources
from pathlib import Path

import numpy as np

from raqib.extract import place_mask
from raqib.extract import taxonomy as taxonomy_mod
from raqib.extract.acled_export import TrainingDataError, read_acled, split_rows
from raqib.extract.classifier import (
    DEFAULT_SETTINGS,
    EventModel,
    FeatureSettings,
    features,
    weigh,
)


@dataclass(frozen=True)
class Example:
    text: str
    label: str
    """An ACLED sub-event type or ``taxonomy.NO_EVENT``."""


@dataclass
class TrainReport:
    model_path: Path
    train_rows: int
    test_rows: int = 0
    scores: dict[str, float] = field(default_factory=dict)
    """Held-out scores (when split): event_type_accuracy, sub_event_type_accuracy,
    sub_event_type_weighted_f1, sub_event_type_macro_f1."""
    chosen: dict[str, object] = field(default_factory=dict)
    """What cross-validation chose: c, class_weight, cv_weighted_f1."""


# -- the project's own examples ------------------------------------------------------------


def examples_dir() -> Path:
    return Path(str(resources.files("raqib") / "resources" / "examples"))


def load_examples(folder: str | Path | None = None) -> list[Example]:
    """The examples in ``folder`` (default: the shipped ones): one ``<slug>.txt`` per class,
    one example a line; blank lines and lines starting with ``#`` are skipped."""
    tax = taxonomy_mod.load()
    out: list[Example] = []
    for path in sorted(Path(folder or examples_dir()).glob("*.txt")):
        label = tax.by_slug(path.stem)
        for line in path.read_text(encoding="utf-8").splitlines():
            line = line.strip()
            if line and not line.startswith("#"):
                out.append(Example(line, label))
    return out


def definition_examples(tax: taxonomy_mod.Taxonomy) -> list[Example]:
    """The codebook definitions (in the project's words) as one example per class."""
    out = [Example(sub.definition, sub.name) for sub in tax.sub_event_types.values()]
    if tax.no_event_definition:
        out.append(Example(tax.no_event_definition, taxonomy_mod.NO_EVENT))
    return out


def default_material() -> list[Example]:
    """What the default model is fit on: the project's examples and the taxonomy's
    definitions, their place names masked as the places stage finds them now."""
    return masked_examples(load_examples() + definition_examples(taxonomy_mod.load()))


def material_digest(data: Sequence[Example] | None = None) -> str:
    """SHA-256 over the default model's training material as the model sees it (each text
    after masking, with its label), so that a test can tell when the shipped model is older
    than its material: an example, a definition, or the gazetteer and place rules that mask
    their place names."""
    digest = hashlib.sha256()
    for example in default_material() if data is None else data:
        digest.update(example.label.encode() + b"\t" + example.text.encode() + b"\n")
    return digest.hexdigest()


def build_default_model(out_path: str | Path, c: float = 20.0) -> EventModel:
    """Train the shipped default model from the examples and definitions; write it."""
    data = default_material()
    model = fit(data, min_df=1, c=c)
    counts = Counter(ex.label for ex in data)
    model.meta.update(
        trained_on=f"raqib examples and taxonomy definitions: {len(data)} texts, "
        f"{len(counts)} classes (no ACLED data)",
        class_counts=dict(sorted(counts.items())),
        material_sha256=material_digest(data),
        **{place_mask.META_KEY: True},
    )
    model.save(out_path)
    return model


def masked_examples(data: Sequence[Example]) -> list[Example]:
    """The examples with their place names masked (``raqib.extract.place_mask``)."""
    texts = place_mask.mask_texts([ex.text for ex in data])
    return [Example(text, ex.label) for text, ex in zip(texts, data, strict=True)]


# -- fitting ---------------------------------------------------------------------------------


C_GRID = (30.0, 100.0, 300.0, 1000.0)
"""Regularisation strengths `raqib train` chooses among by cross-validation."""
CLASS_WEIGHTS: tuple[str | None, ...] = (None, "balanced")
"""Class weightings `raqib train` chooses among by the same cross-validation: none, or each
class weighted inversely to its frequency (rare sub-event types count as much as common
ones while fitting)."""


def fit(
    data: Sequence[Example],
    *,
    min_df: int = 1,
    max_features: int = 80_000,
    c: float | Sequence[float] = 8.0,
    class_weight: str | None = None,
    weights: Sequence[str | None] = (),
    settings: FeatureSettings = DEFAULT_SETTINGS,
) -> EventModel:
    """Fit a multinomial logistic regression on ``data``; return it as an ``EventModel``.

    With a sequence of values for ``c``, the one with the best weighted F1 in 3-fold
    stratified cross-validation on ``data`` itself is chosen (recorded in ``meta``); with
    ``weights`` too, the class weighting is chosen among them by the same folds (else
    ``class_weight`` is used)."""
    if len({ex.label for ex in data}) < 2:
        raise TrainingDataError("training needs at least two classes")
    matrix, vocab, idf = feature_matrix(data, settings, min_df, max_features)
    labels = [ex.label for ex in data]
    grid = not isinstance(c, float | int)
    solver, class_weight, cv_f1 = _fitted(matrix, labels, c, class_weight,
                                          weights if grid else ())
    chosen = float(np.ravel(solver.C_)[0]) if hasattr(solver, "C_") else float(c)  # type: ignore[arg-type]
    classes = [str(x) for x in solver.classes_]
    coef = solver.coef_.T
    intercept = solver.intercept_
    if len(classes) == 2:  # binary: scikit-learn keeps one row; expand to two symmetric ones
        coef = np.hstack([-coef / 2, coef / 2])
        intercept = np.array([-intercept[0] / 2, intercept[0] / 2])
    return EventModel(
        classes=classes,
        vocab=vocab,
        idf=idf,
        coef=coef.astype(np.float32),
        intercept=intercept.astype(np.float32),
        meta={"created": date.today().isoformat(), "c": chosen, "min_df": min_df,
              "class_weight": class_weight,
              **({"c_grid": list(c), "cv_weighted_f1": cv_f1} if grid else {}),
              **({"class_weight_grid": list(weights)} if grid and weights else {})},
        settings=settings,
    )


def feature_matrix(data: Sequence[Example], settings: FeatureSettings = DEFAULT_SETTINGS,
                   min_df: int = 1, max_features: int = 80_000):  # type: ignore[no-untyped-def]
    """The texts' weighted features as a sparse matrix (one row a text), with the vocabulary
    and its idf (what the model stores)."""
    from scipy.sparse import csr_matrix

    counted = [features(ex.text, settings) for ex in data]
    vocab, idf = _vocabulary(counted, min_df, max_features)
    index = {name: i for i, name in enumerate(vocab)}
    rows, cols, vals = [], [], []
    for r, counts in enumerate(counted):
        cs, vs = weigh(counts, index, idf)
        rows.extend([r] * len(cs))
        cols.extend(cs)
        vals.extend(vs)
    matrix = csr_matrix((vals, (rows, cols)), shape=(len(data), len(vocab)), dtype=np.float64)
    return matrix, vocab, idf


def _fitted(matrix, labels: list[str], c: float | Sequence[float], class_weight: str | None,
            weights: Sequence[str | None]):  # type: ignore[no-untyped-def]
    """The fitted solver, its class weighting and (with a grid of ``c``) its best mean
    cross-validated weighted F1; with ``weights``, the weighting that scores best (the
    first on a tie)."""
    best = None
    for weighting in weights or (class_weight,):
        solver = _solver(c, weighting)
        solver.fit(matrix, labels)
        score = _cv_score(solver) if hasattr(solver, "scores_") else None
        if best is None or (score is not None and score > best[2]):
            best = (solver, weighting, score)
    assert best is not None
    return best


def _cv_score(solver) -> float:  # type: ignore[no-untyped-def]
    """The best strength's mean weighted F1 over the folds (``scores_``: folds x ... x Cs)."""
    scores = np.asarray(solver.scores_, dtype=float)
    return float(scores.reshape(scores.shape[0], -1).mean(axis=0).max())


def _solver(c: float | Sequence[float], class_weight: str | None):  # type: ignore[no-untyped-def]
    from sklearn.linear_model import LogisticRegression, LogisticRegressionCV
    from sklearn.model_selection import StratifiedKFold

    if isinstance(c, float | int):
        return LogisticRegression(C=c, max_iter=2000, class_weight=class_weight)
    folds = StratifiedKFold(n_splits=3, shuffle=True, random_state=0)
    return LogisticRegressionCV(Cs=list(c), cv=folds, scoring="f1_weighted", max_iter=2000,
                                class_weight=class_weight, l1_ratios=(0.0,),
                                use_legacy_attributes=False)


def _vocabulary(
    counted: list[Counter[str]], min_df: int, max_features: int
) -> tuple[list[str], np.ndarray]:
    df: Counter[str] = Counter()
    for counts in counted:
        df.update(counts.keys())
    kept = [(n, name) for name, n in df.items() if n >= min_df]
    kept.sort(key=lambda item: (-item[0], item[1]))
    kept = kept[:max_features]
    docs = len(counted)
    vocab = [name for _, name in kept]
    idf = np.array([math.log((1 + docs) / (1 + n)) + 1.0 for n, _ in kept], dtype=np.float32)
    return vocab, idf


# -- scoring ---------------------------------------------------------------------------------


def score(model: EventModel, texts: Sequence[str], gold: Sequence[str]) -> dict[str, float]:
    """event_type accuracy and sub_event_type accuracy, weighted F1 and macro F1."""
    from sklearn.metrics import accuracy_score, f1_score

    tax = taxonomy_mod.load()
    predicted = [label for label, _ in model.predict_many(texts)]

    def event_type(label: str) -> str:
        return label if label == taxonomy_mod.NO_EVENT else tax.event_type(label)

    labels = sorted(set(gold))
    return {
        "event_type_accuracy": accuracy_score([event_type(g) for g in gold],
                                              [event_type(p) for p in predicted]),
        "sub_event_type_accuracy": accuracy_score(gold, predicted),
        "sub_event_type_weighted_f1": f1_score(
            gold, predicted, labels=labels, average="weighted", zero_division=0
        ),
        "sub_event_type_macro_f1": f1_score(
            gold, predicted, labels=labels, average="macro", zero_division=0
        ),
        "rows": float(len(gold)),
    }


# -- ACLED exports ---------------------------------------------------------------------------


def train_from_acled(
    csv_path: str | Path,
    out_path: str | Path,
    *,
    split: str | None = None,
    test_fraction: float = 0.2,
    extra: Sequence[Example] | None = None,
    seed: int = 0,
    c: float | Sequence[float] = C_GRID,
    weights: Sequence[str | None] = CLASS_WEIGHTS,
    min_df: int = 2,
) -> TrainReport:
    """Train a model on an ACLED export's notes and coding; write it to ``out_path``.

    ``split`` ('date' or 'country') holds out ``test_fraction`` of the rows (the latest
    dates, or whole countries) and scores the model on them; the model written is the one
    trained on the rest. ``extra`` examples are added to the export's rows (default: the
    project's own examples and definitions); they keep the ``none`` class (ACLED exports
    hold only events) so that sentences reporting no event still get no cue. Pass ``()``
    to train on the export alone. ``c`` is the regularisation strength, or (the default) a
    grid to choose from by cross-validation on the training rows alone — never on the held-out
    ones; the class weighting is chosen among ``weights`` by the same cross-validation.

    Only the modern export (with ``sub_event_type``) can be used: the pre-2019 format with
    just ``EVENT_TYPE`` raises ``TrainingDataError`` saying so.
    """
    rows = read_acled(csv_path)
    if split is None:
        train_rows, test_rows = rows, []
    else:
        train_rows, test_rows = split_rows(rows, split, test_fraction, seed)
    if extra is None:
        extra = load_examples() + definition_examples(taxonomy_mod.load())
    data = [Example(r.notes, r.sub_event_type) for r in train_rows] + list(extra)
    model = fit(data, min_df=min_df, c=c, weights=weights)
    observed = {r.sub_event_type: r.disorder_type for r in train_rows if r.disorder_type}
    model.meta.update(
        trained_on=f"ACLED export {Path(csv_path).name}: {len(train_rows)} rows"
        + (f" + {len(extra)} other examples" if extra else ""),
        disorder_types=observed,
        split=split or "",
    )
    report = TrainReport(Path(out_path), len(train_rows), len(test_rows),
                         chosen={k: model.meta.get(k)
                                 for k in ("c", "class_weight", "cv_weighted_f1")})
    if test_rows:
        report.scores = score(model, [r.notes for r in test_rows],
                              [r.sub_event_type for r in test_rows])
        model.meta["scores"] = report.scores
    model.save(out_path)
    return report


