"""The documents box and cloud exchange, typed once for both sides (`model.py` reads, writes and
describes them). `python -m sync.wire DIR` writes their JSON Schemas (docs/schemas/ holds them)."""
