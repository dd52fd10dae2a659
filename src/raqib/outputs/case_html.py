"""The case file as people read it: ``index.html`` (plain HTML and CSS, no script, no
external link) and ``case.pdf`` (the same content through ``raqib.outputs.render``, with a
map and a timeline chart). Both are built from the same tables.
"""

from __future__ import annotations

import html
from collections import Counter
from dataclasses import dataclass
from typing import Any

from raqib.outputs import case_format as fmt
from raqib.outputs import render
from raqib.outputs.case_content import CaseContent, Evidence

Table = tuple[list[str], list[list[str]]]


@dataclass
class BundleInfo:
    created: str
    version: str
    tree_size: int
    root: str
    public_key: str
    withheld: int


CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI","Noto Sans","Noto Sans Arabic",sans-serif;
max-width:72rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b;line-height:1.45}
h1{border-bottom:3px solid #7a1f1f;padding-bottom:.3rem}h2{margin-top:2.2rem;color:#7a1f1f}
table{border-collapse:collapse;width:100%;margin:.6rem 0;font-size:.92rem}
th,td{border:1px solid #ccc;padding:.25rem .45rem;text-align:start;vertical-align:top}
th{background:#f1ecec}code,.hash{font-family:ui-monospace,monospace;font-size:.82rem;
word-break:break-all}.bar{display:inline-block;height:.8rem;background:#7a1f1f}
.grade{font-weight:bold}.contested{color:#a0522d;font-weight:bold}.muted{color:#666}
section.incident{border-top:1px solid #ddd;margin-top:1.5rem}dl{display:grid;
grid-template-columns:max-content auto;gap:.15rem 1rem}dt{font-weight:bold}dd{margin:0}
"""


def _e(value: Any) -> str:
    return html.escape("" if value is None else str(value))


def _fields(data: dict[str, Any]) -> dict[str, Any]:
    return (data.get("summary") or {}).get("fields") or {}


def killed(data: dict[str, Any]) -> str:
    low, high = data.get("fatalities_min") or 0, data.get("fatalities_max") or 0
    return str(low) if low == high else f"{low}–{high}"


def incident_table(content: CaseContent) -> Table:
    header = ["id", "date", "type", "location", "killed", "grade", "contested", "reports"]
    rows = [[str(d["id"]), d.get("event_date") or "?", d.get("sub_event_type") or "",
             d.get("location") or "", killed(d), d.get("grade") or "",
             "yes" if d.get("contested") else "", str(len(d.get("reports") or []))]
            for d in content.incidents]
    return header, rows


def evidence_table(content: CaseContent) -> Table:
    header = ["document", "file in bundle", "sha256", "bytes", "type", "title / source",
              "incidents"]
    rows = []
    for ev in content.evidence:
        where = ev.path or "withheld (sensitive)"
        sha = "(sealed)" if ev.sensitive else ev.sha256
        size = "" if ev.sensitive else str(ev.size)
        kind = "" if ev.sensitive else ev.media_type
        rows.append([f"#{ev.doc_id}", where, sha, size, kind, f"{ev.label} — {ev.source}",
                     ", ".join(map(str, ev.incidents))])
    return header, rows


def trail_table(content: CaseContent) -> Table:
    header = ["about", "leaf", "time", "user", "action", "details"]
    rows = []
    for label, excerpt in content.trails.items():
        for entry in excerpt.entries:
            details = " ".join(f"{k}={v}" for k, v in sorted(entry["details"].items()))
            rows.append([label, str(entry["index"]), entry["time"], entry["user"],
                         entry["action"], details])
    return header, rows


def timeline(content: CaseContent) -> tuple[list[str], dict[str, list[float]]]:
    """Days (sorted) and, per grade, how many of the case's incidents fell on each."""
    days = sorted({d.get("event_date") or "undated" for d in content.incidents})
    grades = sorted({d.get("grade") or "ungraded" for d in content.incidents})
    counts = Counter((d.get("event_date") or "undated", d.get("grade") or "ungraded")
                     for d in content.incidents)
    return days, {g: [float(counts[(day, g)]) for day in days] for g in grades}


def claim_lines(data: dict[str, Any]) -> list[tuple[str, list[dict[str, Any]]]]:
    by_side = ((data.get("summary") or {}).get("contest") or {}).get("by_side") or {}
    return [(side, claims) for side, claims in sorted(by_side.items()) if claims]


def evidence_by_doc(content: CaseContent) -> dict[int, Evidence]:
    return {ev.doc_id: ev for ev in content.evidence}


# -- HTML ------------------------------------------------------------------------------------


def _table(table: Table, links: dict[int, str] | None = None) -> str:
    header, rows = table
    head = "".join(f"<th>{_e(h)}</th>" for h in header)
    body = []
    for row in rows:
        cells = []
        for i, cell in enumerate(row):
            if links and i in links and cell and not cell.startswith(("withheld", "(")):
                cells.append(f'<td><a href="{_e(cell)}">{_e(cell)}</a></td>')
            elif len(cell) == 64 and all(c in "0123456789abcdef" for c in cell):
                cells.append(f'<td class="hash">{_e(cell)}</td>')
            else:
                cells.append(f"<td>{_e(cell)}</td>")
        body.append(f"<tr>{''.join(cells)}</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def _timeline_html(content: CaseContent) -> str:
    days, series = timeline(content)
    totals = [sum(values[i] for values in series.values()) for i in range(len(days))]
    top = max(totals, default=1) or 1
    ids: dict[str, list[str]] = {}
    for d in content.incidents:
        ids.setdefault(d.get("event_date") or "undated", []).append(str(d["id"]))
    rows = "".join(
        f"<tr><td>{_e(day)}</td><td><span class=\"bar\" style=\"width:{int(12 * n / top)}rem\">"
        f"</span> {int(n)}</td><td>{', '.join(_e(i) for i in ids[day])}</td></tr>"
        for day, n in zip(days, totals, strict=True))
    return f"<table><tr><th>day</th><th>incidents</th><th>ids</th></tr>{rows}</table>"


def _incident_html(data: dict[str, Any], docs: dict[int, Evidence]) -> str:
    fields, grade = _fields(data), (data.get("summary") or {}).get("grade") or {}
    contest = (data.get("summary") or {}).get("contest") or {}
    facts = [("date", data.get("event_date")), ("type", f"{data.get('event_type') or ''} / "
              f"{data.get('sub_event_type') or ''}"), ("location", data.get("location")),
             ("actors", " — ".join(x for x in (fields.get("actor1"), fields.get("actor2")) if x)),
             ("killed", killed(data)), ("weapon", fields.get("weapon"))]
    parts = [f'<section class="incident" id="incident-{data["id"]}">',
             f"<h3>Incident {data['id']}</h3><dl>",
             "".join(f"<dt>{_e(k)}</dt><dd>{_e(v)}</dd>" for k, v in facts if v),
             f'<dt>grade</dt><dd class="grade">{_e(grade.get("label") or data.get("grade"))}'
             f' ({_e(grade.get("admiralty"))})</dd></dl>',
             "<h4>Why this grade</h4><ul>",
             "".join(f"<li>{_e(r)}</li>" for r in grade.get("reasons") or []), "</ul>"]
    if contest.get("contested"):
        parts.append('<p class="contested">Contested.</p><ul>'
                     + "".join(f"<li>{_e(r)}</li>" for r in contest.get("reasons") or [])
                     + "</ul>")
    for side, claims in claim_lines(data):
        parts.append(f"<h4>Claims by the {_e(side)} side</h4>")
        parts.append(_table((["claimant", "stance", "statement", "source"],
                             [[c.get("claimant") or "", c.get("stance") or "",
                               c.get("statement") or "", c.get("source") or ""]
                              for c in claims])))
    parts.append("<h4>Reports</h4>")
    parts.append(_table(report_table(data, docs), links={4: ""}))
    parts.append("</section>")
    return "".join(parts)


def report_table(data: dict[str, Any], docs: dict[int, Evidence]) -> Table:
    rows = []
    for r in data.get("reports") or []:
        ev = docs.get(int(r["document_id"]))
        where = ev.path if ev is not None and ev.path else "withheld (sensitive)"
        rows.append([str(r["id"]), r.get("source") or "", r.get("side") or "",
                     r.get("reliability") or "", where])
    return ["report", "source", "side", "reliability", "evidence file"], rows


def render_html(content: CaseContent, info: BundleInfo) -> str:
    case = content.case
    docs = evidence_by_doc(content)
    meta = [("case", case.name), ("created", f"{case.created_at} by {case.created_by}"),
            ("exported", info.created), ("tool", f"raqib {info.version}"),
            ("checkpoint", f"size {info.tree_size}, root {info.root} ({fmt.CHECKPOINT})"),
            ("signing key", f"{info.public_key} ({fmt.PUBLIC_KEY})"),
            ("incidents", str(len(content.incidents))),
            ("evidence files", str(sum(1 for e in content.evidence if e.included))),
            ("withheld", f"{info.withheld} sensitive document(s) not in this bundle")]
    merged = "".join(f"<li>incident {a} was merged into {b}</li>"
                     for a, b in sorted(content.merged.items()))
    body = [
        f"<h1>Case file: {_e(case.name)}</h1><dl>",
        "".join(f"<dt>{_e(k)}</dt><dd>{_e(v)}</dd>" for k, v in meta), "</dl>",
        f"<ul>{merged}</ul>" if merged else "",
        f"<p>How to check this bundle yourself: see <a href=\"{fmt.CHECK}\">{fmt.CHECK}</a>."
        "</p><h2>Incidents</h2>", _table(incident_table(content)),
        "<h2>Timeline</h2>", _timeline_html(content), "<h2>Incidents in detail</h2>",
        "".join(_incident_html(d, docs) for d in content.incidents),
        "<h2>Evidence</h2>", _table(evidence_table(content), links={1: ""}),
        "<h2>Custody trail (excerpts)</h2>",
        "".join(f"<p class=\"muted\">{_e(label)}: {len(x.entries)} of {x.total} leaves shown"
                "</p>" for label, x in content.trails.items()),
        _table(trail_table(content)),
    ]
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            f"<title>Case {_e(case.name)}</title><style>{CSS}</style></head><body>"
            + "".join(body) + "</body></html>\n")


# -- PDF -------------------------------------------------------------------------------------


def _pdf_sections(content: CaseContent, info: BundleInfo) -> list[Any]:
    docs = evidence_by_doc(content)
    days, series = timeline(content)
    points = [(float(d["latitude"]), float(d["longitude"]),
               float(max(1, len(d.get("reports") or []))), f"#{d['id']}")
              for d in content.incidents
              if d.get("latitude") is not None and d.get("longitude") is not None]
    sections = [
        render.Section("Case", [f"Case {content.case.name}, created {content.case.created_at} "
                                f"by {content.case.created_by}; exported {info.created} by "
                                f"raqib {info.version}.",
                                f"Checkpoint size {info.tree_size}, root {info.root}.",
                                f"Signing key: {info.public_key}",
                                f"{info.withheld} sensitive document(s) withheld."]),
        render.Section("Incidents", table=incident_table(content)),
        render.Section("Timeline", images=[render.bar_chart(
            "Incidents by day and grade", days, series)]),
        render.Section("Map", images=[render.map_image(
            points, title=f"Case {content.case.name}")] if points else []),
    ]
    for data in content.incidents:
        grade = (data.get("summary") or {}).get("grade") or {}
        lines = [f"{data.get('event_date') or '?'} — {data.get('sub_event_type') or ''} — "
                 f"{data.get('location') or ''}; killed {killed(data)}; grade "
                 f"{grade.get('label') or data.get('grade')} ({grade.get('admiralty')})"]
        lines += [f"Reason: {r}" for r in grade.get("reasons") or []]
        for side, claims in claim_lines(data):
            lines += [f"{side}: {c.get('claimant')} {c.get('stance')}: {c.get('statement')}"
                      for c in claims]
        sections.append(render.Section(f"Incident {data['id']}", lines,
                                       table=report_table(data, docs)))
    sections.append(render.Section("Evidence", table=evidence_table(content)))
    sections.append(render.Section("Custody trail (excerpts)", table=trail_table(content)))
    return sections


def render_pdf(content: CaseContent, info: BundleInfo) -> bytes | None:
    """The PDF, or None while ``raqib.outputs.render`` has no ``pdf`` yet."""
    if not all(hasattr(render, name) for name in ("pdf", "bar_chart", "map_image")):
        return None
    return render.pdf(
        f"Case file: {content.case.name}", _pdf_sections(content, info),
        subtitle=f"exported {info.created}")
