#!/usr/bin/env bash
# Measures the resident memory of an idle release dev node: starts it on free loopback
# ports, lets it author N blocks with no transactions (default 1 000, 100 minutes at
# 6-second blocks) and prints its RSS every 100 blocks (tests/e2e/throughput/idle-memory.js).
#
#   scripts/idle-memory.sh               # 1 000 blocks
#   scripts/idle-memory.sh --blocks 200  # fewer
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
POSEIDON_NEED_NODEJS=1 source scripts/prerequisites.sh
build_workspace
cd tests/e2e
if [[ ! -d node_modules ]] || [[ package-lock.json -nt node_modules ]]; then
	npm ci --no-audit --no-fund --loglevel=error
fi
POSEIDON_NODE="${POSEIDON_NODE:-$CARGO_TARGET_DIR/release/poseidon-node}" node throughput/idle-memory.js "$@"
