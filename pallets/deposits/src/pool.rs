//! Receiving the depositors' pool: the revenue pallet pays each settled era's pool into
//! [`Pallet::pool_account`] and calls [`RewardPool::on_pool_received`], in era order and
//! also for eras whose pool is zero. Each call does a fixed amount of work.

use crate::{pallet::*, weights::WeightInfo};
use frame_support::weights::Weight;
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
		let mut ledger = Ledger::<T>::get();
		let pool = ledger.receive(amount);
		LastSharedEra::<T>::put(era);
		let mut accumulator = RewardPerWeight::<T>::get();
		let reward_per_weight = accumulator.reward_per_stake;
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

		if !pool.is_zero() {
			if accumulator.share(Self::qqq_units(pool), total_weight) {
				Self::deposit_event(Event::PoolShared { era, amount: pool, total_weight });
			} else {
				// Nobody to share with: the pool goes to the treasury, with the whole base
				// units of the remainder (the fraction stays).
				let whole = QqqOf::<T>::unique_saturated_from(accumulator.take_whole_remainder());
				let amount = pool.saturating_add(whole);
				let treasury = T::Treasury::treasury_account();
				if ledger.send_to_treasury::<_, T::Qqq>(&Self::pool_account(), &treasury, amount) {
					Self::deposit_event(Event::PoolSentToTreasury { era, amount });
				}
			}
			RewardPerWeight::<T>::put(accumulator);
		}
		Ledger::<T>::put(ledger);
	}
}
