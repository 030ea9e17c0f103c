//! The supernode pool: each era's pool is divided equally among the validators of that
//! era (the session pallet's set, [`Pallet::note_era_validators`]), whoever holds the
//! seats when it settles, so the blocks of the eras around a seat change are paid to the
//! validators that produced them (docs/security.md, attack 9). Each validator's
//! part is split into its commission and its backers' rewards, claimed lazily. A
//! validator that authored no block in the era (offline, or its keys lost) gets nothing:
//! its part goes to the treasury, not to the other validators, so that no validator gains
//! by keeping a rival offline.
//!
//! Per pool the work is one backing record per validator (at most
//! [`Config::MaxSupernodes`]); per claim, one per target of the claimer's vote (at most
//! [`Config::MaxVotesPerVoter`]). Nothing iterates over voters.

use crate::{pallet::*, TermIndex, WeightInfo};
use frame_support::{
	ensure,
	traits::{fungible::Mutate, tokens::Preservation, Get},
	weights::Weight,
};
use poseidon_primitives::{
	era::EraIndex,
	pools::{PoolLedger, RewardPool},
	reward_accumulator::RewardPerStake,
	treasury::TreasuryAccount,
};
use sp_runtime::{
	traits::{Saturating, UniqueSaturatedFrom, UniqueSaturatedInto, Zero},
	DispatchResult,
};

impl<T: Config> Pallet<T> {
	/// QQQ `voter`'s vote has earned since it was last paid.
	pub(crate) fn earned_by_vote(voter: &VoterOf<T>) -> QqqOf<T> {
		let earned = voter.targets.iter().fold(0u128, |sum, target| {
			let Some(since) = Self::earning_since(target, voter.earns_from) else { return sum };
			let now = Self::reward_per_stake_of(&target.candidate);
			sum.saturating_add(now.earned_since(since, voter.stake_per_target))
		});
		QqqOf::<T>::unique_saturated_from(earned)
	}

	/// What `voter`'s vote has earned, with each earning target marked as paid up to now:
	/// one backing read per target (and one cohort read the first time).
	fn pay_up_vote(voter: &mut VoterOf<T>) -> QqqOf<T> {
		let (stake, earns_from) = (voter.stake_per_target, voter.earns_from);
		let earned = voter.targets.iter_mut().fold(0u128, |sum, target| {
			let Some(since) = Self::earning_since(target, earns_from) else { return sum };
			if target.reward_per_stake_paid.is_none() {
				Self::leave_cohort(&target.candidate, earns_from);
			}
			let now = Self::reward_per_stake_of(&target.candidate);
			target.reward_per_stake_paid = Some(now);
			sum.saturating_add(now.earned_since(since, stake))
		});
		QqqOf::<T>::unique_saturated_from(earned)
	}

	/// What one unit of stake backing `candidate` has earned so far.
	fn reward_per_stake_of(candidate: &T::AccountId) -> RewardPerStake {
		Backings::<T>::get(candidate).map_or(RewardPerStake::ZERO, |backing| backing.rewards.reward_per_stake)
	}

	/// QQQ `who` could claim now: commission and settled rewards plus what its vote earned.
	pub fn pending_rewards(who: &T::AccountId) -> QqqOf<T> {
		let from_vote = Voters::<T>::get(who).map(|voter| Self::earned_by_vote(&voter)).unwrap_or_default();
		UnclaimedRewards::<T>::get(who).saturating_add(from_vote)
	}

	pub(crate) fn do_claim_rewards(who: T::AccountId) -> DispatchResult {
		let mut amount = UnclaimedRewards::<T>::take(&who);
		if let Some(mut voter) = Voters::<T>::get(&who) {
			amount.saturating_accrue(Self::pay_up_vote(&mut voter));
			Voters::<T>::insert(&who, voter);
		}
		ensure!(!amount.is_zero(), Error::<T>::NothingToClaim);
		T::Qqq::transfer(&Self::pool_account(), &who, amount, Preservation::Preserve)?;
		Ledger::<T>::mutate(|ledger| ledger.record_paid(amount));
		Self::deposit_event(Event::RewardsClaimed { who, amount });
		Ok(())
	}

	/// Shares `era`'s pool of `amount` (already in the pool account) among `era`'s
	/// validators, then forgets who validated and authored blocks in `era`.
	pub(crate) fn share_pool(era: EraIndex, amount: QqqOf<T>) {
		let mut ledger = Ledger::<T>::get();
		let pool = ledger.receive(amount);
		LastSharedEra::<T>::put(era);
		let validators = EraValidators::<T>::take(era);
		Self::share_among_validators(&mut ledger, era, &validators, pool);
		Ledger::<T>::put(ledger);
		// One validator set per era (sessions are eras): at most `MaxSupernodes` authors.
		let _ = AuthoredBlocks::<T>::clear_prefix(era, T::MaxSupernodes::get(), None);
	}

	fn share_among_validators(
		ledger: &mut PoolLedger<QqqOf<T>>,
		era: EraIndex,
		validators: &[T::AccountId],
		pool: QqqOf<T>,
	) {
		if pool.is_zero() {
			return;
		}
		if validators.is_empty() {
			Self::send_to_treasury(ledger, era, pool);
			return;
		}
		let count = validators.len() as u32;
		let part = pool / QqqOf::<T>::from(count);
		ledger.carry(pool.saturating_sub(part.saturating_mul(count.into())));
		if part.is_zero() {
			return;
		}
		let mut forfeited = QqqOf::<T>::zero();
		let term = Self::term_of_era(era);
		for validator in validators {
			if AuthoredBlocks::<T>::contains_key(era, validator) {
				Self::pay_supernode_part(validator, era, term, part);
			} else {
				forfeited.saturating_accrue(part);
				Self::deposit_event(Event::SupernodeOffline { era, who: validator.clone(), forfeited: part });
			}
		}
		Self::deposit_event(Event::PoolShared { era, amount: pool, supernodes: count });
		if !forfeited.is_zero() {
			Self::send_to_treasury(ledger, era, forfeited);
		}
	}

	/// Splits one supernode's `part` of `era`'s pool into its commission (the one of
	/// `era`'s term, [`Pallet::term_of_era`]), kept for it in [`UnclaimedRewards`], and
	/// its backers' rewards, added to its backing's accumulator after the votes that earn
	/// from `era` have joined. Without earning backers, the supernode keeps the whole part.
	fn pay_supernode_part(supernode: &T::AccountId, era: EraIndex, term: (TermIndex, bool), part: QqqOf<T>) {
		// A validator whose candidacy has ended since (dropped at the election that ended
		// its term) has no commission on record: it keeps its whole part.
		let commission = Self::commission_for_pool(supernode, term).unwrap_or(sp_runtime::Perbill::one());
		let to_supernode = commission.mul_floor(part);
		let to_backers = part.saturating_sub(to_supernode);
		let shared = !to_backers.is_zero() &&
			Backings::<T>::mutate(supernode, |maybe_backing| {
				let Some(backing) = maybe_backing else { return false };
				Self::join_due_cohorts(supernode, backing, era);
				backing.rewards.share(to_backers.unique_saturated_into(), backing.stake)
			});
		let kept = if shared { to_supernode } else { part };
		if !kept.is_zero() {
			UnclaimedRewards::<T>::mutate(supernode, |unclaimed| unclaimed.saturating_accrue(kept));
		}
	}

	/// Sends a pool nobody can share to the treasury; if that fails, it waits for the next
	/// pool.
	fn send_to_treasury(ledger: &mut PoolLedger<QqqOf<T>>, era: EraIndex, amount: QqqOf<T>) {
		let treasury = T::Treasury::treasury_account();
		if ledger.send_to_treasury::<_, T::Qqq>(&Self::pool_account(), &treasury, amount) {
			Self::deposit_event(Event::PoolSentToTreasury { era, amount });
		}
	}
}

impl<T: Config> RewardPool<T::AccountId, QqqOf<T>> for Pallet<T> {
	fn pool_account() -> T::AccountId {
		Pallet::<T>::pool_account()
	}

	fn on_pool_received(era: EraIndex, amount: QqqOf<T>) {
		Self::share_pool(era, amount);
	}

	fn on_pool_received_weight() -> Weight {
		T::WeightInfo::share_pool(T::MaxSupernodes::get())
	}
}
