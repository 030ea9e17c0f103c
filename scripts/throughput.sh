#!/usr/bin/env bash
# Measures how many QQQ and QAS transfers, service payments, miner registrations and
# proofs a release dev node puts in its blocks, against the ceiling its block weight and
# length allow for each, and prints the table (tests/e2e/throughput/harness.js).
#
#   scripts/throughput.sh                 # 3 000 accounts
#   scripts/throughput.sh --accounts 500  # fewer
#
# With --idle it instead lets an idle dev node author N blocks (default 1 000, 100
# minutes at 6-second blocks) and prints its resident memory every 100 blocks
# (tests/e2e/throughput/idle-memory.js):
#
#   scripts/throughput.sh --idle
#   scripts/throughput.sh --idle --blocks 200
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
measurement=throughput/run.js
if [[ "${1:-}" == --idle ]]; then
	measurement=throughput/idle-memory.js
	shift
fi
POSEIDON_NEED_NODEJS=1 source scripts/prerequisites.sh
build_node
cd tests/e2e
if [[ ! -d node_modules ]] || [[ package-lock.json -nt node_modules ]]; then
	npm ci --no-audit --no-fund --loglevel=error
fi
POSEIDON_NODE="${POSEIDON_NODE:-$CARGO_TARGET_DIR/release/poseidon-node}" node "$measurement" "$@"
