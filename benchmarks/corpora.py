"""Synthetic inputs for the benchmarks (generated, never committed)."""

from __future__ import annotations

import io
import os
import random
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

WORDS = [
    "shelling",
    "village",
    "council",
    "reported",
    "civilians",
    "strike",
    "market",
    "north",
    "south",
    "killed",
    "wounded",
    "regime",
    "opposition",
    "forces",
    "aircraft",
    "artillery",
    "school",
    "hospital",
    "displaced",
    "agreement",
    "zone",
]


def make_large_files(folder: Path, total_mb: int, count: int = 2) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    files = []
    for i in range(count):
        path = folder / f"video-{i}.bin"
        with path.open("wb") as out:
            for _ in range(total_mb // count):
                out.write(os.urandom(1 << 20))
        files.append(path)
    return files


def _sentence(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


def make_small_docs(folder: Path, count: int) -> Path:
    rng = random.Random(1)
    for i in range(count):
        sub = folder / f"{i // 1000:03d}"
        if i % 1000 == 0:
            sub.mkdir(parents=True, exist_ok=True)
        body = " ".join(_sentence(rng, 15) for _ in range(8))
        (sub / f"report-{i:06d}.txt").write_text(f"Report {i}\n\n{body}\n", encoding="utf-8")
    return folder


def make_warc(path: Path, total_mb: int) -> Path:
    """An uncompressed WARC of about total_mb: mostly 1 MB media records, some HTML pages."""
    rng = random.Random(2)
    written = 0
    with path.open("wb") as raw:
        writer = WARCWriter(raw, gzip=False)
        i = 0
        while written < total_mb * (1 << 20):
            if i % 10 == 0:
                body = "".join(f"<p>{_sentence(rng, 40)}</p>\n" for _ in range(150))
                payload = f"<html><head><title>Page {i}</title></head><body>{body}</body></html>"
                data, ctype = payload.encode(), "text/html; charset=utf-8"
            else:
                data, ctype = os.urandom(1 << 20), "image/jpeg"
            http = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            writer.write_record(
                writer.create_warc_record(
                    f"https://media.example/{i}",
                    "response",
                    payload=io.BytesIO(data),
                    http_headers=http,
                )
            )
            written += len(data)
            i += 1
    return path
