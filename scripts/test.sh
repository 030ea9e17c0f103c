#!/usr/bin/env bash
# Runs every test of the project:
#   1. builds the release node, the miner agent and the next runtime's Wasm with the dev
#      runtime features, and runs their Rust tests;
#   2. the network dashboard's unit tests and build;
#   3. starts the end-to-end suite (tests/e2e, scripts/e2e.sh) against the release node,
#      which also drives the dashboard in Chromium, in the background;
#   4. meanwhile builds every other crate's tests (pallets, primitives, the runtime) with
#      one feature set, the dev features plus try-runtime and runtime-benchmarks, and runs
#      them: unit tests, the pallets' benchmarks as tests, the runtime's integration tests
#      with the call-sequence fuzzer and the upgrade checks, and the real network's
#      governance periods (compiled into every build);
#   5. waits for the end-to-end suite and shows its output.
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

# The network dashboard (dashboard/): its unit tests, then the build that
# dashboard.test.js drives in Chromium against a dev node, with the other end-to-end tests.
step "Dashboard: unit tests and build"
(cd dashboard && npm ci --no-audit --no-fund --loglevel=error && npm test && npm run build)

# The end-to-end suite needs only the release node (and the dashboard's build), so it runs
# beside build 2 and the Rust tests instead of after them: its nodes mostly wait for
# blocks, and the compiler and the Rust tests run at the lowest CPU priority, so the
# nodes keep their slots (docs/benchmarks.md, "Build"). It runs in its own process group,
# which is stopped with everything in it if this script ends first; its output is shown
# when it ends.
step "End-to-end tests: started in the background"
e2e_log="$(mktemp -t poseidon-e2e.XXXXXX.log)"
e2e_started="$(date +%s)"
setsid -w bash scripts/e2e.sh >"$e2e_log" 2>&1 &
e2e_pid=$!
stop_e2e() {
	kill -- -"$e2e_pid" 2>/dev/null || true
	step_summary
}
trap stop_e2e EXIT

# Native only: these tests never run the Wasm runtime, and a Wasm build with
# try-runtime and runtime-benchmarks would be one more runtime build.
step "Build: Rust tests of the pallets and the runtime (dev + try-runtime + runtime-benchmarks)"
SKIP_WASM_BUILD=1 nice -n 19 cargo test --release --locked --workspace --exclude poseidon-node \
	--exclude poseidon-miner --exclude poseidon-runtime-next --features "$POSEIDON_TEST_FEATURES" --no-run --timings

step "Rust tests of the pallets and the runtime"
SKIP_WASM_BUILD=1 nice -n 19 cargo test --release --locked --workspace --exclude poseidon-node \
	--exclude poseidon-miner --exclude poseidon-runtime-next --features "$POSEIDON_TEST_FEATURES"

step "End-to-end tests: the rest of the suite"
e2e_status=0
wait "$e2e_pid" || e2e_status=$?
e2e_took="$(format_duration $(($(date +%s) - e2e_started)))"
cat "$e2e_log"
rm -f "$e2e_log"
printf '\n==> the end-to-end suite took %s (beside build 2 and the Rust tests)\n' "$e2e_took"
exit "$e2e_status"
