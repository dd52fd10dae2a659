"""The reader registry: built-in discovery, plugins, choosing, samples, binary inputs."""

from __future__ import annotations

import random
import re
import subprocess
import sys
import types
from importlib.metadata import EntryPoint
from pathlib import Path

import pytest

from raqib.capture import registry
from raqib.capture.base import Limits, Parsed, Reader, Sample
from raqib.capture.registry import choose, load_readers, make_sample

NOISE = random.Random(2018)  # fixed seed: the same "random" bytes every run

SRC = Path(__file__).resolve().parents[2] / "src"
BUILTIN = {
    "capture.feed.v1",
    "capture.html.v1",
    "capture.pdf.v1",
    "capture.text.v1",
    "capture.warc.v1",
}


class FakeReader:
    """A reader registered through an entry point, as a plugin would be."""

    streaming = False

    def __init__(self, name: str, score: int = 0) -> None:
        self.name = name
        self._score = score

    def score(self, sample: Sample) -> int:
        return self._score

    def read(self, path: Path, limits: Limits) -> Parsed:
        return Parsed(text=path.read_text(), media_type="text/x-fake")


class BrokenScore(FakeReader):
    def score(self, sample: Sample) -> int:
        raise RuntimeError("plugin bug")


def test_builtin_readers() -> None:
    readers = load_readers()
    names = [reader.name for reader in readers]
    assert set(names) >= BUILTIN
    assert len(names) == len(set(names))
    for reader in readers:
        assert isinstance(reader, Reader)
        assert re.fullmatch(r"capture\.[a-z]+\.v\d+", reader.name)
    streaming = {reader.name for reader in readers if reader.streaming}
    assert streaming == {"capture.warc.v1"}


def test_loading_is_a_function_not_an_import_side_effect() -> None:
    code = "import sys, raqib.capture.registry; print('raqib.capture.readers.html' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONPATH": str(SRC)},
    )
    assert result.stdout.strip() == "False"
    assert load_readers() is not load_readers()


def _plugin_points(monkeypatch: pytest.MonkeyPatch, module: types.ModuleType) -> None:
    monkeypatch.setitem(sys.modules, module.__name__, module)
    points = [
        EntryPoint(name=name, value=f"{module.__name__}:{name}", group=registry.ENTRY_POINT_GROUP)
        for name in ("single", "several", "missing", "not_a_reader", "duplicate")
    ]

    def fake_entry_points(*, group: str) -> list[EntryPoint]:
        return points if group == registry.ENTRY_POINT_GROUP else []

    monkeypatch.setattr(registry, "entry_points", fake_entry_points)


def test_plugins_from_entry_points(monkeypatch: pytest.MonkeyPatch) -> None:
    module = types.ModuleType("raqib_test_plugin")
    module.single = FakeReader("plugin.one.v1")
    module.several = [FakeReader("plugin.two.v1"), FakeReader("plugin.three.v1")]
    module.not_a_reader = object()
    module.duplicate = FakeReader("capture.text.v1")  # same name as a built-in: ignored
    _plugin_points(monkeypatch, module)  # "missing" fails to load and is skipped
    readers = load_readers()
    names = [reader.name for reader in readers]
    assert {"plugin.one.v1", "plugin.two.v1", "plugin.three.v1"} <= set(names)
    assert names.count("capture.text.v1") == 1
    text = next(reader for reader in readers if reader.name == "capture.text.v1")
    assert not isinstance(text, FakeReader)


def test_choose_highest_then_name() -> None:
    readers = [FakeReader("b.v1", 10), FakeReader("a.v1", 10), FakeReader("c.v1", 5)]
    sample = Sample(head=b"x", filename="x")
    assert choose(readers, sample).name == "a.v1"
    assert choose(list(reversed(readers)), sample).name == "a.v1"
    assert choose([FakeReader("z.v1", 0)], sample) is None
    assert choose([], sample) is None


def test_a_failing_score_counts_as_zero() -> None:
    sample = Sample(head=b"x", filename="x")
    assert choose([BrokenScore("broken.v1"), FakeReader("ok.v1", 1)], sample).name == "ok.v1"


def test_make_sample(tmp_path: Path) -> None:
    path = tmp_path / "blob"
    path.write_bytes(b"a" * 20_000)
    sample = make_sample(path, "report.txt", "text/plain")
    assert sample.head == b"a" * 8192
    assert sample.filename == "report.txt"
    assert sample.media_type_hint == "text/plain"
    short = tmp_path / "short"
    short.write_bytes(b"abc")
    assert make_sample(short, "").head == b"abc"


BINARIES = {
    "image.png": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + NOISE.randbytes(200),
    "photo.jpg": b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + NOISE.randbytes(200),
    "anim.gif": b"GIF89a\x10\x00\x10\x00" + NOISE.randbytes(200),
    "pic.webp": b"RIFF\x24\x00\x00\x00WEBPVP8 " + NOISE.randbytes(200),
    "archive.zip": b"PK\x03\x04\x14\x00" + NOISE.randbytes(200),
    "data.gz": b"\x1f\x8b\x08\x00" + NOISE.randbytes(200),
    "random.bin": NOISE.randbytes(8192),
    "noise": NOISE.randbytes(100),
}


@pytest.mark.parametrize("filename", sorted(BINARIES))
def test_binary_inputs_get_no_reader(readers: list, tmp_path: Path, filename: str) -> None:
    path = tmp_path / filename
    path.write_bytes(BINARIES[filename])
    sample = make_sample(path, filename)
    assert choose(readers, sample) is None
    assert all(reader.score(sample) == 0 for reader in readers)


@pytest.mark.parametrize("disguise", ["page.html", "notes.txt", "report.pdf", "feed.rss"])
def test_images_with_misleading_names_get_no_reader(readers: list, disguise: str) -> None:
    sample = Sample(head=BINARIES["image.png"], filename=disguise)
    assert choose(readers, sample) is None


@pytest.mark.parametrize(
    ("head", "filename", "expected"),
    [
        (b"<!DOCTYPE html><html><body>x</body></html>", "page", "capture.html.v1"),
        (b"Plain words about the strikes.", "notes", "capture.text.v1"),
        (b"Plain words about the strikes.", "notes.txt", "capture.text.v1"),
        (b"%PDF-1.7\n", "x", "capture.pdf.v1"),
        (b"WARC/1.1\r\n", "x", "capture.warc.v1"),
        (b'<?xml version="1.0"?><rss version="2.0">', "x", "capture.feed.v1"),
    ],
)
def test_choose_builtin(readers: list, head: bytes, filename: str, expected: str) -> None:
    assert choose(readers, Sample(head=head, filename=filename)).name == expected
