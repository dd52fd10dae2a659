"""Evidence vault: Merkle log, signed checkpoints, keys and sealing."""
