//! The era's usage records on disk, and the evidence commitment made from them.
//!
//! Every sample the agent takes is one line of `eras/<era>.jsonl` in its data
//! directory: the block it was taken at, the time, and what was served since the
//! previous sample. The proof commits to those lines with a BLAKE2-256 Merkle root
//! ([`evidence_root`]): a supernode that challenges a proof can be shown any record
//! and the path to the root, and the file is kept (for [`KEEP_ERAS`] eras, longer
//! than the chain keeps proofs) so the answer is always there.

use crate::usage::Counters;
use poseidon_primitives::{era::EraIndex, BlockNumber};
use serde::{Deserialize, Serialize};
use sp_io::hashing::blake2_256;
use std::{
	fs,
	io::Write,
	path::{Path, PathBuf},
};

/// Eras whose records are kept on disk: more than the chain's proof history (86 eras).
pub const KEEP_ERAS: EraIndex = 100;

/// One sample: what was served between the previous sample and this one.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct UsageRecord {
	pub era: EraIndex,
	pub block: BlockNumber,
	pub unix_ms: u64,
	pub served: Counters,
}

/// The usage records of the agent's data directory.
pub struct Ledger {
	dir: PathBuf,
}

impl Ledger {
	pub fn open(data_dir: &Path) -> Result<Self, String> {
		let dir = data_dir.join("eras");
		fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
		Ok(Self { dir })
	}

	fn records_path(&self, era: EraIndex) -> PathBuf {
		self.dir.join(format!("{era}.jsonl"))
	}

	/// Appends `record` to its era's file.
	pub fn append(&self, record: &UsageRecord) -> Result<(), String> {
		let path = self.records_path(record.era);
		let line = serde_json::to_string(record).map_err(|e| e.to_string())?;
		let mut file = fs::OpenOptions::new()
			.create(true)
			.append(true)
			.open(&path)
			.map_err(|e| format!("cannot open {}: {e}", path.display()))?;
		writeln!(file, "{line}").and_then(|_| file.sync_data()).map_err(|e| format!("cannot write {}: {e}", path.display()))
	}

	/// The lines recorded for `era` (none if it has no file).
	pub fn lines(&self, era: EraIndex) -> Result<Vec<String>, String> {
		match fs::read_to_string(self.records_path(era)) {
			Ok(text) => Ok(text.lines().filter(|l| !l.trim().is_empty()).map(str::to_owned).collect()),
			Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Vec::new()),
			Err(e) => Err(format!("cannot read the records of era {era}: {e}")),
		}
	}

	/// What was served in `era` and the commitment to its records.
	pub fn summary(&self, era: EraIndex) -> Result<(Counters, [u8; 32], usize), String> {
		let lines = self.lines(era)?;
		let mut total = Counters::default();
		for line in &lines {
			let record: UsageRecord =
				serde_json::from_str(line).map_err(|e| format!("a record of era {era} is unreadable: {e}"))?;
			total.add(&record.served);
		}
		Ok((total, evidence_root(&lines), lines.len()))
	}

	/// Removes the records of eras older than [`KEEP_ERAS`] before `current`.
	pub fn prune(&self, current: EraIndex) {
		let Ok(entries) = fs::read_dir(&self.dir) else { return };
		for entry in entries.flatten() {
			let name = entry.file_name();
			let era = name.to_str().and_then(|n| n.strip_suffix(".jsonl")).and_then(|n| n.parse::<EraIndex>().ok());
			if matches!(era, Some(era) if era.saturating_add(KEEP_ERAS) < current) {
				let _ = fs::remove_file(entry.path());
			}
		}
	}
}

/// The BLAKE2-256 Merkle root of `lines`: leaves are the hashes of the lines' bytes,
/// each level hashes pairs (left ‖ right) and carries an odd last node up unchanged.
/// No records give the zero hash.
pub fn evidence_root(lines: &[String]) -> [u8; 32] {
	let mut level: Vec<[u8; 32]> = lines.iter().map(|l| blake2_256(l.as_bytes())).collect();
	if level.is_empty() {
		return [0u8; 32];
	}
	while level.len() > 1 {
		level = level
			.chunks(2)
			.map(|pair| match pair {
				[left, right] => blake2_256(&[left.as_slice(), right.as_slice()].concat()),
				[single] => *single,
				_ => unreachable!("chunks(2) yields one or two"),
			})
			.collect();
	}
	level[0]
}

#[cfg(test)]
mod tests {
	use super::*;

	fn temp_dir(name: &str) -> PathBuf {
		let dir = std::env::temp_dir().join(format!("poseidon-miner-{name}-{}", std::process::id()));
		let _ = fs::remove_dir_all(&dir);
		dir
	}

	#[test]
	fn the_root_of_one_record_is_its_hash_and_of_three_pairs_the_first_two() {
		let lines: Vec<String> = ["a", "b", "c"].iter().map(|s| s.to_string()).collect();
		assert_eq!(evidence_root(&lines[..1]), blake2_256(b"a"));
		let ab = blake2_256(&[blake2_256(b"a"), blake2_256(b"b")].concat());
		assert_eq!(evidence_root(&lines), blake2_256(&[ab, blake2_256(b"c")].concat()));
		assert_eq!(evidence_root(&[]), [0u8; 32]);
	}

	#[test]
	fn an_eras_summary_adds_its_records_and_commits_to_them_in_order() {
		let dir = temp_dir("ledger");
		let ledger = Ledger::open(&dir).unwrap();
		let served = |bytes| Counters { bandwidth_bytes: bytes, cpu_seconds: 0.5, storage_gib_hours: 0.0 };
		ledger.append(&UsageRecord { era: 4, block: 41, unix_ms: 1, served: served(10) }).unwrap();
		ledger.append(&UsageRecord { era: 4, block: 42, unix_ms: 2, served: served(20) }).unwrap();
		ledger.append(&UsageRecord { era: 5, block: 51, unix_ms: 3, served: served(99) }).unwrap();
		let (total, root, count) = ledger.summary(4).unwrap();
		assert_eq!(total, Counters { bandwidth_bytes: 30, cpu_seconds: 1.0, storage_gib_hours: 0.0 });
		assert_eq!(count, 2);
		assert_eq!(root, evidence_root(&ledger.lines(4).unwrap()));
		assert_ne!(root, [0u8; 32]);
		assert_eq!(ledger.summary(6).unwrap(), (Counters::default(), [0u8; 32], 0));
		ledger.prune(5 + KEEP_ERAS);
		assert!(ledger.lines(4).unwrap().is_empty(), "era 4 is older than KEEP_ERAS");
		assert_eq!(ledger.lines(5).unwrap().len(), 1);
		fs::remove_dir_all(dir).unwrap();
	}
}
