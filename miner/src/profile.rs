//! The miner's device profile, from `profile.toml`:
//!
//! ```toml
//! bandwidth_mbps = 1000   # uplink the miner offers
//! cpu_millicores = 8000   # 8 cores
//! storage_gib = 2000      # cache disk
//! region = 1              # region code (SPEC §3)
//! ```

use pallet_proof_of_resource::MinerProfile;

pub fn load(path: &std::path::Path) -> Result<MinerProfile, String> {
	let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read profile {}: {e}", path.display()))?;
	parse(&text).map_err(|e| format!("profile {}: {e}", path.display()))
}

pub fn parse(text: &str) -> Result<MinerProfile, String> {
	#[derive(serde::Deserialize)]
	#[serde(deny_unknown_fields)]
	struct ProfileFile {
		bandwidth_mbps: u32,
		cpu_millicores: u32,
		storage_gib: u32,
		region: u16,
	}
	let file: ProfileFile = toml::from_str(text).map_err(|e| e.to_string())?;
	let profile = MinerProfile {
		bandwidth_mbps: file.bandwidth_mbps,
		cpu_millicores: file.cpu_millicores,
		storage_gib: file.storage_gib,
		region: file.region,
	};
	if !profile.declares_capacity() {
		return Err("declares no capacity: set at least one of bandwidth_mbps, cpu_millicores, storage_gib".into());
	}
	Ok(profile)
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn a_profile_file_gives_the_profile_and_a_wrong_one_says_what_is_wrong() {
		let profile = parse("bandwidth_mbps = 100\ncpu_millicores = 2000\nstorage_gib = 50\nregion = 3\n").unwrap();
		assert_eq!(profile, MinerProfile { bandwidth_mbps: 100, cpu_millicores: 2000, storage_gib: 50, region: 3 });
		assert!(parse("bandwidth_mbps = 0\ncpu_millicores = 0\nstorage_gib = 0\nregion = 1").unwrap_err().contains("no capacity"));
		assert!(parse("bandwidth_mbps = 1\ncpu_millicores = 0\nstorage_gib = 0\nregion = 1\ncolour = 2").is_err());
		assert!(parse("bandwidth_mbps = -1\ncpu_millicores = 0\nstorage_gib = 0\nregion = 1").is_err());
	}
}
