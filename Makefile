# The newcomer's path: `make serve` and `make test` do all the set-up on a fresh machine.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
HOST   ?= 127.0.0.1
PORT   ?= 8080
WORKERS ?= 2

.PHONY: serve reset test install contracts bench clean

# setuptools notes every editable install of a package_dir layout ("Editable
# installation.", InformationOnly) and pip shows it as a warning; others stay visible.
$(STAMP): setup.cfg pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip setuptools wheel
	PYTHONWARNINGS='ignore:Editable installation' \
	    $(PY) -m pip install --quiet -e '.[server,postgres,test]'
	touch $(STAMP)

install: $(STAMP)

serve: $(STAMP)
	$(VENV)/bin/discimus serve --init --host $(HOST) --port $(PORT) --workers $(WORKERS)

# Demo data back to its seed (database emptied, journal included); PKI kept.
reset: $(STAMP)
	$(VENV)/bin/discimus reset

test: $(STAMP)
	$(PY) -m pytest -q

contracts: $(STAMP)
	$(VENV)/bin/discimus contracts export

bench: $(STAMP)
	$(PY) bench/throughput.py

clean:
	rm -rf $(VENV) var/*.sqlite* var/pki build *.egg-info
