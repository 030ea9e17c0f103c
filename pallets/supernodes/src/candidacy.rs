//! Standing for election: candidacy, its bond, and the commission a supernode keeps.

use crate::{pallet::*, Candidate};
use frame_support::{
	ensure,
	traits::{fungible::MutateHold, tokens::Precision, Get},
};
use poseidon_primitives::{era::EraClock, power::ProvenPower};
use sp_runtime::{DispatchResult, Perbill};

impl<T: Config> Pallet<T> {
	pub(crate) fn do_submit_candidacy(who: T::AccountId, commission: Perbill) -> DispatchResult {
		ensure!(!Candidates::<T>::contains_key(&who), Error::<T>::AlreadyCandidate);
		ensure!(T::Miners::is_registered_miner(&who), Error::<T>::NotAMiner);
		ensure!(Self::has_recent_power(&who), Error::<T>::NoRecentPower);
		Self::add_candidate(&who, commission)
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
		ensure!(commission <= T::MaxCommission::get(), Error::<T>::CommissionTooHigh);
		ensure!(Candidates::<T>::count() < T::MaxCandidates::get(), Error::<T>::TooManyCandidates);
		let bond = T::CandidacyBond::get();
		T::Qas::hold(&HoldReason::CandidacyBond.into(), who, bond)
			.map_err(|_| Error::<T>::InsufficientQas)?;
		Candidates::<T>::insert(who, Candidate { bond, commission, slashed: Perbill::zero() });
		Self::deposit_event(Event::CandidacySubmitted { who: who.clone(), bond, commission });
		Ok(())
	}

	pub(crate) fn do_renounce_candidacy(who: T::AccountId) -> DispatchResult {
		let candidate = Candidates::<T>::get(&who).ok_or(Error::<T>::NotCandidate)?;
		ensure!(!Self::is_supernode(&who), Error::<T>::StillSupernode);
		RunnersUp::<T>::mutate(|runners_up| runners_up.retain(|elected| elected.who != who));
		PendingCommission::<T>::remove(&who);
		UnbackedCandidates::<T>::remove(&who);
		T::Qas::release(&HoldReason::CandidacyBond.into(), &who, candidate.bond, Precision::BestEffort)?;
		Candidates::<T>::remove(&who);
		Self::deposit_event(Event::CandidacyRenounced { who, bond: candidate.bond });
		Ok(())
	}

	pub(crate) fn do_set_commission(who: T::AccountId, commission: Perbill) -> DispatchResult {
		ensure!(commission <= T::MaxCommission::get(), Error::<T>::CommissionTooHigh);
		let in_force = Self::commission_in_force(&who).ok_or(Error::<T>::NotCandidate)?;
		if commission > in_force && Self::is_supernode(&who) {
			let from_term = CurrentTerm::<T>::get().saturating_add(1);
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

	/// The commission `who` keeps now, folding in an increase whose term has come; `None`
	/// if `who` is not a candidate.
	pub(crate) fn commission_in_force(who: &T::AccountId) -> Option<Perbill> {
		let mut candidate = Candidates::<T>::get(who)?;
		if let Some((from_term, raised)) = PendingCommission::<T>::get(who) {
			if from_term <= CurrentTerm::<T>::get() {
				PendingCommission::<T>::remove(who);
				candidate.commission = raised;
				Candidates::<T>::insert(who, candidate);
			}
		}
		Some(candidate.commission)
	}
}
