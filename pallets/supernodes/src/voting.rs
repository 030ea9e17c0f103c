//! Votes: the QAS a voter locks behind up to `MaxVotesPerVoter` candidates, and the
//! backing it gives each of them for rewards, from the era after the vote (see
//! [`crate::backing`]).

use crate::{pallet::*, Stake, VoteTarget, Voter};
use alloc::vec::Vec;
use frame_support::{
	ensure,
	traits::{
		fungible::{Inspect, MutateFreeze},
		Get,
	},
	BoundedVec,
};
use poseidon_primitives::era::EraIndex;
use sp_runtime::{
	traits::{Saturating, UniqueSaturatedInto, Zero},
	DispatchError, DispatchResult,
};

impl<T: Config> Pallet<T> {
	/// Records `who`'s vote, earning from era `earns_from` (the next era for a vote cast
	/// now; the genesis era for genesis votes, which back the genesis supernodes); returns
	/// whether a voter was evicted to make room.
	pub(crate) fn do_vote(
		who: T::AccountId,
		targets: BoundedVec<T::AccountId, T::MaxVotesPerVoter>,
		amount: QasOf<T>,
		earns_from: EraIndex,
	) -> Result<bool, DispatchError> {
		ensure!(!targets.is_empty(), Error::<T>::NoTargets);
		for (i, target) in targets.iter().enumerate() {
			ensure!(!targets[..i].contains(target), Error::<T>::DuplicateTarget);
			ensure!(Candidates::<T>::contains_key(target), Error::<T>::TargetNotCandidate);
		}
		ensure!(amount >= T::MinVote::get(), Error::<T>::VoteTooSmall);
		ensure!(amount <= T::Qas::total_balance(&who), Error::<T>::InsufficientQas);

		let mut evicted = false;
		match Voters::<T>::get(&who) {
			Some(old) => {
				Self::withdraw_vote(&who, old);
				Self::list_remove(&who);
			},
			None if Voters::<T>::count() >= T::MaxVoters::get() => {
				Self::evict_smaller_voter(&who, amount)?;
				evicted = true;
			},
			None => {},
		}

		let amount_units: Stake = amount.unique_saturated_into();
		let stake_per_target = amount_units / targets.len() as Stake;
		for candidate in targets.iter() {
			Self::add_backing(candidate, stake_per_target, earns_from)?;
		}
		let backed = targets
			.iter()
			.map(|candidate| VoteTarget { candidate: candidate.clone(), reward_per_stake_paid: None });
		let voter = Voter {
			amount,
			stake_per_target,
			earns_from,
			targets: BoundedVec::truncate_from(backed.collect::<Vec<_>>()),
		};
		Voters::<T>::insert(&who, voter);
		Self::list_insert(&who, amount);
		T::Qas::set_freeze(&FreezeReason::Vote.into(), &who, amount)?;
		Self::deposit_event(Event::Voted { who, amount, targets: targets.into_inner(), earns_from });
		Ok(evicted)
	}

	pub(crate) fn do_remove_voter(who: T::AccountId) -> DispatchResult {
		let voter = Voters::<T>::take(&who).ok_or(Error::<T>::NotVoter)?;
		Self::withdraw_vote(&who, voter);
		Self::list_remove(&who);
		T::Qas::thaw(&FreezeReason::Vote.into(), &who)?;
		Self::deposit_event(Event::VoterRemoved { who });
		Ok(())
	}

	/// Makes room in a full voter set for `newcomer`, voting `amount`: evicts one of the
	/// smallest voters if it votes less, or refuses.
	fn evict_smaller_voter(newcomer: &T::AccountId, amount: QasOf<T>) -> DispatchResult {
		let smallest = Self::smallest_voter().ok_or(Error::<T>::TooManyVoters)?;
		let voter = Voters::<T>::get(&smallest).ok_or(Error::<T>::TooManyVoters)?;
		ensure!(voter.amount < amount, Error::<T>::TooManyVoters);
		Voters::<T>::remove(&smallest);
		Self::withdraw_vote(&smallest, voter);
		Self::list_remove(&smallest);
		T::Qas::thaw(&FreezeReason::Vote.into(), &smallest)?;
		Self::deposit_event(Event::VoterEvicted { who: smallest, by: newcomer.clone() });
		Ok(())
	}

	/// Takes `voter`'s backing away from its targets, keeping what it earned for the
	/// voter to claim. The caller replaces or removes the vote record.
	fn withdraw_vote(who: &T::AccountId, voter: VoterOf<T>) {
		let earned = Self::earned_by_vote(&voter);
		if !earned.is_zero() {
			UnclaimedRewards::<T>::mutate(who, |unclaimed| unclaimed.saturating_accrue(earned));
		}
		for target in &voter.targets {
			Self::remove_backing(target, voter.stake_per_target, voter.earns_from);
		}
	}
}
