//! The reward-per-weight accumulator: how each era's depositors' pool is shared among all
//! positions in O(1), whatever their number. The arithmetic is
//! [`poseidon_primitives::reward_accumulator`]'s; this module applies it to positions.
//!
//! [`RewardPerWeight`] is the QQQ (in base units, scaled by [`SCALE`]) that one unit of
//! weight has earned since genesis. When a pool of `amount` is shared among the total
//! weight `W` it grows by `⌊amount × SCALE / W⌋`; nothing else is touched. A position
//! remembers the value up to which it has been paid, so what it has earned since is
//! `⌊weight × (RewardPerWeight − remembered) / SCALE⌋`, computed only when its owner
//! claims or withdraws.
//!
//! Nothing is lost to rounding when a pool is shared: what `amount × SCALE` leaves over
//! after dividing by `W` is kept in [`RewardRemainder`] (in base units × `SCALE`) and
//! added to the next pool before it is divided, so over any number of eras the
//! accumulator grows by exactly `Σ amount × SCALE / W` up to the last remainder. The only
//! rounding a depositor sees is the final one, `⌊weight × … / SCALE⌋`, at most one base
//! unit per position and claim, which stays in the pool account. Positions together are
//! therefore never owed more than the pools brought in.
//!
//! Bounds: `amount × SCALE + remainder` is computed in 256 bits, so only the accumulator
//! itself can overflow. Every position weighs at least [`Config::MinDepositFloor`]
//! (multipliers are at least ×1.0), so with the runtime's floor of 1 QAS (10¹² base units
//! × 100 %) one era's increment is at most `amount × 10¹⁸ / 10¹⁴`: even a pool of all the
//! QQQ ever issued (10²¹ base units) raises it by 10²⁵, and `u128` holds more than 10¹³
//! such eras. Should it ever be about to overflow, the pool goes to the treasury instead.

use crate::{pallet::*, Position};
pub use poseidon_primitives::reward_accumulator::SCALE;
pub(crate) use poseidon_primitives::reward_accumulator::{earned_between, share};
use sp_runtime::traits::{UniqueSaturatedFrom, UniqueSaturatedInto};

impl<T: Config> Pallet<T> {
	/// The accumulator value from which `position` earns: the value it was last paid up
	/// to, or the one at which its cohort joined; `None` while its cohort waits.
	pub(crate) fn earning_since(position: &Position<QasOf<T>>) -> Option<u128> {
		position
			.reward_per_weight_paid
			.or_else(|| Cohorts::<T>::get(position.start_era).and_then(|cohort| cohort.joined_at))
	}

	/// QQQ `position` has earned and not yet been paid.
	pub fn earned(position: &Position<QasOf<T>>) -> QqqOf<T> {
		let Some(since) = Self::earning_since(position) else { return 0u32.into() };
		let earned = earned_between(position.weight, since, RewardPerWeight::<T>::get());
		QqqOf::<T>::unique_saturated_from(earned)
	}

	/// `amount` in base units, for the accumulator.
	pub(crate) fn qqq_units(amount: QqqOf<T>) -> u128 {
		amount.unique_saturated_into()
	}
}
