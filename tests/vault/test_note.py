"""C2SP signed notes (golang.org/x/mod/sumdb/note vectors) and tlog-checkpoint bodies."""

from __future__ import annotations

import base64
import re
from datetime import UTC, datetime, timedelta, timezone

import nacl.signing
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from raqib.errors import ProofError
from raqib.vault import note
from raqib.vault.note import Checkpoint

# --- golang.org/x/mod/sumdb/note note_test.go vectors. ---

PETER_SKEY = "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz"
PETER_VKEY = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"
ENOCH_VKEY = "EnochRoot+af0cfe78+ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop"
GO_TEXT = (
    "If you think cryptography is the answer to your problem,\n"
    "then you don't know what your problem is.\n"
)
PETER_SIG = (
    "— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdng"
    "otpRZb6KE6RyyBwJnAM=\n"
)
ENOCH_SIG = (
    "— EnochRoot rwz+eBzmZa0SO3NbfRGzPCpDckykFXSdeX+MNtCOXm2/5n2tiOHp+vAF1aGrQ5ovTG01oOTGwnWLo"
    "x33WWd1RvMc+QQ=\n"
)


def peter_signing_key() -> nacl.signing.SigningKey:
    raw = base64.b64decode(PETER_SKEY.split("+", 4)[4])
    assert raw[0] == 1
    return nacl.signing.SigningKey(raw[1:])


def test_go_vector_verifier_key_and_key_id() -> None:
    sk = peter_signing_key()
    pub = bytes(sk.verify_key)
    assert note.key_id("PeterNeumann", pub).hex() == "c74f20a3"
    assert note.verifier_key("PeterNeumann", pub) == PETER_VKEY
    assert note.parse_verifier_key(PETER_VKEY) == ("PeterNeumann", pub)
    name, enoch = note.parse_verifier_key(ENOCH_VKEY)
    assert name == "EnochRoot"
    assert note.key_id(name, enoch).hex() == "af0cfe78"


def test_go_vector_sign_is_byte_exact() -> None:
    assert note.sign_note(GO_TEXT, "PeterNeumann", peter_signing_key()) == (
        GO_TEXT + "\n" + PETER_SIG
    )


def test_go_vector_open_with_either_key_ignores_the_other() -> None:
    msg = GO_TEXT + "\n" + PETER_SIG + ENOCH_SIG
    assert note.open_note(msg, *note.parse_verifier_key(PETER_VKEY)) == GO_TEXT
    assert note.open_note(msg, *note.parse_verifier_key(ENOCH_VKEY)) == GO_TEXT


def test_go_vector_verifier_key_manglings_rejected() -> None:
    b = PETER_VKEY
    for i in range(len(b) + 1):
        for j in range(i + 1, len(b) + 1):
            if (i, j) != (0, len(b)):
                with pytest.raises(ProofError):
                    note.parse_verifier_key(b[i:j])
    for i in range(len(b)):
        with pytest.raises(ProofError):
            note.parse_verifier_key(b[:i] + chr(ord(b[i]) + 1) + b[i + 1 :])
    # Wrong-length key and unknown algorithm, each with a matching key hash (Go test).
    for bad in (
        "PeterNeumann+cc469956+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TWBADKEY==",
        "PeterNeumann+173116ae+ZRpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",
    ):
        with pytest.raises(ProofError):
            note.parse_verifier_key(bad)


@pytest.mark.parametrize(
    "msg",
    [
        GO_TEXT,
        GO_TEXT + "\n",
        GO_TEXT + "\n" + PETER_SIG[:-1],
        "\x01" + GO_TEXT + "\n" + PETER_SIG,
        GO_TEXT + "\n" + "— Bad Name x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZ"
        "SNXgKvqfqdngotpRZb6KE6RyyBwJnAM=",
        GO_TEXT + "\n" + PETER_SIG + "Unexpected line.\n",
        GO_TEXT + "\n" + PETER_SIG * 101,
        GO_TEXT + "\n" + PETER_SIG.replace("—", "-"),
        GO_TEXT + "\n" + PETER_SIG.replace("=\n", "\n"),
        GO_TEXT + "\n" + "— PeterNeumann AAAA\n",
        GO_TEXT + "\n" + "\ud800" + PETER_SIG,
    ],
)
def test_go_vector_malformed_notes(msg: str) -> None:
    with pytest.raises(ProofError, match=r"^malformed note: "):
        note.open_note(msg, *note.parse_verifier_key(PETER_VKEY))


def test_go_vector_invalid_signature() -> None:
    msg = GO_TEXT + "\n" + PETER_SIG[:60] + "ABCD" + PETER_SIG[60:]
    with pytest.raises(ProofError, match=r"^signature by PeterNeumann does not verify$"):
        note.open_note(msg, *note.parse_verifier_key(PETER_VKEY))


def test_go_vector_misnamed_signature_is_not_ours() -> None:
    msg = GO_TEXT + "\n" + PETER_SIG.replace("PeterNeumann", "CarmenSandiego")
    with pytest.raises(ProofError, match=r"^no signature by key PeterNeumann\+c74f20a3$"):
        note.open_note(msg, *note.parse_verifier_key(PETER_VKEY))


# --- Own keys: round trips and tampering. ---

KEY = nacl.signing.SigningKey(bytes(range(32)))
PUB = bytes(KEY.verify_key)
OTHER = nacl.signing.SigningKey(bytes(range(1, 33)))
NAME = "vault.example.org/laptop-7f3a"
TEXT = "vault.example.org/laptop-7f3a\n42\n" + "A" * 43 + "=\ntime 2026-11-30T08:33:29.123456Z\n"


def test_round_trip() -> None:
    signed = note.sign_note(TEXT, NAME, KEY)
    assert signed.startswith(TEXT + "\n— " + NAME + " ")
    assert signed.endswith("\n")
    assert note.open_note(signed, NAME, PUB) == TEXT
    raw = base64.b64decode(signed.rsplit(" ", 1)[1])
    assert raw[:4] == note.key_id(NAME, PUB)
    assert len(raw) == 4 + 64


def test_verifier_key_round_trip_and_corrupt_key_id() -> None:
    vkey = note.verifier_key(NAME, PUB)
    assert note.parse_verifier_key(vkey) == (NAME, PUB)
    name, hex_id, b64 = vkey.split("+", 2)
    wrong_id = f"{int(hex_id, 16) ^ 1:08x}"
    with pytest.raises(ProofError, match="wrong key id"):
        note.parse_verifier_key(f"{name}+{wrong_id}+{b64}")
    with pytest.raises(ProofError, match="wrong key id"):
        note.parse_verifier_key(f"other.example+{hex_id}+{b64}")
    for bad_b64 in (b64[:-1], b64[:-4], b64 + "AA==", "!" + b64[1:]):
        with pytest.raises(ProofError):
            note.parse_verifier_key(f"{name}+{hex_id}+{bad_b64}")


@settings(max_examples=150)
@given(st.data())
def test_any_changed_text_character_fails(data: st.DataObject) -> None:
    signed = note.sign_note(TEXT, NAME, KEY)
    pos = data.draw(st.integers(0, len(TEXT) - 1), label="pos")
    choices = st.sampled_from("abcXYZ019+/=.: ").filter(lambda c: c != TEXT[pos])
    tampered = signed[:pos] + data.draw(choices, label="char") + signed[pos + 1 :]
    with pytest.raises(ProofError):
        note.open_note(tampered, NAME, PUB)


@settings(max_examples=150)
@given(st.integers(0, (4 + 64) * 8 - 1))
def test_any_flipped_signature_bit_fails(bit: int) -> None:
    signed = note.sign_note(TEXT, NAME, KEY)
    head, b64 = signed[:-1].rsplit(" ", 1)
    raw = bytearray(base64.b64decode(b64))
    raw[bit // 8] ^= 1 << (bit % 8)
    tampered = f"{head} {base64.b64encode(bytes(raw)).decode()}\n"
    with pytest.raises(ProofError):
        note.open_note(tampered, NAME, PUB)


def test_signed_by_another_key() -> None:
    kid = note.key_id(NAME, PUB).hex()
    for signed in (note.sign_note(TEXT, NAME, OTHER), note.sign_note(TEXT, "someone.else", KEY)):
        with pytest.raises(ProofError, match=f"^{re.escape(f'no signature by key {NAME}+{kid}')}$"):
            note.open_note(signed, NAME, PUB)


def test_unknown_signature_lines_are_ignored() -> None:
    ours = note.sign_note(TEXT, NAME, KEY).removeprefix(TEXT + "\n")
    theirs = note.sign_note(TEXT, "witness.example", OTHER).removeprefix(TEXT + "\n")
    junk = "— witness.example " + base64.b64encode(b"\x00" * 68).decode() + "\n"
    for block in (theirs + ours, ours + theirs, junk + ours + junk):
        assert note.open_note(TEXT + "\n" + block, NAME, PUB) == TEXT


def test_every_signature_by_our_key_must_verify() -> None:
    ours = note.sign_note(TEXT, NAME, KEY).removeprefix(TEXT + "\n")
    forged = note.sign_note("other text\n", NAME, KEY).removeprefix("other text\n\n")
    with pytest.raises(ProofError, match="does not verify"):
        note.open_note(TEXT + "\n" + ours + forged, NAME, PUB)


def test_sign_and_open_argument_checks() -> None:
    for bad_text in ("no newline", "", "tab\there\n"):
        with pytest.raises(ValueError):
            note.sign_note(bad_text, NAME, KEY)
    for bad_name in ("", "has space", "has+plus", "nl\n"):
        with pytest.raises(ValueError):
            note.sign_note(TEXT, bad_name, KEY)
        with pytest.raises(ValueError):
            note.verifier_key(bad_name, PUB)
    with pytest.raises(ProofError, match="31 bytes"):
        note.open_note(note.sign_note(TEXT, NAME, KEY), NAME, PUB[:31])


def test_unicode_text_round_trip() -> None:
    text = "شاهد — témoin\n"
    assert note.open_note(note.sign_note(text, NAME, KEY), NAME, PUB) == text


# --- Checkpoint bodies. ---

C2SP_EXAMPLE = (
    "example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n"
)
ROOT = bytes(range(32))
ROOT_B64 = base64.b64encode(ROOT).decode()


def test_c2sp_example_parses_and_round_trips() -> None:
    cp = Checkpoint.parse(C2SP_EXAMPLE)
    assert cp.origin == "example.com/behind-the-sofa"
    assert cp.size == 20852163
    assert cp.root == base64.b64decode("CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=")
    assert cp.extensions == ()
    assert cp.to_text() == C2SP_EXAMPLE
    assert note.checkpoint_time(cp) is None


def test_to_text_exact() -> None:
    cp = Checkpoint("o", 0, ROOT, ("time 2026-11-30T08:33:29.123456Z", "x y"))
    assert cp.to_text() == f"o\n0\n{ROOT_B64}\ntime 2026-11-30T08:33:29.123456Z\nx y\n"


lines = st.text(
    st.characters(blacklist_categories=("Cs",), min_codepoint=0x20), min_size=1, max_size=20
)


@given(lines, st.integers(0, 2**64 - 1), st.binary(min_size=32, max_size=32), st.lists(lines))
def test_checkpoint_round_trip(origin: str, size: int, root: bytes, ext: list[str]) -> None:
    cp = Checkpoint(origin, size, root, tuple(ext))
    assert Checkpoint.parse(cp.to_text()) == cp


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        (f"\n5\n{ROOT_B64}\n", "empty origin"),
        (f"o\n05\n{ROOT_B64}\n", "not canonical"),
        (f"o\n00\n{ROOT_B64}\n", "not canonical"),
        (f"o\n+5\n{ROOT_B64}\n", "not canonical"),
        (f"o\n-1\n{ROOT_B64}\n", "not canonical"),
        (f"o\n 5\n{ROOT_B64}\n", "not canonical"),
        (f"o\n0x5\n{ROOT_B64}\n", "not canonical"),
        (f"o\n\u0665\n{ROOT_B64}\n", "not canonical"),
        (f"o\n\n{ROOT_B64}\n", "not canonical"),
        (f"o\n{2**64}\n{ROOT_B64}\n", "not canonical"),
        (f"o\n{'9' * 5000}\n{ROOT_B64}\n", "not canonical"),
        ("o\n5\nnot base64!\n", "not base64"),
        (f"o\n5\n{ROOT_B64.rstrip('=')}\n", "not base64"),
        ("o\n5\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAB=\n", "not base64"),
        (f"o\n5\n{base64.b64encode(ROOT[:31]).decode()}\n", "31 bytes"),
        (f"o\n5\n{base64.b64encode(ROOT + b'x').decode()}\n", "33 bytes"),
        (f"o\n5\n{ROOT_B64}", "missing final newline"),
        (f"o\n5\n{ROOT_B64}\n\n", "empty extension"),
        (f"o\n5\n{ROOT_B64}\na\n\nb\n", "empty extension"),
        ("o\n5\n", "fewer than 3"),
        (f"o\r\n5\n{ROOT_B64}\n", "control"),
    ],
)
def test_checkpoint_parse_rejects(text: str, reason: str) -> None:
    with pytest.raises(ProofError, match=f"^malformed checkpoint: .*{reason}"):
        Checkpoint.parse(text)


def test_checkpoint_constructor_rejects_bad_fields() -> None:
    for args in (("", 1, ROOT), ("o", -1, ROOT), ("o", 2**64, ROOT), ("o", 1, ROOT[:31])):
        with pytest.raises(ValueError):
            Checkpoint(*args)
    with pytest.raises(ValueError):
        Checkpoint("o", 1, ROOT, ("",))
    with pytest.raises(ValueError):
        Checkpoint("o", 1, ROOT, ("a\nb",))


def test_checkpoint_time() -> None:
    when = datetime(2026, 11, 30, 8, 33, 29, 123456, tzinfo=UTC)
    line = note.time_extension(when)
    assert line == "time 2026-11-30T08:33:29.123456Z"
    cp = Checkpoint.parse(Checkpoint("o", 3, ROOT, (line,)).to_text())
    assert note.checkpoint_time(cp) == when
    plus3 = when.astimezone(timezone(timedelta(hours=3)))
    assert note.time_extension(plus3) == line
    assert note.time_extension(datetime(2026, 1, 1, tzinfo=UTC)).endswith("T00:00:00.000000Z")
    with pytest.raises(ValueError):
        note.time_extension(datetime(2026, 1, 1))


@pytest.mark.parametrize(
    "ext",
    [
        ("time 2026-11-30T08:33:29Z",),
        ("time 2026-11-30T08:33:29.123Z",),
        ("time 2026-11-30T08:33:29.123456+00:00",),
        ("time 2026-11-30 08:33:29.123456Z",),
        ("time 2026-02-30T08:33:29.123456Z",),
        ("time 2026-11-30T08:33:29.123456Z", "time 2026-11-30T08:33:30.123456Z"),
    ],
)
def test_checkpoint_time_rejects(ext: tuple[str, ...]) -> None:
    with pytest.raises(ProofError, match=r"^malformed checkpoint: "):
        note.checkpoint_time(Checkpoint("o", 3, ROOT, ext))


def test_signed_checkpoint_flow() -> None:
    cp = Checkpoint(NAME, 7, ROOT, (note.time_extension(datetime.now(UTC)),))
    signed = note.sign_note(cp.to_text(), NAME, KEY)
    assert (
        Checkpoint.parse(
            note.open_note(signed, *note.parse_verifier_key(note.verifier_key(NAME, PUB)))
        )
        == cp
    )
