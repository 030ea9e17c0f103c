//! Offences of validators: a supernode that equivocates (signs two GRANDPA votes in one
//! round, or two blocks in one slot) loses part of its candidacy bond and its candidacy.
//!
//! Offences reach this pallet through [`OnOffenceHandler`], which `pallet-offences` calls
//! once an equivocation report with a valid key-ownership proof (`pallet-session`'s
//! historical proofs) has been checked. The offence names the part to slash: for GRANDPA
//! `(3k / n)²` of the bond, `k` offenders among `n` validators. On a chain with many
//! validators one offender would then lose next to nothing, so at least
//! [`Config::MinEquivocationSlash`] is slashed. The part is of the bond the candidate
//! posted ([`Candidate::posted`]), not of today's bond parameter, which governance may have
//! changed since. The slash goes to the treasury.
//!
//! The same offence may be reported again with more offenders (the part then grows): a
//! candidate records the largest part it has lost in [`Candidate::slashed`], and the
//! report slashes only what it adds. Separate offences are punished once per session
//! ([`Candidate::offence_session`]): the runtime refuses, before they reach
//! `pallet-offences`, reports that would slash nothing ([`Pallet::offence_adds_slash`]),
//! so that a report that adds nothing is not free. A candidate with an offence is left out
//! of every later election and of the validators planned for the next session; its
//! candidacy ends with its term: it is dropped then and the rest of its bond is released.
//! It may stand again, with a whole new bond.

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

/// The bond an offence can reach, and what offences have taken of it: a candidate's, or
/// a retired bond ([`crate::retired_bonds`]).
struct BondAtRisk<Balance> {
	held: Balance,
	posted: Balance,
	slashed: Perbill,
	offence_session: Option<SessionIndex>,
}

impl<T: Config> Pallet<T> {
	/// `who`'s bond within reach of offences, if any.
	fn bond_at_risk(who: &T::AccountId) -> Option<BondAtRisk<QasOf<T>>> {
		if let Some(candidate) = Candidates::<T>::get(who) {
			return Some(BondAtRisk {
				held: candidate.bond,
				posted: candidate.posted,
				slashed: candidate.slashed,
				offence_session: candidate.offence_session,
			});
		}
		RetiredBonds::<T>::get(who).map(|retired| BondAtRisk {
			held: retired.bond,
			posted: retired.posted,
			slashed: retired.slashed,
			offence_session: retired.offence_session,
		})
	}

	/// Whether a new offence of `who` in `session` that costs `fraction` of its bond would
	/// slash anything: `who` has a bond within reach (as a candidate or a retired bond) with
	/// QAS left, no offence of `session` punished yet, and `fraction` (at least
	/// [`Config::MinEquivocationSlash`]) is more than it has lost. The runtime refuses a
	/// report for which this is false.
	pub fn offence_adds_slash(who: &T::AccountId, fraction: Perbill, session: SessionIndex) -> bool {
		Self::bond_at_risk(who).is_some_and(|bond| {
			!bond.held.is_zero() &&
				bond.offence_session != Some(session) &&
				fraction.max(T::MinEquivocationSlash::get()) > bond.slashed
		})
	}

	/// Whether any offence of `who` could still slash something: it has a bond within
	/// reach with QAS left, not lost whole. Used where the offence's session and part are
	/// not known yet (a report's validity in the transaction pool).
	pub fn may_be_slashed(who: &T::AccountId) -> bool {
		Self::bond_at_risk(who).is_some_and(|bond| !bond.held.is_zero() && bond.slashed < Perbill::one())
	}

	/// Whether `who` is a candidate punished for an offence: it is not planned as a
	/// validator again, and the runtime keeps it disabled while it still is one.
	pub fn has_offended(who: &T::AccountId) -> bool {
		Candidates::<T>::get(who).is_some_and(|candidate| !candidate.slashed.is_zero())
	}

	/// Slashes `who`'s bond (a candidate's or a retired one) for an offence of `session`
	/// that costs `fraction` of the bond it posted (at least
	/// [`Config::MinEquivocationSlash`]), minus what it has lost already, and marks a
	/// candidate so that it is neither elected nor planned as a validator again.
	pub(crate) fn punish_offence(who: &T::AccountId, fraction: Perbill, session: SessionIndex) {
		let Some(mut bond) = Self::bond_at_risk(who) else {
			// Its candidacy ended outside the report window: nothing is within reach.
			return;
		};
		let fraction = fraction.max(T::MinEquivocationSlash::get());
		let newly_lost = fraction.saturating_sub(bond.slashed);
		let amount = newly_lost.mul_floor(bond.posted).min(bond.held);
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
		bond.held.saturating_reduce(slashed);
		bond.slashed = bond.slashed.max(fraction);
		bond.offence_session = Some(bond.offence_session.map_or(session, |last| last.max(session)));
		if let Some(mut candidate) = Candidates::<T>::get(who) {
			(candidate.bond, candidate.slashed, candidate.offence_session) =
				(bond.held, bond.slashed, bond.offence_session);
			Candidates::<T>::insert(who, &candidate);
			RunnersUp::<T>::mutate(|runners_up| runners_up.retain(|elected| &elected.who != who));
		} else {
			RetiredBonds::<T>::mutate(who, |maybe_retired| {
				if let Some(retired) = maybe_retired {
					(retired.bond, retired.slashed, retired.offence_session) =
						(bond.held, bond.slashed, bond.offence_session);
				}
			});
		}
		Self::deposit_event(Event::OffenceSlashed { who: who.clone(), session, slashed, bond_left: bond.held });
	}
}
