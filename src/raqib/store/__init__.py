"""Database models, the storage adapter and migrations."""
