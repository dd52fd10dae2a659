"""Capture: readers that turn stored bytes into text and metadata (see ``base``)."""
