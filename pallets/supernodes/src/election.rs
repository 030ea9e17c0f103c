//! The election held at the start of every term: sequential Phragmén over all candidates
//! and votes.
//!
//! Sequential Phragmén (`sp-npos-elections`) elects one candidate per round, each time the
//! one whose election spreads the voters' load most evenly, so a large minority of QAS
//! still wins its share of seats. The first `desired_supernodes` winners become the
//! supernodes, the next `desired_runners_up` the runners-up. A candidate is elected only
//! with at least [`Config::MinBacking`] of support, so a seat cannot be won with a token
//! vote (and candidates without a single vote never are).
//!
//! The election reads every candidate and every vote; Phragmén then does, per round, work
//! proportional to the number of votes, so its cost is rounds × votes. The hook charges
//! the weight benchmarked for the actual number of voters with the most candidates, each
//! vote naming [`Config::MaxVotesPerVoter`] of them, and the most rounds
//! ([`Config::MaxSupernodes`] + [`Config::MaxRunnersUp`]); `integrity_test` checks that
//! at [`Config::MaxVoters`] this takes at most
//! [`ELECTION_BLOCK_SHARE`](crate::ELECTION_BLOCK_SHARE) of a block.

use crate::{pallet::*, Elected, TermIndex};
use alloc::{collections::BTreeMap, vec::Vec};
use frame_support::{
	traits::{
		fungible::{Inspect, MutateHold},
		Get,
	},
	BoundedVec,
};
use poseidon_primitives::era::EraClock;
use sp_npos_elections::{seq_phragmen, ExtendedBalance, VoteWeight};
use sp_runtime::{
	traits::{Saturating, UniqueSaturatedFrom, UniqueSaturatedInto},
	Perbill,
};

/// Phragmén weighs votes in `u64`; QAS amounts are `u128`. Amounts are divided by this
/// factor, chosen from the total issuance so that no amount can overflow.
fn vote_factor(total_issuance: u128) -> u128 {
	(total_issuance / u128::from(VoteWeight::MAX)).saturating_add(1)
}

impl<T: Config> Pallet<T> {
	/// Holds the election of `term` and schedules the next one.
	pub(crate) fn elect(term: TermIndex) {
		let params = Params::<T>::get();
		CurrentTerm::<T>::put(term);
		NextElectionEra::<T>::put(T::Clock::current_era().saturating_add(params.term_length));

		let factor = vote_factor(T::Qas::total_issuance().unique_saturated_into());
		let min_backing: u128 = T::MinBacking::get().unique_saturated_into();
		// A candidate that committed an offence as a validator is not elected again.
		let (candidates, offenders): (Vec<T::AccountId>, Vec<T::AccountId>) =
			Candidates::<T>::iter().fold((Vec::new(), Vec::new()), |(mut fit, mut unfit), (who, c)| {
				if c.slashed.is_zero() { fit.push(who) } else { unfit.push(who) }
				(fit, unfit)
			});
		// Each candidate's approval: the QAS of every vote naming it.
		let mut approvals: BTreeMap<T::AccountId, u128> = BTreeMap::new();
		let mut voters = Vec::new();
		for (who, voter) in Voters::<T>::iter() {
			let amount: u128 = voter.amount.unique_saturated_into();
			let weight = VoteWeight::try_from(amount / factor).unwrap_or(VoteWeight::MAX);
			let targets: Vec<T::AccountId> = voter.targets.into_iter().map(|target| target.candidate).collect();
			for target in &targets {
				approvals.entry(target.clone()).or_default().saturating_accrue(amount);
			}
			voters.push((who, weight, targets));
		}
		let to_elect = params.desired_supernodes.saturating_add(params.desired_runners_up) as usize;
		let winners: Vec<(T::AccountId, ExtendedBalance)> =
			match seq_phragmen::<T::AccountId, Perbill>(to_elect, candidates.clone(), voters, None) {
				Ok(result) => result
					.winners
					.into_iter()
					// In Phragmén's units (amounts ÷ factor), so that rounding them down
					// cannot take a winner with exactly the minimum below it.
					.filter(|(_, support)| *support >= (min_backing / factor).max(1))
					.collect(),
				// Phragmén only fails on arithmetic errors in normalising its result; the
				// election then elects nobody, and the current supernodes stay.
				Err(_) => Vec::new(),
			};

		let to_elected = |(who, support): (T::AccountId, ExtendedBalance)| Elected {
			who,
			support: QasOf::<T>::unique_saturated_from(support.saturating_mul(factor)),
		};
		let mut winners = winners.into_iter().map(to_elected);
		let supernodes: Vec<_> = winners.by_ref().take(params.desired_supernodes as usize).collect();
		let runners_up: Vec<_> = winners.take(params.desired_runners_up as usize).collect();

		if (supernodes.len() as u32) < params.min_validators {
			Self::deposit_event(Event::SupernodesKept { term, elected: supernodes.len() as u32 });
		} else {
			let supernodes = BoundedVec::truncate_from(supernodes);
			let runners_up = BoundedVec::truncate_from(runners_up);
			Self::deposit_event(Event::NewTerm {
				term,
				supernodes: supernodes.iter().map(|e| (e.who.clone(), e.support)).collect(),
				runners_up: runners_up.iter().map(|e| e.who.clone()).collect(),
			});
			Supernodes::<T>::put(supernodes);
			RunnersUp::<T>::put(runners_up);
		}
		let serving: Vec<T::AccountId> =
			Supernodes::<T>::get().into_iter().chain(RunnersUp::<T>::get()).map(|e| e.who).collect();
		Self::drop_unbacked_candidates(term, candidates, &serving, &approvals, min_backing);
		for who in offenders {
			if !serving.contains(&who) {
				Self::drop_candidate(who);
			}
		}
	}

	/// Ends `who`'s candidacy and releases what is left of its bond.
	fn drop_candidate(who: T::AccountId) {
		UnbackedCandidates::<T>::remove(&who);
		PendingCommission::<T>::remove(&who);
		if let Some(candidate) = Candidates::<T>::take(&who) {
			let _ = T::Qas::release(
				&HoldReason::CandidacyBond.into(),
				&who,
				candidate.bond,
				frame_support::traits::tokens::Precision::BestEffort,
			);
			Self::deposit_event(Event::CandidateDropped { who, bond: candidate.bond });
		}
	}

	/// Drops the candidates that had less than [`Config::MinBacking`] of approval at this
	/// election and at the one before, so a whole term: they could not be elected, and
	/// left standing they would fill [`Config::MaxCandidates`] for free. Supernodes and
	/// runners-up are never dropped. At most [`Config::MaxCandidates`] records each.
	fn drop_unbacked_candidates(
		term: TermIndex,
		candidates: Vec<T::AccountId>,
		serving: &[T::AccountId],
		approvals: &BTreeMap<T::AccountId, u128>,
		min_backing: u128,
	) {
		for who in candidates {
			let approval = approvals.get(&who).copied().unwrap_or_default();
			if serving.contains(&who) || approval >= min_backing.max(1) {
				UnbackedCandidates::<T>::remove(&who);
				continue;
			}
			if !UnbackedCandidates::<T>::contains_key(&who) {
				UnbackedCandidates::<T>::insert(&who, term);
				continue;
			}
			Self::drop_candidate(who);
		}
	}
}

#[cfg(test)]
mod tests {
	use super::vote_factor;

	#[test]
	fn the_vote_factor_keeps_every_amount_within_u64() {
		assert_eq!(vote_factor(0), 1);
		assert_eq!(vote_factor(u64::MAX as u128), 2);
		// 100 000 000 QAS of 10¹² base units.
		let issuance = 100_000_000 * 1_000_000_000_000u128;
		assert_eq!(vote_factor(issuance), 6);
		assert!(issuance / vote_factor(issuance) <= u64::MAX as u128);
	}
}
