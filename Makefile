# Every target creates .venv and installs what it needs, so a fresh clone needs only python3.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint bench clean

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

# Every run measures a fresh database (so runs compare: `anp-synth bench compare out/A.json out/B.json`)
# and keeps its reports under out/, named by the time it started.
OUT := $(CURDIR)/out
RUN_AT = $(shell date -u +%Y%m%dT%H%M%SZ)

run: $(STAMP)
	@mkdir -p $(OUT)
	@rm -f $(OUT)/anp-synth.db $(OUT)/anp-synth.db-wal $(OUT)/anp-synth.db-shm
	$(eval AT := $(RUN_AT))
	$(BIN)/anp-synth bench --db sqlite:///$(OUT)/anp-synth.db \
		--report $(OUT)/bench-$(AT).json --html $(OUT)/bench-$(AT).html
	@echo "disk used under $(OUT): $$(du -sh $(OUT) | cut -f1) (make clean removes it)"

test: $(STAMP)
	$(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

bench: $(STAMP)
	$(BIN)/python benchmarks/run_all.py

clean:
	rm -rf $(VENV) $(OUT) .mypy_cache .ruff_cache .hypothesis
