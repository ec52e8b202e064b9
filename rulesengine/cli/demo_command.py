"""The ``demo`` command: the whole flow on a generated sample practice (README.md).

The demo is imported when the command runs, not when ``rulesengine`` starts: start-up time.
"""

from __future__ import annotations

from pathlib import Path

import click

__all__ = ["COMMANDS", "demo"]


@click.command()
@click.argument(
    "directory", required=False, default="rulesengine-demo", type=click.Path(file_okay=False)
)
@click.option(
    "--guarantors", default=300, show_default=True, help="How many guarantors to generate."
)
@click.option("--months", default=6, show_default=True, help="How many monthly runs.")
@click.option("--seed", default=2026, show_default=True, help="Seed of the generated practice.")
def demo(directory: str, guarantors: int, months: int, seed: int) -> None:
    """The whole flow on a generated sample practice, with nothing to configure."""
    from rulesengine.demo.demo_run import run_demo

    run_demo(Path(directory), guarantors=guarantors, months=months, seed=seed, echo=click.echo)


#: Every command of this module, for ``main.add_command``.
COMMANDS: list[click.Command] = [demo]
