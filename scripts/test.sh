#!/usr/bin/env bash
# Runs every test of the project:
#   1. builds the workspace (the release node and every test target, with the dev
#      runtime features) and runs the Rust tests of the whole workspace (pallets,
#      runtime, node), then the production-runtime test in a build without them, and
#      the fuzzer and upgrade checks in a build with try-runtime;
#   2. each pallet's benchmarks, run as tests (feature runtime-benchmarks);
#   3. the end-to-end suite (tests/e2e) against the release node, after building the
#      network dashboard (dashboard/), which the suite drives in Chromium.
# Installs missing prerequisites first. The node and the tests are built in one cargo
# invocation (release profile, same feature set), so nothing compiles twice.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
POSEIDON_NEED_NODEJS=1 source scripts/prerequisites.sh

step "Build: release node and test targets"
build_workspace

step "Rust tests of the workspace"
cargo test --release --locked --workspace --features "$POSEIDON_DEV_FEATURES"

# The runtime a real network runs, without fast-runtime: its real governance periods.
# Native only (no Wasm), and over the whole workspace so that every dependency keeps the
# features of the build above: only the runtime crate and this test compile again.
step "Rust tests of the production runtime build"
SKIP_WASM_BUILD=1 cargo test --release --locked --workspace --test production_runtime

# The call-sequence fuzzer and the runtime-upgrade checks run every pallet's try_state
# and the migrations' pre- and post-upgrade checks, which exist only with the runtime's
# try-runtime feature: native only, on top of the dev features (the FRAME crates compile
# once more with it).
step "Rust tests with try-runtime: call-sequence fuzzer, upgrade checks"
SKIP_WASM_BUILD=1 cargo test --release --locked --workspace \
	--features "$POSEIDON_DEV_FEATURES,poseidon-runtime/try-runtime" --test call_sequences --test runtime_upgrade

step "Pallet benchmarks as tests"
for pallet in "${!POSEIDON_BENCHMARKED_PALLETS[@]}"; do
	cargo test --release --locked -p "${pallet//_/-}" --features runtime-benchmarks -- benchmarking
done

# The network dashboard (dashboard/): its unit tests, then the build that
# dashboard.test.js drives in Chromium against a dev node, with the other end-to-end tests.
step "Dashboard: unit tests and build"
(cd dashboard && npm ci --no-audit --no-fund --loglevel=error && npm test && npm run build)

step "End-to-end tests"
cd tests/e2e
if [[ ! -d node_modules ]] || [[ package-lock.json -nt node_modules ]]; then
	npm ci --no-audit --no-fund --loglevel=error
fi
POSEIDON_NODE="$CARGO_TARGET_DIR/release/poseidon-node" node --test --test-concurrency=2 test/*.test.js
