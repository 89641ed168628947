"""The till simulators: a POS that replays captures, a printer that answers like a real one."""
