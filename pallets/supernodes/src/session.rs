//! The supernodes as the chain's validators and as the set that may reject proofs.
//!
//! The runtime's session manager asks [`Pallet::plan_validators`] at every new session.
//! The validators are the supernodes of the current term that have registered session
//! keys (`session.set_keys`), in election order; they become the Aura and GRANDPA
//! authorities one session after they are planned, as `pallet-session` queues every set
//! for a session. A supernode that registers its keys during the term therefore starts
//! validating within two sessions. A supernode with an offence in its term
//! ([`crate::offences`]) is left out of the next session's set: it serves no longer than
//! the session after the offence was reported. With fewer than `min_validators` keyed
//! supernodes without offence the current validators stay, so a badly prepared election,
//! or a wave of offences, cannot halt the chain.

use crate::pallet::*;
use alloc::vec::Vec;
use frame_support::BoundedVec;
use poseidon_primitives::supernodes::SupernodeSet;

/// Whether an account has registered session keys; implemented by the runtime with the
/// session pallet's key registry.
pub trait SessionKeysRegistered<AccountId> {
	/// `who` has session keys for the next session.
	fn has_session_keys(who: &AccountId) -> bool;
}

/// Every account counts as keyed: for chains and tests without sessions.
impl<AccountId> SessionKeysRegistered<AccountId> for () {
	fn has_session_keys(_who: &AccountId) -> bool {
		true
	}
}

impl<T: Config> Pallet<T> {
	/// The validator set for the next session: the supernodes with session keys and no
	/// offence, in election order; with fewer than `min_validators` of them, the set last
	/// planned again (or `None`, the session pallet's current set, if none was).
	///
	/// The set is returned every session, changed or not, so that `pallet-session`'s
	/// history records every session's keys: a validator that rotates its keys stays
	/// reportable for what it signs with the new ones (with `None`, the history would copy
	/// the last session's record, which holds the old keys). The session pallet then counts
	/// the set as changed: GRANDPA starts a new authority set and the disabled validators
	/// are re-enabled each session.
	pub fn plan_validators() -> Option<Vec<T::AccountId>> {
		let keyed: Vec<T::AccountId> = Supernodes::<T>::get()
			.into_iter()
			.map(|elected| elected.who)
			.filter(|who| T::SessionKeys::has_session_keys(who))
			.filter(|who| !Self::has_offended(who))
			.collect();
		let planned = PlannedValidators::<T>::get();
		if (keyed.len() as u32) < Params::<T>::get().min_validators {
			return (!planned.is_empty()).then(|| planned.into_inner());
		}
		if planned.as_slice() != keyed.as_slice() {
			PlannedValidators::<T>::put(BoundedVec::truncate_from(keyed.clone()));
			Self::deposit_event(Event::ValidatorsPlanned { validators: keyed.clone() });
		}
		Some(keyed)
	}
}

impl<T: Config> SupernodeSet<T::AccountId> for Pallet<T> {
	fn is_supernode(who: &T::AccountId) -> bool {
		Pallet::<T>::is_supernode(who)
	}

	fn supernode_count() -> u32 {
		Supernodes::<T>::decode_len().unwrap_or(0) as u32
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn set_supernodes_for_benchmark(supernodes: Vec<T::AccountId>) {
		let elected = supernodes.into_iter().map(|who| crate::Elected { who, support: 1u32.into() });
		Supernodes::<T>::put(BoundedVec::truncate_from(elected.collect::<Vec<_>>()));
	}
}
