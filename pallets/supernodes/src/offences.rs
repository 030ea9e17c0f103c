//! Offences of validators: a supernode that equivocates (signs two GRANDPA votes in one
//! round, or two blocks in one slot) loses part of its candidacy bond and its candidacy.
//!
//! Offences reach this pallet through [`OnOffenceHandler`], which `pallet-offences` calls
//! once an equivocation report with a valid key-ownership proof (`pallet-session`'s
//! historical proofs) has been checked. The offence names the part to slash: for GRANDPA
//! `(3k / n)²` of the bond, `k` offenders among `n` validators. On a chain with many
//! validators one offender would then lose next to nothing, so at least
//! [`Config::MinEquivocationSlash`] is slashed. The slash goes to the treasury.
//!
//! The same offence may be reported again with more offenders (the part then grows), and
//! one validator may commit several: a candidate records the largest part it has lost in
//! [`Candidate::slashed`], and a later report slashes only what it adds. A candidate with
//! an offence is left out of every later election, so its candidacy ends with its term:
//! it is dropped then and the rest of its bond is released. It may stand again, with a
//! whole new bond.

use crate::{pallet::*, weights::WeightInfo};
use frame_support::{
	traits::{
		fungible::MutateHold,
		tokens::{Fortitude, Precision, Restriction},
		Get,
	},
	weights::Weight,
};
use poseidon_primitives::treasury::TreasuryAccount;
use sp_runtime::{traits::Zero, Perbill, Saturating};
use sp_staking::{
	offence::{OffenceDetails, OnOffenceHandler},
	SessionIndex,
};

impl<T: Config, Reporter, Identification> OnOffenceHandler<Reporter, (T::AccountId, Identification), Weight>
	for Pallet<T>
{
	fn on_offence(
		offenders: &[OffenceDetails<Reporter, (T::AccountId, Identification)>],
		slash_fraction: &[Perbill],
		session: SessionIndex,
	) -> Weight {
		let mut weight = Weight::zero();
		for (details, fraction) in offenders.iter().zip(slash_fraction) {
			Self::punish_offence(&details.offender.0, *fraction, session);
			weight.saturating_accrue(T::WeightInfo::punish_offence());
		}
		weight
	}
}

impl<T: Config> Pallet<T> {
	/// Slashes `who`'s bond for an offence of `session` that costs `fraction` of it (at
	/// least [`Config::MinEquivocationSlash`]), minus what it has lost already, and marks
	/// it so that it is not elected again.
	pub(crate) fn punish_offence(who: &T::AccountId, fraction: Perbill, session: SessionIndex) {
		let Some(mut candidate) = Candidates::<T>::get(who) else {
			// It has left already: its bond was released at the end of its last term, out of
			// reach.
			return;
		};
		let fraction = fraction.max(T::MinEquivocationSlash::get());
		let newly_lost = fraction.saturating_sub(candidate.slashed);
		let amount = newly_lost.mul_floor(T::CandidacyBond::get()).min(candidate.bond);
		let slashed = if amount.is_zero() {
			amount
		} else {
			T::Qas::transfer_on_hold(
				&HoldReason::CandidacyBond.into(),
				who,
				&T::Treasury::treasury_account(),
				amount,
				Precision::BestEffort,
				Restriction::Free,
				Fortitude::Force,
			)
			.unwrap_or_default()
		};
		candidate.bond.saturating_reduce(slashed);
		candidate.slashed = candidate.slashed.max(fraction);
		Candidates::<T>::insert(who, &candidate);
		RunnersUp::<T>::mutate(|runners_up| runners_up.retain(|elected| &elected.who != who));
		Self::deposit_event(Event::OffenceSlashed {
			who: who.clone(),
			session,
			slashed,
			bond_left: candidate.bond,
		});
	}
}
