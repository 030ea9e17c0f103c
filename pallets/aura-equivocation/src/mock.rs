//! A minimal runtime for the pallet's tests: System and this pallet, with a session
//! history and an offences pallet played by the tests.
//!
//! [`KEYS`] is the session history: which validator account held which Aura key in which
//! session. [`MockProof`] names a session and its validator count; it proves a key if the
//! history lists it in that session. Offences reported are collected in [`OFFENCES`].

use crate::{self as pallet_aura_equivocation, offence::AuraEquivocationOffence};
use codec::{Decode, DecodeWithMemTracking, Encode};
use core::cell::RefCell;
use frame_support::{derive_impl, parameter_types, traits::KeyOwnerProofSystem};
use sp_consensus_aura::sr25519::AuthorityId;
use sp_consensus_slots::Slot;
use sp_core::{crypto::KeyTypeId, Pair};
use sp_runtime::{BuildStorage, RuntimeAppPublic};
use sp_staking::{
	offence::{Offence, OffenceError, ReportOffence},
	SessionIndex,
};
use std::collections::BTreeMap;

type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		AuraEquivocation: pallet_aura_equivocation,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
}

/// A key-ownership proof: the session it is for and that session's validator count.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, scale_info::TypeInfo)]
pub struct MockProof {
	pub session: SessionIndex,
	pub validators: u32,
}

impl sp_session::GetSessionNumber for MockProof {
	fn session(&self) -> SessionIndex {
		self.session
	}
}

impl sp_session::GetValidatorCount for MockProof {
	fn validator_count(&self) -> u32 {
		self.validators
	}
}

thread_local! {
	/// (session, Aura key) → the validator account that held it.
	pub static KEYS: RefCell<BTreeMap<(SessionIndex, AuthorityId), u64>> = RefCell::new(BTreeMap::new());
	/// The offences reported, with their reporters.
	pub static OFFENCES: RefCell<Vec<(Vec<u64>, AuraEquivocationOffence<u64>)>> = RefCell::new(Vec::new());
	pub static CURRENT_SLOT: RefCell<u64> = RefCell::new(0);
}

/// The session history, played by the tests.
pub struct SessionHistory;

impl KeyOwnerProofSystem<(KeyTypeId, AuthorityId)> for SessionHistory {
	type Proof = MockProof;
	type IdentificationTuple = u64;

	fn prove((_, key): (KeyTypeId, AuthorityId)) -> Option<MockProof> {
		KEYS.with(|keys| keys.borrow().keys().find(|(_, k)| *k == key).map(|(session, _)| MockProof { session: *session, validators: 4 }))
	}

	fn check_proof((key_type, key): (KeyTypeId, AuthorityId), proof: MockProof) -> Option<u64> {
		if key_type != AuthorityId::ID {
			return None;
		}
		KEYS.with(|keys| keys.borrow().get(&(proof.session, key)).copied())
	}
}

/// The offences pallet, played by the tests: refuses an offender reported twice for one
/// slot.
pub struct Offences;

impl ReportOffence<u64, u64, AuraEquivocationOffence<u64>> for Offences {
	fn report_offence(reporters: Vec<u64>, offence: AuraEquivocationOffence<u64>) -> Result<(), OffenceError> {
		if Self::is_known_offence(&offence.offenders(), &offence.slot) {
			return Err(OffenceError::DuplicateReport);
		}
		OFFENCES.with(|offences| offences.borrow_mut().push((reporters, offence)));
		Ok(())
	}

	fn is_known_offence(offenders: &[u64], slot: &Slot) -> bool {
		OFFENCES.with(|offences| {
			offences.borrow().iter().any(|(_, known)| known.slot == *slot && offenders.contains(&known.offender))
		})
	}
}

pub struct CurrentSlot;

impl frame_support::traits::Get<Slot> for CurrentSlot {
	fn get() -> Slot {
		Slot::from(CURRENT_SLOT.with(|slot| *slot.borrow()))
	}
}

parameter_types! {
	pub const ReportableSessions: SessionIndex = 3;
	pub const MaxHeaderSize: u32 = 1_024;
	pub const HashedByteWeight: frame_support::weights::Weight = frame_support::weights::Weight::from_parts(1_500, 0);
}

impl pallet_aura_equivocation::Config for Test {
	type AuthorityId = AuthorityId;
	type KeyOwnerProof = MockProof;
	type KeyOwnerIdentification = u64;
	type KeyOwnerProofSystem = SessionHistory;
	type ReportOffence = Offences;
	type CurrentSlot = CurrentSlot;
	type ReportableSessions = ReportableSessions;
	type MaxHeaderSize = MaxHeaderSize;
	type HashedByteWeight = HashedByteWeight;
	type WeightInfo = ();
}

/// Validator accounts and their Aura keys' seeds.
pub const BOB: u64 = 2;
pub const CHARLIE: u64 = 3;
/// A reporter.
pub const EVE: u64 = 5;

/// The Aura key pair of a dev name.
pub fn aura_pair(seed: &str) -> sp_core::sr25519::Pair {
	sp_core::sr25519::Pair::from_string(&format!("//{seed}"), None).expect("a dev seed")
}

pub fn aura_key(seed: &str) -> AuthorityId {
	aura_pair(seed).public().into()
}

/// Moves the Aura clock to `slot`.
pub fn set_slot(slot: u64) {
	CURRENT_SLOT.with(|current| *current.borrow_mut() = slot);
}

/// Starts session `index` at `slot`, with Bob's and Charlie's keys.
pub fn start_session(index: SessionIndex, slot: u64) {
	set_slot(slot);
	AuraEquivocation::note_session_start(index);
	KEYS.with(|keys| {
		let mut keys = keys.borrow_mut();
		keys.insert((index, aura_key("Bob")), BOB);
		keys.insert((index, aura_key("Charlie")), CHARLIE);
	});
}

/// Externalities at block 1 of session 0 (slot 100), with a keystore for the benchmarks.
pub fn new_test_ext() -> sp_io::TestExternalities {
	KEYS.with(|keys| keys.borrow_mut().clear());
	OFFENCES.with(|offences| offences.borrow_mut().clear());
	let storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.register_extension(sp_keystore::KeystoreExt::new(sp_keystore::testing::MemoryKeystore::new()));
	ext.execute_with(|| {
		System::set_block_number(1);
		start_session(0, 100);
	});
	ext
}

/// Runs a test, then checks the pallet's invariants.
pub fn build_and_execute(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		test();
		AuraEquivocation::do_try_state().expect("the invariants hold after the test");
	});
}

pub fn offences() -> Vec<(Vec<u64>, AuraEquivocationOffence<u64>)> {
	OFFENCES.with(|offences| offences.borrow().clone())
}
