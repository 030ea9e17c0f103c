//! `poseidon-node`: the Poseidon chain node.
//!
//! Aura authors blocks, GRANDPA finalizes them, ParityDB stores them; the JSON-RPC
//! server offers the standard methods plus `system_*` and `payment_*`, and Prometheus
//! metrics are served on `--prometheus-port` (9615 by default).

#![warn(missing_docs)]

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod chain_spec;
mod cli;
mod command;
mod rpc;
mod service;

fn main() -> sc_cli::Result<()> {
	command::run()
}
