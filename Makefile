# The two commands the README starts with:
#   make demo   builds kgraph, runs the main job on seeds/ (store in .kgraph/) and exports it into exports/
#   make test   runs the whole test suite (release profile, so dependencies compile once), then
#               replays the hostile-client attacks against a real `kgraph serve` (scripts/attack-serve.sh)
#   make models retrains every shipped model in models/ from ../shared (`kgraph train all`; see
#               models/README.md); rebuild afterwards to embed the new files
CARGO ?= cargo

.PHONY: demo test deps build models
deps:
	@scripts/ensure-deps.sh

build: deps
	$(CARGO) build --release

demo: build
	./target/release/kgraph build seeds/ --store .kgraph
	./target/release/kgraph export --dir exports --store .kgraph
	./target/release/kgraph stats --store .kgraph

models: build
	./target/release/kgraph train all --shared ../shared --out models --seed 1

test: deps
	@scripts/ensure-deps.sh --python --server
	KGRAPH_PYTHON=$(CURDIR)/.venv/bin/python $(CARGO) test --release
	CARGO=$(CARGO) scripts/attack-serve.sh
