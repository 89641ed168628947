"""The physical line: links, pass-through pumps, ESC/POS framer, spool. Imports nothing of ours."""
