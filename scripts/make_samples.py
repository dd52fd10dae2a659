"""Regenerate the binary sample documents under ``samples/public/``.

Writes, from text held in this script or in the committed HTML samples:

* ``samples/public/ngo-report-2018-11.pdf``  (fpdf2, core Helvetica, real text layer)
* ``samples/public/capture-2018-11-26.warc.gz``  (warcio, gzip WARC/1.1)
* ``samples/public/latin1-notice.txt``  (windows-1252 encoded)

Everything is fixed (dates, record ids), so running it twice gives the same bytes.
The words are the Raqib project's own; facts follow public reporting (see samples/README.md).

Run: ``.venv/bin/python scripts/make_samples.py``
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from io import BytesIO
from pathlib import Path

from fpdf import FPDF
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

ROOT = Path(__file__).resolve().parent.parent
PUBLIC = ROOT / "samples" / "public"

PDF_PATH = PUBLIC / "ngo-report-2018-11.pdf"
WARC_PATH = PUBLIC / "capture-2018-11-26.warc.gz"
LATIN1_PATH = PUBLIC / "latin1-notice.txt"

# --------------------------------------------------------------------------- PDF text

NGO = "Syrian Documentation Observatory (sample)"
REPORT_TITLE = "Monthly report: violations in the Idlib de-escalation zone, November 2018"
REPORT_DATE = "3 December 2018"
REPORT_CREATED = datetime(2018, 12, 3, 9, 0, 0, tzinfo=UTC)

DISCLAIMER = (
    "The Syrian Documentation Observatory is a fictional organisation. This document was "
    "written by the Raqib project as test material. The events follow public reporting; "
    "the wording is the project's own and the tabulated figures are illustrative."
)

SECTIONS: list[tuple[str, list[str]]] = [
    (
        "1. Summary",
        [
            "In November 2018 the demilitarised zone agreed by Russia and Turkey in Sochi on "
            "17 September 2018 remained formally in force, but the month ended with the most "
            "serious breach since the agreement was signed. On the evening of 24 November, Syrian "
            "government media and the Russian defence ministry accused armed groups of firing "
            "shells carrying chlorine on western neighbourhoods of Aleppo city; opposition "
            "factions denied the charge. On 25 November Russian aircraft struck positions west of "
            "Aleppo, the first Russian air strikes in the zone since the agreement. Throughout "
            "the month government forces continued to shell towns in southern Idlib and northern "
            "Hama, causing civilian deaths and new displacement.",
        ],
    ),
    (
        "2. Background: the Sochi agreement",
        [
            "The Sochi memorandum provided for a demilitarised zone 15 to 20 km deep along the "
            "contact line around Idlib governorate and adjacent parts of Hama, Aleppo and Latakia. "
            "Heavy weapons were to be withdrawn from the zone by 10 October 2018 and radical "
            "groups by 15 October, with Turkish and Russian forces monitoring the zone. Heavy "
            "weapons were reported withdrawn in October, but Hayat Tahrir al-Sham did not "
            "publicly accept the arrangement and its fighters remained in parts of the zone.",
        ],
    ),
    (
        "3. The allegation of 24 November in Aleppo city",
        [
            "Government account. According to the Syrian Arab News Agency (SANA) and the Russian "
            "defence ministry, on the evening of 24 November shells containing a toxic substance, "
            "said to be chlorine, fell on the al-Khalidiya, al-Zahraa and Nile Street "
            "neighbourhoods of western Aleppo. Health authorities in Aleppo reported that 107 "
            "people were treated for breathing difficulties, most of whom were discharged within "
            "hours. Damascus and Moscow blamed armed groups deployed west of the city.",
            "Opposition account. The National Front for Liberation and other factions denied "
            "firing any such shells and said that they possess no chemical weapons. Opposition "
            "bodies, including the Syrian Coalition in a press release of 26 November, described "
            "the allegation as a pretext for attacking the de-escalation zone.",
            "Assessment. The Observatory had no access to the sites, the patients or the medical "
            "records and has not been able to verify either account. No independent investigation "
            "had taken place at the time of writing. The incident is recorded as an allegation, "
            "with the source of each claim noted.",
        ],
    ),
    (
        "4. Russian air strikes of 25 November",
        [
            "On 25 November Russian aircraft struck positions west of Aleppo, in the area from "
            "which, according to the Russian defence ministry, the shelling of the previous "
            "evening had been launched. Moscow said that Turkey had been informed in advance. "
            "These were the first Russian air strikes on the de-escalation zone since 17 "
            "September. Residents of villages in the western Aleppo countryside described several "
            "explosions in the afternoon and families leaving their homes as a precaution (witness "
            "statement W-017, held separately and not published). The Observatory had not "
            "confirmed any civilian casualties from these strikes at the time of writing.",
        ],
    ),
    (
        "5. Shelling in southern Idlib and northern Hama",
        [
            "Ground shelling by government forces and allied militias continued along the southern "
            "and eastern edges of the zone. Shortly before the reporting period, on 29 October "
            "2018, shelling of the town of Jarjanaz in south-eastern Idlib killed several "
            "civilians, among them children, according to local sources. In November the "
            "Observatory recorded shelling of towns and villages including Jarjanaz, al-Tah and "
            "Khan Shaykhun in southern Idlib and Kafr Zita and al-Lataminah in northern Hama. "
            "Government media reported shelling of government-held areas near the zone by armed "
            "groups. Repeated shelling led families from the southern Idlib countryside to move "
            "north towards the Turkish border.",
        ],
    ),
]

TABLE_CAPTION = "Table 1. Incidents recorded, 1-30 November 2018 (illustrative sample figures)"
TABLE_ROWS: list[tuple[str, ...]] = [
    ("Type of incident", "Area", "Incidents", "Civilians killed", "Civilians injured"),
    ("Ground shelling", "Southern Idlib", "34", "7", "22"),
    ("Ground shelling", "Northern Hama", "19", "3", "9"),
    ("Ground shelling", "Western Aleppo countryside", "6", "0", "4"),
    ("Alleged toxic-gas shelling (unverified)", "Aleppo city", "1", "0", "107 (reported)"),
    ("Russian air strikes", "Western Aleppo countryside", "1", "0 confirmed", "0 confirmed"),
    ("Total", "", "61", "10", "142"),
]
TABLE_NOTE = (
    "The total of injured includes the 107 cases reported by government health authorities "
    "in Aleppo, which the Observatory has not verified."
)

METHODOLOGY = (
    "The Observatory documents incidents through field contacts, interviews with witnesses "
    "and survivors (in person or by telephone), review of published media from all sides, "
    "including state and opposition outlets, and open-source material such as photographs "
    "and video. An incident is recorded when at least two independent sources agree on its "
    "date, place and type; a claim made by a single party to the conflict is recorded as an "
    "allegation and attributed to its source. Casualty figures count civilians only and are "
    "revised as new information arrives. Witnesses are identified by codes only; original "
    "statements are stored securely and are not published. The figures in this sample "
    "document are illustrative and must not be cited as data."
)


class ReportPDF(FPDF):
    """A4 report with a running header and a numbered footer."""

    def header(self) -> None:
        if self.page_no() == 1:
            return
        self.set_font("Helvetica", "I", 8)
        self.cell(0, 6, f"{NGO} - {REPORT_TITLE}", new_x="LMARGIN", new_y="NEXT")
        self.ln(2)

    def footer(self) -> None:
        self.set_y(-15)
        self.set_font("Helvetica", "I", 8)
        self.cell(0, 10, f"Page {self.page_no()} of {{nb}}", align="C")


def _pdf_title_block(pdf: FPDF) -> None:
    pdf.set_font("Helvetica", "B", 10)
    pdf.cell(0, 6, NGO.upper(), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.set_font("Helvetica", "B", 17)
    pdf.multi_cell(0, 8, REPORT_TITLE, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    pdf.set_font("Helvetica", "", 10)
    pdf.cell(0, 6, f"Published {REPORT_DATE}", new_x="LMARGIN", new_y="NEXT")
    pdf.cell(0, 6, "Reporting period: 1-30 November 2018", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    pdf.set_font("Helvetica", "I", 9)
    pdf.multi_cell(0, 5, DISCLAIMER, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)


def _pdf_section(pdf: FPDF, heading: str, paragraphs: list[str]) -> None:
    pdf.set_font("Helvetica", "B", 12)
    pdf.cell(0, 8, heading, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 10.5)
    for para in paragraphs:
        pdf.multi_cell(0, 5.5, para, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2)
    pdf.ln(1)


def _pdf_table(pdf: FPDF) -> None:
    pdf.set_font("Helvetica", "B", 12)
    pdf.cell(0, 8, "6. Incidents in figures", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "I", 9.5)
    pdf.cell(0, 6, TABLE_CAPTION, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 9.5)
    widths = (58, 46, 22, 27, 27)
    with pdf.table(col_widths=widths, text_align="LEFT", line_height=5.5) as table:
        for row in TABLE_ROWS:
            table.row(row)
    pdf.ln(1)
    pdf.set_font("Helvetica", "I", 9)
    pdf.multi_cell(0, 5, TABLE_NOTE, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)


def build_pdf(path: Path) -> None:
    pdf = ReportPDF(format="A4")
    pdf.set_margins(20, 18, 20)
    pdf.set_auto_page_break(auto=True, margin=20)
    pdf.set_title(REPORT_TITLE)
    pdf.set_author(NGO)
    pdf.set_subject("Monitoring of the Idlib de-escalation zone, November 2018")
    pdf.set_keywords("Syria, Idlib, Aleppo, Sochi agreement, de-escalation zone, sample")
    pdf.set_creator("Raqib project, scripts/make_samples.py")
    pdf.set_lang("en")
    pdf.set_creation_date(REPORT_CREATED)
    pdf.add_page()
    _pdf_title_block(pdf)
    for heading, paragraphs in SECTIONS:
        _pdf_section(pdf, heading, paragraphs)
    _pdf_table(pdf)
    _pdf_section(pdf, "7. Methodology", [METHODOLOGY])
    pdf.output(str(path))


# --------------------------------------------------------------------------- WARC

WARC_DATE = "2018-11-26T09:00:00Z"
WARC_NS = uuid.uuid5(uuid.NAMESPACE_URL, "https://raqib.example/samples/capture-2018-11-26")
USER_AGENT = "Mozilla/5.0 (X11; Linux x86_64; rv:63.0) Gecko/20100101 Firefox/63.0"

# (target URI, committed HTML sample, Last-Modified)
CAPTURES: list[tuple[str, str, str]] = [
    (
        "https://sana.example/en/?p=151234",
        "news-sana-2018-11-25.html",
        "Sun, 25 Nov 2018 08:40:00 GMT",
    ),
    (
        "https://idlib-monitor.example/2018/11/25/opposition-denies-aleppo-gas-claim/",
        "news-opposition-2018-11-25.html",
        "Sun, 25 Nov 2018 19:35:00 GMT",
    ),
]


def _record_id(label: str) -> str:
    return f"<urn:uuid:{uuid.uuid5(WARC_NS, label)}>"


def _warcinfo(writer: WARCWriter):
    fields = {
        "software": "Raqib sample generator (scripts/make_samples.py) with warcio",
        "format": "WARC File Format 1.1",
        "conformsTo": "https://iipc.github.io/warc-specifications/specifications/"
        "warc-format/warc-1.1/",
        "description": "Sample capture written by the Raqib project; not a real crawl.",
        "robots": "ignore",
    }
    body = "".join(f"{k}: {v}\r\n" for k, v in fields.items()).encode("utf-8")
    headers = {
        "WARC-Record-ID": _record_id("warcinfo"),
        "WARC-Date": WARC_DATE,
        "WARC-Filename": WARC_PATH.name,
    }
    return writer.create_warc_record(
        "",
        "warcinfo",
        payload=BytesIO(body),
        length=len(body),
        warc_content_type="application/warc-fields",
        warc_headers_dict=headers,
    )


def _http_request(uri: str) -> StatusAndHeaders:
    host, _, path = uri.split("://", 1)[1].partition("/")
    headers = [
        ("Host", host),
        ("User-Agent", USER_AGENT),
        ("Accept", "text/html"),
        ("Accept-Language", "en-US,en;q=0.5"),
        ("Connection", "close"),
    ]
    return StatusAndHeaders(f"GET /{path} HTTP/1.1", headers, is_http_request=True)


def _http_response(body: bytes, last_modified: str) -> StatusAndHeaders:
    headers = [
        ("Date", "Mon, 26 Nov 2018 09:00:00 GMT"),
        ("Server", "nginx"),
        ("Content-Type", "text/html; charset=utf-8"),
        ("Content-Length", str(len(body))),
        ("Last-Modified", last_modified),
        ("Connection", "close"),
    ]
    return StatusAndHeaders("200 OK", headers, protocol="HTTP/1.1")


def _request_response(writer: WARCWriter, uri: str, html_name: str, last_modified: str):
    # The live page as served differs from the saved copy by a cache comment, as live pages
    # do; so the WARC's records are documents of their own, not duplicates of the files.
    saved = (PUBLIC / html_name).read_bytes()
    body = saved.replace(b"</body>", b"<!-- served by edge cache 2018-11-26T09:00Z -->\n</body>", 1)
    resp_id = _record_id(f"response {uri}")
    resp = writer.create_warc_record(
        uri,
        "response",
        payload=BytesIO(body),
        length=len(body),
        http_headers=_http_response(body, last_modified),
        warc_headers_dict={
            "WARC-Record-ID": resp_id,
            "WARC-Date": WARC_DATE,
            "WARC-IP-Address": "192.0.2.10",
        },
    )
    req = writer.create_warc_record(
        uri,
        "request",
        http_headers=_http_request(uri),
        warc_headers_dict={
            "WARC-Record-ID": _record_id(f"request {uri}"),
            "WARC-Date": WARC_DATE,
            "WARC-Concurrent-To": resp_id,
        },
    )
    return req, resp


def build_warc(path: Path) -> None:
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True, warc_version="1.1")
        writer.write_record(_warcinfo(writer))
        for uri, html_name, last_modified in CAPTURES:
            req, resp = _request_response(writer, uri, html_name, last_modified)
            writer.write_record(req)
            writer.write_record(resp)


# --------------------------------------------------------------------------- windows-1252

LATIN1_NOTICE = (
    "Communiqué – Entraide Nord-Syrie (échantillon)\r\n"
    "Lyon, le 28 novembre 2018\r\n"
    "\r\n"
    "Depuis la reprise des bombardements dans le sud de la province d’Idleb, nos équipes "
    "constatent l’arrivée de nouvelles familles déplacées dans les camps proches de la "
    "frontière turque. Beaucoup ont quitté Jarjanaz et les villages voisins avec très peu "
    "d’affaires. Nous appelons toutes les parties à respecter l’accord de Sotchi du "
    "17 septembre et à garantir un accès humanitaire sans entrave.\r\n"
    "\r\n"
    "Besoins les plus urgents : abris chauffés, couvertures, eau potable et soins pour les "
    "enfants – l’hiver approche.\r\n"
    "\r\n"
    "Contact presse : presse@entraide.example\r\n"
)


def build_latin1(path: Path) -> None:
    path.write_bytes(LATIN1_NOTICE.encode("cp1252"))


def main() -> None:
    PUBLIC.mkdir(parents=True, exist_ok=True)
    build_pdf(PDF_PATH)
    build_warc(WARC_PATH)
    build_latin1(LATIN1_PATH)
    for p in (PDF_PATH, WARC_PATH, LATIN1_PATH):
        print(f"wrote {p.relative_to(ROOT)} ({p.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
