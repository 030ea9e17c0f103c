//! # poseidon-miner
//!
//! The program an edge miner runs next to its serving software so that it takes part
//! in Poseidon without anyone crafting extrinsics by hand: it registers the miner,
//! proves the usage it served once every era, and claims its QQQ.
//!
//! ```text
//! poseidon-miner run --url ws://127.0.0.1:9944 --key-file miner.key \
//!     --profile profile.toml --usage-source file:/var/lib/edge/usage.json
//! poseidon-miner status --url ws://127.0.0.1:9944 --key-file miner.key
//! ```
//!
//! ## Where things are
//!
//! [`agent`] is the loop of `run`; [`commands`] the one-shot commands. The loop is
//! built from: [`usage`] (where usage is read), [`ledger`] (the era's records and the
//! evidence root), [`proof`] (when an era is proved and the chain's capacity rule),
//! [`state`] (what survives a restart), [`chain`] and [`rpc`] (the node), [`profile`]
//! (`profile.toml`) and [`metrics`] (Prometheus).

mod agent;
mod chain;
mod commands;
mod ledger;
mod metrics;
mod profile;
mod proof;
mod rpc;
mod state;
#[cfg(test)]
mod tests;
mod usage;

use clap::{Args, Parser, Subcommand};
use std::{path::PathBuf, time::Duration};

#[derive(Parser)]
#[command(name = "poseidon-miner", version, about = "Registers a Poseidon miner, proves its usage every era and claims its QQQ.")]
struct Cli {
	#[command(subcommand)]
	command: Command,
}

#[derive(Args)]
struct Connection {
	/// The node's RPC address (ws:// or http://, same port).
	#[arg(long, default_value = "ws://127.0.0.1:9944")]
	url: String,
	/// The miner's secret URI (a mnemonic, a 0x seed, or //Alice on a dev chain).
	#[arg(long, conflicts_with = "key_file", required_unless_present = "key_file")]
	suri: Option<String>,
	/// A file holding the miner's secret URI (chmod 600).
	#[arg(long)]
	key_file: Option<PathBuf>,
}

impl Connection {
	fn pair(&self) -> Result<sp_core::sr25519::Pair, String> {
		match (&self.suri, &self.key_file) {
			(Some(suri), _) => chain::pair_from_suri(suri),
			(None, Some(path)) => chain::pair_from_key_file(path),
			(None, None) => Err("give --suri or --key-file".into()),
		}
	}

	fn chain(&self) -> Result<chain::Chain, String> {
		chain::Chain::connect(&self.url).map_err(|e| e.to_string())
	}
}

#[derive(Subcommand)]
enum Command {
	/// Run the agent: register, prove every era, claim rewards. Runs until stopped.
	Run {
		#[command(flatten)]
		connection: Connection,
		/// The device profile (bandwidth_mbps, cpu_millicores, storage_gib, region).
		#[arg(long)]
		profile: PathBuf,
		/// Where usage is read: file:PATH, http://HOST/PATH, or linux[:iface=,cgroup=,disk=].
		#[arg(long)]
		usage_source: usage::UsageSource,
		/// Where the agent keeps its state and the era's usage records.
		#[arg(long, default_value = "poseidon-miner-data")]
		data_dir: PathBuf,
		/// Milliseconds between two rounds.
		#[arg(long, default_value_t = 2_000)]
		poll_ms: u64,
		/// Port of the Prometheus endpoint.
		#[arg(long, default_value_t = 9616)]
		prometheus_port: u16,
		/// Serve metrics on every interface rather than loopback only.
		#[arg(long)]
		prometheus_external: bool,
		/// No metrics endpoint.
		#[arg(long)]
		no_prometheus: bool,
	},
	/// Registration, bond, this era's proof, claimable rewards and totals.
	Status {
		#[command(flatten)]
		connection: Connection,
		/// The agent's data directory, for its totals.
		#[arg(long)]
		data_dir: Option<PathBuf>,
	},
	/// Claim every settled era's rewards now.
	Claim {
		#[command(flatten)]
		connection: Connection,
	},
	/// Stop mining: the bond starts unbonding.
	Deregister {
		#[command(flatten)]
		connection: Connection,
	},
	/// Release the bond once unbonding is over.
	WithdrawBond {
		#[command(flatten)]
		connection: Connection,
	},
}

fn main() {
	tracing_subscriber::fmt()
		.with_env_filter(
			tracing_subscriber::EnvFilter::try_from_default_env()
				.unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info")),
		)
		.with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
		.with_writer(std::io::stderr)
		.init();
	if let Err(e) = run(Cli::parse()) {
		eprintln!("error: {e}");
		std::process::exit(1);
	}
}

fn run(cli: Cli) -> Result<(), String> {
	match cli.command {
		Command::Run {
			connection,
			profile,
			usage_source,
			data_dir,
			poll_ms,
			prometheus_port,
			prometheus_external,
			no_prometheus,
		} => {
			let registry = substrate_prometheus_endpoint::Registry::new();
			let metrics = metrics::Metrics::register(&registry).map_err(|e| e.to_string())?;
			if !no_prometheus {
				metrics::serve(registry, prometheus_port, prometheus_external);
			}
			let config = agent::AgentConfig {
				url: connection.url.clone(),
				pair: connection.pair()?,
				profile: profile::load(&profile)?,
				profile_path: Some(profile),
				source: usage_source,
				data_dir,
				poll: Duration::from_millis(poll_ms.max(100)),
			};
			agent::Agent::new(config, metrics)?.run()
		},
		Command::Status { connection, data_dir } => {
			let who = sp_core::Pair::public(&connection.pair()?).into();
			commands::status(&connection.chain()?, &who, data_dir.as_deref())
		},
		Command::Claim { connection } => commands::claim(&connection.chain()?, &connection.pair()?),
		Command::Deregister { connection } => commands::deregister(&connection.chain()?, &connection.pair()?),
		Command::WithdrawBond { connection } => commands::withdraw_bond(&connection.chain()?, &connection.pair()?),
	}
}
