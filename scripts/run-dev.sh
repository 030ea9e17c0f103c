#!/usr/bin/env bash
# Builds the release node (with the dev runtime features: fast governance periods and
# the metadata hash) and starts a single-validator development chain (Alice),
# with a throw-away database. Extra arguments go to poseidon-node, e.g.
#   scripts/run-dev.sh --rpc-port 9955
# RPC: ws://127.0.0.1:9944, Prometheus: http://127.0.0.1:9615/metrics.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
source scripts/prerequisites.sh

build_node
exec "$CARGO_TARGET_DIR/release/poseidon-node" --dev --tmp "$@"
