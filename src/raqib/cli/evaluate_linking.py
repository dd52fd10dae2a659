"""`raqib evaluate-linking`: incident linking measured against hand-made labels."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from raqib.cli.app import cli, shared_data_option

DATASET_NAMES = ("fakes_syria", "syrianarchive_cw_2015")


def _rows(results: list[dict[str, Any]], halves: bool) -> list[dict[str, Any]]:
    """Each data set's result, then its halves' when asked for (named after it)."""
    rows = []
    for r in results:
        rows.append(r)
        for name, half in (r.get("halves", {}).items() if halves else ()):
            rows.append({**half, "dataset": f"  {name}", "seconds": r["seconds"]})
    return rows


def _table(results: list[dict[str, Any]]) -> str:
    head = (
        f"{'dataset':<22} {'records':>7} {'gold':>5} {'pred':>5} "
        f"{'pair P':>7} {'pair R':>7} {'pair F1':>7} {'B3 P':>6} {'B3 R':>6} {'B3 F1':>6} "
        f"{'secs':>6}"
    )
    lines = [head, "-" * len(head)]
    for r in results:
        pw, b3 = r["pairwise"], r["bcubed"]
        lines.append(
            f"{r['dataset']:<22} {r['records']:>7} {r['gold_groups']:>5} "
            f"{r['predicted_incidents']:>5} {pw['precision']:>7.3f} {pw['recall']:>7.3f} "
            f"{pw['f1']:>7.3f} {b3['precision']:>6.3f} {b3['recall']:>6.3f} {b3['f1']:>6.3f} "
            f"{r['seconds']:>6.1f}"
        )
    return "\n".join(lines)


@cli.command("evaluate-linking")
@click.option("--dataset", "datasets", multiple=True, type=click.Choice(DATASET_NAMES),
              help="Data set to measure; repeatable (default: both).")
@shared_data_option("the data sets are")
@click.option("--labels", "labels_dir", type=click.Path(path_type=Path),
              default=Path("eval/linking"), show_default=True,
              help="Folder of the gold labels, <dataset>.csv (run from the repository root).")
@click.option("--gazetteer", "gazetteer_files", multiple=True, type=click.Path(exists=True),
              help="Extra gazetteer for the extraction (GeoNames dump, OCHA or Syrian Archive "
              "CSV), as `raqib extract --gazetteer`; repeatable.")
@click.option("--country", help="The country the texts are mostly about, as `raqib extract "
              "--country` (a name or an ISO code).")
@click.option("--halves", "show_halves", is_flag=True,
              help="Also score each half of the gold groups alone (split by the sha256 of "
              "their labels: the half read when studying failures, and the unread half).")
@click.option("--json", "as_json", is_flag=True, help="Print the results as JSON (with the "
              "halves always).")
def evaluate_linking(
    datasets: tuple[str, ...], data_dir: Path, labels_dir: Path,
    gazetteer_files: tuple[str, ...], country: str | None, show_halves: bool, as_json: bool,
) -> None:
    """Link the reports of public data sets and score the incidents against gold labels.

    Each record is extracted (`raqib extract`), the reports are linked into incidents and
    the result is compared with the hand-made groups in eval/linking: pairwise and B-cubed
    precision, recall and F1. Exit 1 when a data or labels file is missing.
    """
    from raqib.extract.model import Options
    from raqib.extract.pipeline import Pipeline
    from raqib.incidents.evaluate import data_file, evaluate, labels_file

    names = datasets or DATASET_NAMES
    for name in names:  # fail on a missing file before minutes of extraction
        data_file(name, data_dir)
        labels_file(name, labels_dir)
    pipeline = Pipeline(Options(gazetteer_files=gazetteer_files, country=country))
    results = [evaluate(name, data_dir, labels_dir, pipeline=pipeline) for name in names]
    click.echo(json.dumps(results, indent=2) if as_json
               else _table(_rows(results, show_halves)))
