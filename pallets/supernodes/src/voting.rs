//! Votes: the QAS a voter locks behind up to `MaxVotesPerVoter` candidates, and the
//! backing it gives each of them for rewards.

use crate::{pallet::*, Backing, Stake, VoteTarget, Voter};
use alloc::vec::Vec;
use frame_support::{
	ensure,
	traits::{
		fungible::{Inspect, MutateFreeze},
		Get,
	},
	BoundedVec,
};
use sp_runtime::{
	traits::{Saturating, UniqueSaturatedInto, Zero},
	DispatchResult,
};

impl<T: Config> Pallet<T> {
	pub(crate) fn do_vote(who: T::AccountId, targets: Vec<T::AccountId>, amount: QasOf<T>) -> DispatchResult {
		ensure!(!targets.is_empty(), Error::<T>::NoTargets);
		let targets: BoundedVec<T::AccountId, T::MaxVotesPerVoter> =
			targets.try_into().map_err(|_| Error::<T>::TooManyTargets)?;
		for (i, target) in targets.iter().enumerate() {
			ensure!(!targets[..i].contains(target), Error::<T>::DuplicateTarget);
			ensure!(Candidates::<T>::contains_key(target), Error::<T>::TargetNotCandidate);
		}
		ensure!(amount >= T::MinVote::get(), Error::<T>::VoteTooSmall);
		ensure!(amount <= T::Qas::total_balance(&who), Error::<T>::InsufficientQas);

		match Voters::<T>::get(&who) {
			Some(old) => Self::withdraw_vote(&who, old),
			None => ensure!(Voters::<T>::count() < T::MaxVoters::get(), Error::<T>::TooManyVoters),
		}

		let amount_units: Stake = amount.unique_saturated_into();
		let stake_per_target = amount_units / targets.len() as Stake;
		let backed = targets.iter().map(|candidate| VoteTarget {
			candidate: candidate.clone(),
			reward_per_stake_paid: Self::add_backing(candidate, stake_per_target),
		});
		let voter = Voter {
			amount,
			stake_per_target,
			targets: BoundedVec::truncate_from(backed.collect::<Vec<_>>()),
		};
		Voters::<T>::insert(&who, voter);
		T::Qas::set_freeze(&FreezeReason::Vote.into(), &who, amount)?;
		Self::deposit_event(Event::Voted { who, amount, targets: targets.into_inner() });
		Ok(())
	}

	pub(crate) fn do_remove_voter(who: T::AccountId) -> DispatchResult {
		let voter = Voters::<T>::take(&who).ok_or(Error::<T>::NotVoter)?;
		Self::withdraw_vote(&who, voter);
		T::Qas::thaw(&FreezeReason::Vote.into(), &who)?;
		Self::deposit_event(Event::VoterRemoved { who });
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
			Self::remove_backing(&target.candidate, voter.stake_per_target);
		}
	}

	/// Adds `stake` to what backs `candidate`; returns the backing's accumulator, from
	/// which the new stake earns.
	fn add_backing(candidate: &T::AccountId, stake: Stake) -> u128 {
		Backings::<T>::mutate(candidate, |maybe_backing| {
			let backing = maybe_backing.get_or_insert_with(Backing::default);
			backing.stake = backing.stake.saturating_add(stake);
			backing.voters = backing.voters.saturating_add(1);
			backing.reward_per_stake
		})
	}

	/// Takes `stake` away from what backs `candidate`; the record goes with its last vote.
	fn remove_backing(candidate: &T::AccountId, stake: Stake) {
		Backings::<T>::mutate_exists(candidate, |maybe_backing| {
			if let Some(backing) = maybe_backing {
				backing.stake = backing.stake.saturating_sub(stake);
				backing.voters = backing.voters.saturating_sub(1);
				if backing.voters == 0 {
					*maybe_backing = None;
				}
			}
		});
	}
}
