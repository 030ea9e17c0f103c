//! # Aura equivocation pallet
//!
//! An Aura validator may author one block per slot it owns. Signing two different blocks
//! for the same slot (an *equivocation*) forks the chain at will; it is the block
//! producer's counterpart of a GRANDPA double vote. FRAME reports GRANDPA (and BABE)
//! equivocations, but has no report path for Aura, and the node only logs one when it
//! sees it. This pallet is that path:
//!
//! - [`Pallet::report_equivocation`]: anyone who holds the two headers submits them with
//!   a key-ownership proof (the historical proof `pallet-session` gives for the Aura
//!   key, see `GrandpaApi::generate_key_ownership_proof` for the GRANDPA counterpart). A
//!   valid report is free ([`Pays::No`]); a bad one pays its fee.
//! - Each header is at most [`Config::MaxHeaderSize`] bytes, and the report is weighed by
//!   the larger one's size (checking hashes each header twice), so an offender cannot have
//!   large headers, whose digests it signs itself, checked for the price of small ones.
//! - The report is checked ([`proof::check_equivocation_proof`]): the two headers differ,
//!   both carry the reported slot and both are sealed by the offender's key. The slot
//!   must lie in the session the key-ownership proof is for: the pallet records the slot
//!   each session starts at ([`Pallet::note_session_start`], called by the runtime's
//!   session manager) for as many sessions as reports are accepted.
//! - It is then reported to the offences pallet ([`Config::ReportOffence`]) as an
//!   [`offence::AuraEquivocationOffence`], which deduplicates it and has the runtime's
//!   offence handler slash the offender (on Poseidon: its candidacy bond).

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;
pub use weights::WeightInfo;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod mock;
pub mod offence;
pub mod proof;
#[cfg(test)]
mod tests;
pub mod weights;

/// The equivocation proof reported: the offender's key, the slot, and the two headers.
pub type EquivocationProofOf<T> = sp_consensus_slots::EquivocationProof<
	frame_system::pallet_prelude::HeaderFor<T>,
	<T as Config>::AuthorityId,
>;

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use alloc::boxed::Box;
	use frame_support::{
		dispatch::{DispatchResultWithPostInfo, Pays},
		pallet_prelude::*,
		traits::KeyOwnerProofSystem,
	};
	use frame_system::pallet_prelude::*;
	use offence::AuraEquivocationOffence;
	use sp_consensus_slots::Slot;
	use sp_runtime::{KeyTypeId, RuntimeAppPublic};
	use sp_session::{GetSessionNumber, GetValidatorCount};
	use sp_staking::{offence::ReportOffence, SessionIndex};

	#[pallet::pallet]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// The Aura authority key (`sp_consensus_aura::sr25519::AuthorityId`).
		type AuthorityId: Member + Parameter + RuntimeAppPublic + MaxEncodedLen;

		/// Proof that a key belonged to a validator of a session.
		type KeyOwnerProof: Parameter + GetSessionNumber + GetValidatorCount;

		/// The validator a proven key belonged to, as the offence handler identifies it.
		type KeyOwnerIdentification: Parameter;

		/// Checks key-ownership proofs (`pallet-session`'s historical proofs).
		type KeyOwnerProofSystem: KeyOwnerProofSystem<
			(KeyTypeId, Self::AuthorityId),
			Proof = Self::KeyOwnerProof,
			IdentificationTuple = Self::KeyOwnerIdentification,
		>;

		/// Where checked offences go (`pallet-offences`).
		type ReportOffence: ReportOffence<
			Self::AccountId,
			Self::KeyOwnerIdentification,
			AuraEquivocationOffence<Self::KeyOwnerIdentification>,
		>;

		/// The current Aura slot (`pallet-aura`'s `CurrentSlot`).
		type CurrentSlot: Get<Slot>;

		/// Sessions back for which reports are accepted; kept equal to the session
		/// history the key-ownership proofs are checked against.
		#[pallet::constant]
		type ReportableSessions: Get<SessionIndex>;

		/// The largest encoded header a report may carry, in bytes: a real header's digest
		/// holds its slot, its seal and, at a session change, the next Aura and GRANDPA
		/// authorities.
		#[pallet::constant]
		type MaxHeaderSize: Get<u32>;

		/// The weight of hashing one byte of a header (BLAKE2-256, in the runtime). Checking
		/// a proof hashes each header twice; the benchmark measured minimal headers.
		type HashedByteWeight: Get<Weight>;

		/// Weights of the calls, measured by the benchmarks.
		type WeightInfo: WeightInfo;
	}

	/// The slot each of the last [`Config::ReportableSessions`] sessions started at.
	#[pallet::storage]
	pub type SessionStartSlots<T: Config> = StorageMap<_, Twox64Concat, SessionIndex, Slot, OptionQuery>;

	#[pallet::error]
	pub enum Error<T> {
		/// The two headers are the same block, do not carry the reported slot, or are not
		/// both sealed by the offender's key.
		InvalidEquivocationProof,
		/// The key-ownership proof does not prove the key was a validator's.
		InvalidKeyOwnershipProof,
		/// The slot is not in the session the key-ownership proof is for, or that session
		/// is too old to report.
		SlotOutsideSession,
		/// This equivocation has been reported already, or the report would slash nothing.
		DuplicateOffenceReport,
		/// A header is larger than [`Config::MaxHeaderSize`].
		HeaderTooLarge,
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Report that `equivocation_proof.offender` signed two blocks for one slot.
		///
		/// `key_owner_proof` proves the key was a validator's in the session of that slot.
		/// A valid report is free and has the offender slashed; an invalid one is refused
		/// with a named error and pays its fee.
		#[pallet::call_index(0)]
		#[pallet::weight(Pallet::<T>::report_weight(&equivocation_proof))]
		pub fn report_equivocation(
			origin: OriginFor<T>,
			equivocation_proof: Box<EquivocationProofOf<T>>,
			key_owner_proof: T::KeyOwnerProof,
		) -> DispatchResultWithPostInfo {
			let reporter = ensure_signed(origin)?;
			Self::do_report_equivocation(reporter, *equivocation_proof, key_owner_proof)?;
			Ok(Pays::No.into())
		}
	}

	impl<T: Config> Pallet<T> {
		/// What a report costs: checking the two seals (benchmarked on minimal headers),
		/// hashing each header twice, counted as two headers the size of the larger (at most
		/// [`Config::MaxHeaderSize`]: a larger one is refused before it is hashed), and the
		/// storage the key-ownership proof check (the session's historical root) and the
		/// offences pallet (its report index, the report, the offender's slash) read and
		/// write.
		pub fn report_weight(equivocation_proof: &EquivocationProofOf<T>) -> Weight {
			let size = Self::larger_header_size(equivocation_proof).min(T::MaxHeaderSize::get());
			let hashed_bytes = u64::from(size).saturating_mul(4);
			T::WeightInfo::check_equivocation_proof()
				.saturating_add(T::HashedByteWeight::get().saturating_mul(hashed_bytes))
				.saturating_add(T::DbWeight::get().reads_writes(8, 6))
		}

		/// The encoded size of the larger of the proof's two headers.
		fn larger_header_size(equivocation_proof: &EquivocationProofOf<T>) -> u32 {
			let first = equivocation_proof.first_header.encoded_size();
			let second = equivocation_proof.second_header.encoded_size();
			u32::try_from(first.max(second)).unwrap_or(u32::MAX)
		}

		/// Records that session `index` starts at the current slot, and forgets the start of
		/// the session that has just become too old to report.
		pub fn note_session_start(index: SessionIndex) {
			SessionStartSlots::<T>::insert(index, T::CurrentSlot::get());
			if let Some(too_old) = index.checked_sub(T::ReportableSessions::get()) {
				SessionStartSlots::<T>::remove(too_old);
			}
		}

		pub(crate) fn do_report_equivocation(
			reporter: T::AccountId,
			equivocation_proof: EquivocationProofOf<T>,
			key_owner_proof: T::KeyOwnerProof,
		) -> DispatchResult {
			ensure!(
				Self::larger_header_size(&equivocation_proof) <= T::MaxHeaderSize::get(),
				Error::<T>::HeaderTooLarge
			);
			let slot = equivocation_proof.slot;
			let session_index = key_owner_proof.session();
			let validator_set_count = key_owner_proof.validator_count();
			ensure!(Self::slot_in_session(slot, session_index), Error::<T>::SlotOutsideSession);

			let offender_key = equivocation_proof.offender.clone();
			ensure!(
				proof::check_equivocation_proof::<HeaderFor<T>, T::AuthorityId>(equivocation_proof),
				Error::<T>::InvalidEquivocationProof
			);
			let offender =
				T::KeyOwnerProofSystem::check_proof((T::AuthorityId::ID, offender_key), key_owner_proof)
					.ok_or(Error::<T>::InvalidKeyOwnershipProof)?;

			let offence = AuraEquivocationOffence { slot, session_index, validator_set_count, offender };
			T::ReportOffence::report_offence(alloc::vec![reporter], offence)
				.map_err(|_| Error::<T>::DuplicateOffenceReport)?;
			Ok(())
		}

		/// Whether `slot` is one of `session`'s: at or after its start, before the next
		/// session's start (if it has started) and not in the future.
		fn slot_in_session(slot: Slot, session: SessionIndex) -> bool {
			let Some(start) = SessionStartSlots::<T>::get(session) else { return false };
			let end = SessionStartSlots::<T>::get(session.saturating_add(1));
			slot >= start && end.is_none_or(|end| slot < end) && slot <= T::CurrentSlot::get()
		}
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			assert!(T::ReportableSessions::get() > 0, "reports must be accepted for the current session");
			assert!(T::MaxHeaderSize::get() >= 256, "a sealed header with its slot must fit");
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	impl<T: Config> Pallet<T> {
		/// Checks the pallet's invariants: no more session starts kept than reportable
		/// sessions, and later sessions start at later slots.
		#[cfg(any(feature = "try-runtime", test))]
		pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
			let mut starts: alloc::vec::Vec<(SessionIndex, Slot)> = SessionStartSlots::<T>::iter().collect();
			ensure!(
				starts.len() as u32 <= T::ReportableSessions::get(),
				"more session starts are kept than sessions can be reported"
			);
			starts.sort();
			ensure!(starts.windows(2).all(|pair| pair[0].1 <= pair[1].1), "a later session starts at an earlier slot");
			Ok(())
		}
	}
}
