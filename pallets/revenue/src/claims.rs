//! Miners' reward claims: `miner_pool × power / total_power` per era, once per (miner,
//! era), paid from the pot.

use crate::pallet::*;
use frame_support::{
	ensure,
	pallet_prelude::*,
	traits::{fungible::Mutate, tokens::Preservation},
};
use poseidon_primitives::{era::EraIndex, power::ProvenPower, reward_accumulator::mul_div};
use sp_runtime::traits::{Saturating, UniqueSaturatedFrom, UniqueSaturatedInto, Zero};

impl<T: Config> Pallet<T> {
	/// Pays `miner` for each of `eras`, or refuses the whole claim.
	pub(crate) fn do_claim(
		miner: T::AccountId,
		eras: BoundedVec<EraIndex, T::MaxClaimEras>,
	) -> DispatchResult {
		ensure!(!eras.is_empty(), Error::<T>::NoEras);
		for (index, era) in eras.iter().enumerate() {
			ensure!(!eras[..index].contains(era), Error::<T>::DuplicateEra);
		}
		let next_to_settle = NextEraToSettle::<T>::get();
		let mut total = BalanceOf::<T>::zero();
		for era in eras {
			ensure!(era < next_to_settle, Error::<T>::EraNotSettled);
			ensure!(!ClaimedRewards::<T>::contains_key(era, &miner), Error::<T>::AlreadyClaimed);
			let Some(mut reward) = EraRewards::<T>::get(era) else {
				let expired = era.saturating_add(T::HistoryDepth::get()) < next_to_settle;
				return Err(if expired { Error::<T>::EraExpired } else { Error::<T>::NoRewardForEra }.into());
			};
			let power = T::Power::miner_power(era, &miner);
			ensure!(power > 0, Error::<T>::NoRewardForEra);
			let amount = Self::share_of(reward.miner_pool, power, reward.total_power)
				.min(reward.miner_pool.saturating_sub(reward.claimed));
			reward.claimed.saturating_accrue(amount);
			EraRewards::<T>::insert(era, reward);
			ClaimedRewards::<T>::insert(era, &miner, amount);
			total.saturating_accrue(amount);
			Self::deposit_event(Event::MinerRewardsClaimed { miner: miner.clone(), era, amount });
		}
		if !total.is_zero() {
			T::Currency::transfer(&Self::pot(), &miner, total, Preservation::Preserve)?;
			TotalMinerRewardsPaid::<T>::mutate(|paid| paid.saturating_accrue(total));
		}
		Ok(())
	}

	/// The settled eras in which `miner` has a reward it has not claimed, with what
	/// `claim_miner_rewards` would pay for each: wallets read it through the runtime API
	/// to know which eras to claim. Reads at most [`Config::HistoryDepth`] eras; not for
	/// use in transactions.
	pub fn claimable_rewards(miner: &T::AccountId) -> alloc::vec::Vec<(EraIndex, BalanceOf<T>)> {
		let next_to_settle = NextEraToSettle::<T>::get();
		let oldest = next_to_settle.saturating_sub(T::HistoryDepth::get());
		(oldest..next_to_settle)
			.filter(|era| !ClaimedRewards::<T>::contains_key(era, miner))
			.filter_map(|era| {
				let reward = EraRewards::<T>::get(era)?;
				let power = T::Power::miner_power(era, miner);
				let amount = Self::share_of(reward.miner_pool, power, reward.total_power)
					.min(reward.miner_pool.saturating_sub(reward.claimed));
				(!amount.is_zero()).then_some((era, amount))
			})
			.collect()
	}

	/// `pool × power / total_power`, rounded down, computed without overflow (zero
	/// without power).
	pub fn share_of(pool: BalanceOf<T>, power: u128, total_power: u128) -> BalanceOf<T> {
		let share = mul_div(pool.unique_saturated_into(), power, total_power);
		BalanceOf::<T>::unique_saturated_from(share)
	}
}
