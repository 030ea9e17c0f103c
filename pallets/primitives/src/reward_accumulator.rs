//! Reward-per-stake accumulators: how a pool is shared among any number of stakers in
//! O(1).
//!
//! A pallet that shares pools keeps one number per group of stakers: the reward one unit
//! of stake has earned since the group began, scaled by [`SCALE`]. A pool of `amount`
//! shared among the group's total stake `S` raises it by `⌊amount × SCALE / S⌋`; nothing
//! else is touched. Each staker remembers the value up to which it has been paid, so what
//! it has earned since is `⌊stake × (accumulator − remembered) / SCALE⌋`, worked out only
//! when the staker claims or changes its stake.
//!
//! Nothing is lost when a pool is shared: what `amount × SCALE` leaves over after dividing
//! by `S` is returned by [`share`] as a remainder (in base units × `SCALE`) for the caller
//! to add to the next pool. The only rounding a staker sees is the final one, at most one
//! base unit per claim, so stakers together are never owed more than the pools brought in.
//!
//! The deposits pallet (one group: all positions) and the supernodes pallet (one group per
//! supernode: its backers) both use it.

use sp_core::U256;
use sp_runtime::{helpers_128bit::multiply_by_rational_with_rounding, Rounding};

/// Fixed-point scale of an accumulator (10¹⁸).
pub const SCALE: u128 = 1_000_000_000_000_000_000;

/// `a × b / c` rounded down, computed without intermediate overflow; zero if `c` is zero
/// or the result does not fit.
pub fn mul_div(a: u128, b: u128, c: u128) -> u128 {
	multiply_by_rational_with_rounding(a, b, c, Rounding::Down).unwrap_or(0)
}

/// The result of sharing one pool.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sharing {
	/// The accumulator's new value.
	pub reward_per_stake: u128,
	/// What the division left over, in base units × [`SCALE`] (less than the stake).
	pub remainder: u128,
}

/// Shares `amount` plus the `remainder` of earlier pools among `total_stake` on top of
/// `reward_per_stake`; `None` if there is no stake or the accumulator would overflow.
pub fn share(amount: u128, remainder: u128, total_stake: u128, reward_per_stake: u128) -> Option<Sharing> {
	if total_stake == 0 {
		return None;
	}
	// At most (2¹²⁸ − 1) × 10¹⁸ + 2¹²⁸: far below 2²⁵⁶.
	let scaled = U256::from(amount) * U256::from(SCALE) + U256::from(remainder);
	let stake = U256::from(total_stake);
	let increment = scaled / stake;
	let left = scaled - increment * stake;
	if increment.bits() > 128 {
		return None;
	}
	let reward_per_stake = reward_per_stake.checked_add(increment.low_u128())?;
	Some(Sharing { reward_per_stake, remainder: left.low_u128() })
}

/// What `stake` earned while the accumulator went from `from` to `to`.
pub fn earned_between(stake: u128, from: u128, to: u128) -> u128 {
	mul_div(stake, to.saturating_sub(from), SCALE)
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn remainders_carry_so_nothing_is_lost() {
		// 10 shared among 3: 3.333… per unit, the rest carried.
		let first = share(10, 0, 3, 0).unwrap();
		assert_eq!(first.reward_per_stake, 3_333_333_333_333_333_333);
		assert_eq!(first.remainder, 1);
		assert_eq!(earned_between(3, 0, first.reward_per_stake), 9);
		// Two more pools of 10: with the carried remainders, 30 is owed in total.
		let second = share(10, first.remainder, 3, first.reward_per_stake).unwrap();
		let third = share(10, second.remainder, 3, second.reward_per_stake).unwrap();
		assert_eq!(third.remainder, 0);
		assert_eq!(earned_between(3, 0, third.reward_per_stake), 30);
	}

	#[test]
	fn no_stake_or_overflow_shares_nothing() {
		assert_eq!(share(10, 0, 0, 0), None);
		assert_eq!(share(u128::MAX, 0, 1, 0), None);
		assert_eq!(share(1, 0, 1, u128::MAX), None);
	}

	#[test]
	fn earned_is_rounded_down() {
		assert_eq!(earned_between(1, 0, SCALE - 1), 0);
		assert_eq!(earned_between(2, SCALE, SCALE + SCALE / 2), 1);
		assert_eq!(earned_between(5, 10, 3), 0);
	}
}
