"""The box's SQLite store: captures, transactions and the outbox, written together or not at all."""
