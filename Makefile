# The two commands of the README: `make demo` and `make test`.
# Both create .venv with a supported Python (3.11 or 3.12) if it is missing,
# install rulesengine and its built-in plugins into it, then do their work.

PYTHON ?= $(shell for p in python3.12 python3.11 python3; do \
	command -v $$p >/dev/null 2>&1 && $$p -c 'import sys; sys.exit(not (3, 11) <= sys.version_info[:2] < (3, 13))' 2>/dev/null && echo $$p && break; \
	done)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# Built-in channel plugins, and the example third-party plugin (its tests run too).
PLUGIN_SETUPS := $(wildcard plugins/*/setup.cfg examples/plugins/*/setup.cfg)
PLUGIN_DIRS := $(sort $(dir $(PLUGIN_SETUPS)))

.PHONY: demo test install lint clean

demo: $(STAMP)
	$(BIN)/rulesengine demo

# The suite runs in parallel (pytest-xdist): one worker per CPU, at most 4, a test file's
# tests in one worker. `make test TEST_WORKERS=0` runs it in this one process instead. Tests
# marked `alone` (a wall-clock bound other workers could break) run after, one at a time.
TEST_WORKERS ?= auto
TEST_PATHS := tests $(wildcard plugins/*/tests examples/plugins/*/tests) examples/scenarios

test: $(STAMP)
	$(BIN)/python -m pytest -q -p no:cacheprovider -n $(TEST_WORKERS) --maxprocesses 4 \
		--dist loadfile -m "not alone" $(TEST_PATHS)
	$(BIN)/python -m pytest -q -p no:cacheprovider -m alone $(TEST_PATHS)

install: $(STAMP)

$(STAMP): setup.cfg pyproject.toml $(PLUGIN_SETUPS)
	@if [ -z "$(PYTHON)" ]; then echo "rulesengine needs Python 3.11 or 3.12 (durable-rules does not import on 3.13); none was found on PATH" >&2; exit 1; fi
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -qq --upgrade pip
	$(BIN)/python -m pip install -qq -e '.[test,postgresql]' $(foreach d,$(PLUGIN_DIRS),-e $(d))
	@touch $(STAMP)

lint: $(STAMP)
	$(BIN)/python -m pip install -qq ruff mypy
	$(BIN)/ruff check rulesengine tests plugins examples benchmarks
	$(BIN)/ruff format --check rulesengine tests plugins examples benchmarks
	$(BIN)/mypy rulesengine $(filter-out %.egg-info,$(foreach d,$(PLUGIN_DIRS),$(wildcard $(d)rulesengine_*)))

clean:
	rm -rf $(VENV) build *.egg-info
