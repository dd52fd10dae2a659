#!/usr/bin/env python3
"""Check a Raqib case bundle with nothing but Python 3.8+ and its standard library.

Run it inside the bundle folder (or pass the folder):  python3 check_case.py [FOLDER]

What it checks, each on its own line:
  1. every file against manifest.json (sha256 and size); files missing or added;
  2. that manifest.json and SHA256SUMS have the hashes written in the signed note
     manifest.json.sig (it reads the note's text; it does NOT check the signature);
  3. for every evidence file that is not sealed: its sha256 is the one its ingest leaf in
     proofs/ records, and that leaf is in the Merkle tree (RFC 6962 / RFC 9162 inclusion
     proof) whose size and root checkpoint.txt states.

What it cannot check: the Ed25519 signatures on checkpoint.txt and manifest.json.sig (the
standard library has no Ed25519). Use `raqib verify-case --key KEY`, or write the signed
messages out with --openssl DIR and check them with OpenSSL 3 (see CHECK.md). Sealed
(encrypted) evidence is checked only as ciphertext, against the manifest.

Exit status: 0 when every check here passed, 1 otherwise.
"""

import argparse
import base64
import hashlib
import json
import os
import sys

SKIP = {"manifest.json", "manifest.json.sig"}
# DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410): the 32 key bytes follow.
ED25519_SPKI = bytes.fromhex("302a300506032b6570032100")


def sha256_file(path):
    digest, size = hashlib.sha256(), 0
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
            size += len(chunk)
    return digest.hexdigest(), size


def leaf_hash(data):
    return hashlib.sha256(b"\x00" + data).digest()


def node_hash(left, right):
    return hashlib.sha256(b"\x01" + left + right).digest()


def verify_inclusion(leaf, index, size, proof, root):
    """RFC 9162 section 2.1.3.2, step by step; True when the proof leads to ``root``."""
    if index < 0 or index >= size or any(len(p) != 32 for p in proof):
        return False
    fn, sn, r = index, size - 1, leaf
    for p in proof:
        if sn == 0:
            return False
        if fn & 1 or fn == sn:
            r = node_hash(p, r)
            while not fn & 1 and fn != 0:
                fn >>= 1
                sn >>= 1
        else:
            r = node_hash(r, p)
        fn >>= 1
        sn >>= 1
    return sn == 0 and r == root


def split_note(text):
    """(signed text, [(key name, base64 key id + signature)]) of a signed note."""
    cut = text.rfind("\n\n")
    if cut < 0:
        raise ValueError("no blank line before the signatures")
    sigs = []
    for line in text[cut + 2:].rstrip("\n").split("\n"):
        name, _, b64 = line[2:].partition(" ")
        sigs.append((name, b64))
    return text[: cut + 1], sigs


def all_files(root):
    found = set()
    for folder, _, files in os.walk(root):
        for name in files:
            rel = os.path.relpath(os.path.join(folder, name), root)
            found.add(rel.replace(os.sep, "/"))
    return found


def check_files(root, manifest, problems):
    listed = manifest["files"]
    present = all_files(root) - SKIP
    for name in sorted(set(listed) | present):
        if name not in present:
            problems.append(name + ": missing (listed in the manifest)")
        elif name not in listed:
            problems.append(name + ": added (not in the manifest)")
        elif sha256_file(os.path.join(root, name)) != (listed[name]["sha256"],
                                                       listed[name]["size"]):
            problems.append(name + ": altered (does not match the manifest)")
    print(f"ok   files: {len(listed)} listed in the manifest, each hashed")


def check_note(root, problems):
    text, _ = split_note(read_text(root, "manifest.json.sig"))
    signed = {}
    for line in text.split("\n")[2:]:
        parts = line.split(" ")
        if len(parts) == 3 and parts[1] == "sha256":
            signed[parts[0]] = parts[2]
    for name in ("manifest.json", "SHA256SUMS"):
        if signed.get(name) != sha256_file(os.path.join(root, name))[0]:
            problems.append(name + ": its sha256 is not the one in manifest.json.sig")
    print("ok   manifest note read (its signature is NOT checked by this script)")


def read_text(root, name):
    with open(os.path.join(root, name), encoding="utf-8") as handle:
        return handle.read()


def check_proofs(root, manifest, problems):
    cp_text = read_text(root, "checkpoint.txt")
    body, _ = split_note(cp_text)
    lines = body.split("\n")
    size, root_hash = int(lines[1]), base64.b64decode(lines[2])
    done = sealed = 0
    for item in manifest.get("evidence", []):
        if item.get("sealed"):
            sealed += 1
            continue
        path, proof_name = item["path"], item["proof"]
        try:
            with open(os.path.join(root, proof_name), encoding="utf-8") as handle:
                proof = json.load(handle)
            leaf = proof["leaf"]
            entry = json.loads(leaf["data"])
            sha = sha256_file(os.path.join(root, path))[0]
            path_hashes = [base64.b64decode(p) for p in proof["inclusion_proof"]]
        except (OSError, ValueError, KeyError, TypeError) as exc:
            problems.append(f"{proof_name}: cannot be read as a proof ({exc})")
            continue
        if proof["checkpoint"] != cp_text or proof["tree_size"] != size:
            problems.append(proof_name + ": is against another checkpoint than checkpoint.txt")
        if entry.get("action") != "ingest" or entry.get("object") != "sha256:" + sha:
            problems.append(path + ": its sha256 is not the one its ingest leaf records")
        if entry.get("seq") != leaf["index"]:
            problems.append(proof_name + ": leaf index differs from the leaf's own seq")
        ok = verify_inclusion(leaf_hash(leaf["data"].encode("utf-8")), leaf["index"], size,
                              path_hashes, root_hash)
        if not ok:
            problems.append(proof_name + ": the inclusion proof does not lead to the root "
                            "in checkpoint.txt")
        done += 1
    print(f"ok   proofs: {done} evidence file(s) checked against checkpoint.txt (size {size})")
    if sealed:
        print(f"note {sealed} sealed file(s): only their ciphertext hash is checked")


def write_openssl(root, out):
    """Write pub.pem and message/signature pairs for `openssl pkeyutl -verify -rawin`."""
    name, _, b64 = read_text(root, "public-key.txt").strip().split("+", 2)
    key = base64.b64decode(b64)[1:]
    os.makedirs(out, exist_ok=True)
    pem = base64.b64encode(ED25519_SPKI + key).decode("ascii")
    with open(os.path.join(out, "pub.pem"), "w") as handle:
        handle.write(f"-----BEGIN PUBLIC KEY-----\n{pem}\n-----END PUBLIC KEY-----\n")
    for label, note in (("checkpoint", "checkpoint.txt"), ("manifest", "manifest.json.sig")):
        text, sigs = split_note(read_text(root, note))
        raw = [base64.b64decode(b) for n, b in sigs if n == name]
        if not raw:
            print(f"FAIL {note}: no signature by {name}")
            continue
        with open(os.path.join(out, label + ".msg"), "wb") as handle:
            handle.write(text.encode("utf-8"))
        with open(os.path.join(out, label + ".sig"), "wb") as handle:
            handle.write(raw[0][4:])
        print("openssl pkeyutl -verify -pubin -inkey {} -rawin -in {} -sigfile {}".format(
            os.path.join(out, "pub.pem"), os.path.join(out, label + ".msg"),
            os.path.join(out, label + ".sig")))


def main(argv):
    parser = argparse.ArgumentParser(description="Check a Raqib case bundle (stdlib only).")
    parser.add_argument("folder", nargs="?", help="the bundle folder (default: this script's)")
    parser.add_argument("--openssl", metavar="DIR",
                        help="also write pub.pem and the signed messages for OpenSSL to DIR")
    opts = parser.parse_args(argv)
    root = opts.folder or os.path.dirname(os.path.abspath(__file__))
    problems = []
    try:
        with open(os.path.join(root, "manifest.json"), encoding="utf-8") as handle:
            manifest = json.load(handle)
        check_files(root, manifest, problems)
        check_note(root, problems)
        check_proofs(root, manifest, problems)
        if opts.openssl:
            write_openssl(root, opts.openssl)
    except (OSError, ValueError, KeyError, TypeError, IndexError) as exc:
        problems.append(f"bundle cannot be read: {exc.__class__.__name__}: {exc}")
    for line in problems:
        print("FAIL " + line)
    print("checks passed (signatures not checked here)" if not problems
          else f"{len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
