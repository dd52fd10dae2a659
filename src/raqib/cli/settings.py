"""`raqib settings`: the workspace's extraction settings, shown or changed on the record."""

from __future__ import annotations

import click

from raqib.cli.app import Context, cli, pass_ctx


@cli.command()
@click.option("--model", type=click.Path(dir_okay=False, exists=True),
              help="A model trained with `raqib train` for this workspace's processing.")
@click.option("--no-model", is_flag=True, help="Use the model shipped in the package again.")
@click.option("--gazetteer", "gazetteers", multiple=True, metavar="PATH",
              type=click.Path(exists=True),
              help="An extra gazetteer (GeoNames dump, OCHA or Syrian Archive CSV, or a "
                   "folder of OCHA tables); repeat for several; replaces the list.")
@click.option("--no-gazetteers", is_flag=True, help="No extra gazetteer.")
@click.option("--actors", "actor_files", multiple=True, metavar="FILE",
              type=click.Path(dir_okay=False, exists=True),
              help="An extra actor dictionary (TSV or imported PETRARCH); replaces the list.")
@click.option("--no-actors", is_flag=True, help="No extra actor dictionary.")
@click.option("--country", help="The country the texts are mostly about (a name or an ISO "
              "code): a prior vote for it when a text's places are settled.")
@click.option("--no-country", is_flag=True, help="No country given in advance.")
@click.option("--reason", help="Why (recorded in the custody log).")
@pass_ctx
def settings(ctx: Context, model: str | None, no_model: bool, gazetteers: tuple[str, ...],
             no_gazetteers: bool, actor_files: tuple[str, ...], no_actors: bool,
             country: str | None, no_country: bool, reason: str | None) -> None:
    """Show the workspace's extraction settings, or change them (logged to custody).

    What `raqib process`, `raqib ingest --process` and uploads extract with; documents
    already processed keep their reports until `raqib process --again`."""
    from raqib.services import settings as service

    ws = ctx.workspace()
    changes: dict[str, object] = {}
    if model or no_model:
        changes["extract_model"] = None if no_model else model
    if gazetteers or no_gazetteers:
        changes["extract_gazetteers"] = [] if no_gazetteers else list(gazetteers)
    if actor_files or no_actors:
        changes["extract_actors"] = [] if no_actors else list(actor_files)
    if country or no_country:
        changes["extract_country"] = None if no_country else country
    current = (service.change(ws, ctx.user, reason, **changes) if changes
               else service.extraction(ws))
    click.echo(f"extract_model: {current['extract_model'] or '(the shipped model)'}")
    for key in ("extract_gazetteers", "extract_actors"):
        click.echo(f"{key}: {', '.join(current[key]) or '(none)'}")
    click.echo(f"extract_country: {current['extract_country'] or '(none)'}")
    if changes:
        click.echo("documents already processed keep their reports until "
                   "`raqib process --again`")
