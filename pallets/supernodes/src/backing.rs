//! What backs each candidate for rewards, and when a new vote starts to count.
//!
//! A vote cast during era *c* earns from the pool of era *c + 1* on (its `earns_from`
//! era). Pools are shared at a block everybody knows (the settlement of an era, half an
//! era after it ends), so a vote that earned at once could be cast one block before a
//! pool arrives, claim, and leave: *flash backing*. Instead, a new vote's stake waits in
//! the [`BackingCohort`] of its `earns_from` era and joins the candidate's earning stake
//! right before that era's pool is shared. The cohort then records the accumulator's
//! value at which it joined, which each of its voters reads once (as deposit positions
//! do); the cohort is removed with its last voter. Removing or replacing a vote takes the
//! stake away at once: it earns nothing more, not even for the era in progress.
//!
//! A candidate's accumulator only moves when a pool is shared among the supernodes it is
//! one of, and every such sharing first lets its due cohorts join. A cohort whose era was
//! shared while the candidate was not a supernode joins at the next touch (a vote for it,
//! a vote removed, a pool): the accumulator has not moved in between, so the value it
//! records is the one it would have recorded then. The cohorts still waiting are listed
//! in the [`Backing`] itself, so joining never searches storage: they are the eras after
//! the last shared one up to the next era, at most [`MAX_WAITING_COHORTS`] of them.

use crate::{pallet::*, Backing, BackingCohort, Stake, VoteTarget};
use poseidon_primitives::{
	era::{EraClock, EraIndex},
	reward_accumulator::RewardPerStake,
};
use sp_runtime::{traits::Saturating, DispatchResult};

/// Most cohorts of one candidate that can be waiting at once. Waiting cohorts are those of
/// eras after the last shared one, up to the era after the current: since an era is shared
/// within the era after it, that is at most three.
pub const MAX_WAITING_COHORTS: u32 = 4;

impl<T: Config> Pallet<T> {
	/// The first era whose pool a vote cast now shares: the next one (or, should the pool
	/// of the current era already have been shared, the one after the last shared).
	pub(crate) fn next_earning_era() -> EraIndex {
		let next = T::Clock::current_era().saturating_add(1);
		LastSharedEra::<T>::get().map_or(next, |shared| next.max(shared.saturating_add(1)))
	}

	/// Lets the cohorts of `candidate` that earn from `up_to` or before join its earning
	/// stake, recording the accumulator's value for their voters.
	pub(crate) fn join_due_cohorts(candidate: &T::AccountId, backing: &mut Backing, up_to: EraIndex) {
		let reward_per_stake = backing.rewards.reward_per_stake;
		let mut joined = Stake::default();
		backing.waiting.retain(|era| {
			if *era > up_to {
				return true;
			}
			BackingCohorts::<T>::mutate(candidate, era, |maybe_cohort| {
				if let Some(cohort) = maybe_cohort {
					joined.saturating_accrue(cohort.stake);
					cohort.joined_at = Some(reward_per_stake);
				}
			});
			false
		});
		backing.stake.saturating_accrue(joined);
	}

	/// The backing `candidate` has from other accounts' votes now: the stake of every vote
	/// naming it, earning or waiting, but its own. The election counts the same from the
	/// votes themselves. A backing record, at most [`MAX_WAITING_COHORTS`] cohorts and the
	/// candidate's own vote: at most `2 + MAX_WAITING_COHORTS` reads.
	pub(crate) fn backing_by_others(candidate: &T::AccountId) -> Stake {
		let Some(backing) = Backings::<T>::get(candidate) else { return Stake::default() };
		let waiting = backing.waiting.iter().fold(Stake::default(), |sum, era| {
			let cohort = BackingCohorts::<T>::get(candidate, era).filter(|cohort| cohort.joined_at.is_none());
			sum.saturating_add(cohort.map_or(0, |cohort| cohort.stake))
		});
		let own = Voters::<T>::get(candidate)
			.filter(|voter| voter.targets.iter().any(|target| &target.candidate == candidate))
			.map_or(0, |voter| voter.stake_per_target);
		backing.stake.saturating_add(waiting).saturating_sub(own)
	}

	/// Cohorts due by the last shared era (see the module docs).
	fn join_overdue_cohorts(candidate: &T::AccountId, backing: &mut Backing) {
		if let Some(shared) = LastSharedEra::<T>::get() {
			Self::join_due_cohorts(candidate, backing, shared);
		}
	}

	/// Adds `stake`, earning from `earns_from`, to what backs `candidate`.
	pub(crate) fn add_backing(candidate: &T::AccountId, stake: Stake, earns_from: EraIndex) -> DispatchResult {
		Backings::<T>::try_mutate(candidate, |maybe_backing| {
			let backing = maybe_backing.get_or_insert_with(Backing::default);
			Self::join_overdue_cohorts(candidate, backing);
			if !backing.waiting.contains(&earns_from) {
				backing.waiting.try_push(earns_from).map_err(|_| Error::<T>::TooManyWaitingVotes)?;
			}
			backing.voters = backing.voters.saturating_add(1);
			BackingCohorts::<T>::mutate(candidate, earns_from, |maybe_cohort| {
				let cohort = maybe_cohort.get_or_insert_with(BackingCohort::default);
				cohort.stake.saturating_accrue(stake);
				cohort.unread.saturating_accrue(1);
			});
			Ok(())
		})
	}

	/// Takes one vote's `stake` (its `target` record, earning from `earns_from`) away from
	/// what backs `target.candidate`; the record goes with its last vote.
	pub(crate) fn remove_backing(target: &VoteTarget<T::AccountId>, stake: Stake, earns_from: EraIndex) {
		let candidate = &target.candidate;
		Backings::<T>::mutate_exists(candidate, |maybe_backing| {
			let Some(backing) = maybe_backing else { return };
			Self::join_overdue_cohorts(candidate, backing);
			backing.voters.saturating_reduce(1);
			if target.reward_per_stake_paid.is_some() {
				backing.stake.saturating_reduce(stake);
			} else {
				let mut joined = true;
				BackingCohorts::<T>::mutate_exists(candidate, earns_from, |maybe_cohort| {
					let Some(cohort) = maybe_cohort else { return };
					joined = cohort.joined_at.is_some();
					if !joined {
						cohort.stake.saturating_reduce(stake);
					}
					cohort.unread.saturating_reduce(1);
					if cohort.unread == 0 {
						*maybe_cohort = None;
					}
				});
				if joined {
					backing.stake.saturating_reduce(stake);
				} else if !BackingCohorts::<T>::contains_key(candidate, earns_from) {
					backing.waiting.retain(|era| *era != earns_from);
				}
			}
			if backing.voters == 0 {
				*maybe_backing = None;
			}
		});
	}

	/// The accumulator value from which `target` earns: what it was last paid up to, or
	/// its cohort's joining value; `None` while the cohort waits.
	pub(crate) fn earning_since(
		target: &VoteTarget<T::AccountId>,
		earns_from: EraIndex,
	) -> Option<RewardPerStake> {
		target.reward_per_stake_paid.or_else(|| {
			BackingCohorts::<T>::get(&target.candidate, earns_from).and_then(|cohort| cohort.joined_at)
		})
	}

	/// `target` read its cohort's joining value: one voter fewer still has to.
	pub(crate) fn leave_cohort(candidate: &T::AccountId, earns_from: EraIndex) {
		BackingCohorts::<T>::mutate_exists(candidate, earns_from, |maybe_cohort| {
			if let Some(cohort) = maybe_cohort {
				cohort.unread.saturating_reduce(1);
				if cohort.unread == 0 {
					*maybe_cohort = None;
				}
			}
		});
	}
}
