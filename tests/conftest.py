"""Shared test helpers: golden files that are written when missing or when PROOFREAD_UPDATE_GOLDEN=1."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

GOLDEN = Path(__file__).parent / "golden"


def assert_golden(name: str, actual: str) -> None:
    path = GOLDEN / name
    if os.environ.get("PROOFREAD_UPDATE_GOLDEN") == "1" or not path.exists():
        path.write_text(actual, encoding="utf-8")
        return
    expected = path.read_text(encoding="utf-8")
    assert actual == expected, f"{name} differs; rerun with PROOFREAD_UPDATE_GOLDEN=1 if the change is intended"


@pytest.fixture
def golden():
    return assert_golden
