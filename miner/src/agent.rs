//! `poseidon-miner run`: the unattended loop.
//!
//! Every round (`--poll-ms`, 2 s by default) the agent reads the best block and the era
//! clock, takes a usage reading into the era's ledger, and then does at most one thing
//! that costs a transaction, in this order:
//!
//! 1. follow the transaction in flight (re-send the same bytes until its nonce is used
//!    or it expires, then log what the chain made of it);
//! 2. register, if the account is not a miner yet;
//! 3. close the recorded era when it ends and prove it (once, clamped to capacity,
//!    never if the chain already holds a proof for it);
//! 4. update the profile when `profile.toml` changed;
//! 5. claim settled rewards, [`MaxClaimEras`](pallet_revenue::Config::MaxClaimEras) eras
//!    per call, once per era as soon as the previous era has settled.
//!
//! A failed round (node down, connection lost) is logged and retried, with the state
//! file making the retry exact: see [`crate::state`].

use crate::{
	chain::{self, Chain, Head, Node},
	ledger::{Ledger, UsageRecord},
	metrics::Metrics,
	proof,
	rpc::RpcError,
	state::{AgentState, PendingTx, Reading, StateFile, TxPurpose},
	usage::UsageSource,
};
use frame_support::traits::Get;
use pallet_proof_of_resource::{Miner, MinerProfile, MinerStatus, ResourceUsage};
use poseidon_primitives::{
	era::{finality_delay, EraIndex},
	tokens::QQQ,
	AccountId, Balance,
};
use poseidon_runtime::{Runtime, RuntimeCall};
use sp_core::{crypto::Ss58Codec, sr25519, Pair};
use std::{path::PathBuf, time::Duration};
use tracing::{debug, error, info, warn};

/// What `run` needs.
pub struct AgentConfig {
	pub url: String,
	pub pair: sr25519::Pair,
	pub profile: MinerProfile,
	/// Where `profile` was read; read again when the file changes.
	pub profile_path: Option<PathBuf>,
	pub source: UsageSource,
	pub data_dir: PathBuf,
	pub poll: Duration,
}

/// Amount in QQQ, for logs.
pub fn qqq(amount: Balance) -> String {
	format!("{}.{:04} QQQ", amount / QQQ, (amount % QQQ) / (QQQ / 10_000))
}

fn now_ms() -> u64 {
	std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_millis() as u64).unwrap_or(0)
}

pub struct Agent {
	config: AgentConfig,
	account: AccountId,
	ledger: Ledger,
	state_file: StateFile,
	state: AgentState,
	metrics: Metrics,
	/// The era in which a registration or profile update last failed: not retried (and
	/// paid for) again before the next era.
	last_failed_setup: Option<EraIndex>,
	/// The era in which claimable rewards were last looked up.
	last_claim_look: Option<EraIndex>,
	/// When the profile file was last read.
	profile_read_at: Option<std::time::SystemTime>,
}

impl Agent {
	pub fn new(config: AgentConfig, metrics: Metrics) -> Result<Self, String> {
		std::fs::create_dir_all(&config.data_dir)
			.map_err(|e| format!("cannot create {}: {e}", config.data_dir.display()))?;
		let account = AccountId::from(config.pair.public());
		let state_file = StateFile::new(&config.data_dir);
		let state = state_file.load()?;
		if !state.account.is_empty() && state.account != account.to_ss58check() {
			return Err(format!(
				"{} belongs to miner {}, not {}: use another --data-dir",
				config.data_dir.display(),
				state.account,
				account.to_ss58check()
			));
		}
		let ledger = Ledger::open(&config.data_dir)?;
		if let Some(era) = state.last_proven_era {
			metrics.last_proven_era.set(u64::from(era));
		}
		Ok(Self {
			config,
			account,
			ledger,
			state_file,
			state,
			metrics,
			last_failed_setup: None,
			last_claim_look: None,
			profile_read_at: None,
		})
	}

	/// What the agent remembers (its state file's content).
	#[cfg(test)]
	pub fn state(&self) -> &AgentState {
		&self.state
	}

	/// Runs until the process is stopped.
	pub fn run(mut self) -> ! {
		info!("miner {} starting, data in {}", self.account.to_ss58check(), self.config.data_dir.display());
		let mut chain: Option<Chain> = None;
		let mut backoff = self.config.poll;
		loop {
			let result = match &chain {
				Some(connected) => self.round(connected),
				None => Chain::connect(&self.config.url).and_then(|connected| {
					self.adopt_chain(&connected)?;
					info!("connected to {}", self.config.url);
					let result = self.round(&connected);
					chain = Some(connected);
					result
				}),
			};
			match result {
				Ok(()) => backoff = self.config.poll,
				Err(e) => {
					self.metrics.error("rpc");
					warn!("{e}; retrying in {} s", backoff.as_secs_f32());
					// Reconnect from scratch: the node may have restarted or been upgraded.
					chain = None;
					std::thread::sleep(backoff);
					backoff = (backoff * 2).min(Duration::from_secs(30));
					continue;
				},
			}
			std::thread::sleep(self.config.poll);
		}
	}

	/// Binds the data directory to this chain, or refuses another chain's.
	fn adopt_chain(&mut self, chain: &Chain) -> Result<(), RpcError> {
		let genesis = format!("{:?}", chain.genesis);
		if self.state.genesis.is_empty() {
			self.state.genesis = genesis;
			self.state.account = self.account.to_ss58check();
			self.save();
		} else if self.state.genesis != genesis {
			error!("{} was used on chain {}, this node runs {genesis}", self.config.data_dir.display(), self.state.genesis);
			std::process::exit(2);
		}
		Ok(())
	}

	fn save(&mut self) {
		if let Err(e) = self.state_file.save(&self.state) {
			self.metrics.error("state");
			error!("{e}");
		}
	}

	/// One round: read, record, then at most one transaction.
	pub fn round(&mut self, chain: &impl Node) -> Result<(), RpcError> {
		let head = chain.best_head()?;
		let clock = chain.era_clock(head.hash)?;
		self.metrics.current_era.set(u64::from(clock.current));
		self.record_usage(head, clock.current);

		if self.state.pending.is_some() {
			return self.follow_pending(chain, head);
		}
		let Some(miner) = chain.miner(&self.account, head.hash)? else {
			return self.register(chain, head, clock.current);
		};
		if self.prove(chain, head, &clock, &miner)? {
			return Ok(());
		}
		self.reload_profile();
		if self.update_profile(chain, head, &clock, &miner)? {
			return Ok(());
		}
		self.claim(chain, head, &clock)
	}

	/// Takes a usage reading and appends what was served since the last one to the
	/// ledger of the era being recorded.
	fn record_usage(&mut self, head: Head, current_era: EraIndex) {
		let unix_ms = now_ms();
		let previous = self.state.last_reading.clone();
		let elapsed = previous.as_ref().map(|p| unix_ms.saturating_sub(p.unix_ms) as f64 / 1000.0).unwrap_or(0.0);
		let counters = match self.config.source.read(previous.as_ref().map(|p| &p.counters), elapsed) {
			Ok(counters) => counters,
			Err(e) => {
				self.metrics.error("usage");
				return warn!("usage reading failed: {e}");
			},
		};
		let era = *self.state.recording_era.get_or_insert(current_era);
		self.state.last_reading = Some(Reading { counters, block: head.number, unix_ms });
		// The reading is saved before the record is written: a crash in between loses
		// one interval rather than counting it twice.
		self.save();
		if let Some(previous) = previous {
			let served = counters.since(&previous.counters);
			if served != Default::default() {
				if let Err(e) = self.ledger.append(&UsageRecord { era, block: head.number, unix_ms, served }) {
					self.metrics.error("state");
					error!("{e}");
				}
			}
		}
	}

	/// Signs `call` with the account's next nonce, as a transaction to follow.
	fn sign(&self, chain: &impl Node, head: Head, purpose: TxPurpose, call: RuntimeCall) -> Result<PendingTx, RpcError> {
		let nonce = chain.next_nonce(&self.account)?;
		let extrinsic = format!("0x{}", hex::encode(chain.sign(&self.config.pair, call, nonce, head)?));
		let valid_until = head.number.saturating_add(chain::MORTALITY as u32 - 1);
		Ok(PendingTx { purpose, nonce, extrinsic, born: head.number, valid_until })
	}

	/// Saves `pending` as the transaction in flight, then sends it.
	fn dispatch(&mut self, chain: &impl Node, pending: PendingTx) -> Result<(), RpcError> {
		let (purpose, nonce, extrinsic) = (pending.purpose.clone(), pending.nonce, pending.extrinsic.clone());
		self.state.pending = Some(pending);
		self.save();
		match chain.submit(&extrinsic) {
			Ok(()) => Ok(debug!("sent {purpose:?} with nonce {nonce}")),
			Err(RpcError::Call { code, message, data }) => {
				// Refused by the pool: it will never be included, so nothing was paid.
				self.metrics.error("extrinsic");
				error!("the node refused {purpose:?}: {message} ({code}) {}", data.unwrap_or_default());
				self.state.pending = None;
				self.save();
				Ok(())
			},
			// Unknown whether it arrived: it stays in flight and is re-sent.
			Err(e) => Err(e),
		}
	}

	/// Signs `call` and sends it as the transaction in flight.
	fn send(&mut self, chain: &impl Node, head: Head, purpose: TxPurpose, call: RuntimeCall) -> Result<(), RpcError> {
		let pending = self.sign(chain, head, purpose, call)?;
		self.dispatch(chain, pending)
	}

	/// Follows the transaction in flight to its end.
	fn follow_pending(&mut self, chain: &impl Node, head: Head) -> Result<(), RpcError> {
		let Some(pending) = self.state.pending.clone() else { return Ok(()) };
		if chain.account_nonce(&self.account, head.hash)? <= pending.nonce {
			if head.number > pending.valid_until {
				warn!("{:?} expired without being included; deciding again", pending.purpose);
				self.state.pending = None;
				self.save();
			} else if let Err(e) = chain.submit(&pending.extrinsic) {
				// The pool may refuse a re-send it judges stale; the nonce tells the truth.
				debug!("re-sending {:?}: {e}", pending.purpose);
			}
			return Ok(());
		}
		let last = head.number.min(pending.valid_until);
		let outcome = chain.find_outcome(&pending.extrinsic, pending.born, last)?;
		let block = outcome.as_ref().map(|(b, _)| *b);
		let failure = match outcome {
			Some((_, Ok(()))) => None,
			Some((_, Err(reason))) => Some(reason),
			None => Some("its nonce was used by another transaction of this account".into()),
		};
		match (&pending.purpose, failure) {
			(TxPurpose::Proof { era, .. }, None) => {
				let power = chain.proof(*era, &self.account, head.hash)?.map(|p| p.power).unwrap_or_default();
				info!("proof of era {era} recorded in block {}: power {power}", block.unwrap_or_default());
				self.metrics.proofs_accepted.inc();
				self.metrics.last_proven_era.set(u64::from(*era));
				self.state.last_proven_era = Some(*era);
			},
			(TxPurpose::Claim { eras }, None) => {
				let amount: Balance = eras.iter().map(|(_, a)| *a).sum();
				let list: Vec<EraIndex> = eras.iter().map(|(e, _)| *e).collect();
				info!("claimed {} for eras {list:?} in block {}", qqq(amount), block.unwrap_or_default());
				self.state.total_claimed = self.state.total_claimed.saturating_add(amount);
				self.state.claims_made += 1;
				self.metrics.claims.inc();
				self.metrics.rewards_claimed_qqq.inc_by(amount as f64 / QQQ as f64);
				// More may be waiting beyond this batch.
				self.last_claim_look = None;
			},
			(TxPurpose::Register, None) => info!("registered as a miner in block {}", block.unwrap_or_default()),
			(TxPurpose::UpdateProfile, None) =>
				info!("profile update recorded in block {}; it applies from the next era", block.unwrap_or_default()),
			(purpose, Some(reason)) => {
				self.metrics.error("extrinsic");
				error!("{purpose:?} failed: {reason}");
				if matches!(purpose, TxPurpose::Register | TxPurpose::UpdateProfile) {
					self.last_failed_setup = Some(chain.era_clock(head.hash)?.current);
				}
			},
		}
		self.state.pending = None;
		self.save();
		Ok(())
	}

	fn register(&mut self, chain: &impl Node, head: Head, era: EraIndex) -> Result<(), RpcError> {
		if self.last_failed_setup == Some(era) {
			return Ok(());
		}
		let (bond, free) = (chain.miner_bond(head.hash)?, chain.free_balance(&self.account, head.hash)?);
		if free <= bond {
			// The chain would take the fee and refuse: ask the operator instead, once an era.
			warn!("not registered: registering holds a bond of {}, the account has {} free", qqq(bond), qqq(free));
			self.last_failed_setup = Some(era);
			return Ok(());
		}
		info!("not registered: registering with {:?}, bond {}", self.config.profile, qqq(bond));
		let call = RuntimeCall::ProofOfResource(pallet_proof_of_resource::Call::register_miner {
			profile: self.config.profile,
		});
		self.send(chain, head, TxPurpose::Register, call)
	}

	/// Closes the recorded era when it ends and proves it. Returns whether a
	/// transaction was sent.
	fn prove(
		&mut self,
		chain: &impl Node,
		head: Head,
		clock: &pallet_proof_of_resource::EraState<u32>,
		miner: &Miner<Balance>,
	) -> Result<bool, RpcError> {
		let Some(era) = self.state.recording_era else { return Ok(false) };
		if !proof::should_close(era, clock, head.number) {
			return Ok(false);
		}
		let signed = match self.proof_of(chain, head, clock, miner, era)? {
			Some((usage, evidence)) => {
				let call =
					RuntimeCall::ProofOfResource(pallet_proof_of_resource::Call::submit_proof { era, usage, evidence });
				Some(self.sign(chain, head, TxPurpose::proof(era, &usage, &evidence), call)?)
			},
			None => None,
		};
		// Only now, with everything read and signed, is the era closed (and saved with the
		// proof in flight): a failure above leaves it open for the next round.
		self.state.recording_era = Some(era.saturating_add(1).max(clock.current));
		self.ledger.prune(clock.current);
		let Some(pending) = signed else {
			self.save();
			return Ok(false);
		};
		self.metrics.proofs_submitted.inc();
		self.state.proofs_submitted += 1;
		self.dispatch(chain, pending)?;
		Ok(true)
	}

	/// The proof to make of `era`, closing now: its usage, clamped to what the capacity
	/// can serve, and its evidence; `None` (and why, in the log) when there is none to
	/// make or the chain would refuse it.
	fn proof_of(
		&mut self,
		chain: &impl Node,
		head: Head,
		clock: &pallet_proof_of_resource::EraState<u32>,
		miner: &Miner<Balance>,
		era: EraIndex,
	) -> Result<Option<(ResourceUsage, [u8; 32])>, RpcError> {
		let (served, evidence, records) = self.ledger.summary(era).map_err(RpcError::Transport)?;
		let usage = ResourceUsage {
			bandwidth_bytes: served.bandwidth_bytes,
			cpu_seconds: served.cpu_seconds.floor() as u64,
			storage_gib_hours: served.storage_gib_hours.floor() as u64,
		};
		if chain.proof(era, &self.account, head.hash)?.is_some() {
			info!("era {era} is already proved on chain; not proving it again");
			self.state.last_proven_era = Some(era);
			return Ok(None);
		}
		if usage.is_empty() {
			info!("era {era}: nothing served ({records} readings), no proof to make");
			return Ok(None);
		}
		if !proof::accepts_proof_after(era, clock, head.number) {
			warn!("era {era} closed for proofs before it could be proved (was the agent stopped?): {usage:?} unproved");
			self.state.eras_missed += 1;
			self.metrics.eras_missed.inc();
			return Ok(None);
		}
		let min_bond = <Runtime as pallet_proof_of_resource::Config>::MinBondToProve::get();
		if !miner.may_prove(era) || miner.bond < min_bond {
			info!("era {era}: this miner may not prove it ({:?}, bond {})", miner.status, qqq(miner.bond));
			return Ok(None);
		}
		let limits = chain.max_capacity(head.hash)?;
		let era_ms = proof::era_duration_ms(era, clock, poseidon_primitives::time::MILLISECS_PER_BLOCK);
		let bound = proof::capacity_bound(miner.profile_for(era), &limits, era_ms);
		let (usage, clamped) = proof::clamp(usage, &bound);
		if !clamped.is_empty() {
			warn!("era {era}: usage above what the declared capacity can serve ({}); clamped to {bound:?}", clamped.join(", "));
		}
		info!("proving era {era}: {usage:?}, evidence 0x{} over {records} readings", hex::encode(evidence));
		Ok(Some((usage, evidence)))
	}

	/// Reads `profile.toml` again if it changed since it was last read.
	fn reload_profile(&mut self) {
		let Some(path) = &self.config.profile_path else { return };
		let Ok(modified) = std::fs::metadata(path).and_then(|m| m.modified()) else { return };
		if self.profile_read_at.is_some_and(|read| read >= modified) {
			return;
		}
		self.profile_read_at = Some(modified);
		match crate::profile::load(path) {
			Ok(profile) => self.config.profile = profile,
			Err(e) => {
				self.metrics.error("profile");
				error!("{e}; keeping {:?}", self.config.profile);
			},
		}
	}

	/// Sends the profile from `profile.toml` if it differs from the one the chain will
	/// apply next era, when the chain accepts an update. Returns whether it sent one.
	fn update_profile(
		&mut self,
		chain: &impl Node,
		head: Head,
		clock: &pallet_proof_of_resource::EraState<u32>,
		miner: &Miner<Balance>,
	) -> Result<bool, RpcError> {
		let next_era = clock.current.saturating_add(1);
		if miner.status != MinerStatus::Active ||
			*miner.profile_for(next_era) == self.config.profile ||
			self.last_failed_setup == Some(clock.current)
		{
			return Ok(false);
		}
		// The chain keeps the previous era's profile while its late proofs are accepted.
		let replaced_this_era = matches!(miner.next_profile, Some((from, _)) if from == clock.current);
		if replaced_this_era && proof::accepts_proof_after(clock.current.saturating_sub(1), clock, head.number) {
			return Ok(false);
		}
		info!("profile.toml differs from the registered profile: updating to {:?}", self.config.profile);
		let call = RuntimeCall::ProofOfResource(pallet_proof_of_resource::Call::update_profile {
			profile: self.config.profile,
		});
		self.send(chain, head, TxPurpose::UpdateProfile, call)?;
		Ok(true)
	}

	/// Claims settled rewards: once per era, as soon as the previous era has settled
	/// (its challenge window over), and again right after a claim.
	fn claim(
		&mut self,
		chain: &impl Node,
		head: Head,
		clock: &pallet_proof_of_resource::EraState<u32>,
	) -> Result<(), RpcError> {
		let era = clock.current;
		let settles_at = clock.start.saturating_add(finality_delay(clock.previous_length));
		if self.last_claim_look == Some(era) || head.number < settles_at {
			return Ok(());
		}
		let claimable = chain.claimable(&self.account, head.hash)?;
		self.last_claim_look = Some(era);
		if claimable.is_empty() {
			return Ok(());
		}
		let (call, batch) = claim_call(&self.account, &claimable);
		info!("claiming {} for eras {:?}", qqq(batch.iter().map(|(_, a)| a).sum()), batch.iter().map(|(e, _)| e).collect::<Vec<_>>());
		self.send(chain, head, TxPurpose::Claim { eras: batch }, call)
	}
}

/// The claim of the first [`MaxClaimEras`](pallet_revenue::Config::MaxClaimEras) of
/// `claimable`, and the eras (with amounts) it claims.
pub fn claim_call(miner: &AccountId, claimable: &[(EraIndex, Balance)]) -> (RuntimeCall, Vec<(EraIndex, Balance)>) {
	let max = <<Runtime as pallet_revenue::Config>::MaxClaimEras as Get<u32>>::get() as usize;
	let batch: Vec<(EraIndex, Balance)> = claimable.iter().take(max).copied().collect();
	let eras: Vec<EraIndex> = batch.iter().map(|(e, _)| *e).collect();
	let eras = eras.try_into().expect("at most MaxClaimEras eras were taken; qed");
	(RuntimeCall::Revenue(pallet_revenue::Call::claim_miner_rewards { miner: miner.clone(), eras }), batch)
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn a_claim_takes_at_most_the_runtimes_maximum_of_eras_oldest_first() {
		let miner = AccountId::from([1u8; 32]);
		let claimable: Vec<(EraIndex, Balance)> = (1..=40).map(|e| (e, Balance::from(e) * QQQ)).collect();
		let (call, batch) = claim_call(&miner, &claimable);
		assert_eq!(batch.len(), 32);
		assert_eq!(batch.first(), Some(&(1, QQQ)));
		assert_eq!(batch.last(), Some(&(32, 32 * QQQ)));
		let RuntimeCall::Revenue(pallet_revenue::Call::claim_miner_rewards { miner: who, eras }) = call else {
			panic!("not a claim")
		};
		assert_eq!(who, miner);
		assert_eq!(eras.into_inner(), (1..=32).collect::<Vec<_>>());
	}

	#[test]
	fn amounts_are_shown_in_qqq_with_four_decimals() {
		assert_eq!(qqq(1_234_567_800_000_000), "1234.5678 QQQ");
		assert_eq!(qqq(0), "0.0000 QQQ");
	}
}
