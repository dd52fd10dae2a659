"""What leaves Raqib: data exports and imports, case files, periodic reports."""
