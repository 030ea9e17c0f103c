#!/usr/bin/env bash
# Runs the end-to-end suite (tests/e2e) against the release node that scripts/test.sh
# builds first; test.sh runs it beside its second build. On its own:
#   bash scripts/e2e.sh                        # every file
#   bash scripts/e2e.sh test/governance.test.js
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

cd tests/e2e
if [[ ! -d node_modules ]] || [[ package-lock.json -nt node_modules ]]; then
	npm ci --no-audit --no-fund --loglevel=error
fi
if (($#)); then
	e2e_files=("$@")
else
	# Three files at a time (the nodes mostly wait for blocks, so two cores keep up), the
	# slowest first so the last ones finish together (durations in docs/benchmarks.md,
	# "Build"); a file not listed here runs after these.
	slowest_first=(governance local-testnet seat-capture miner-agent deposits rewards validator-faults dashboard
		runtime-upgrade throughput-smoke production node-robustness dev-chain)
	e2e_files=()
	for name in "${slowest_first[@]}"; do e2e_files+=("test/$name.test.js"); done
	for file in test/*.test.js; do
		[[ " ${e2e_files[*]} " == *" $file "* ]] || e2e_files+=("$file")
	done
fi
POSEIDON_NODE="${POSEIDON_NODE:-$CARGO_TARGET_DIR/release/poseidon-node}" \
	node --test --test-concurrency=3 "${e2e_files[@]}"
