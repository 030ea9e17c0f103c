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

# Prints a step's name and the time it starts.
step() { printf '\n==> %s (%s)\n' "$1" "$(date +%T)"; }

# Builds the release node together with every test target of the workspace, with
# $POSEIDON_DEV_FEATURES. run-dev.sh, local-testnet.sh and test.sh all build this way:
# cargo unifies features over what one invocation builds, so building the node alone
# would give it another feature set than the tests and recompile the runtime and the
# node each time one follows the other.
build_workspace() {
	cargo build --release --locked --workspace --all-targets --features "$POSEIDON_DEV_FEATURES"
}
