//! Bonds that outlive their candidacy: a validator's candidacy bond stays within reach of
//! offence reports for as long as its offences can be reported.
//!
//! Equivocations are reported after the fact, for up to [`Config::ReportWindowEras`]
//! eras (the session history the runtime keeps for key-ownership proofs). A candidacy can
//! end before that: a supernode that was not re-elected renounces while it still validates
//! the last era of its term, or an election drops it. Were its bond released then, it
//! would validate, or could have its last offences reported, with nothing at stake.
//!
//! So when a candidacy ends within the window of the last era its holder validated in
//! ([`Candidate::last_validated`], recorded by [`Pallet::note_era_validators`]), or while
//! it is among the validators planned for the next session, what is
//! left of its bond stays held as a [`RetiredBond`] until the window has passed; offences
//! slash it like a candidate's ([`crate::offences`]). The holder then withdraws it with
//! [`Pallet::withdraw_retired_bond`]. It may stand again only after that, so that one
//! account has at most one bond at risk. A candidate that never validated, or not within
//! the window, gets its bond back at once.

use crate::{pallet::*, Candidate, RetiredBond};
use frame_support::{
	ensure,
	traits::{fungible::MutateHold, tokens::Precision, Get},
};
use poseidon_primitives::era::{EraClock, EraIndex};
use sp_runtime::DispatchResult;

impl<T: Config> Pallet<T> {
	/// The last era `who` may have validated in or may still validate in, as far as this
	/// pallet knows: the last era it was among the validators at the start of
	/// ([`Candidate::last_validated`]), or the next era if it is among the validators last
	/// planned (they validate the session that starts next, or the current one).
	fn last_validating_era(who: &T::AccountId, candidate: &Candidate<QasOf<T>>) -> Option<EraIndex> {
		let planned = PlannedValidators::<T>::get()
			.contains(who)
			.then(|| T::Clock::current_era().saturating_add(1));
		candidate.last_validated.max(planned)
	}

	/// Keeps the bond of `candidate`, whose candidacy is ending, as `who`'s retired bond if
	/// `who` validated within the report window, or may still validate; returns whether it
	/// did.
	pub(crate) fn retire_bond(who: &T::AccountId, candidate: &Candidate<QasOf<T>>) -> bool {
		let Some(last_validating) = Self::last_validating_era(who, candidate) else { return false };
		let release_era = last_validating.saturating_add(T::ReportWindowEras::get()).saturating_add(1);
		if release_era <= T::Clock::current_era() {
			return false;
		}
		RetiredBonds::<T>::insert(
			who,
			RetiredBond {
				bond: candidate.bond,
				posted: candidate.posted,
				slashed: candidate.slashed,
				offence_session: candidate.offence_session,
				release_era,
			},
		);
		Self::deposit_event(Event::BondRetired { who: who.clone(), bond: candidate.bond, release_era });
		true
	}

	pub(crate) fn do_withdraw_retired_bond(who: T::AccountId) -> DispatchResult {
		let retired = RetiredBonds::<T>::get(&who).ok_or(Error::<T>::NoRetiredBond)?;
		ensure!(T::Clock::current_era() >= retired.release_era, Error::<T>::RetiredBondAtRisk);
		RetiredBonds::<T>::remove(&who);
		let _ = T::Qas::release(&HoldReason::CandidacyBond.into(), &who, retired.bond, Precision::BestEffort);
		Self::deposit_event(Event::RetiredBondReleased { who, bond: retired.bond });
		Ok(())
	}
}
