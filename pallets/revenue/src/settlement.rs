//! Settlement: sharing out one era's revenue once its power is final (proof and
//! challenge windows closed).
//!
//! The work is the same whatever the number of miners: the era's revenue, its split and
//! its total accepted power are single storage values, and miners are paid later, each
//! on its own claim. The steps:
//!
//! 1. revenue × each share (rounded down) gives the miner, supernode and depositor pools;
//!    the treasury gets the rest, which includes all rounding dust;
//! 2. the miner pool (plus pools carried over from eras without power) is recorded with
//!    the era's total power for claims, or carried over again if nobody proved;
//! 3. the supernode and depositor pools are paid to their receivers, the treasury share
//!    to the treasury;
//! 4. the era that just left the history window is swept: what its miners did not claim
//!    goes to the treasury.
//!
//! A payment that fails (a receiver that cannot exist, say) never loses money: a pool
//! goes to the treasury instead, and the treasury's share stays in the pot for the next
//! era's miners. Each step emits an event.

use crate::{pallet::*, weights::WeightInfo, EraReward};
use frame_support::{
	traits::{
		fungible::{Inspect, Mutate},
		tokens::Preservation,
		Get,
	},
	weights::Weight,
};
use poseidon_primitives::{
	era::EraIndex, pools::RewardPool, power::ProvenPower, treasury::TreasuryAccount,
};
use sp_runtime::traits::{Saturating, Zero};

impl<T: Config> Pallet<T> {
	/// Settles `era` (whose power is final) and sweeps the era leaving the history.
	pub(crate) fn settle(era: EraIndex) {
		let revenue = EraRevenue::<T>::take(era);
		let split = EraSplit::<T>::take(era).unwrap_or_else(CurrentSplit::<T>::get);
		let miners_share = split.miners.mul_floor(revenue);
		let supernode_share = split.supernodes.mul_floor(revenue);
		let depositor_share = split.depositors.mul_floor(revenue);
		let mut treasury_share = revenue
			.saturating_sub(miners_share)
			.saturating_sub(supernode_share)
			.saturating_sub(depositor_share);

		let miner_pool = miners_share.saturating_add(MinerPoolCarry::<T>::take());
		let total_power = T::Power::total_power(era);
		if total_power == 0 {
			if !miner_pool.is_zero() {
				MinerPoolCarry::<T>::put(miner_pool);
				Self::deposit_event(Event::MinerPoolRolledOver { era, amount: miner_pool });
			}
		} else if !miner_pool.is_zero() {
			EraRewards::<T>::insert(
				era,
				EraReward { miner_pool, total_power, claimed: Zero::zero() },
			);
		}

		let supernode_pool = Self::hand_out::<T::SupernodePool>(era, supernode_share);
		let depositor_pool = Self::hand_out::<T::DepositorPool>(era, depositor_share);
		treasury_share.saturating_accrue(supernode_share.saturating_sub(supernode_pool));
		treasury_share.saturating_accrue(depositor_share.saturating_sub(depositor_pool));
		let treasury = Self::pay_treasury(era, treasury_share);

		NextEraToSettle::<T>::put(era.saturating_add(1));
		Self::deposit_event(Event::EraSettled {
			era,
			revenue,
			miner_pool: if total_power == 0 { Zero::zero() } else { miner_pool },
			supernode_pool,
			depositor_pool,
			treasury,
			total_power,
		});

		if let Some(expired) = era.checked_sub(T::HistoryDepth::get()) {
			Self::sweep(expired);
		}
	}

	/// Sends what `era`'s miners did not claim to the treasury.
	fn sweep(era: EraIndex) {
		let Some(reward) = EraRewards::<T>::take(era) else { return };
		let unclaimed = reward.miner_pool.saturating_sub(reward.claimed);
		if unclaimed.is_zero() {
			return;
		}
		let swept = Self::pay_treasury(era, unclaimed);
		if !swept.is_zero() {
			Self::deposit_event(Event::UnclaimedRewardsSwept { era, amount: swept });
		}
	}

	/// Pays `amount` of `era`'s pool to `Pool`; returns what was paid (zero on failure).
	/// The pool hears of every settled era, also when nothing could be paid.
	fn hand_out<Pool: RewardPool<T::AccountId, BalanceOf<T>>>(
		era: EraIndex,
		amount: BalanceOf<T>,
	) -> BalanceOf<T> {
		let paid = if amount.is_zero() {
			amount
		} else if T::Currency::transfer(
			&Self::pot(),
			&Pool::pool_account(),
			amount,
			Preservation::Preserve,
		)
		.is_ok()
		{
			TotalPoolsHandedOut::<T>::mutate(|total| total.saturating_accrue(amount));
			amount
		} else {
			Self::deposit_event(Event::PoolRedirectedToTreasury { era, amount });
			Zero::zero()
		};
		Pool::on_pool_received(era, paid);
		paid
	}

	/// Pays `amount` to the treasury; returns what was paid. On failure the amount stays
	/// in the pot and joins the next era's miner pool.
	fn pay_treasury(era: EraIndex, amount: BalanceOf<T>) -> BalanceOf<T> {
		if amount.is_zero() {
			return amount;
		}
		let paid = T::Currency::transfer(
			&Self::pot(),
			&T::Treasury::treasury_account(),
			amount,
			Preservation::Preserve,
		);
		if paid.is_err() {
			MinerPoolCarry::<T>::mutate(|carry| carry.saturating_accrue(amount));
			Self::deposit_event(Event::TreasuryPaymentDeferred { era, amount });
			return Zero::zero();
		}
		TotalToTreasury::<T>::mutate(|total| total.saturating_accrue(amount));
		amount
	}

	/// Removes claim records of the oldest swept era, within `remaining` weight; returns
	/// the weight used.
	pub(crate) fn prune_claim_records(remaining: Weight) -> Weight {
		let check = T::WeightInfo::prune_claim_records(0);
		if remaining.any_lt(check) {
			return Weight::zero();
		}
		let era = OldestClaimRecordEra::<T>::get();
		// Swept once the era `HistoryDepth` later was settled.
		if era.saturating_add(T::HistoryDepth::get()) >= NextEraToSettle::<T>::get() {
			return check;
		}
		let per_record = T::WeightInfo::prune_claim_records(1).saturating_sub(check);
		let budget = remaining.saturating_sub(check);
		let limit = poseidon_primitives::bounded_work::items_within(budget, per_record);
		if limit == 0 {
			return check;
		}
		// One clear per block and prefix: earlier blocks' removals are already committed,
		// so no cursor is needed.
		let result = ClaimedRewards::<T>::clear_prefix(era, limit, None);
		if result.maybe_cursor.is_none() {
			OldestClaimRecordEra::<T>::put(era.saturating_add(1));
		}
		T::WeightInfo::prune_claim_records(result.unique)
	}

	/// What the pot holds above its existential deposit: unsettled revenue, claimable
	/// rewards and carried pools (for tests and explorers).
	pub fn pot_balance() -> BalanceOf<T> {
		T::Currency::reducible_balance(
			&Self::pot(),
			Preservation::Preserve,
			frame_support::traits::tokens::Fortitude::Polite,
		)
	}
}
