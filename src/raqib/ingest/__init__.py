"""Ingest: store the bytes, parse them, record document and custody leaf together."""
