"""Raqib: monitoring and documenting violations in armed conflict."""

__version__ = "0.1.0"
