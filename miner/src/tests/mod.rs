//! The agent against an in-memory chain that keeps the pallet's rules for what the
//! agent does: one proof per (miner, era) and a duplicate fails *and pays*, a
//! transaction is included once per nonce, the era clock with its grace window.

mod restarts;
mod rounds;

use crate::{
	agent::{Agent, AgentConfig},
	chain::{Head, Node},
	metrics::Metrics,
	rpc::RpcError,
	usage::{Counters, UsageSource},
};
use codec::{Decode, Encode};
use pallet_proof_of_resource::{CapacityLimits, EraState, Miner, MinerProfile, MinerStatus, ProofRecord};
use poseidon_primitives::{era::EraIndex, AccountId, Balance, BlockNumber, Nonce};
use poseidon_runtime::RuntimeCall;
use sp_core::{sr25519, Pair, H256};
use std::{cell::RefCell, collections::BTreeMap, path::PathBuf, time::Duration};

pub const ERA_LENGTH: BlockNumber = 10;
pub const BOND: Balance = 1_000 * poseidon_primitives::tokens::QQQ;

pub fn profile() -> MinerProfile {
	MinerProfile { bandwidth_mbps: 100, cpu_millicores: 4_000, storage_gib: 100, region: 1 }
}

/// What the fake chain has done, for the tests to check.
pub struct ChainState {
	pub best: BlockNumber,
	pub clock: EraState<BlockNumber>,
	pub miner: Option<Miner<Balance>>,
	pub proofs: BTreeMap<EraIndex, ProofRecord>,
	pub nonce: Nonce,
	pub pool: Vec<String>,
	/// Every extrinsic the node was sent, resends included.
	pub submissions: Vec<String>,
	/// Included extrinsics: hex → (block, outcome).
	pub included: BTreeMap<String, (BlockNumber, Result<(), String>)>,
	/// Failed calls (which pay their fee on the real chain).
	pub failures: Vec<String>,
	pub claimable: Vec<(EraIndex, Balance)>,
	pub claimed: Vec<EraIndex>,
	pub reachable: bool,
	pub free: Balance,
	/// `system_accountNextIndex` fails (the node answers everything else).
	pub nonce_unavailable: bool,
}

pub struct FakeNode {
	pub state: RefCell<ChainState>,
}

impl Default for ChainState {
	fn default() -> Self {
		ChainState {
			best: 1,
			clock: EraState { current: 0, start: 1, length: ERA_LENGTH, previous_length: ERA_LENGTH },
			miner: None,
			proofs: BTreeMap::new(),
			nonce: 0,
			pool: Vec::new(),
			submissions: Vec::new(),
			included: BTreeMap::new(),
			failures: Vec::new(),
			claimable: Vec::new(),
			claimed: Vec::new(),
			reachable: true,
			free: 10 * BOND,
			nonce_unavailable: false,
		}
	}
}

fn hash_of(number: BlockNumber) -> H256 {
	H256::from_low_u64_be(u64::from(number))
}

impl FakeNode {
	pub fn new() -> Self {
		Self { state: RefCell::new(ChainState::default()) }
	}

	fn up(&self) -> Result<(), RpcError> {
		if self.state.borrow().reachable {
			Ok(())
		} else {
			Err(RpcError::Transport("connection refused".into()))
		}
	}

	/// Authors the next block: starts an era when due (the grace window is the first
	/// quarter of the next era), then applies the pool in nonce order.
	pub fn author_block(&self) {
		let mut s = self.state.borrow_mut();
		s.best += 1;
		let now = s.best;
		if now >= s.clock.start + s.clock.length {
			let previous_length = now - s.clock.start;
			s.clock = EraState { current: s.clock.current + 1, start: now, length: ERA_LENGTH, previous_length };
		}
		let pool = std::mem::take(&mut s.pool);
		for extrinsic in pool {
			let (nonce, call): (Nonce, RuntimeCall) =
				Decode::decode(&mut &hex::decode(&extrinsic[2..]).unwrap()[..]).unwrap();
			if nonce != s.nonce {
				continue;
			}
			s.nonce += 1;
			let outcome = apply(&mut s, call, now);
			if let Err(e) = &outcome {
				s.failures.push(e.clone());
			}
			s.included.insert(extrinsic, (now, outcome));
		}
	}

	pub fn author_blocks(&self, n: u32) {
		(0..n).for_each(|_| self.author_block());
	}

	pub fn proofs_sent(&self) -> Vec<String> {
		let s = self.state.borrow();
		let mut distinct: Vec<String> = s.submissions.clone();
		distinct.sort();
		distinct.dedup();
		distinct
			.into_iter()
			.filter(|x| {
				let (_, call): (Nonce, RuntimeCall) = Decode::decode(&mut &hex::decode(&x[2..]).unwrap()[..]).unwrap();
				matches!(call, RuntimeCall::ProofOfResource(pallet_proof_of_resource::Call::submit_proof { .. }))
			})
			.collect()
	}
}

/// The pallet's rules for the calls the agent makes.
fn apply(s: &mut ChainState, call: RuntimeCall, now: BlockNumber) -> Result<(), String> {
	use pallet_proof_of_resource::Call as Por;
	match call {
		RuntimeCall::ProofOfResource(Por::register_miner { profile }) => {
			if s.miner.is_some() {
				return Err("ProofOfResource.AlreadyRegistered".into());
			}
			s.miner = Some(Miner {
				profile,
				next_profile: None,
				bond: BOND,
				registered_in: s.clock.current,
				status: MinerStatus::Active,
			});
			Ok(())
		},
		RuntimeCall::ProofOfResource(Por::submit_proof { era, usage, evidence }) => {
			if s.proofs.contains_key(&era) {
				return Err("ProofOfResource.DuplicateProof".into());
			}
			let grace_open = now < s.clock.start + (s.clock.previous_length / 4).max(1);
			if !(era == s.clock.current || (era + 1 == s.clock.current && grace_open)) {
				return Err("ProofOfResource.EraClosed".into());
			}
			let miner = s.miner.as_ref().ok_or("ProofOfResource.NotRegistered")?;
			let ms = u64::from(if era == s.clock.current { s.clock.length } else { s.clock.previous_length }) * 6_000;
			let bound = crate::proof::capacity_bound(&miner.profile, &limits(), ms);
			if crate::proof::clamp(usage, &bound).1.len() > 0 {
				return Err("ProofOfResource.ImplausibleUsage".into());
			}
			s.proofs.insert(era, ProofRecord { usage, evidence, power: usage.bandwidth_bytes.into(), rejections: 0, rejected: false });
			Ok(())
		},
		RuntimeCall::ProofOfResource(Por::update_profile { profile }) => {
			let current = s.clock.current;
			let miner = s.miner.as_mut().ok_or("ProofOfResource.NotRegistered")?;
			if *miner.profile_for(current + 1) == profile {
				return Err("ProofOfResource.ProfileUnchanged".into());
			}
			if let Some((from, next)) = miner.next_profile {
				if from <= current {
					miner.profile = next;
				}
			}
			miner.next_profile = Some((current + 1, profile));
			Ok(())
		},
		RuntimeCall::Revenue(pallet_revenue::Call::claim_miner_rewards { eras, .. }) => {
			for era in eras.iter() {
				if !s.claimable.iter().any(|(e, _)| e == era) {
					return Err("Revenue.NothingToClaim".into());
				}
			}
			s.claimable.retain(|(e, _)| !eras.contains(e));
			s.claimed.extend(eras.iter());
			Ok(())
		},
		other => Err(format!("unexpected call {other:?}")),
	}
}

pub fn limits() -> CapacityLimits {
	CapacityLimits { bandwidth_mbps: 10_000, cpu_millicores: 128_000, storage_gib: 102_400 }
}

impl Node for FakeNode {
	fn best_head(&self) -> Result<Head, RpcError> {
		self.up()?;
		let number = self.state.borrow().best;
		Ok(Head { number, hash: hash_of(number) })
	}
	fn era_clock(&self, _at: H256) -> Result<EraState<BlockNumber>, RpcError> {
		self.up()?;
		Ok(self.state.borrow().clock)
	}
	fn miner(&self, _who: &AccountId, _at: H256) -> Result<Option<Miner<Balance>>, RpcError> {
		self.up()?;
		Ok(self.state.borrow().miner.clone())
	}
	fn proof(&self, era: EraIndex, _who: &AccountId, _at: H256) -> Result<Option<ProofRecord>, RpcError> {
		self.up()?;
		Ok(self.state.borrow().proofs.get(&era).cloned())
	}
	fn account_nonce(&self, _who: &AccountId, _at: H256) -> Result<Nonce, RpcError> {
		self.up()?;
		Ok(self.state.borrow().nonce)
	}
	fn max_capacity(&self, _at: H256) -> Result<CapacityLimits, RpcError> {
		self.up()?;
		Ok(limits())
	}
	fn miner_bond(&self, _at: H256) -> Result<Balance, RpcError> {
		self.up()?;
		Ok(BOND)
	}
	fn free_balance(&self, _who: &AccountId, _at: H256) -> Result<Balance, RpcError> {
		self.up()?;
		Ok(self.state.borrow().free)
	}
	fn claimable(&self, _who: &AccountId, _at: H256) -> Result<Vec<(EraIndex, Balance)>, RpcError> {
		self.up()?;
		Ok(self.state.borrow().claimable.clone())
	}
	fn next_nonce(&self, _who: &AccountId) -> Result<Nonce, RpcError> {
		self.up()?;
		let s = self.state.borrow();
		if s.nonce_unavailable {
			return Err(RpcError::Call { code: -32603, message: "internal error".into(), data: None });
		}
		Ok(s.nonce + s.pool.len() as Nonce)
	}
	/// Not a signature: the nonce and the call, which is what the tests look at.
	fn sign(&self, _pair: &sr25519::Pair, call: RuntimeCall, nonce: Nonce, _head: Head) -> Result<Vec<u8>, RpcError> {
		Ok((nonce, call).encode())
	}
	fn submit(&self, extrinsic_hex: &str) -> Result<(), RpcError> {
		self.up()?;
		let mut s = self.state.borrow_mut();
		s.submissions.push(extrinsic_hex.to_string());
		if !s.pool.iter().any(|x| x == extrinsic_hex) && !s.included.contains_key(extrinsic_hex) {
			s.pool.push(extrinsic_hex.to_string());
		}
		Ok(())
	}
	fn find_outcome(
		&self,
		extrinsic_hex: &str,
		from: BlockNumber,
		to: BlockNumber,
	) -> Result<Option<(BlockNumber, Result<(), String>)>, RpcError> {
		self.up()?;
		Ok(self.state.borrow().included.get(extrinsic_hex).filter(|(b, _)| (from..=to).contains(b)).cloned())
	}
}

/// A miner's machine: its data directory and the usage file its serving software writes.
pub struct Machine {
	pub dir: PathBuf,
	pub served: Counters,
}

impl Machine {
	pub fn new(name: &str) -> Self {
		let dir = std::env::temp_dir().join(format!("poseidon-miner-{name}-{}", std::process::id()));
		let _ = std::fs::remove_dir_all(&dir);
		std::fs::create_dir_all(&dir).unwrap();
		let machine = Self { dir, served: Counters::default() };
		machine.write();
		machine.set_profile(&profile());
		machine
	}

	fn write(&self) {
		std::fs::write(self.dir.join("usage.json"), serde_json::to_string(&self.served).unwrap()).unwrap();
	}

	/// The operator edits `profile.toml`.
	pub fn set_profile(&self, p: &MinerProfile) {
		let text = format!(
			"bandwidth_mbps = {}\ncpu_millicores = {}\nstorage_gib = {}\nregion = {}\n",
			p.bandwidth_mbps, p.cpu_millicores, p.storage_gib, p.region
		);
		std::fs::write(self.dir.join("profile.toml"), text).unwrap();
	}

	/// The serving software served `bytes` more.
	pub fn serve(&mut self, bytes: u64) {
		self.served.bandwidth_bytes += bytes;
		self.write();
	}

	/// A new agent process on this machine (after a restart: the same data directory).
	pub fn start_agent(&self) -> Agent {
		let config = AgentConfig {
			url: "ws://fake".into(),
			pair: sr25519::Pair::from_string("//Miner", None).unwrap(),
			profile: profile(),
			profile_path: Some(self.dir.join("profile.toml")),
			source: UsageSource::File(self.dir.join("usage.json")),
			data_dir: self.dir.join("data"),
			poll: Duration::from_millis(1),
		};
		let metrics = Metrics::register(&substrate_prometheus_endpoint::Registry::new()).unwrap();
		Agent::new(config, metrics).unwrap()
	}
}

impl Drop for Machine {
	fn drop(&mut self) {
		let _ = std::fs::remove_dir_all(&self.dir);
	}
}
