"""Case files: create, export (folder and zip), verify-case, tamper detection in every kind
of file, the stand-alone stdlib checker, and sensitive evidence sealed for a recipient."""

from __future__ import annotations

import base64
import importlib.util
import json
import random
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path
from types import ModuleType

import pytest
from nacl.public import PrivateKey, SealedBox

import raqib.cli.cases  # registers the commands (used below for its path too)
from clirun import run
from raqib.outputs import case_format as fmt
from raqib.outputs import render
from raqib.outputs.case_export import write_zip
from raqib.vault import merkle
from raqib.vault.proof import verify_bundle

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
PUBLIC = [SAMPLES / "public" / name for name in (
    "press-release-2018-11-27.html", "news-sana-2018-11-25.html",
    "news-opposition-2018-11-25.html")]
WITNESS = SAMPLES / "sensitive" / "witness-statement-2018-11-25.txt"
SCRIPT = Path(raqib.cli.cases.__file__).parents[1] / "outputs" / "resources" / "check_case.py"
SYSTEM_PYTHON = shutil.which("python3", path="/usr/bin:/bin") or sys.executable
HAS_PDF = hasattr(render, "pdf")



@pytest.fixture(scope="module")
def ws(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("cases")
    ws = root / "ws"
    assert run(None, "init", str(ws))[0] == 0
    code, out = run(ws, "ingest", "--process", *map(str, PUBLIC))
    assert code == 0, out
    code, out = run(ws, "ingest", "--sensitive", "--process", str(WITNESS))
    assert code == 0, out
    code, out = run(ws, "case", "create", "all")
    assert code == 0, out
    return ws


@pytest.fixture(scope="module")
def bundle(ws: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("bundle") / "all"
    code, out = run(ws, "case", "export", "all", str(target))
    assert code == 0, out
    return target


def verify(path: Path, *extra: str) -> tuple[int, str]:
    return run(None, "verify-case", str(path), *extra)


def flip(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x01
    path.write_bytes(bytes(data))


# -- create, list, show ----------------------------------------------------------------------


def test_create_by_filter_and_by_ids_is_logged(ws: Path) -> None:
    code, out = run(ws, "case", "create", "chem", "--type", "Chemical weapon")
    assert code == 0, out
    chem = json.loads(run(ws, "case", "show", "chem", "--json")[1])
    assert chem["incidents"] and chem["selection"] == {"filters": {"type": "Chemical weapon"}}
    first = chem["incidents"][0]
    code, out = run(ws, "case", "create", "one", str(first))
    assert code == 0 and json.loads(run(ws, "case", "show", "one", "--json")[1])[
        "incidents"] == [first]
    _, listing = run(ws, "case", "list")
    assert {"all", "chem", "one"} <= {line.split("\t")[0] for line in listing.splitlines()}
    _, log = run(ws, "log", "--json")
    objects = [json.loads(line)["object"] for line in log.splitlines()]
    assert {"case:all", "case:chem", "case:one"} <= set(objects)
    assert run(ws, "case", "create", "chem")[0] == 1  # no silent replacement
    assert run(ws, "case", "create", "none", "99999")[0] == 1
    assert run(ws, "case", "show", "nosuch")[0] == 1


def test_edited_case_file_is_caught(ws: Path) -> None:
    assert run(ws, "case", "create", "edit-me", "--grade", "contested")[0] == 0
    path = ws / "cases" / "edit-me.json"
    data = json.loads(path.read_text())
    data["incidents"].append(424242)
    path.write_text(json.dumps(data))
    code, out = run(ws, "case", "show", "edit-me")
    assert code == 1 and "edited" in out


# -- export and verify -----------------------------------------------------------------------


def test_bundle_layout_and_verification(bundle: Path, ws: Path) -> None:
    names = {p.relative_to(bundle).as_posix() for p in bundle.rglob("*") if p.is_file()}
    for needed in (fmt.INDEX, fmt.CHECKPOINT, fmt.PUBLIC_KEY, fmt.MANIFEST, fmt.SIGNATURE,
                   fmt.CHECK, fmt.SCRIPT, fmt.SUMS):
        assert needed in names
    manifest = json.loads((bundle / fmt.MANIFEST).read_text())
    assert manifest["tool"]["name"] == "raqib" and manifest["incidents"]
    assert len(manifest["evidence"]) == len(PUBLIC)
    assert set(manifest["files"]) == names - fmt.UNLISTED
    proofs = [json.loads((bundle / e["proof"]).read_text()) for e in manifest["evidence"]]
    assert {p["checkpoint"] for p in proofs} == {(bundle / fmt.CHECKPOINT).read_text()}
    html = (bundle / fmt.INDEX).read_text()
    assert "<script" not in html and "http://" not in html.split("<body>")[0]
    assert all(e["sha256"] in html for e in manifest["evidence"])
    assert verify(bundle)[0] == 0
    key = (ws / "keys" / "signing.pub").read_text().strip()
    assert verify(bundle, "--key", key)[0] == 0
    other = PrivateKey.generate()  # any well-formed key that is not the signer's
    wrong = key.rsplit("+", 1)[0] + "+" + base64.b64encode(b"\x01" + bytes(other)).decode()
    assert verify(bundle, "--key", wrong)[0] == 1


def test_pdf_is_in_the_bundle(bundle: Path) -> None:
    if not HAS_PDF:
        pytest.skip("raqib.outputs.render.pdf is not implemented yet: no case.pdf")
    data = (bundle / fmt.PDF).read_bytes()
    assert data.startswith(b"%PDF")
    pypdf = pytest.importorskip("pypdf")
    from io import BytesIO

    text = "".join(page.extract_text() for page in pypdf.PdfReader(BytesIO(data)).pages)
    manifest = json.loads((bundle / fmt.MANIFEST).read_text())
    assert all(f"Incident {i['id']}" in text for i in manifest["incidents"])


def test_zip_export_verifies_and_is_deterministic(ws: Path, bundle: Path,
                                                  tmp_path: Path) -> None:
    target = tmp_path / "case.zip"
    code, out = run(ws, "case", "export", "all", str(target))
    assert code == 0, out
    assert verify(target)[0] == 0
    with zipfile.ZipFile(target) as archive:
        infos = archive.infolist()
    assert [i.filename for i in infos] == sorted(i.filename for i in infos)
    assert {i.date_time for i in infos} == {(1980, 1, 1, 0, 0, 0)}
    write_zip(bundle, tmp_path / "a.zip")
    write_zip(bundle, tmp_path / "b.zip")
    assert (tmp_path / "a.zip").read_bytes() == (tmp_path / "b.zip").read_bytes()


KINDS = ["index.html", "case.pdf", "evidence/*", "proofs/*.json", "checkpoint.txt",
         "public-key.txt", "manifest.json", "manifest.json.sig", "check_case.py", "CHECK.md",
         "SHA256SUMS"]


@pytest.mark.parametrize("pattern", KINDS)
def test_flipping_a_byte_in_any_file_is_named(bundle: Path, tmp_path: Path,
                                              pattern: str) -> None:
    if pattern == fmt.PDF and not HAS_PDF:
        pytest.skip("raqib.outputs.render.pdf is not implemented yet: no case.pdf")
    copy = tmp_path / "b"
    shutil.copytree(bundle, copy)
    target = sorted(p for p in copy.glob(pattern) if p.is_file())[0]
    flip(target)
    code, out = verify(copy)
    assert code == 1
    assert target.relative_to(copy).as_posix() in out


def test_tampered_zip_member_is_named(ws: Path, bundle: Path, tmp_path: Path) -> None:
    copy = tmp_path / "b"
    shutil.copytree(bundle, copy)
    evidence = sorted((copy / "evidence").glob("*.html"))[0]
    flip(evidence)
    write_zip(copy, tmp_path / "t.zip")
    code, out = verify(tmp_path / "t.zip")
    assert code == 1 and evidence.relative_to(copy).as_posix() in out


def test_missing_and_added_files_are_named(bundle: Path, tmp_path: Path) -> None:
    copy = tmp_path / "b"
    shutil.copytree(bundle, copy)
    gone = sorted((copy / "proofs").glob("*.json"))[0]
    gone.unlink()
    (copy / "evidence" / "extra.txt").write_text("planted\n")
    code, out = verify(copy)
    assert code == 1
    assert f"proofs/{gone.name}: missing" in out
    assert "evidence/extra.txt: added" in out


def test_rewritten_manifest_is_caught_by_its_signature(bundle: Path, tmp_path: Path) -> None:
    """Swap an evidence file and fix up the manifest and SHA256SUMS: the note catches it."""
    copy = tmp_path / "b"
    shutil.copytree(bundle, copy)
    evidence = sorted((copy / "evidence").glob("*.html"))[0]
    flip(evidence)
    name = evidence.relative_to(copy).as_posix()
    manifest = json.loads((copy / fmt.MANIFEST).read_text())
    data = evidence.read_bytes()
    manifest["files"][name] = {"sha256": fmt.sha256_hex(data), "size": len(data)}
    (copy / fmt.MANIFEST).write_text(json.dumps(manifest, indent=2, sort_keys=True))
    code, out = verify(copy)
    assert code == 1 and "manifest.json: altered" in out and name in out


# -- the stand-alone checker -----------------------------------------------------------------


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("check_case", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_standalone_script_agrees_with_the_vault_verifier() -> None:
    script, rng = _script(), random.Random(6962)
    for size in [1, 2, 3, 5, 7, 8, 13, 31, 64, 100]:
        leaves = [merkle.leaf_hash(bytes([i % 256, size])) for i in range(size)]
        root = merkle.root_from_hashes(leaves)
        for index in range(size):
            proof = merkle.inclusion_proof(leaves, index)
            assert script.verify_inclusion(leaves[index], index, size, proof, root)
            if proof:
                bad = list(proof)
                bad[rng.randrange(len(bad))] = bytes(32)
                assert not script.verify_inclusion(leaves[index], index, size, bad, root)
            assert not script.verify_inclusion(leaves[index], index, size, proof[:-1], root) \
                or not proof


def test_standalone_script_with_system_python(bundle: Path, tmp_path: Path) -> None:
    copy = tmp_path / "b"
    shutil.copytree(bundle, copy)
    ok = subprocess.run([SYSTEM_PYTHON, "-I", str(copy / fmt.SCRIPT)], capture_output=True,
                        text=True, cwd=tmp_path, check=False)
    assert ok.returncode == 0, ok.stdout + ok.stderr
    evidence = sorted((copy / "evidence").glob("*.html"))[0]
    flip(evidence)
    bad = subprocess.run([SYSTEM_PYTHON, "-I", str(copy / fmt.SCRIPT), str(copy)],
                         capture_output=True, text=True, check=False)
    assert bad.returncode == 1
    assert f"evidence/{evidence.name}" in bad.stdout


@pytest.mark.skipif(shutil.which("openssl") is None, reason="openssl is not installed")
def test_signatures_check_with_openssl(bundle: Path, tmp_path: Path) -> None:
    out = tmp_path / "sig"
    done = subprocess.run([SYSTEM_PYTHON, "-I", str(bundle / fmt.SCRIPT), str(bundle),
                           "--openssl", str(out)], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout
    for label in ("checkpoint", "manifest"):
        check = subprocess.run(
            ["openssl", "pkeyutl", "-verify", "-pubin", "-inkey", str(out / "pub.pem"),
             "-rawin", "-in", str(out / f"{label}.msg"), "-sigfile", str(out / f"{label}.sig")],
            capture_output=True, text=True, check=False)
        if "rawin" in check.stderr and check.returncode != 0:
            pytest.skip("this openssl has no -rawin (OpenSSL 3 needed)")
        assert check.returncode == 0, check.stdout + check.stderr


# -- sensitive evidence ----------------------------------------------------------------------


def _all_bytes(folder: Path) -> bytes:
    return b"".join(p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file())


def test_sensitive_evidence_is_withheld_by_default(bundle: Path) -> None:
    manifest = json.loads((bundle / fmt.MANIFEST).read_text())
    assert manifest["withheld_sensitive"] == 1
    assert not (bundle / "evidence" / "sealed").exists()
    everything = _all_bytes(bundle)
    assert b"W-017" not in everything and b"INT-04" not in everything
    witness_sha = fmt.sha256_hex(WITNESS.read_bytes()).encode()
    assert witness_sha not in everything


def test_sensitive_evidence_sealed_for_the_recipient(ws: Path, tmp_path: Path) -> None:
    assert run(ws, "case", "export", "all", str(tmp_path / "x"), "--include-sensitive")[0] == 1
    code, out = run(None, "case", "keygen", str(tmp_path / "recipient"))
    assert code == 0, out
    target = tmp_path / "sealed"
    code, out = run(ws, "case", "export", "all", str(target), "--include-sensitive",
                    "--recipient", str(tmp_path / "recipient.pub"))
    assert code == 0, out
    sealed = sorted((target / "evidence" / "sealed").iterdir())
    assert len(sealed) == 1
    everything = _all_bytes(target)
    assert b"W-017" not in everything
    assert fmt.sha256_hex(WITNESS.read_bytes()).encode() not in everything
    secret = base64.b64decode((tmp_path / "recipient.key").read_text())
    box = SealedBox(PrivateKey(secret))
    plain = box.decrypt(sealed[0].read_bytes())
    assert plain == WITNESS.read_bytes()
    proof_file = next((target / "proofs" / "sealed").iterdir())
    proof = json.loads(box.decrypt(proof_file.read_bytes()))
    original = tmp_path / "statement.txt"
    original.write_bytes(plain)
    assert all(c.ok for c in verify_bundle(proof, original))
    assert verify(target)[0] == 0  # ciphertext checked against the signed manifest
    assert verify(target, "--recipient-key", str(tmp_path / "recipient.key"))[0] == 0
    run(None, "case", "keygen", str(tmp_path / "stranger"))
    code, out = verify(target, "--recipient-key", str(tmp_path / "stranger.key"))
    assert code == 1 and "does not decrypt" in out
    assert run(ws, "verify")[0] == 0  # the workspace's own log still verifies


def test_creating_a_large_case_prints_the_first_ids_only(ws: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    from types import SimpleNamespace

    from raqib.cli import cases as cli_cases
    from raqib.outputs import cases as case_service

    made = SimpleNamespace(name="many", incidents=list(range(1, 46)))
    monkeypatch.setattr(case_service, "create", lambda *args: made)
    code, out = run(ws, "case", "create", "many")
    assert code == 0, out
    first = ", ".join(map(str, range(1, cli_cases.SHOWN + 1)))
    assert out.strip() == (f"case 'many' created with 45 incident(s): {first} and "
                           f"{45 - cli_cases.SHOWN} more (raqib case show many)")
    made.incidents = [7, 9]
    assert run(ws, "case", "create", "many")[1].strip() == (
        "case 'many' created with 2 incident(s): 7, 9")
