"""Incidents: reports of one real-world event linked across sources, graded and contested."""
