"""The fpdf2 document behind ``raqib.outputs.render.pdf``: A4, DejaVu Sans with HarfBuzz
shaping (Arabic joined and right-to-left), headings, paragraphs, wrapped tables, images and
page numbers. Kept apart so ``render`` stays small; callers use ``render.pdf``."""

from __future__ import annotations

import io
import re
import unicodedata
from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from fpdf import FPDF
from fpdf.enums import Align, XPos, YPos
from fpdf.fonts import FontFace

if TYPE_CHECKING:
    from raqib.outputs.render import Section

FONT = "DejaVu"
MARGIN = 15.0
LINE = 5.0
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
MAX_COLUMN_WEIGHT = 40
"""A column's share of the table width grows with its longest cell, up to this many chars."""


_RTL = "\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefe"
_INSIDE = "\\s\\d\u0660-\u0669.,:;\u060c\u061b()\\-\u2013"
_RTL_RUN = re.compile(f"[\u201c\u00ab\"]?[{_RTL}][{_RTL}{_INSIDE}]*[{_RTL}][\u201d\u00bb\"]?")


_COMPLEX = re.compile("[\u0590-\u08ff\u0900-\u0dff\u0e00-\u0fff\u1000-\u109f"
                      "\u1780-\u17ff\ufb1d-\ufdff\ufe70-\ufeff]")
"""Scripts whose letters HarfBuzz must shape (Arabic joined, right-to-left, Indic, Thai...):
text without them is laid out from the font's widths alone. Shaping every cell of a month's
listing (2,145 incidents, 35,000 cells) took 96 s of a 100 s PDF."""


def needs_shaping(*texts: str) -> bool:
    return any(_COMPLEX.search(text) for text in texts)


def _digit_runs(text: str) -> list[re.Match[str]]:
    """Right-to-left runs holding digits, in text that starts left-to-right: fpdf2 lays out
    the parts of such a run (words, then a number) left to right, which misorders them."""
    if _rtl(text):
        return []
    return [run for run in _RTL_RUN.finditer(text) if any(ch.isdigit() for ch in run.group())]


def lines_for_pdf(text: str) -> list[str]:
    """A paragraph as lines: each right-to-left run that holds digits on a line of its own."""
    parts: list[str] = []
    last = 0
    for run in _digit_runs(text):
        parts += [text[last:run.start()].strip(), run.group()]
        last = run.end()
    return [p for p in [*parts, text[last:].strip()] if p] if parts else [text]


def cell_for_pdf(text: str) -> str:
    """A table cell: one with such a run is laid out right to left as a whole (a leading
    RIGHT-TO-LEFT MARK), where fpdf2 orders the runs correctly."""
    return "\u200f" + text if _digit_runs(text) else text


def _rtl(text: str) -> bool:
    """Whether the first strong character of ``text`` is right-to-left (Arabic, Hebrew)."""
    for ch in text:
        kind = unicodedata.bidirectional(ch)
        if kind in ("R", "AL"):
            return True
        if kind == "L":
            return False
    return False


class Document(FPDF):
    """An A4 portrait document with the report's title in the header of every page after the
    first and "page N of M" in the footer."""

    def __init__(self, title: str, created: datetime) -> None:
        super().__init__(orientation="P", unit="mm", format="A4")
        from raqib.outputs.render import font_path

        self.report_title = title
        self.add_font(FONT, "", str(font_path()))
        self.add_font(FONT, "B", str(font_path(bold=True)))
        self.set_text_shaping(True)  # per block: ``shaping``
        self.set_margins(MARGIN, MARGIN, MARGIN)
        self.set_auto_page_break(True, margin=MARGIN + 5)
        self.set_creation_date(created)
        self.set_title(title)
        self.set_creator("Raqib")
        self.set_producer("Raqib (fpdf2)")
        self.set_font(FONT, size=10)
        self.add_page()

    def shaping(self, *texts: str) -> None:
        """Shape the text that follows with HarfBuzz only if ``texts`` need it."""
        self.set_text_shaping(needs_shaping(*texts))

    def header(self) -> None:
        if self.page_no() > 1:  # called inside a block: its shaping is put back after
            before = self.text_shaping
            self.shaping(self.report_title)
            self.set_font(FONT, size=8)
            self.set_text_color(110)
            self.cell(0, 5, self.report_title, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            self.ln(2)
            self.set_text_color(0)
            self.text_shaping = before

    def footer(self) -> None:
        before = self.text_shaping
        self.set_text_shaping(False)
        self.set_y(-MARGIN)
        self.set_font(FONT, size=8)
        self.set_text_color(110)
        self.cell(0, 5, f"page {self.page_no()} of {{nb}}", align=Align.C)
        self.set_text_color(0)
        self.text_shaping = before

    # -- blocks --------------------------------------------------------------------------

    def title_block(self, title: str, subtitle: str) -> None:
        self.shaping(title, subtitle)
        self.set_font(FONT, "B", 18)
        self.multi_cell(0, 9, title, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        if subtitle:
            self.set_font(FONT, size=11)
            self.set_text_color(80)
            self.multi_cell(0, 6, subtitle, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            self.set_text_color(0)
        self.ln(4)

    def section(self, section: Section) -> None:
        if self.will_page_break(30):  # keep a heading with what follows it
            self.add_page()
        self.set_font(FONT, "B", 13 if section.level <= 1 else 11)
        self.shaping(section.heading)
        self.multi_cell(0, 7 if section.level <= 1 else 6, section.heading,
                        new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.ln(1)
        self.set_font(FONT, size=10)
        for paragraph in section.paragraphs:
            self.paragraph(paragraph)
        if section.table is not None:
            self.grid(*section.table)
        for image in section.images:
            self.picture(image)
        self.ln(3)

    def paragraph(self, text: str) -> None:
        for line in lines_for_pdf(text):
            self.shaping(line)
            align = Align.R if _rtl(line) else Align.L
            self.multi_cell(0, LINE, line, align=align, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.ln(1.5)

    def grid(self, header: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
        """A table that wraps long cells; the header repeats on each page."""
        columns = len(header)
        if not columns:
            return
        self.set_font(FONT, size=8)
        cells = [[str(c) for c in header], *([str(c) for c in r] for r in rows)]
        self.shaping(*(c for row in cells for c in row))  # one choice for the whole table
        widths = self._column_widths(cells, columns)
        style = FontFace(emphasis="BOLD", fill_color=(230, 230, 230))
        with self.table(col_widths=widths, text_align="LEFT", line_height=4.2,
                        headings_style=style, padding=1, repeat_headings=1,
                        width=self.epw) as table:
            row = table.row()
            for name in header:
                row.cell(str(name))
            for values in rows:
                row = table.row()
                for i in range(columns):
                    cell = cell_for_pdf(str(values[i])) if i < len(values) else ""
                    row.cell(cell, align=Align.R if _rtl(cell) else Align.L)
        self.set_font(FONT, size=10)
        self.ln(3)

    def _column_widths(self, rows: list[list[str]], columns: int) -> list[float]:
        """Each column at least as wide as its longest word (up to a third of the page);
        the rest shared by the columns' longest cells (up to ``MAX_COLUMN_WEIGHT`` chars)."""
        least = [0.0] * columns
        weights = [1.0] * columns
        for row in rows:
            for i, cell in enumerate(row[:columns]):
                words = cell.split() or [""]
                longest = max(self.get_string_width(w) for w in words) * 1.1 + 2.5
                least[i] = min(max(least[i], longest), self.epw / 3)
                weights[i] = max(weights[i], min(len(cell), MAX_COLUMN_WEIGHT))
        spare = self.epw - sum(least)
        if spare <= 0:
            return [w * self.epw / sum(least) for w in least]
        return [w + spare * k / sum(weights) for w, k in zip(least, weights, strict=True)]

    def picture(self, png: bytes) -> None:
        """An image at the text width (smaller when it would not fit a page)."""
        if png[:8] != PNG_SIGNATURE:
            raise ValueError("images in a PDF section must be PNG bytes")
        width_px, height_px = (int.from_bytes(png[16:20]), int.from_bytes(png[20:24]))
        width = self.epw
        height = width * height_px / max(width_px, 1)
        room = self.eph - 12
        if height > room:
            width, height = width * room / height, room
        if self.will_page_break(height):
            self.add_page()
        self.image(io.BytesIO(png), x=self.l_margin + (self.epw - width) / 2, w=width, h=height)
        self.ln(2)
