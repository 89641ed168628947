"""The agent on the box (decoder, parser, store, QR, tags) and the `tillbox` command line."""
