//! Reward-per-stake accumulators: how a pool is shared among any number of stakers in
//! O(1).
//!
//! A pallet that shares pools keeps one [`RewardAccumulator`] per group of stakers: the
//! reward one unit of stake has earned since the group began ([`RewardPerStake`], a
//! fixed-point count of base units scaled by [`SCALE`]), and what the last division left
//! over. A pool of `amount` shared among the group's total stake `S` raises the reward
//! per stake by `⌊(amount × SCALE + remainder) / S⌋` and keeps the new remainder; nothing
//! else is touched. Each staker remembers the [`RewardPerStake`] up to which it has been
//! paid, so what it has earned since is `⌊stake × (now − remembered) / SCALE⌋`
//! ([`RewardPerStake::earned_since`]), worked out only when the staker claims or changes
//! its stake.
//!
//! Nothing is lost when a pool is shared: the remainder (in base units × `SCALE`, less
//! than the stake) is added to the next pool before it is divided, so over any number of
//! pools the reward per stake grows by exactly `Σ amount × SCALE / S` up to the last
//! remainder. The only rounding a staker sees is the final one, at most one base unit per
//! claim, so stakers together are never owed more than the pools brought in.
//!
//! Bounds: `amount × SCALE + remainder` is computed in 256 bits, so only the reward per
//! stake itself can overflow, and [`RewardAccumulator::share`] refuses a pool that would
//! make it (its caller sends such a pool elsewhere). With stakes of at least 10¹² base
//! units, even a pool of 10²¹ base units raises it by 10²⁷, and `u128` holds more than
//! 10¹¹ such pools.
//!
//! The deposits pallet (one group: all positions, weighted by plan) and the supernodes
//! pallet (one group per supernode: its backers) both use it.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;
use sp_core::U256;
use sp_runtime::{helpers_128bit::multiply_by_rational_with_rounding, Rounding};

/// Fixed-point scale of [`RewardPerStake`] (10¹⁸).
pub const SCALE: u128 = 1_000_000_000_000_000_000;

/// `a × b / c` rounded down, computed without intermediate overflow; zero if `c` is zero
/// or the result does not fit.
pub fn mul_div(a: u128, b: u128, c: u128) -> u128 {
	multiply_by_rational_with_rounding(a, b, c, Rounding::Down).unwrap_or(0)
}

/// The reward one unit of stake has earned since its group began, in base units scaled by
/// [`SCALE`]. It only grows; stakers remember the value they were last paid up to.
#[derive(
	Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Clone, Copy, PartialEq, Eq,
	PartialOrd, Ord, Debug, Default,
)]
pub struct RewardPerStake(u128);

impl RewardPerStake {
	/// Nothing earned yet.
	pub const ZERO: Self = Self(0);

	/// From its raw value (base units × [`SCALE`] per unit of stake).
	pub const fn from_scaled(scaled: u128) -> Self {
		Self(scaled)
	}

	/// Its raw value (base units × [`SCALE`] per unit of stake).
	pub const fn scaled(self) -> u128 {
		self.0
	}

	/// What `stake` earned while the reward per stake went from `since` to `self`, in base
	/// units, rounded down (zero if `since` is later).
	pub fn earned_since(self, since: RewardPerStake, stake: u128) -> u128 {
		mul_div(stake, self.0.saturating_sub(since.0), SCALE)
	}
}

/// One group's accumulator: its [`RewardPerStake`] and what dividing its pools left over.
#[derive(
	Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Clone, Copy, PartialEq, Eq,
	Debug, Default,
)]
pub struct RewardAccumulator {
	/// The reward per unit of stake so far.
	pub reward_per_stake: RewardPerStake,
	/// What the divisions left over, in base units × [`SCALE`]: added to the next pool.
	pub remainder: u128,
}

impl RewardAccumulator {
	/// Shares `amount` (plus the remainder of earlier pools) among `total_stake`. Returns
	/// `false`, changing nothing, if there is no stake or the reward per stake would
	/// overflow: the caller then keeps the pool, or sends it elsewhere.
	pub fn share(&mut self, amount: u128, total_stake: u128) -> bool {
		if total_stake == 0 {
			return false;
		}
		// At most (2¹²⁸ − 1) × 10¹⁸ + 2¹²⁸: far below 2²⁵⁶.
		let scaled = U256::from(amount) * U256::from(SCALE) + U256::from(self.remainder);
		let stake = U256::from(total_stake);
		let increment = scaled / stake;
		if increment.bits() > 128 {
			return false;
		}
		let Some(reward_per_stake) = self.reward_per_stake.0.checked_add(increment.low_u128()) else {
			return false;
		};
		self.reward_per_stake = RewardPerStake(reward_per_stake);
		self.remainder = (scaled - increment * stake).low_u128();
		true
	}

	/// The whole base units of the remainder, taken out of it (what is left is less than
	/// one base unit): for a pool that could not be shared, so that it goes along.
	pub fn take_whole_remainder(&mut self) -> u128 {
		let whole = self.remainder / SCALE;
		self.remainder %= SCALE;
		whole
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn remainders_carry_so_nothing_is_lost() {
		let mut accumulator = RewardAccumulator::default();
		// 10 shared among 3: 3.333… per unit, the rest carried.
		assert!(accumulator.share(10, 3));
		assert_eq!(accumulator.reward_per_stake, RewardPerStake::from_scaled(3_333_333_333_333_333_333));
		assert_eq!(accumulator.remainder, 1);
		assert_eq!(accumulator.reward_per_stake.earned_since(RewardPerStake::ZERO, 3), 9);
		// Two more pools of 10: with the carried remainders, 30 is owed in total.
		assert!(accumulator.share(10, 3));
		assert!(accumulator.share(10, 3));
		assert_eq!(accumulator.remainder, 0);
		assert_eq!(accumulator.reward_per_stake.earned_since(RewardPerStake::ZERO, 3), 30);
	}

	#[test]
	fn no_stake_or_overflow_shares_nothing_and_changes_nothing() {
		let mut accumulator = RewardAccumulator { reward_per_stake: RewardPerStake::from_scaled(7), remainder: 2 };
		let before = accumulator;
		assert!(!accumulator.share(10, 0));
		assert!(!accumulator.share(u128::MAX, 1));
		assert_eq!(accumulator, before);
		let mut full = RewardAccumulator { reward_per_stake: RewardPerStake::from_scaled(u128::MAX), remainder: 0 };
		assert!(!full.share(1, 1));
		assert_eq!(full.reward_per_stake.scaled(), u128::MAX);
	}

	#[test]
	fn earned_is_rounded_down() {
		let at = RewardPerStake::from_scaled;
		assert_eq!(at(SCALE - 1).earned_since(RewardPerStake::ZERO, 1), 0);
		assert_eq!(at(SCALE + SCALE / 2).earned_since(at(SCALE), 2), 1);
		assert_eq!(at(3).earned_since(at(10), 5), 0);
	}

	#[test]
	fn the_whole_units_of_the_remainder_can_be_taken_out() {
		let mut accumulator = RewardAccumulator { remainder: 2 * SCALE + 5, ..Default::default() };
		assert_eq!(accumulator.take_whole_remainder(), 2);
		assert_eq!(accumulator.remainder, 5);
	}
}
