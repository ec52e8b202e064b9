"""The invalid scenario files here are golden cases for the loader, not scenarios to run:
pytest's scenario plugin must not collect them (tests/scenarios/test_golden_errors.py loads
them and compares the problems with the ``.txt`` next to each). Nor the refused ones, which
load but stop at a refused step (tests/data/cli/cases.yaml runs them through the command)."""

collect_ignore_glob = ["invalid/*", "refused/*"]
