"""Tests against real serial devices and the till simulators (POS emulator, printer emulator)."""
