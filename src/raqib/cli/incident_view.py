"""The terminal view of one incident (`raqib incidents show`)."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.markup import escape


def render(data: dict[str, Any], console: Console | None = None) -> None:
    console = console or Console()
    summary = data.get("summary") or {}
    grade = summary.get("grade") or {}
    contest = summary.get("contest") or {}
    killed = (f"{data['fatalities_min']}" if data["fatalities_min"] == data["fatalities_max"]
              else f"{data['fatalities_min']}–{data['fatalities_max']}")
    console.print(f"[bold]Incident {data['id']}[/bold]: {escape(str(data['sub_event_type']))}, "
                  f"{escape(str(data['location']))}, {data['event_date'] or 'date unknown'}")
    console.print(f"killed: {killed}   grade: [bold]{data['grade']}[/bold] "
                  f"{escape(str(grade.get('admiralty') or ''))}"
                  f"{'   [red]CONTESTED[/red]' if data['contested'] else ''}")
    for reason in grade.get("reasons", []):
        console.print(f"  - {escape(reason)}")
    fields = summary.get("fields") or {}
    for name in ("actor1", "actor2", "weapon", "admin1", "country"):
        if fields.get(name):
            console.print(f"{name}: {escape(str(fields[name]))}")
    console.print(f"\n[bold]{len(data['reports'])} reports[/bold]")
    for r in data["reports"]:
        console.print(f"  #{r['id']} {escape(r['source'])} ({r['source_kind']}, {r['side']}, "
                      f"{r['reliability']}): {r['sub_event_type']}, {r['event_date']}, "
                      f"{escape(str(r['location']))}, killed {r['fatalities']}")
        if r["evidence"]:
            console.print(f"     “{escape(r['evidence'][:300])}”")
    by_side = contest.get("by_side") or {}
    if by_side:
        console.print("\n[bold]Claims by side[/bold]")
        for side, claims in by_side.items():
            console.print(f"  [bold]{escape(side)}[/bold]")
            for claim in claims:
                console.print(f"    {escape(str(claim.get('claimant')))} {claim.get('stance')}: "
                              f"“{escape(str(claim.get('statement'))[:240])}”")
    for reason in contest.get("reasons", []):
        console.print(f"  contested: {escape(reason)}")
    if data.get("reviews"):
        console.print("\n[bold]Reviews[/bold]")
        for review in data["reviews"]:
            console.print(f"  {review['at']} {escape(review['reviewer'])} {review['action']} "
                          f"{escape(str(review['after']))} {escape(review['reason'] or '')}")
