#!/usr/bin/env bash
# Regenerates the weights of the runtime's pallets on this machine.
#
# Builds the node with `--features runtime-benchmarks` (the `benchmark` subcommand, and
# a runtime Wasm that carries the benchmarks) into a target subdirectory of its own, so
# the test build is not touched, then runs `benchmark pallet` on that Wasm for each
# pallet: Poseidon's own pallets get pallets/<name>/src/weights.rs (generic over the
# runtime, scripts/pallet-weight-template.hbs); the FRAME pallets of QAS governance get
# runtime/src/weights/<pallet>.rs (this runtime's weights, the CLI's default template).
# Every file gets the same header (scripts/weights-header.txt) and names the machine.
# Last, `benchmark overhead` measures an empty block and a remark on this runtime, the
# base costs every block and every extrinsic pay (runtime/src/weights/block_weights.rs,
# extrinsic_weights.rs).
#
#   scripts/benchmark.sh                          # every pallet below
#   scripts/benchmark.sh pallet_company_treasury  # one pallet
#   scripts/benchmark.sh overhead                 # only the base block and extrinsic
#   STEPS=10 REPEAT=5 scripts/benchmark.sh        # quicker, less precise
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
source scripts/prerequisites.sh
bench_target="$CARGO_TARGET_DIR/benchmarks"

# Poseidon's pallets (scripts/common.sh) -> crate directory under pallets/
declare -A pallets=()
for pallet in "${!POSEIDON_BENCHMARKED_PALLETS[@]}"; do pallets[$pallet]=${POSEIDON_BENCHMARKED_PALLETS[$pallet]}; done
# FRAME pallets measured on this runtime: what every transaction pays (system, its
# extensions, fee payment, the QQQ and QAS transfers) and QAS governance (its tracks,
# currencies and limits)
frame_pallets=(frame_system frame_system_extensions pallet_transaction_payment pallet_balances pallet_timestamp
	pallet_parameters pallet_preimage pallet_scheduler pallet_referenda pallet_conviction_voting)
for pallet in "${frame_pallets[@]}"; do pallets[$pallet]=frame; done
selected=("$@")
((${#selected[@]})) || selected=("${!pallets[@]}" overhead)

CARGO_TARGET_DIR="$bench_target" cargo build --release --locked -p poseidon-node --features runtime-benchmarks
node_bin="$bench_target/release/poseidon-node"
runtime_wasm="$bench_target/release/wbuild/poseidon-runtime/poseidon_runtime.compact.compressed.wasm"

for pallet in "${selected[@]}"; do
	if [[ "$pallet" == overhead ]]; then
		echo "==> overhead"
		"$node_bin" benchmark overhead \
			--runtime "$runtime_wasm" \
			--genesis-builder-preset development \
			--weight-path runtime/src/weights \
			--header scripts/weights-header.txt
		continue
	fi
	dir="${pallets[$pallet]:-}"
	[[ -n "$dir" ]] || { echo "unknown pallet: $pallet" >&2; exit 2; }
	echo "==> $pallet"
	if [[ "$dir" == frame ]]; then
		# a directory: a pallet with two instances (the QQQ and QAS balances) gets a file
		# for each, pallet_balances_crate_balances.rs and pallet_balances_crate_qas_balances.rs
		output=(--output runtime/src/weights/ --header scripts/weights-header.txt)
	else
		output=(--template scripts/pallet-weight-template.hbs --output "pallets/$dir/src/weights.rs" --header scripts/weights-header.txt)
	fi
	"$node_bin" benchmark pallet \
		--runtime "$runtime_wasm" \
		--genesis-builder-preset development \
		--pallet "$pallet" \
		--extrinsic '*' \
		--steps "${STEPS:-50}" \
		--repeat "${REPEAT:-20}" \
		--wasm-execution compiled \
		--heap-pages 4096 \
		"${output[@]}"
	if [[ "$pallet" == frame_system_extensions ]]; then
		# The CLI names the trait after the benchmark's name; frame_system exports it as
		# ExtensionsWeightInfo.
		sed -i 's/frame_system_extensions::WeightInfo/frame_system::ExtensionsWeightInfo/' \
			runtime/src/weights/frame_system_extensions.rs
	fi
done
