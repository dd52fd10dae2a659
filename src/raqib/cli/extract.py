"""`raqib extract`, `raqib train`: the extraction pipeline from the command line."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from raqib.cli.app import cli, shared_data_option
from raqib.errors import RaqibError


@cli.command()
@click.argument("files", nargs=-1)
@click.option("--model", type=click.Path(dir_okay=False, exists=True),
              help="An event model made by `raqib train` (default: the one shipped).")
@click.option("--actors", "actor_files", multiple=True, type=click.Path(exists=True),
              help="Extra actor dictionary (TSV); may be repeated.")
@click.option("--gazetteer", "gazetteer_files", multiple=True, type=click.Path(exists=True),
              help="Extra gazetteer (GeoNames dump, OCHA or Syrian Archive CSV); repeatable.")
@click.option("--country", help="The country the texts are mostly about (a name such as "
              "'Syria' or an ISO code): a prior vote for it when a text's places are settled.")
def extract(
    files: tuple[str, ...], model: str | None, actor_files: tuple[str, ...],
    gazetteer_files: tuple[str, ...], country: str | None,
) -> None:
    """Code events and claims in documents, offline: JSON Lines in, JSON Lines out.

    Each input line is {"id", "text", "date" (YYYY-MM-DD, optional), "lang" (optional)};
    a .txt FILE is one document. Reads standard input when no FILE is given. Writes one
    object per input, in order: {"id", "events", "claims", "errors", "stages"}. Exit 0 when
    every input could be read, 2 when any could not (its object carries the error).
    """
    from raqib.extract.model import Options
    from raqib.extract.output import document_json, error_json
    from raqib.extract.pipeline import Pipeline
    from raqib.extract.reader import read_jsonl, read_paths

    pipeline = Pipeline(Options(model=model, actor_files=actor_files,
                                gazetteer_files=gazetteer_files, country=country))
    items = read_paths(list(files)) if files else read_jsonl(sys.stdin, "<stdin>")
    failed = False
    out = sys.stdout
    for item in items:
        if item.error is not None:
            failed = True
            record = error_json(item.id, item.error)
        else:
            doc = pipeline.run(item.id or "", item.text, item.reference_date, item.language)
            if item.warning:
                doc.errors.insert(0, item.warning)
            record = document_json(doc)
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        out.flush()
    if failed:
        raise SystemExit(2)


@cli.command()
@click.option("--acled", "acled_csv", required=True, type=click.Path(exists=True, dir_okay=False),
              help="An ACLED export (CSV) whose notes and coding train the model.")
@click.option("--out", "out_path", default="raqib-model.npz", show_default=True,
              type=click.Path(dir_okay=False), help="Where to write the model.")
@click.option("--split", type=click.Choice(["date", "country"]),
              help="Hold out the latest dates or whole countries and report scores on them.")
def train(acled_csv: str, out_path: str, split: str | None) -> None:
    """Train an event model on your own ACLED-coded data; use it with --model."""
    from raqib.extract.acled_export import TrainingDataError
    from raqib.extract.train import train_from_acled

    try:
        report = train_from_acled(acled_csv, out_path, split=split)
    except TrainingDataError as exc:  # the data's fault: named by its file
        raise RaqibError(f"{acled_csv}: {exc}") from exc
    click.echo(f"trained on {report.train_rows} rows; model written to {report.model_path}")
    chosen = report.chosen
    if chosen.get("cv_weighted_f1") is not None:
        click.echo(f"chosen by 3-fold cross-validation on those rows: strength {chosen['c']}, "
                   f"class weighting {chosen['class_weight'] or 'none'} (weighted F1 "
                   f"{chosen['cv_weighted_f1']:.3f})")
    for name, value in sorted((report.scores or {}).items()):
        if name == "rows":
            continue
        click.echo(f"held out ({report.test_rows} rows, split by {split}): {name} {value:.3f}")


@cli.command()
@click.option("--gold", "gold_path", required=True, type=click.Path(exists=True),
              help="ACLED export, AWSD CSV, TSV of text and sub_event_type, or a folder of "
                   "Dstl re3d annotations (place mentions against its Location spans).")
@click.option("--model", type=click.Path(dir_okay=False, exists=True),
              help="An event model made by `raqib train` (default: the one shipped).")
@click.option("--limit", type=click.IntRange(min=1), help="Only the first N documents.")
@click.option("--halves", is_flag=True, help="Also score each half of the rows alone (split by "
              "the sha256 of the row's number: the half read when studying errors, and the "
              "unread half); coded data only.")
@shared_data_option("labelled headlines (eval/headlines) are")
def evaluate(gold_path: str, model: str | None, limit: int | None, halves: bool,
             data_dir: Path) -> None:
    """Score extraction against coded data: accuracy, F1, distance, dates, fatalities; or
    place mentions against annotated entity spans (a re3d folder)."""
    from raqib.extract.evaluate import evaluate as run_evaluation
    from raqib.extract.evaluate_places import evaluate_places
    from raqib.extract.model import Options
    from raqib.extract.pipeline import Pipeline

    pipeline = Pipeline(Options(model=model))
    if Path(gold_path).is_dir():
        if halves:
            raise click.UsageError("--halves applies to coded data (a CSV or TSV file), not "
                                   "to a folder of annotations")
        lines = evaluate_places(Path(gold_path), pipeline, limit).lines()
    else:
        lines = run_evaluation(Path(gold_path), pipeline, limit, halves=halves,
                               data=data_dir).lines()
    for line in lines:
        click.echo(line)
