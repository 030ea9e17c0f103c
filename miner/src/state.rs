//! The agent's memory between runs: a small JSON file in its data directory.
//!
//! It holds the last usage reading (so a restart does not lose or double-count what was
//! served), the era being recorded, and the one transaction in flight with its exact
//! signed bytes. It is written (to a temporary file, then renamed over the old one)
//! *before* a transaction is sent, so a restart at any moment finds either no
//! transaction or the very one that may already be in a block, and re-sends the same
//! bytes: same nonce, so the chain includes it at most once.

use crate::usage::Counters;
use pallet_proof_of_resource::ResourceUsage;
use poseidon_primitives::{era::EraIndex, Balance, BlockNumber, Nonce};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// A usage reading and when it was taken.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Reading {
	pub counters: Counters,
	pub block: BlockNumber,
	pub unix_ms: u64,
}

/// What a transaction in flight does.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum TxPurpose {
	Register,
	UpdateProfile,
	Proof {
		era: EraIndex,
		bandwidth_bytes: u64,
		cpu_seconds: u64,
		storage_gib_hours: u64,
		evidence: String,
	},
	/// The eras claimed and the amounts the chain listed for them.
	Claim { eras: Vec<(EraIndex, Balance)> },
}

impl TxPurpose {
	pub fn proof(era: EraIndex, usage: &ResourceUsage, evidence: &[u8; 32]) -> Self {
		TxPurpose::Proof {
			era,
			bandwidth_bytes: usage.bandwidth_bytes,
			cpu_seconds: usage.cpu_seconds,
			storage_gib_hours: usage.storage_gib_hours,
			evidence: hex::encode(evidence),
		}
	}
}

/// A signed transaction that may or may not be in a block yet.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PendingTx {
	pub purpose: TxPurpose,
	pub nonce: Nonce,
	/// The signed extrinsic, hex with 0x.
	pub extrinsic: String,
	/// The block it was signed against; it is mortal and cannot be included after
	/// `valid_until`.
	pub born: BlockNumber,
	pub valid_until: BlockNumber,
}

/// Everything the agent keeps between runs.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AgentState {
	/// The miner account (SS58), so a data directory is never used with another key.
	pub account: String,
	/// The chain's genesis hash, so it is never used on another chain.
	pub genesis: String,
	pub last_reading: Option<Reading>,
	/// The era whose usage is being recorded.
	pub recording_era: Option<EraIndex>,
	pub pending: Option<PendingTx>,
	pub last_proven_era: Option<EraIndex>,
	pub proofs_submitted: u64,
	pub eras_missed: u64,
	pub claims_made: u64,
	pub total_claimed: Balance,
}

/// Where the state lives.
pub struct StateFile {
	path: PathBuf,
}

impl StateFile {
	pub fn new(data_dir: &Path) -> Self {
		Self { path: data_dir.join("state.json") }
	}

	/// The saved state, or a fresh one if there is none yet.
	pub fn load(&self) -> Result<AgentState, String> {
		match std::fs::read_to_string(&self.path) {
			Ok(text) => serde_json::from_str(&text).map_err(|e| format!("{} is unreadable: {e}", self.path.display())),
			Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(AgentState::default()),
			Err(e) => Err(format!("cannot read {}: {e}", self.path.display())),
		}
	}

	/// Saves `state` atomically: a crash leaves the old file or the new one, never half.
	pub fn save(&self, state: &AgentState) -> Result<(), String> {
		let tmp = self.path.with_extension("json.tmp");
		let text = serde_json::to_string_pretty(state).map_err(|e| e.to_string())?;
		let write = || -> std::io::Result<()> {
			let file = std::fs::File::create(&tmp)?;
			std::io::Write::write_all(&mut &file, text.as_bytes())?;
			file.sync_all()?;
			std::fs::rename(&tmp, &self.path)
		};
		write().map_err(|e| format!("cannot save {}: {e}", self.path.display()))
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn a_saved_state_with_a_pending_proof_reads_back_the_same() {
		let dir = std::env::temp_dir().join(format!("poseidon-miner-state-{}", std::process::id()));
		std::fs::create_dir_all(&dir).unwrap();
		let file = StateFile::new(&dir);
		assert_eq!(file.load().unwrap(), AgentState::default(), "no file yet: a fresh state");
		let usage = ResourceUsage { bandwidth_bytes: 5, cpu_seconds: 1, storage_gib_hours: 0 };
		let state = AgentState {
			account: "5Grw".into(),
			recording_era: Some(8),
			pending: Some(PendingTx {
				purpose: TxPurpose::proof(7, &usage, &[7u8; 32]),
				nonce: 3,
				extrinsic: "0x01".into(),
				born: 70,
				valid_until: 134,
			}),
			total_claimed: u128::MAX,
			..Default::default()
		};
		file.save(&state).unwrap();
		assert_eq!(file.load().unwrap(), state);
		std::fs::remove_dir_all(dir).unwrap();
	}
}
