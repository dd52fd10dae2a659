"""Extraction: from a report's words to ACLED-coded events and claims, each tied to its words.

Each concern is one stage module (sentences, dates, numbers, weapons, actors, places, events,
assembly, claims) exposing ``create(options) -> Stage``; ``raqib.extract.pipeline`` runs them
in order and stamps their versioned names on the output.
"""
