# The two commands the README starts with:
#   make demo   builds kgraph, runs the main job on seeds/ (store in .kgraph/) and exports it into exports/
#   make test   runs the whole test suite (release profile, so dependencies compile once), then
#               replays the hostile-client attacks against a real `kgraph serve` (scripts/attack-serve.sh)
CARGO ?= cargo

.PHONY: demo test deps build
deps:
	@scripts/ensure-deps.sh

build: deps
	$(CARGO) build --release

demo: build
	./target/release/kgraph build seeds/ --store .kgraph
	./target/release/kgraph export --dir exports --store .kgraph
	./target/release/kgraph stats --store .kgraph

test: deps
	@scripts/ensure-deps.sh --python --server
	KGRAPH_PYTHON=$(CURDIR)/.venv/bin/python $(CARGO) test --release
	CARGO=$(CARGO) scripts/attack-serve.sh
