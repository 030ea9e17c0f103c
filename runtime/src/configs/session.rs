//! Sessions (`pallet-session`): the validator set changes at session boundaries, and
//! sessions are eras.
//!
//! A session ends when the proof-of-resource pallet's era clock starts a new era (its hook
//! runs before the session pallet's in the same block), so a supernode elected at the
//! start of a term is queued at once and produces blocks from the next era on. The
//! validators are the elected supernodes with session keys
//! ([`pallet_supernodes::Pallet::plan_validators`]), from genesis on: the presets give
//! their validators session keys and make them the genesis supernodes.

use crate::{opaque::SessionKeys, AccountId, Balance, Balances, BlockNumber, Historical, ProofOfResource,
	Runtime, RuntimeEvent, Supernodes, QQQ};
use alloc::vec::Vec;
use frame_support::{parameter_types, weights::Weight};
use sp_runtime::{
	traits::{ConvertInto, OpaqueKeys},
	Permill,
};

/// Number of a session (`sp_staking::SessionIndex`).
type SessionIndex = u32;

parameter_types! {
	/// QQQ held while an account has session keys registered: pays for the key storage
	/// and is returned by `session.purge_keys`.
	pub const SessionKeyDeposit: Balance = 10 * QQQ;
}

/// Sessions end where eras end.
pub struct SessionPerEra;

impl pallet_session::ShouldEndSession<BlockNumber> for SessionPerEra {
	fn should_end_session(now: BlockNumber) -> bool {
		let era = ProofOfResource::era_state();
		era.current > 0 && era.start == now
	}
}

impl frame_support::traits::EstimateNextSessionRotation<BlockNumber> for SessionPerEra {
	fn average_session_length() -> BlockNumber {
		ProofOfResource::era_state().length
	}

	fn estimate_current_session_progress(now: BlockNumber) -> (Option<Permill>, Weight) {
		let era = ProofOfResource::era_state();
		let progress = Permill::from_rational(now.saturating_sub(era.start), era.length.max(1));
		(Some(progress), <Runtime as frame_system::Config>::DbWeight::get().reads(1))
	}

	fn estimate_next_session_rotation(_now: BlockNumber) -> (Option<BlockNumber>, Weight) {
		let era = ProofOfResource::era_state();
		(Some(era.start.saturating_add(era.length)), <Runtime as frame_system::Config>::DbWeight::get().reads(1))
	}
}

/// The session manager: the elected supernodes with keys and without offence, planned
/// every session ([`pallet_supernodes::Pallet::plan_validators`]).
pub struct SupernodeValidators;

impl pallet_session::SessionManager<AccountId> for SupernodeValidators {
	fn new_session(_new_index: SessionIndex) -> Option<Vec<AccountId>> {
		Supernodes::plan_validators()
	}

	/// The genesis validators are the supernodes of the genesis election that the preset
	/// gave session keys (the session pallet sets the genesis keys before it asks); with
	/// too few of them, the validators are simply the preset's session keys.
	fn new_session_genesis(new_index: SessionIndex) -> Option<Vec<AccountId>> {
		if new_index == 0 {
			Supernodes::plan_validators()
		} else {
			None
		}
	}

	fn end_session(_end_index: SessionIndex) {}

	fn start_session(_start_index: SessionIndex) {}
}

/// The same validators, for the session history: identified by account alone.
impl pallet_session::historical::SessionManager<AccountId, ()> for SupernodeValidators {
	fn new_session(new_index: SessionIndex) -> Option<Vec<(AccountId, ())>> {
		<Self as pallet_session::SessionManager<_>>::new_session(new_index)
			.map(|validators| validators.into_iter().map(|v| (v, ())).collect())
	}

	fn new_session_genesis(new_index: SessionIndex) -> Option<Vec<(AccountId, ())>> {
		<Self as pallet_session::SessionManager<_>>::new_session_genesis(new_index)
			.map(|validators| validators.into_iter().map(|v| (v, ())).collect())
	}

	/// Keeps [`super::offences::REPORTABLE_SESSIONS`] sessions of history: one old
	/// session is pruned per new one. Also records the slot the session starts at, to
	/// place reported Aura equivocations in their session, and the session's validators
	/// (set just before), among whom the supernodes pallet shares the era's pool. An
	/// offender still among them (planned before its offence was reported) is disabled
	/// again: the session pallet re-enables everyone at a session change.
	fn start_session(start_index: SessionIndex) {
		crate::AuraEquivocation::note_session_start(start_index);
		let validators = pallet_session::Validators::<Runtime>::get();
		for offender in validators.iter().filter(|validator| Supernodes::has_offended(validator)) {
			crate::Session::report_offence(offender.clone(), sp_staking::offence::OffenceSeverity::max_severity());
		}
		Supernodes::note_era_validators(validators);
		if let Some(oldest_kept) = start_index.checked_sub(super::offences::REPORTABLE_SESSIONS) {
			Historical::prune_up_to(oldest_kept);
		}
	}

	fn end_session(_end_index: SessionIndex) {}
}

impl pallet_session::historical::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type FullIdentification = ();
	type FullIdentificationOf = super::offences::AccountIsIdentification;
}

/// Which accounts have session keys for the next session.
pub struct RegisteredSessionKeys;

impl pallet_supernodes::SessionKeysRegistered<AccountId> for RegisteredSessionKeys {
	fn has_session_keys(who: &AccountId) -> bool {
		pallet_session::NextKeys::<Runtime>::contains_key(who)
	}
}

impl pallet_session::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type ValidatorId = AccountId;
	type ValidatorIdOf = ConvertInto;
	type ShouldEndSession = SessionPerEra;
	type NextSessionRotation = SessionPerEra;
	/// Also records each session's validator set for offence reports.
	type SessionManager = pallet_session::historical::NoteHistoricalRoot<Runtime, SupernodeValidators>;
	type SessionHandler = <SessionKeys as OpaqueKeys>::KeyTypeIdProviders;
	type Keys = SessionKeys;
	/// An offender of the current session is disabled at once (`super::offences`), a
	/// third of the validators at most, so that offences alone cannot stop the chain.
	type DisablingStrategy = pallet_session::disabling::UpToLimitDisablingStrategy;
	/// Parity's reference measurements with this runtime's database weights: the
	/// benchmarks of `set_keys`/`purge_keys` live in `pallet-session-benchmarking`, which
	/// needs a staking pallet this chain does not have.
	type WeightInfo = pallet_session::weights::SubstrateWeight<Runtime>;
	type Currency = Balances;
	type KeyDeposit = SessionKeyDeposit;
}
