# Sourced first by every script in scripts/ (and by .ci/run through test.sh): the
# repository root as working directory, the shared cargo target directory, the dev
# runtime features, the pallets with benchmarks, and the build every script shares.
# Installing what is missing is scripts/prerequisites.sh, which a script sources when
# it builds.
set -euo pipefail
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root"
# One target directory for every checkout, so a fresh clone (CI's) reuses the build.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/poseidon-target}"
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"
# openssl-sys (WebRTC in the networking stack, through litep2p) links the system OpenSSL
# instead of compiling its vendored copy (five minutes of a cold build; docs/benchmarks.md,
# "Build"). prerequisites.sh installs libssl-dev. Every script sets it, so the build
# scripts' fingerprints never differ between them.
export OPENSSL_NO_VENDOR="${OPENSSL_NO_VENDOR:-1}"

# The runtime features of the node for dev and local chains and of the tests:
# `fast-runtime` (governance periods of blocks, not days) and `metadata-hash` (the hash
# `CheckMetadataHash` signers verify, so the tests sign the way hardware wallets do).
POSEIDON_DEV_FEATURES="poseidon-runtime/fast-runtime,poseidon-runtime/metadata-hash"

# Poseidon's pallets with benchmarks: their name in the runtime's benchmark list, and
# their directory under pallets/ (benchmark.sh writes their weights; test.sh runs their
# benchmarks as tests). Their crate is the name with `-` for `_`.
declare -A POSEIDON_BENCHMARKED_PALLETS=(
	[pallet_company_treasury]=company-treasury
	[pallet_proof_of_resource]=proof-of-resource
	[pallet_revenue]=revenue
	[pallet_deposits]=deposits
	[pallet_supernodes]=supernodes
	[pallet_aura_equivocation]=aura-equivocation
)

# Every Rust test of the workspace builds with one feature set: the dev features, and
# `try-runtime` (every pallet's try_state, the migrations' checks: the call-sequence
# fuzzer and the upgrade checks) and `runtime-benchmarks` (each pallet's benchmarks run as
# tests), as polkadot-sdk's own CI does. So the FRAME crates compile once for the tests,
# not once per feature set (docs/benchmarks.md, "Build").
POSEIDON_TEST_FEATURES="$POSEIDON_DEV_FEATURES,poseidon-runtime/try-runtime,poseidon-runtime/runtime-benchmarks"

# The crates whose tests build with the node (the dev features, no test-only features):
# the node, the miner agent (both link the native runtime the node has) and the next
# runtime release (Wasm only). Every other crate's tests build with
# $POSEIDON_TEST_FEATURES.
POSEIDON_NODE_CRATES=(-p poseidon-node -p poseidon-miner -p poseidon-runtime-next)

# Prints a step's name and the time it starts, and keeps both for step_summary.
step_names=()
step_starts=()
step() {
	step_names+=("$1")
	step_starts+=("$(date +%s)")
	printf '\n==> %s (%s)\n' "$1" "$(date +%T)"
}

# Prints how long each step took (the last one until now) and the total; test.sh calls
# it on exit, so a failed run shows its times too.
step_summary() {
	((${#step_names[@]})) || return 0
	local now index end
	now="$(date +%s)"
	printf '\n==> Step times\n'
	for index in "${!step_names[@]}"; do
		end="${step_starts[index + 1]:-$now}"
		printf '%8s  %s\n' "$(format_duration $((end - step_starts[index])))" "${step_names[index]}"
	done
	printf '%8s  total\n' "$(format_duration $((now - step_starts[0])))"
}

format_duration() { printf '%dm%02ds' $(($1 / 60)) $(($1 % 60)); }

# Builds the release node, the miner agent and the next runtime release's Wasm with
# $POSEIDON_DEV_FEATURES, and their tests. run-dev.sh, local-testnet.sh, throughput.sh and
# test.sh all build this way: cargo unifies features over what one invocation builds, so
# another selection would give the node another feature set and recompile it each time
# one follows the other. Extra arguments go to cargo (test.sh passes --timings).
build_node() {
	cargo build --release --locked "${POSEIDON_NODE_CRATES[@]}" --all-targets --features "$POSEIDON_DEV_FEATURES" "$@"
}
