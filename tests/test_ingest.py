"""`raqib ingest` end to end: statuses, messages, exit codes, duplicates, bad inputs; each
test on both backends (``backend``, tests/conftest.py)."""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import os
import pathlib
from pathlib import Path

import pytest
from click.testing import CliRunner
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from backends import Backend, query
from raqib.cli import cli

SAMPLES = Path(__file__).resolve().parents[1] / "samples"


def run(ws: Path, *args: str, stdin: bytes | None = None) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["-w", str(ws), *args], input=stdin)
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.output


def lines(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.startswith("{")]


@pytest.fixture
def ws(tmp_path: Path, backend: Backend) -> Path:
    path = tmp_path / "ws"
    assert run(tmp_path, *backend.init_args(path))[0] == 0
    return path


def test_samples_ingest_with_text_and_verify(ws: Path) -> None:
    code, out = run(ws, "ingest", "--json", str(SAMPLES / "public"))
    assert code == 0, out
    results = lines(out)
    # the WARC holds byte-identical copies of two HTML samples: those records are duplicates
    assert {r["status"] for r in results if "#" not in r["input"]} == {"new"}
    assert {r["status"] for r in results} <= {"new", "duplicate"}
    by_name = {Path(r["input"].split("#")[0]).name: r for r in results}
    release = by_name["press-release-2018-11-27.html"]
    assert release["title"] == (
        "On Russian Air Strikes West of Aleppo & the Threat to the Idlib Agreement"
    )
    assert release["published_at"].startswith("2018-11-27T15:40")
    assert release["language"] == "en"
    assert by_name["news-sana-ar-2018-11-25.html"]["language"] == "ar"
    warc_children = [r for r in results if "capture-2018-11-26.warc.gz#" in r["input"]]
    assert len(warc_children) == 2
    feed_children = [r for r in results if "feed-2018-11.xml#" in r["input"]]
    assert len(feed_children) == 3
    assert run(ws, "verify")[0] == 0
    code, out = run(ws, "ingest", "--json", str(SAMPLES / "public"))
    assert code == 0
    top = [r for r in lines(out) if "#" not in r["input"]]
    assert {r["status"] for r in top} == {"duplicate"}


def _png() -> bytes:
    return bytes.fromhex("89504e470d0a1a0a0000000d49484452") + b"\x00" * 64


def _truncated_pdf() -> bytes:
    data = (SAMPLES / "public" / "ngo-report-2018-11.pdf").read_bytes()
    return data[: len(data) // 2]


def _warc(path: Path, corrupt: bool = False, bomb: bool = False) -> None:
    with path.open("wb") as raw:
        writer = WARCWriter(raw, gzip=True)
        for i in range(3):
            body = f"<html><body><p>{path.name} page {i}: the shelling of the market was "
            body += "reported by the local council on Saturday.</p></body></html>"
            payload, headers = body.encode(), [("Content-Type", "text/html; charset=utf-8")]
            if bomb and i == 1:
                payload = _gzip_zeros(300 * 1024 * 1024)
                headers.append(("Content-Encoding", "gzip"))
            http = StatusAndHeaders("200 OK", headers, protocol="HTTP/1.1")
            record = writer.create_warc_record(
                f"https://news.example/{i}", "response", payload=io.BytesIO(payload),
                http_headers=http,
            )
            writer.write_record(record)
            if corrupt and i == 1:
                raw.write(b"\x1f\x8b\x08\x00garbage that is not a gzip member at all" * 20)


def _gzip_zeros(size: int) -> bytes:
    out = io.BytesIO()
    with gzip.GzipFile(fileobj=out, mode="wb", compresslevel=9) as gz:
        block = b"\x00" * (1 << 20)
        for _ in range(size // len(block)):
            gz.write(block)
    return out.getvalue()


def test_bad_inputs_are_kept_reported_and_the_rest_goes_on(ws: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "empty.txt").write_bytes(b"")
    (bad / "garbage.bin").write_bytes(bytes(range(256)) * 40)
    (bad / "photo.png").write_bytes(_png())
    (bad / "report.pdf").write_bytes(_truncated_pdf())
    (bad / "good.txt").write_text("The council reported shelling of the market on Saturday.")
    _warc(bad / "corrupt.warc.gz", corrupt=True)
    _warc(bad / "bomb.warc.gz", bomb=True)
    os.mkfifo(bad / "pipe")
    code, out = run(ws, "ingest", "--json", str(bad), str(tmp_path / "missing.txt"))
    assert code == 2
    status = {r["input"].split("/bad/")[-1]: r for r in lines(out)}
    assert status["empty.txt"]["status"] == "failed"
    assert "empty" in status["empty.txt"]["reason"]
    for name in ("garbage.bin", "photo.png", "report.pdf"):
        assert status[name]["status"] == "stored-without-text", name
        assert status[name]["reason"]
    assert "PNG" in status["photo.png"]["reason"]
    assert status["good.txt"]["status"] == "new"
    assert status["pipe"]["status"] == "failed" and "not a regular file" in status["pipe"]["reason"]
    missing = next(r for k, r in status.items() if k.endswith("missing.txt"))
    assert missing["status"] == "failed" and "no such file" in missing["reason"].lower()
    corrupt = [r for k, r in status.items() if k.startswith("corrupt.warc.gz#")]
    assert [r["status"] for r in corrupt] == ["new", "new", "failed"]
    assert "corrupt record" in corrupt[2]["reason"]
    bomb = [r for k, r in status.items() if k.startswith("bomb.warc.gz#")]
    assert any(r["status"] == "failed" and "zip bomb" in r["reason"] for r in bomb)
    assert status["corrupt.warc.gz"]["status"] == "new"
    assert status["bomb.warc.gz"]["status"] == "new"
    assert run(ws, "verify")[0] == 0


def test_one_line_messages_name_the_file(ws: Path, tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    code, out = run(ws, "ingest", str(tmp_path / "empty.txt"))
    assert code == 2
    assert f"raqib: {tmp_path / 'empty.txt'}: failed: empty file" in out


def test_unreadable_file_fails_and_the_rest_goes_on(
    ws: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    locked, fine = tmp_path / "locked.txt", tmp_path / "fine.txt"
    locked.write_text("secret")
    fine.write_text("The council reported shelling of the market on Saturday morning.")
    real_open = pathlib.Path.open

    def guarded(self: Path, *args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        if self == locked:
            raise PermissionError(13, "Permission denied")
        return real_open(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(pathlib.Path, "open", guarded)
    code, out = run(ws, "ingest", "--json", str(locked), str(fine))
    assert code == 2
    first, second = lines(out)
    assert first["status"] == "failed" and "Permission denied" in first["reason"]
    assert second["status"] == "new"


def test_huge_html_is_stored_without_text(ws: Path, tmp_path: Path) -> None:
    big = tmp_path / "huge.html"
    with big.open("wb") as out:
        out.write(b"<!doctype html><html><body>")
        row = b"<p>" + b"shelling reported in the north " * 32 + b"</p>\n"
        for _ in range(200 * 1024 * 1024 // len(row)):
            out.write(row)
        out.write(b"</body></html>")
    code, out = run(ws, "ingest", "--json", str(big))
    assert code == 2
    (result,) = lines(out)
    assert result["status"] == "stored-without-text"
    assert "too large" in result["reason"]


def test_stdin_and_url_and_source(ws: Path) -> None:
    text = b"Local council: two civilians were wounded by shelling in Kafr Nabl on Sunday."
    code, out = run(ws, "ingest", "--json", "--url", "https://council.example/1",
                    "--source", "Kafr Nabl council", "-", stdin=text)
    assert code == 0, out
    (result,) = lines(out)
    code, out = run(ws, "show", "--json", str(result["id"]))
    shown = json.loads(out)
    assert shown["url"] == "https://council.example/1"
    assert shown["source"] == "Kafr Nabl council"
    assert shown["text"].startswith("Local council")


@pytest.mark.parametrize("url", ["council website", "council.example/1", "https://",
                                 "https://council.example/a b", "mailto:council@example.org"])
def test_url_that_is_not_one_is_refused_before_anything_is_stored(ws: Path, url: str) -> None:
    code, out = run(ws, "ingest", "--url", url, "-", stdin=b"Shelling in Kafr Nabl.")
    assert code == 2
    assert "--url" in out and repr(url) in out and "absolute URL" in out
    assert query(ws, "select count(*) from documents") == [(0,)]


def test_url_in_capitals_is_one(ws: Path) -> None:
    code, out = run(ws, "ingest", "--json", "--url", "HTTPS://Council.example/1", "-",
                    stdin=b"Shelling in Kafr Nabl on Sunday.")
    assert code == 0, out
    assert query(ws, "select url from documents") == [("HTTPS://Council.example/1",)]


def test_url_with_several_inputs_is_refused(ws: Path, tmp_path: Path) -> None:
    folder = tmp_path / "two"
    folder.mkdir()
    (folder / "a.txt").write_text("Shelling in Kafr Nabl on Sunday.")
    (folder / "b.txt").write_text("Air strike on Maarat al-Numan on Monday.")
    code, out = run(ws, "ingest", "--url", "https://council.example/1", str(folder))
    assert code == 2
    assert "--url says where one document was found, and 2 inputs were given" in out
    assert query(ws, "select count(*) from documents") == [(0,)]


def test_sensitive_documents_are_sealed(ws: Path, tmp_path: Path) -> None:
    statement = SAMPLES / "sensitive" / "witness-statement-2018-11-25.txt"
    code, out = run(ws, "ingest", "--json", "--sensitive", str(statement))
    assert code == 0, out
    (result,) = lines(out)
    assert result["title"] is None
    original = statement.read_bytes()
    needle = original[:40]
    for path in (ws / "vault").rglob("*"):
        if path.is_file():
            assert needle not in path.read_bytes(), path
    ((leaf,),) = query(ws, "select data from custody_leaves where idx=0")
    leaf = bytes(leaf)
    assert result["sha256"] is None  # the hash of a sensitive document is not handed out
    sha = hashlib.sha256(original).hexdigest()
    assert sha not in leaf.decode() and '"object":"commit:' in leaf.decode()
    ((*fields, meta),) = query(ws, "select text, title, publisher, source_name, meta "
                                   "from documents")
    assert fields == [None, None, None, None]
    assert (json.loads(meta) if isinstance(meta, str) else meta) == {}
    assert not list((ws / "vault" / "blobs").rglob("*/*"))
    result_cat = CliRunner().invoke(cli, ["-w", str(ws), "cat", str(result["id"])])
    assert result_cat.stdout_bytes == original
    actions = [json.loads(bytes(d))["action"]
               for (d,) in query(ws, "select data from custody_leaves order by idx")]
    assert actions == ["ingest", "checkpoint", "view"]
    trail = lines(run(ws, "log", "--json", str(result["id"]))[1])
    assert [t["action"] for t in trail] == ["ingest", "view"]
    assert all(t["object"].startswith("commit:") for t in trail)
    assert run(ws, "verify")[0] == 0


def test_sensitive_cannot_seal_bytes_already_stored_plain(ws: Path, tmp_path: Path) -> None:
    doc = tmp_path / "statement.txt"
    doc.write_text("I saw the aircraft strike the bakery at nine in the morning.")
    assert run(ws, "ingest", str(doc))[0] == 0
    code, out = run(ws, "ingest", "--json", "--sensitive", str(doc))
    assert code == 2
    (result,) = lines(out)
    assert result["status"] == "duplicate" and "cannot seal it now" in result["reason"]


def test_odd_names_double_stdin_and_nested_workspaces(ws: Path, tmp_path: Path) -> None:
    folder = tmp_path / "incoming"
    folder.mkdir()
    (folder / os.fsdecode(b"caf\xe9-report.txt")).write_text("Shelling of the market reported.")
    run(folder, "init", str(folder / "nested-ws"))  # a workspace inside the folder: skipped
    code, out = run(ws, "ingest", "--json", str(folder), "-", "-", stdin=b"A report on stdin.")
    results = lines(out)
    assert code == 2
    assert [r["status"] for r in results] == ["new", "new", "failed"]
    assert results[0]["input"].endswith("caf\\xe9-report.txt")
    assert "standard input given twice" in results[2]["reason"]
    assert not any("nested-ws" in r["input"] for r in results)


def test_a_corrupted_orphan_blob_is_not_adopted(ws: Path, tmp_path: Path) -> None:
    doc = tmp_path / "report.txt"
    doc.write_text("The council reported that two shells hit the school yard on Monday.")
    sha = hashlib.sha256(doc.read_bytes()).hexdigest()
    orphan = ws / "vault" / "blobs" / sha[:2] / sha
    orphan.parent.mkdir(parents=True)
    orphan.write_bytes(b"not the same bytes at all")
    code, out = run(ws, "ingest", "--json", str(doc))
    assert code == 2
    (result,) = lines(out)
    assert result["status"] == "failed" and "does not match its name" in result["reason"]


def test_empty_folder_and_sensitive_proof_export(ws: Path, tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    code, out = run(ws, "ingest", "--json", str(tmp_path / "empty"))
    assert code == 2 and lines(out)[0]["reason"] == "cannot read: no files in this folder"
    statement = SAMPLES / "sensitive" / "witness-statement-2018-11-25.txt"
    (result,) = lines(run(ws, "ingest", "--json", "--sensitive", str(statement))[1])
    assert run(ws, "proof", str(result["id"]))[0] == 0
    trail = lines(run(ws, "log", "--json", str(result["id"]))[1])
    assert [t["action"] for t in trail] == ["ingest", "export"]
