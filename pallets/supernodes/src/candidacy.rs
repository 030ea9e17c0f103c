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
		Candidates::<T>::insert(who, Candidate { bond, commission });
		Self::deposit_event(Event::CandidacySubmitted { who: who.clone(), bond, commission });
		Ok(())
	}

	pub(crate) fn do_renounce_candidacy(who: T::AccountId) -> DispatchResult {
		let candidate = Candidates::<T>::get(&who).ok_or(Error::<T>::NotCandidate)?;
		ensure!(!Self::is_supernode(&who), Error::<T>::StillSupernode);
		RunnersUp::<T>::mutate(|runners_up| runners_up.retain(|elected| elected.who != who));
		T::Qas::release(&HoldReason::CandidacyBond.into(), &who, candidate.bond, Precision::BestEffort)?;
		Candidates::<T>::remove(&who);
		Self::deposit_event(Event::CandidacyRenounced { who, bond: candidate.bond });
		Ok(())
	}

	pub(crate) fn do_set_commission(who: T::AccountId, commission: Perbill) -> DispatchResult {
		ensure!(commission <= T::MaxCommission::get(), Error::<T>::CommissionTooHigh);
		Candidates::<T>::try_mutate(&who, |maybe_candidate| {
			let candidate = maybe_candidate.as_mut().ok_or(Error::<T>::NotCandidate)?;
			candidate.commission = commission;
			Ok::<_, Error<T>>(())
		})?;
		Self::deposit_event(Event::CommissionSet { who, commission });
		Ok(())
	}
}
