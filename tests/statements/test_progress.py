"""A statement run reports its phases to a progress display; the command line shows them
beside its spinner on a terminal and shows nothing when piped."""

from __future__ import annotations

import datetime as dt

from click.testing import CliRunner

from rulesengine.cli.main import main
from rulesengine.cli.spinner import phase_shown
from rulesengine.statements.statement_run import run_statements

RUN = dt.date(2026, 2, 1)


def test_a_live_run_reports_each_phase_as_it_starts(practice):
    practice.encounter("E1")
    phases: list[str] = []
    run_statements(practice.store, practice.rules, RUN, live=True, progress=phases.append)
    assert phases == ["load", "evaluate", "save"]


def test_a_test_run_writes_nothing_so_reports_no_save(practice):
    practice.encounter("E1")
    phases: list[str] = []
    run_statements(practice.store, practice.rules, RUN, live=False, progress=phases.append)
    assert phases == ["load", "evaluate"]


class FakeStatus:
    def __init__(self) -> None:
        self.shown: list[str] = []

    def update(self, text: str) -> None:
        self.shown.append(text)


def test_the_spinner_names_the_phase_in_words():
    status = FakeStatus()
    show = phase_shown(status, "Running the live batch")
    show("load")
    show("save")
    assert [str(text) for text in status.shown] == [  # rich Text: never read as markup
        "Running the live batch: reading the ledger",
        "Running the live batch: writing the batch and queueing its notifications",
    ]


def test_piped_output_has_no_progress_display(practice, tmp_path):
    assert phase_shown(None, "Running") is None  # no spinner: no callback
    practice.encounter("E1")
    result = CliRunner().invoke(
        main,
        [
            "--db",
            str(tmp_path / "practice.db"),
            "run",
            "--rules",
            practice.rules.path,
            "--date",
            RUN.isoformat(),
            "--test",
        ],
    )
    assert result.exit_code == 0, result.output
    assert "Running the" not in result.output
    assert "reading the ledger" not in result.output
