"""Compare `raqib train` variants by 3-fold cross-validation on the training rows of the
date split only (docs/evaluation.md, "A model trained on the user's own coding").

Usage: python scripts/train_variants_cv.py ACLED.csv [VARIANT ...]
Prints, per variant, the matrix shape and the mean weighted F1 over the folds for each
strength in GRID. The held-out rows (the latest 20 % of dates) are never read.
"""

from __future__ import annotations

import sys
import time

import numpy as np

from raqib.extract import taxonomy
from raqib.extract import train as T
from raqib.extract.acled_export import read_acled, split_rows
from raqib.extract.classifier import FeatureSettings

GRID = [1.0, 3.0, 10.0, 30.0, 100.0]
VARIANTS: dict[str, tuple[FeatureSettings, int, int, str | None]] = {
    # features, min_df, max_features, class weighting
    "current": (FeatureSettings(), 2, 80_000, None),
    "balanced": (FeatureSettings(), 2, 80_000, "balanced"),
    "more_features": (FeatureSettings(), 2, 200_000, None),
    "char2-6": (FeatureSettings(char_min=2, char_max=6), 2, 200_000, None),
    "no_bigrams": (FeatureSettings(bigrams=False), 2, 80_000, None),
}


def main(csv_path: str, names: list[str]) -> None:
    from sklearn.linear_model import LogisticRegressionCV
    from sklearn.model_selection import StratifiedKFold

    train_rows, _ = split_rows(read_acled(csv_path), "date", 0.2, 0)  # test rows unused
    extra = T.load_examples() + T.definition_examples(taxonomy.load())
    data = [T.Example(r.notes, r.sub_event_type) for r in train_rows] + list(extra)
    labels = [e.label for e in data]
    for name in names or list(VARIANTS):
        settings, min_df, max_features, weighting = VARIANTS[name]
        started = time.time()
        matrix = T.feature_matrix(data, settings, min_df, max_features)[0]
        folds = StratifiedKFold(n_splits=3, shuffle=True, random_state=0)
        solver = LogisticRegressionCV(Cs=GRID, cv=folds, scoring="f1_weighted", max_iter=2000,
                                      class_weight=weighting, l1_ratios=(0.0,),
                                      use_legacy_attributes=False)
        solver.fit(matrix, labels)
        per_c = np.asarray(solver.scores_).reshape(-1, len(GRID)).mean(axis=0)
        print(name, matrix.shape, "cv weighted F1 per strength", np.round(per_c, 4),
              f"{time.time() - started:.0f} s", flush=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2:])
