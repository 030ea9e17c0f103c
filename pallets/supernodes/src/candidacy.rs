//! Standing for election: candidacy, its bond, and the commission a supernode keeps.

use crate::{pallet::*, Candidate, Stake, TermIndex};
use frame_support::{
	ensure,
	traits::{
		fungible::{InspectHold, MutateHold},
		tokens::Precision,
		Get,
	},
	weights::Weight,
};
use poseidon_primitives::{
	era::{EraClock, EraIndex},
	power::ProvenPower,
};
use sp_runtime::{
	traits::{UniqueSaturatedInto, Zero},
	DispatchError, DispatchResult, Perbill,
};

impl<T: Config> Pallet<T> {
	/// `who` stands; when [`Config::MaxCandidates`] stand already, it takes the place of
	/// the weakest unbacked candidate ([`Pallet::weakest_unbacked_candidate`]). Returns
	/// whether it displaced one.
	pub(crate) fn do_submit_candidacy(who: T::AccountId, commission: Perbill) -> Result<bool, DispatchError> {
		ensure!(!Candidates::<T>::contains_key(&who), Error::<T>::AlreadyCandidate);
		ensure!(T::Miners::is_registered_miner(&who), Error::<T>::NotAMiner);
		ensure!(Self::has_recent_power(&who), Error::<T>::NoRecentPower);
		ensure!(commission <= T::MaxCommission::get(), Error::<T>::CommissionTooHigh);
		// Checked before anybody is displaced: a newcomer that cannot hold the bond must not
		// cost another candidate its place.
		ensure!(
			T::Qas::can_hold(&HoldReason::CandidacyBond.into(), &who, T::CandidacyBond::get()),
			Error::<T>::InsufficientQas
		);
		let displaced = match Candidates::<T>::count() < T::MaxCandidates::get() {
			true => None,
			false => Some(Self::weakest_unbacked_candidate().ok_or(Error::<T>::TooManyCandidates)?),
		};
		if let Some(weakest) = &displaced {
			let bond = Self::end_candidacy(weakest).unwrap_or_default();
			Self::deposit_event(Event::CandidateDisplaced { who: weakest.clone(), by: who.clone(), bond });
		}
		Self::add_candidate(&who, commission)?;
		Ok(displaced.is_some())
	}

	/// The candidate whose place a newcomer takes when [`Config::MaxCandidates`] stand: of
	/// those found without [`Config::MinBacking`] of backing by others at the last election
	/// ([`UnbackedCandidates`], never a supernode or runner-up) and still without it, the
	/// one with the least such backing, the longest unbacked among equals. They cannot be
	/// elected as they stand, and a full candidate list must not keep out a miner that may
	/// yet be backed, as a full voter set does not keep out a larger vote. A candidate
	/// backed by others as much as a seat needs keeps its place; one that just stood keeps
	/// it until an election has counted its votes. At most [`Config::MaxCandidates`]
	/// marks, each with [`Pallet::backing_by_others`].
	pub(crate) fn weakest_unbacked_candidate() -> Option<T::AccountId> {
		let min_backing: Stake = T::MinBacking::get().unique_saturated_into();
		UnbackedCandidates::<T>::iter()
			.filter_map(|(who, since)| {
				let backing = Self::backing_by_others(&who);
				(backing < min_backing.max(1)).then_some((backing, since, who))
			})
			.min_by(|a, b| (a.0, a.1).cmp(&(b.0, b.1)))
			.map(|(_, _, who)| who)
	}

	/// The most [`Pallet::submit_candidacy`] may add to its benchmarked weight: the search
	/// for the weakest unbacked candidate when the list is full (each mark, with its
	/// backing, cohorts and own vote) and ending that candidacy. Refunded when the list
	/// was not full.
	pub(crate) fn displacement_weight() -> Weight {
		let marks = u64::from(T::MaxCandidates::get());
		let reads_per_mark = 3u64.saturating_add(u64::from(crate::backing::MAX_WAITING_COHORTS));
		T::DbWeight::get().reads_writes(marks.saturating_mul(reads_per_mark).saturating_add(4), 5)
	}

	/// Whether `who` had accepted power in the current era or one of the
	/// [`Config::MinProvenEras`] eras before it.
	pub(crate) fn has_recent_power(who: &T::AccountId) -> bool {
		let now = T::Clock::current_era();
		(0..=T::MinProvenEras::get())
			.filter_map(|back| now.checked_sub(back))
			.any(|era| T::Miners::miner_power(era, who) > 0)
	}

	/// Records `who` as a candidate and holds its bond (genesis candidates come here
	/// directly).
	pub(crate) fn add_candidate(who: &T::AccountId, commission: Perbill) -> DispatchResult {
		ensure!(!Candidates::<T>::contains_key(who), Error::<T>::AlreadyCandidate);
		ensure!(!RetiredBonds::<T>::contains_key(who), Error::<T>::RetiredBondHeld);
		ensure!(commission <= T::MaxCommission::get(), Error::<T>::CommissionTooHigh);
		ensure!(Candidates::<T>::count() < T::MaxCandidates::get(), Error::<T>::TooManyCandidates);
		let bond = T::CandidacyBond::get();
		T::Qas::hold(&HoldReason::CandidacyBond.into(), who, bond)
			.map_err(|_| Error::<T>::InsufficientQas)?;
		Candidates::<T>::insert(
			who,
			Candidate {
				bond,
				posted: bond,
				commission,
				slashed: Perbill::zero(),
				offence_session: None,
				last_validated: None,
			},
		);
		Self::deposit_event(Event::CandidacySubmitted { who: who.clone(), bond, commission });
		Ok(())
	}

	pub(crate) fn do_renounce_candidacy(who: T::AccountId) -> DispatchResult {
		ensure!(Candidates::<T>::contains_key(&who), Error::<T>::NotCandidate);
		ensure!(!Self::is_supernode(&who), Error::<T>::StillSupernode);
		let bond = Self::end_candidacy(&who).unwrap_or_default();
		Self::deposit_event(Event::CandidacyRenounced { who, bond });
		Ok(())
	}

	/// Ends `who`'s candidacy: its record, marks and place among the runners-up go, and
	/// what is left of its bond is released, or kept as a [`RetiredBond`] if `who`
	/// validated within the report window ([`Pallet::retire_bond`]). Returns the bond
	/// released (zero if it is kept), or `None` if `who` was no candidate.
	pub(crate) fn end_candidacy(who: &T::AccountId) -> Option<QasOf<T>> {
		let candidate = Candidates::<T>::take(who)?;
		RunnersUp::<T>::mutate(|runners_up| runners_up.retain(|elected| &elected.who != who));
		PendingCommission::<T>::remove(who);
		UnbackedCandidates::<T>::remove(who);
		if Self::retire_bond(who, &candidate) {
			return Some(Zero::zero());
		}
		let _ = T::Qas::release(&HoldReason::CandidacyBond.into(), who, candidate.bond, Precision::BestEffort);
		Some(candidate.bond)
	}

	pub(crate) fn do_set_commission(who: T::AccountId, commission: Perbill) -> DispatchResult {
		ensure!(commission <= T::MaxCommission::get(), Error::<T>::CommissionTooHigh);
		let current_term = CurrentTerm::<T>::get();
		let in_force = Self::commission_in_term(&who, current_term).ok_or(Error::<T>::NotCandidate)?;
		if commission > in_force {
			let from_term = current_term.saturating_add(2);
			PendingCommission::<T>::insert(&who, (from_term, commission));
			Self::deposit_event(Event::CommissionScheduled { who, commission, from_term });
			return Ok(());
		}
		PendingCommission::<T>::remove(&who);
		Candidates::<T>::mutate(&who, |maybe_candidate| {
			if let Some(candidate) = maybe_candidate {
				candidate.commission = commission;
			}
		});
		Self::deposit_event(Event::CommissionSet { who, commission });
		Ok(())
	}

	/// The commission `who` keeps of a pool of term `term`: its commission, or the
	/// increase it announced once that increase's term has come; `None` if `who` is not a
	/// candidate.
	pub(crate) fn commission_in_term(who: &T::AccountId, term: TermIndex) -> Option<Perbill> {
		let candidate = Candidates::<T>::get(who)?;
		Some(match PendingCommission::<T>::get(who) {
			Some((from_term, raised)) if from_term <= term => raised,
			_ => candidate.commission,
		})
	}

	/// The term `era` belongs to, and whether it is the current one: the current term if
	/// `era` is at or after its start, else the one before (pools are shared within the
	/// era after theirs, so a pool shared at the start of a term is the last era's of the
	/// term before).
	pub(crate) fn term_of_era(era: EraIndex) -> (TermIndex, bool) {
		let current_term = CurrentTerm::<T>::get();
		match era >= TermStartEra::<T>::get() {
			true => (current_term, true),
			false => (current_term.saturating_sub(1), false),
		}
	}

	/// The commission `who` keeps of a pool of `term` ([`Pallet::term_of_era`]). An
	/// increase in force is folded into the candidate's record when `term` is the current
	/// one: no later pool can belong to an earlier term.
	pub(crate) fn commission_for_pool(who: &T::AccountId, (term, current): (TermIndex, bool)) -> Option<Perbill> {
		let mut candidate = Candidates::<T>::get(who)?;
		let Some((from_term, raised)) = PendingCommission::<T>::get(who) else { return Some(candidate.commission) };
		if from_term > term {
			return Some(candidate.commission);
		}
		if current {
			PendingCommission::<T>::remove(who);
			candidate.commission = raised;
			Candidates::<T>::insert(who, candidate);
		}
		Some(raised)
	}
}
