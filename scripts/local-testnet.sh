#!/usr/bin/env bash
# Starts a four-validator network (Alice, Bob, Charlie, Dave; chain `local`) on
# loopback: each node has its own base path and ports, Alice is the bootnode of the
# others. Beside each node runs its validator's miner agent (poseidon-miner): the launch
# validators are miners from genesis and prove the machine's work every era, so that they
# stay eligible as supernode candidates like any miner. Ctrl-C (or SIGTERM) stops all.
#
#   scripts/local-testnet.sh [--no-build] [--base-port P] [--dir DIR] [-- extra node flags]
#
# Node i (0 = Alice) listens on p2p P+i, RPC P+100+i, Prometheus P+200+i
# (P = 30333 by default: Alice's RPC is 30433). Logs are in DIR/<name>.log, the agents'
# in DIR/<name>-miner.log (their data in DIR/<name>-miner, no metrics endpoint).
#
#   scripts/local-testnet.sh --no-build --node I --base-port P --dir DIR
#
# starts node I alone, in the foreground (the script becomes the node: same pid, output
# on stdout), with the base path, ports and keys it has in the network, so that a
# supervisor or a test can stop and restart single validators (tests/e2e faults test).
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

build=1
base_port=30333
dir=""
only=""
extra=()
while (($#)); do
	case "$1" in
		--no-build) build=0 ;;
		--base-port) base_port="$2"; shift ;;
		--dir) dir="$2"; shift ;;
		--node) only="$2"; shift ;;
		--) shift; extra=("$@"); break ;;
		*) echo "unknown argument: $1" >&2; exit 2 ;;
	esac
	shift
done

if [[ -n "$only" ]] && ! [[ -n "$dir" && "$only" =~ ^[0-3]$ ]]; then
	echo "error: --node takes 0 to 3, and needs --dir" >&2
	exit 2
fi
if ((build)); then
	source scripts/prerequisites.sh
	build_node
fi
node_bin="${POSEIDON_NODE:-$CARGO_TARGET_DIR/release/poseidon-node}"
[[ -x "$node_bin" ]] || { echo "error: $node_bin not found; run without --no-build" >&2; exit 1; }
# The miner agent is built with the node (scripts/common.sh, build_node).
miner_bin="${POSEIDON_MINER:-$(dirname "$node_bin")/poseidon-miner}"
[[ -n "$only" || -x "$miner_bin" ]] || { echo "error: $miner_bin not found; run without --no-build" >&2; exit 1; }

if [[ -z "$dir" ]]; then
	dir="$(mktemp -d -t poseidon-local-XXXXXX)"
	cleanup_dir=1
else
	mkdir -p "$dir"
	cleanup_dir=0
fi

names=(alice bob charlie dave)
# Fixed, public network keys (dev-only secrets 0x…01 to 0x…04): validators need a
# network key, and Alice's gives her a peer id known before she starts, so the others
# can use her as their bootnode.
node_key() { printf '%064x' $(($1 + 1)); }
alice_peer_id="$(node_key 0 | "$node_bin" key inspect-node-key)"

# The command line of node $1 (0 = Alice) in the array `args`.
node_args() {
	local i=$1 name="${names[$1]}"
	args=(
		--chain local
		--"$name"
		--base-path "$dir/$name"
		--rpc-port $((base_port + 100 + i))
		--prometheus-port $((base_port + 200 + i))
		--listen-addr "/ip4/127.0.0.1/tcp/$((base_port + i))"
		--rpc-cors all
		--no-mdns
		--no-telemetry
		--node-key "$(node_key "$i")"
	)
	if ((i > 0)); then
		args+=(--bootnodes "/ip4/127.0.0.1/tcp/$base_port/p2p/$alice_peer_id")
	fi
	args+=("${extra[@]}")
}

if [[ -n "$only" ]]; then
	node_args "$only"
	exec "$node_bin" "${args[@]}"
fi

pids=()
node_pids=()
stop_all() {
	trap - INT TERM EXIT
	for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
	# Give the nodes 15 s to close their databases, then kill what is left.
	for _ in $(seq 30); do
		local alive=0
		for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null && alive=1; done
		((alive)) || break
		sleep 0.5
	done
	for pid in "${pids[@]}"; do
		kill -9 "$pid" 2>/dev/null || true
		wait "$pid" 2>/dev/null || true
	done
	if ((cleanup_dir)); then rm -rf "$dir"; fi
	echo "local testnet stopped"
}
trap 'stop_all; exit 0' INT TERM
trap stop_all EXIT

# The launch validators' device profile: the one they are registered with at genesis
# (LAUNCH_MINER_PROFILE in runtime/src/genesis_config_presets.rs), so no agent sends an
# update.
cat >"$dir/launch-miner-profile.toml" <<'PROFILE'
bandwidth_mbps = 1000
cpu_millicores = 8000
storage_gib = 2000
region = 1
PROFILE

for i in "${!names[@]}"; do
	name="${names[$i]}"
	node_args "$i"
	"$node_bin" "${args[@]}" >"$dir/$name.log" 2>&1 &
	pids+=($!)
	node_pids+=($!)
	echo "$name: pid $! rpc ws://127.0.0.1:$((base_port + 100 + i)) log $dir/$name.log"
	# Its miner agent proves what this machine served (the Linux counters); it connects
	# when the node's RPC is up, and reconnects after a restart.
	"$miner_bin" run --url "ws://127.0.0.1:$((base_port + 100 + i))" --suri "//${name^}" \
		--profile "$dir/launch-miner-profile.toml" --usage-source linux --data-dir "$dir/$name-miner" \
		--no-prometheus >"$dir/$name-miner.log" 2>&1 &
	pids+=($!)
done
echo "local testnet running in $dir; Ctrl-C stops it"

# Exit (and stop the others) as soon as one node dies.
wait -n "${node_pids[@]}" || true
echo "a node exited; stopping the network" >&2
exit 1
