#!/usr/bin/env bash
# Runs every test of the project:
#   1. builds the release node, the miner agent and the next runtime's Wasm with the dev
#      runtime features, and runs their Rust tests;
#   2. builds every other crate's tests (pallets, primitives, the runtime) with one
#      feature set, the dev features plus try-runtime and runtime-benchmarks, and runs
#      them: unit tests, the pallets' benchmarks as tests, the runtime's integration tests
#      with the call-sequence fuzzer and the upgrade checks, and the real network's
#      governance periods (compiled into every build);
#   3. the network dashboard's unit tests and build;
#   4. the end-to-end suite (tests/e2e) against the release node, which also drives the
#      dashboard in Chromium.
# Installs missing prerequisites first, and prints each step's duration at the end. The
# two builds are the only two feature sets: nothing else compiles twice
# (docs/benchmarks.md, "Build").
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
trap step_summary EXIT

step "Prerequisites"
POSEIDON_NEED_NODEJS=1 source scripts/prerequisites.sh

step "Build: release node, miner agent and next runtime (dev features)"
build_node --timings

step "Rust tests of the node, the miner agent and the next runtime"
cargo test --release --locked "${POSEIDON_NODE_CRATES[@]}" --features "$POSEIDON_DEV_FEATURES"

# Native only: these tests never run the Wasm runtime, and a Wasm build with
# try-runtime and runtime-benchmarks would be one more runtime build.
step "Build: Rust tests of the pallets and the runtime (dev + try-runtime + runtime-benchmarks)"
SKIP_WASM_BUILD=1 cargo test --release --locked --workspace --exclude poseidon-node --exclude poseidon-miner \
	--exclude poseidon-runtime-next --features "$POSEIDON_TEST_FEATURES" --no-run --timings

step "Rust tests of the pallets and the runtime"
SKIP_WASM_BUILD=1 cargo test --release --locked --workspace --exclude poseidon-node --exclude poseidon-miner \
	--exclude poseidon-runtime-next --features "$POSEIDON_TEST_FEATURES"

# The network dashboard (dashboard/): its unit tests, then the build that
# dashboard.test.js drives in Chromium against a dev node, with the other end-to-end tests.
step "Dashboard: unit tests and build"
(cd dashboard && npm ci --no-audit --no-fund --loglevel=error && npm test && npm run build)

step "End-to-end tests"
cd tests/e2e
if [[ ! -d node_modules ]] || [[ package-lock.json -nt node_modules ]]; then
	npm ci --no-audit --no-fund --loglevel=error
fi
# Three files at a time (the nodes mostly wait for blocks, so two cores keep up), the
# slowest first so the last ones finish together (durations in docs/benchmarks.md, "Build").
slowest_first=(seat-capture governance local-testnet miner-agent deposits rewards validator-faults dashboard
	runtime-upgrade throughput-smoke production node-robustness dev-chain)
e2e_files=()
for name in "${slowest_first[@]}"; do e2e_files+=("test/$name.test.js"); done
for file in test/*.test.js; do
	[[ " ${e2e_files[*]} " == *" $file "* ]] || e2e_files+=("$file")
done
POSEIDON_NODE="$CARGO_TARGET_DIR/release/poseidon-node" node --test --test-concurrency=3 "${e2e_files[@]}"
