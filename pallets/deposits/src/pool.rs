//! Receiving the depositors' pool: the revenue pallet pays each settled era's pool into
//! [`Pallet::pool_account`] and calls [`RewardPool::on_pool_received`], in era order and
//! also for eras whose pool is zero. Each call does a fixed amount of work.

use crate::{accumulator, pallet::*, weights::WeightInfo};
use frame_support::{
	traits::{fungible::Mutate, tokens::Preservation},
	weights::Weight,
};
use poseidon_primitives::{era::EraIndex, pools::RewardPool, treasury::TreasuryAccount};
use sp_runtime::traits::{Saturating, UniqueSaturatedFrom, Zero};

impl<T: Config> RewardPool<T::AccountId, QqqOf<T>> for Pallet<T> {
	fn pool_account() -> T::AccountId {
		Pallet::<T>::pool_account()
	}

	fn on_pool_received(era: EraIndex, amount: QqqOf<T>) {
		Pallet::<T>::share_pool(era, amount);
	}

	fn on_pool_received_weight() -> Weight {
		T::WeightInfo::share_pool(BENCHMARKED_POSITIONS).max(T::WeightInfo::send_pool_to_treasury())
	}
}

impl<T: Config> Pallet<T> {
	/// Lets the positions that start in `era` join and takes the extra weight of those
	/// that mature in it away, then shares `amount` (plus the carried dust) among all
	/// joined positions, or sends it to the treasury if there are none.
	pub(crate) fn share_pool(era: EraIndex, amount: QqqOf<T>) {
		TotalReceived::<T>::mutate(|total| total.saturating_accrue(amount));
		LastSharedEra::<T>::put(era);
		let reward_per_weight = RewardPerWeight::<T>::get();
		let mut total_weight = TotalWeight::<T>::get();
		Cohorts::<T>::mutate(era, |maybe_cohort| {
			if let Some(cohort) = maybe_cohort {
				total_weight.saturating_accrue(cohort.waiting_weight);
				cohort.waiting_weight = 0;
				cohort.joined_at = Some(reward_per_weight);
			}
		});
		Maturing::<T>::mutate(era, |maybe_cohort| {
			if let Some(cohort) = maybe_cohort {
				total_weight.saturating_reduce(cohort.extra_weight);
				cohort.matured_at = Some(reward_per_weight);
			}
		});
		TotalWeight::<T>::put(total_weight);

		let pool = amount.saturating_add(CarriedDust::<T>::take());
		let remainder = RewardRemainder::<T>::get();
		if pool.is_zero() {
			return;
		}
		match accumulator::share(Self::qqq_units(pool), remainder, total_weight, reward_per_weight) {
			Some(sharing) => {
				RewardPerWeight::<T>::put(sharing.reward_per_stake);
				RewardRemainder::<T>::put(sharing.remainder);
				Self::deposit_event(Event::PoolShared { era, amount: pool, total_weight });
			},
			None => {
				// The whole base units of the remainder go along; the fraction stays.
				let whole = remainder / accumulator::SCALE;
				RewardRemainder::<T>::put(remainder % accumulator::SCALE);
				Self::send_to_treasury(era, pool.saturating_add(QqqOf::<T>::unique_saturated_from(whole)));
			},
		}
	}

	/// Sends a pool nobody can share to the treasury; if even that fails, it waits for the
	/// next pool.
	fn send_to_treasury(era: EraIndex, amount: QqqOf<T>) {
		let treasury = T::Treasury::treasury_account();
		if T::Qqq::transfer(&Self::pool_account(), &treasury, amount, Preservation::Preserve).is_ok() {
			TotalToTreasury::<T>::mutate(|total| total.saturating_accrue(amount));
			Self::deposit_event(Event::PoolSentToTreasury { era, amount });
		} else {
			CarriedDust::<T>::put(amount);
		}
	}
}
