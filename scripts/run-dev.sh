#!/usr/bin/env bash
# Builds the release node and starts a single-validator development chain (Alice),
# with a throw-away database. Extra arguments go to poseidon-node, e.g.
#   scripts/run-dev.sh --rpc-port 9955
# RPC: ws://127.0.0.1:9944, Prometheus: http://127.0.0.1:9615/metrics.
set -euo pipefail
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root"
source scripts/prerequisites.sh
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/poseidon-target}"

build_workspace
exec "$CARGO_TARGET_DIR/release/poseidon-node" --dev --tmp "$@"
