//! From an era's usage to the proof the chain will accept.
//!
//! The chain refuses a proof whose usage is more than the miner's declared capacity
//! (capped by the governable `MaxCapacity`) could serve in the era's duration, and a
//! refused proof pays its fee. So the agent checks with the chain's own rule before
//! it signs: it clamps each resource to that bound and says so. It also decides *when*
//! an era is closed: near its end (so the proof lands inside the era) or, if
//! those were missed, inside the grace window of the next era, and never after.

use pallet_proof_of_resource::{CapacityLimits, EraState, MinerProfile, ResourceUsage};
use poseidon_primitives::{era::grace_blocks, era::EraIndex, BlockNumber};

/// Bytes a 1 Mbit/s link carries in one millisecond.
const BYTES_PER_MBIT_MS: u128 = 125;
/// Milliseconds in an hour.
const MS_PER_HOUR: u128 = 3_600_000;
/// How close to its end the agent closes an era: when the best block is the third
/// from last, so the proof lands in the era's second-to-last block, with the last one
/// and the next era's grace window to spare if a block is missed.
pub const CLOSE_BLOCKS_BEFORE_END: BlockNumber = 3;

/// Whether the era whose usage the agent is recording should be closed and proved now,
/// given the chain's era clock and best block.
pub fn should_close(ledger_era: EraIndex, clock: &EraState<BlockNumber>, best: BlockNumber) -> bool {
	if ledger_era < clock.current {
		return true;
	}
	ledger_era == clock.current &&
		best.saturating_add(CLOSE_BLOCKS_BEFORE_END) >= clock.start.saturating_add(clock.length)
}

/// Whether a proof of `era` included in the block after `best` is still accepted: the
/// current era, or the previous one inside its grace window (the first quarter of the
/// next era, sized by the previous era's length, as the pallet does).
pub fn accepts_proof_after(era: EraIndex, clock: &EraState<BlockNumber>, best: BlockNumber) -> bool {
	if era == clock.current {
		return true;
	}
	let next_block = best.saturating_add(1);
	era.saturating_add(1) == clock.current &&
		next_block < clock.start.saturating_add(grace_blocks(clock.previous_length))
}

/// The duration, in milliseconds, the pallet will multiply capacity by for a proof of
/// `era`: the planned length while the era runs, what it really lasted afterwards.
pub fn era_duration_ms(era: EraIndex, clock: &EraState<BlockNumber>, ms_per_block: u64) -> u64 {
	let blocks = if era == clock.current { clock.length } else { clock.previous_length };
	u64::from(blocks).saturating_mul(ms_per_block)
}

/// The most of each resource `profile` (capped by `limits`) can serve in `era_ms`.
pub fn capacity_bound(profile: &MinerProfile, limits: &CapacityLimits, era_ms: u64) -> ResourceUsage {
	let profile = profile.capped_by(limits);
	let era_ms = u128::from(era_ms);
	let to_u64 = |v: u128| u64::try_from(v).unwrap_or(u64::MAX);
	ResourceUsage {
		bandwidth_bytes: to_u64(u128::from(profile.bandwidth_mbps) * BYTES_PER_MBIT_MS * era_ms),
		cpu_seconds: to_u64(u128::from(profile.cpu_millicores) * era_ms / 1_000_000),
		storage_gib_hours: to_u64(u128::from(profile.storage_gib) * era_ms / MS_PER_HOUR),
	}
}

/// `usage` with every resource at most `bound`, and the names of those that were cut.
pub fn clamp(usage: ResourceUsage, bound: &ResourceUsage) -> (ResourceUsage, Vec<&'static str>) {
	let mut clamped = Vec::new();
	let mut cut = |value: u64, max: u64, name: &'static str| {
		if value > max {
			clamped.push(name);
			max
		} else {
			value
		}
	};
	let usage = ResourceUsage {
		bandwidth_bytes: cut(usage.bandwidth_bytes, bound.bandwidth_bytes, "bandwidth"),
		cpu_seconds: cut(usage.cpu_seconds, bound.cpu_seconds, "cpu"),
		storage_gib_hours: cut(usage.storage_gib_hours, bound.storage_gib_hours, "storage"),
	};
	(usage, clamped)
}

#[cfg(test)]
mod tests {
	use super::*;

	fn clock(current: EraIndex, start: BlockNumber, length: BlockNumber) -> EraState<BlockNumber> {
		EraState { current, start, length, previous_length: length }
	}

	#[test]
	fn an_era_is_closed_on_its_third_block_from_last_so_the_proof_lands_inside_it() {
		// Era 3 runs in blocks 31..=40; block 41 starts era 4.
		let clock = clock(3, 31, 10);
		assert!(!should_close(3, &clock, 37));
		assert!(should_close(3, &clock, 38), "a proof sent now is included in block 39");
		assert!(should_close(3, &clock, 40));
	}

	#[test]
	fn a_past_era_is_closed_at_once_and_a_future_one_never() {
		let clock = clock(5, 51, 10);
		assert!(should_close(4, &clock, 51));
		assert!(!should_close(6, &clock, 58));
	}

	#[test]
	fn the_previous_era_is_provable_only_inside_the_grace_window() {
		// Era 4 started at block 51 after a 10-block era 3: grace is 2 blocks (51, 52).
		let clock = clock(4, 51, 10);
		assert!(accepts_proof_after(4, &clock, 70));
		assert!(accepts_proof_after(3, &clock, 50));
		assert!(accepts_proof_after(3, &clock, 51), "included in block 52, the grace's last");
		assert!(!accepts_proof_after(3, &clock, 52), "block 53 is past the grace window");
		assert!(!accepts_proof_after(2, &clock, 51), "two eras back is closed");
	}

	#[test]
	fn the_duration_is_the_planned_length_while_the_era_runs_and_the_real_one_after() {
		let clock = EraState { current: 7, start: 100, length: 10, previous_length: 14 };
		assert_eq!(era_duration_ms(7, &clock, 6_000), 60_000);
		assert_eq!(era_duration_ms(6, &clock, 6_000), 84_000);
	}

	#[test]
	fn usage_above_what_the_capacity_can_serve_is_clamped_to_it() {
		let profile = MinerProfile { bandwidth_mbps: 100, cpu_millicores: 2_000, storage_gib: 10, region: 1 };
		let limits = CapacityLimits { bandwidth_mbps: 10_000, cpu_millicores: 1_000, storage_gib: 100 };
		// One hour: 100 Mbit/s → 45 GB, 1 000 millicores (the cap) → 3 600 s, 10 GiB → 10 GiB·h.
		let bound = capacity_bound(&profile, &limits, 3_600_000);
		assert_eq!(
			bound,
			ResourceUsage { bandwidth_bytes: 45_000_000_000, cpu_seconds: 3_600, storage_gib_hours: 10 }
		);
		let usage = ResourceUsage { bandwidth_bytes: 50_000_000_000, cpu_seconds: 100, storage_gib_hours: 11 };
		let (clamped, cut) = clamp(usage, &bound);
		assert_eq!(
			clamped,
			ResourceUsage { bandwidth_bytes: 45_000_000_000, cpu_seconds: 100, storage_gib_hours: 10 }
		);
		assert_eq!(cut, vec!["bandwidth", "storage"]);
	}

	#[test]
	fn usage_within_capacity_is_left_as_it_is() {
		let profile = MinerProfile { bandwidth_mbps: 1, cpu_millicores: 1, storage_gib: 1, region: 0 };
		let limits = CapacityLimits { bandwidth_mbps: 1, cpu_millicores: 1, storage_gib: 1 };
		let bound = capacity_bound(&profile, &limits, 60_000);
		let usage = ResourceUsage { bandwidth_bytes: 7_500_000, cpu_seconds: 0, storage_gib_hours: 0 };
		assert_eq!(clamp(usage, &bound), (usage, vec![]));
	}
}
