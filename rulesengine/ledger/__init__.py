"""Ledger folders of CSV files: reading and checking them for ``rulesengine import``."""

from __future__ import annotations

from rulesengine.ledger.csv_columns import FILES, MAX_COLUMNS
from rulesengine.ledger.csv_folder import read_ledger_dir, validate_against_store

__all__ = ["FILES", "MAX_COLUMNS", "read_ledger_dir", "validate_against_store"]
