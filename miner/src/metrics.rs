//! Prometheus metrics, served on `--prometheus-port` (like the node's own).

use substrate_prometheus_endpoint::{
	register, Counter, CounterVec, Gauge, Opts, PrometheusError, Registry, F64, U64,
};

/// What an operator alerts on: proofs going out, rewards coming in, errors.
#[derive(Clone)]
pub struct Metrics {
	pub proofs_submitted: Counter<U64>,
	pub proofs_accepted: Counter<U64>,
	pub eras_missed: Counter<U64>,
	pub claims: Counter<U64>,
	pub rewards_claimed_qqq: Counter<F64>,
	pub errors: CounterVec<U64>,
	pub last_error_time: Gauge<U64>,
	pub current_era: Gauge<U64>,
	pub last_proven_era: Gauge<U64>,
}

impl Metrics {
	pub fn register(registry: &Registry) -> Result<Self, PrometheusError> {
		Ok(Self {
			proofs_submitted: register(
				Counter::new("poseidon_miner_proofs_submitted_total", "Proof transactions sent")?,
				registry,
			)?,
			proofs_accepted: register(
				Counter::new("poseidon_miner_proofs_accepted_total", "Proofs found recorded on chain")?,
				registry,
			)?,
			eras_missed: register(
				Counter::new("poseidon_miner_eras_missed_total", "Eras with usage that could not be proved in time")?,
				registry,
			)?,
			claims: register(Counter::new("poseidon_miner_claims_total", "Reward claims included")?, registry)?,
			rewards_claimed_qqq: register(
				Counter::new("poseidon_miner_rewards_claimed_qqq_total", "QQQ claimed by this agent")?,
				registry,
			)?,
			errors: register(
				CounterVec::new(
					Opts::new("poseidon_miner_errors_total", "Errors by kind (rpc, usage, extrinsic, state)"),
					&["kind"],
				)?,
				registry,
			)?,
			last_error_time: register(
				Gauge::new("poseidon_miner_last_error_timestamp_seconds", "Unix time of the last error")?,
				registry,
			)?,
			current_era: register(Gauge::new("poseidon_miner_current_era", "The chain's current era")?, registry)?,
			last_proven_era: register(
				Gauge::new("poseidon_miner_last_proven_era", "The last era this miner's proof is recorded for")?,
				registry,
			)?,
		})
	}

	pub fn error(&self, kind: &str) {
		self.errors.with_label_values(&[kind]).inc();
		let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0);
		self.last_error_time.set(now);
	}
}

/// Serves `registry` on 127.0.0.1:`port` (or every interface with `external`) from a
/// thread of its own.
pub fn serve(registry: Registry, port: u16, external: bool) {
	let ip = if external { [0, 0, 0, 0] } else { [127, 0, 0, 1] };
	let address = std::net::SocketAddr::from((ip, port));
	std::thread::spawn(move || {
		let runtime = match tokio::runtime::Builder::new_current_thread().enable_all().build() {
			Ok(runtime) => runtime,
			Err(e) => return tracing::error!("metrics: cannot start: {e}"),
		};
		if let Err(e) = runtime.block_on(substrate_prometheus_endpoint::init_prometheus(address, registry)) {
			tracing::error!("metrics: cannot serve on {address}: {e}");
		}
	});
	tracing::info!("Prometheus metrics on http://{address}/metrics");
}
