"""Domain exceptions. Each edge (CLI, later the API) translates them once."""

from __future__ import annotations


class RaqibError(Exception):
    """Base of every error Raqib raises on purpose; the message is one line for a person."""

    exit_code = 1


class WorkspaceError(RaqibError):
    """No workspace where one was expected, or one that cannot be opened or created."""


class DocumentNotFound(RaqibError):
    """No document matches the given id or hash prefix."""


class EvidenceTampered(RaqibError):
    """Stored evidence no longer matches its recorded hash, or the log is inconsistent."""


class SigningRefused(RaqibError):
    """A checkpoint was not signed because the log failed the pre-signing checks."""


class ProofError(RaqibError):
    """A proof bundle is malformed or does not verify."""


class ResourceError(RaqibError, ValueError):
    """An extraction resource (event model, taxonomy, gazetteer, actor dictionary) that
    cannot be read, or that holds nothing of its kind."""
