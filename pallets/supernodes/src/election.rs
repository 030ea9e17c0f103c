//! The election held at the start of every term: sequential Phragmén over all candidates
//! that may still stand, and all votes.
//!
//! Standing is checked again at every election, not only when a candidacy is submitted:
//! a candidate that is no longer a registered miner, has had no accepted power in the
//! last [`Config::MinProvenEras`] eras, or has offended as a validator is left out of the
//! election ([`Event::CandidateIneligible`]) and its candidacy ends, unless it serves on
//! as a supernode kept for another term. Otherwise a miner could stand, deregister (or
//! stop proving) and still be elected a validator.
//!
//! A *sitting* supernode that is no longer eligible (for any reason but an offence) still
//! stands in the election, with the backing it has: it loses its seat only to a candidate
//! that out-backs it, and is dropped once it is not re-elected. Leaving it out would let
//! one fresh, self-backed miner take the seat of every sitting supernode that missed the
//! miner test, the chain's launch validators first, and ineligibility alone would shrink
//! the validator set (docs/security.md, attack 9).
//!
//! Sequential Phragmén elects one candidate per round, each time the one whose election
//! spreads the voters' load most evenly, so a large minority of QAS still wins its share
//! of seats. [`crate::phragmen`] computes the winners and supports of
//! `sp_npos_elections::seq_phragmen` (checked against it by its tests), keeping the
//! scores up to date round by round instead of recomputing them from every vote. The
//! first `desired_supernodes` winners become the supernodes, the next
//! `desired_runners_up` the runners-up.
//!
//! A seat needs backing from others. Only a candidate backed by at least
//! [`Config::MinBacking`] of *other accounts'* votes stands in Phragmén (each vote backs
//! each of its `k` candidates with `amount / k`, as for rewards), and a winner also needs
//! that much of Phragmén's support, so a seat is never won with a token vote. A
//! candidate's vote for itself still counts in Phragmén, but not towards the minimum:
//! held QAS may vote, so a candidate's own vote is, up to the bond, the very QAS of its
//! bond, and a seat would cost one stake where it should cost two (docs/security.md,
//! attack 9).
//!
//! The election reads every candidate and every vote, and recomputes a voter's scores
//! once for each of its candidates that wins, so its cost is linear in the number of
//! votes. The hook charges the weight benchmarked for the actual number of voters, with
//! the most candidates, each vote naming [`Config::MaxVotesPerVoter`] of the winners,
//! and the most rounds ([`Config::MaxSupernodes`] + [`Config::MaxRunnersUp`]);
//! `integrity_test` checks that at [`Config::MaxVoters`] this takes at most
//! [`ELECTION_BLOCK_SHARE`](crate::ELECTION_BLOCK_SHARE) of a block.

use crate::{pallet::*, Candidate, Elected, Ineligibility, Stake, TermIndex};
use alloc::{collections::BTreeMap, vec::Vec};
use frame_support::{
	traits::{
		fungible::Inspect,
		Get,
	},
	BoundedVec,
};
use poseidon_primitives::{era::EraClock, power::ProvenPower};
use sp_npos_elections::{ExtendedBalance, VoteWeight};
use sp_staking::currency_to_vote::CurrencyToVote;
use sp_runtime::traits::{Saturating, UniqueSaturatedInto};

impl<T: Config> Pallet<T> {
	/// Holds the election of `term` and schedules the next one.
	pub(crate) fn elect(term: TermIndex) {
		let params = Params::<T>::get();
		CurrentTerm::<T>::put(term);
		TermStartEra::<T>::put(T::Clock::current_era());
		NextElectionEra::<T>::put(T::Clock::current_era().saturating_add(params.term_length));

		// Phragmén weighs votes in `u64`; QAS amounts are scaled down to it by the total
		// issuance ([`Config::CurrencyToVote`]) and supports scaled back up.
		let issuance = T::Qas::total_issuance();
		let min_backing: Stake = T::MinBacking::get().unique_saturated_into();
		let (candidates, ineligible) = Self::review_candidates(term);
		// Each candidate's backing by other accounts: `amount / k` of every vote naming it
		// among `k` candidates, except its own.
		let mut backing_by_others: BTreeMap<T::AccountId, Stake> = BTreeMap::new();
		let mut voters = Vec::new();
		for (who, voter) in Voters::<T>::iter() {
			let weight: VoteWeight = T::CurrencyToVote::to_vote(voter.amount, issuance);
			let targets: Vec<T::AccountId> = voter.targets.into_iter().map(|target| target.candidate).collect();
			for target in targets.iter().filter(|target| **target != who) {
				backing_by_others.entry(target.clone()).or_default().saturating_accrue(voter.stake_per_target);
			}
			voters.push((weight, targets));
		}
		let backed_by_others = |who: &T::AccountId| {
			backing_by_others.get(who).copied().unwrap_or_default() >= min_backing.max(1)
		};
		let contenders: Vec<T::AccountId> = candidates.iter().filter(|who| backed_by_others(who)).cloned().collect();
		let min_backing_votes =
			ExtendedBalance::from(T::CurrencyToVote::to_vote(T::MinBacking::get(), issuance).max(1));
		let to_elect = params.desired_supernodes.saturating_add(params.desired_runners_up) as usize;
		let winners: Vec<(T::AccountId, ExtendedBalance)> =
			match crate::phragmen::seq_phragmen_winners(to_elect, contenders, voters) {
				Some(winners) => winners
					.into_iter()
					// In Phragmén's units, so that scaling them down cannot take a winner
					// with exactly the minimum below it.
					.filter(|(_, support)| *support >= min_backing_votes)
					.collect(),
				// Phragmén only fails on arithmetic errors in normalising a voter's stakes;
				// the election then elects nobody, and the current supernodes stay.
				None => Vec::new(),
			};

		let to_elected = |(who, support): (T::AccountId, ExtendedBalance)| Elected {
			who,
			support: T::CurrencyToVote::to_currency(support, issuance),
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
		// Runners-up kept from the last term (when too few were elected) step in for a
		// supernode that leaves; one that may no longer stand is no longer among them.
		if !ineligible.is_empty() {
			RunnersUp::<T>::mutate(|runners_up| runners_up.retain(|elected| !ineligible.contains(&elected.who)));
		}
		let serving: Vec<T::AccountId> =
			Supernodes::<T>::get().into_iter().chain(RunnersUp::<T>::get()).map(|e| e.who).collect();
		Self::drop_unbacked_candidates(term, candidates, &serving, backed_by_others);
		// A supernode kept for another term serves it out, whatever its standing.
		for who in ineligible {
			if !serving.contains(&who) {
				Self::drop_candidate(who);
			}
		}
	}

	/// Splits the candidates into those that stand in the election of `term` and those
	/// that may no longer stand, announcing each of the latter with its reason. A sitting
	/// supernode that may no longer stand, except for an offence, is in both: it stands to
	/// keep its seat against candidates with less backing, and its candidacy ends if it is
	/// not re-elected. At most [`Config::MaxCandidates`] records, each with
	/// [`Config::MinProvenEras`] + 2 reads of the miners' registry and power, and one read
	/// of the supernodes.
	fn review_candidates(term: TermIndex) -> (Vec<T::AccountId>, Vec<T::AccountId>) {
		let sitting = Supernodes::<T>::get();
		let mut standing = Vec::new();
		let mut ineligible = Vec::new();
		for (who, candidate) in Candidates::<T>::iter() {
			match Self::ineligibility(term, &who, &candidate) {
				None => standing.push(who),
				Some(reason) => {
					Self::deposit_event(Event::CandidateIneligible { who: who.clone(), term, reason });
					if reason != Ineligibility::Offence && sitting.iter().any(|elected| elected.who == who) {
						standing.push(who.clone());
					}
					ineligible.push(who);
				},
			}
		}
		(standing, ineligible)
	}

	/// Why `who` may not stand at the election of `term`, if it may not: the checks of
	/// [`Pallet::submit_candidacy`], made again, and no offence in this candidacy. The
	/// genesis candidates (the supernodes of term 0) are the chain's launch set and are
	/// taken as given.
	fn ineligibility(term: TermIndex, who: &T::AccountId, candidate: &Candidate<QasOf<T>>) -> Option<Ineligibility> {
		if !candidate.slashed.is_zero() {
			Some(Ineligibility::Offence)
		} else if term == 0 {
			None
		} else if !T::Miners::is_registered_miner(who) {
			Some(Ineligibility::NotAMiner)
		} else if !Self::has_recent_power(who) {
			Some(Ineligibility::NoRecentPower)
		} else {
			None
		}
	}

	/// Ends `who`'s candidacy at an election and releases what is left of its bond.
	fn drop_candidate(who: T::AccountId) {
		if let Some(bond) = Self::end_candidacy(&who) {
			Self::deposit_event(Event::CandidateDropped { who, bond });
		}
	}

	/// Marks the candidates that had less than [`Config::MinBacking`] of backing by others
	/// at this election ([`UnbackedCandidates`]), and drops those that lacked it at the
	/// one before too, so for a whole term: they could not be elected, and left standing
	/// they would fill [`Config::MaxCandidates`] for free. Until it is dropped, a marked
	/// candidate's place may go to a newcomer ([`Pallet::submit_candidacy`]). Supernodes
	/// and runners-up are never marked. At most [`Config::MaxCandidates`] records each.
	fn drop_unbacked_candidates(
		term: TermIndex,
		candidates: Vec<T::AccountId>,
		serving: &[T::AccountId],
		backed_by_others: impl Fn(&T::AccountId) -> bool,
	) {
		for who in candidates {
			if serving.contains(&who) || backed_by_others(&who) {
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
