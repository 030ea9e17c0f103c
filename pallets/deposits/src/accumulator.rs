//! Positions' rewards: what a position earns from the accumulator all positions share
//! ([`RewardPerWeight`], a [`RewardAccumulator`](poseidon_primitives::reward_accumulator::RewardAccumulator),
//! whose arithmetic and bounds its docs explain), with its weight as its stake.
//!
//! A position earns from the value at which its cohort joined (or at which it was last
//! paid); while its plan's extra weight is still counted it earns at its full weight up to
//! the value at which its maturing cohort left, and at ×1.0 after. The only rounding a
//! depositor sees is the final one, at most one base unit per position and claim, which
//! stays in the pool account.
//!
//! Every position weighs at least [`Config::MinDepositFloor`] (multipliers are at least
//! ×1.0), so with the runtime's floor of 1 QAS (10¹² base units × 100 %) one era's
//! increment is at most `amount × 10¹⁸ / 10¹⁴`: even a pool of all the QQQ ever issued
//! (10²¹ base units) raises it by 10²⁵, and `u128` holds more than 10¹³ such eras. Should
//! it ever be about to overflow, the pool goes to the treasury instead.

use crate::{pallet::*, Position, RewardWeight};
use poseidon_primitives::reward_accumulator::RewardPerStake;
pub use poseidon_primitives::reward_accumulator::SCALE;
use sp_runtime::traits::{UniqueSaturatedFrom, UniqueSaturatedInto};

impl<T: Config> Pallet<T> {
	/// The accumulator value from which `position` earns: the value it was last paid up
	/// to, or the one at which its cohort joined; `None` while its cohort waits.
	pub(crate) fn earning_since(position: &Position<QasOf<T>>) -> Option<RewardPerStake> {
		position
			.reward_per_weight_paid
			.or_else(|| Cohorts::<T>::get(position.start_era).and_then(|cohort| cohort.joined_at))
	}

	/// QQQ `position` has earned and not yet been paid: at its weight up to the value at
	/// which its maturing cohort left (if it has and the position has not read it yet),
	/// and at ×1.0 after it.
	pub fn earned(position: &Position<QasOf<T>>) -> QqqOf<T> {
		let Some(since) = Self::earning_since(position) else { return 0u32.into() };
		let now = RewardPerWeight::<T>::get().reward_per_stake;
		let earned = match Self::matured_at(position) {
			Some(matured_at) => matured_at.earned_since(since, position.weight).saturating_add(
				now.earned_since(matured_at.max(since), Self::weight_at_maturity(position)),
			),
			None => now.earned_since(since, position.weight),
		};
		QqqOf::<T>::unique_saturated_from(earned)
	}

	/// The accumulator value at which `position`'s extra weight left, if it has left and
	/// the position still carries it.
	pub(crate) fn matured_at(position: &Position<QasOf<T>>) -> Option<RewardPerStake> {
		if Self::extra_weight(position) == 0 {
			return None;
		}
		Maturing::<T>::get(position.maturity_era).and_then(|cohort| cohort.matured_at)
	}

	/// What `position` weighs above ×1.0 now: its plan's extra until its maturity has been
	/// read, zero after.
	pub(crate) fn extra_weight(position: &Position<QasOf<T>>) -> RewardWeight {
		position.weight.saturating_sub(Self::weight_at_maturity(position))
	}

	/// `position`'s weight from its maturity era on: ×1.0.
	pub(crate) fn weight_at_maturity(position: &Position<QasOf<T>>) -> RewardWeight {
		let amount: u128 = position.amount.unique_saturated_into();
		amount.saturating_mul(100).min(position.weight)
	}

	/// `amount` in base units, for the accumulator.
	pub(crate) fn qqq_units(amount: QqqOf<T>) -> u128 {
		amount.unique_saturated_into()
	}
}
