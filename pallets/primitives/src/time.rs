//! Block time and the block counts of common durations.
//!
//! Aura produces one block per slot; the slot is fixed at genesis and cannot change on a
//! running chain without halting block production, so it is a constant.

use crate::BlockNumber;

/// Target time between two blocks.
pub const MILLISECS_PER_BLOCK: u64 = 6_000;

/// Aura slot length; equal to the block time.
pub const SLOT_DURATION: u64 = MILLISECS_PER_BLOCK;

/// Blocks per minute.
pub const MINUTES: BlockNumber = 60_000 / (MILLISECS_PER_BLOCK as BlockNumber);
/// Blocks per hour.
pub const HOURS: BlockNumber = MINUTES * 60;
/// Blocks per day (14 400 at 6 s blocks).
pub const DAYS: BlockNumber = HOURS * 24;

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn a_day_is_14_400_blocks_of_six_seconds() {
		assert_eq!(MINUTES, 10);
		assert_eq!(DAYS, 14_400);
	}
}
