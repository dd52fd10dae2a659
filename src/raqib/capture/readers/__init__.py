"""Built-in capture readers: each module exposes ``READERS``, collected by the registry."""
