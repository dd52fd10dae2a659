"""Service functions shared by the CLI and (later) the API: one place for each operation."""
