"""Customer data at rest: the key file, sealed values, and a store file that shows no member or phone.

Invariant 6's proof from here is in tests/invariants/test_6_nobody_gets_in.py:
`test_the_store_file_holds_no_member_number_or_phone_in_clear`."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from edge.store.sealing import (
    SealError,
    load_or_create_key,
)
from sync.secret_file import SecretFileError


def test_key_is_made_once_with_mode_0600(tmp_path: Path) -> None:
    path = tmp_path / "lib" / "box.key"
    key = load_or_create_key(path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600 and len(path.read_bytes()) == 32
    assert load_or_create_key(path) == key  # the second start reads the same key


def test_a_key_others_can_read_or_a_damaged_key_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "box.key"
    load_or_create_key(path)
    os.chmod(path, 0o644)
    with pytest.raises(SecretFileError, match="readable by others"):
        load_or_create_key(path)
    os.chmod(path, 0o600)
    path.write_bytes(b"short")
    with pytest.raises(SecretFileError, match="5 bytes"):
        load_or_create_key(path)


def test_sealed_values_open_only_with_the_same_key_and_purpose(tmp_path: Path) -> None:
    key = load_or_create_key(tmp_path / "a.key")
    other = load_or_create_key(tmp_path / "b.key")
    sealed = key.seal_text("8800852669", "member_id")
    assert "8800852669" not in sealed and sealed != key.seal_text("8800852669", "member_id")
    assert key.open_text(sealed, "member_id") == "8800852669"
    with pytest.raises(SealError):
        other.open_text(sealed, "member_id")
    with pytest.raises(SealError):
        key.open_text(sealed, "phone_masked")  # moved to another field: does not open
