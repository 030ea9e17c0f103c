//! Block production and finality: timestamp, Aura, GRANDPA and the block author.

use crate::{AccountId, Aura, Runtime, RuntimeEvent, SLOT_DURATION};
use frame_support::traits::{ConstBool, ConstU32, ConstU64};
use sp_consensus_aura::sr25519::AuthorityId as AuraId;

/// Upper bound of the validator set (Aura and GRANDPA authorities).
pub type MaxAuthorities = ConstU32<100>;

impl pallet_timestamp::Config for Runtime {
	/// Milliseconds since the Unix epoch.
	type Moment = u64;
	type OnTimestampSet = Aura;
	/// Aura needs two timestamps per slot at most.
	type MinimumPeriod = ConstU64<{ SLOT_DURATION / 2 }>;
	type WeightInfo = crate::weights::pallet_timestamp::WeightInfo<Runtime>;
}

impl pallet_aura::Config for Runtime {
	type AuthorityId = AuraId;
	/// A validator disabled for an offence (`super::offences::SlashAndDisable`) authors no
	/// valid block for the rest of its session.
	type DisabledValidators = crate::Session;
	type MaxAuthorities = MaxAuthorities;
	type AllowMultipleBlocksPerSlot = ConstBool<false>;
	type SlotDuration = pallet_aura::MinimumPeriodTimesTwo<Runtime>;
}

impl pallet_grandpa::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = ();
	type MaxAuthorities = MaxAuthorities;
	type MaxNominators = ConstU32<0>;
	/// A report must name the session of its set id: as long as the session history.
	type MaxSetIdSessionEntries = ConstU64<{ super::offences::REPORTABLE_SESSIONS as u64 }>;
	/// A validator's GRANDPA key proven part of a past session's set (`pallet-session`'s
	/// historical proofs).
	type KeyOwnerProof = sp_session::MembershipProof;
	/// Equivocations are reported by the validators' own nodes (unsigned, local only),
	/// checked, and handed to the offences pallet, which has the supernodes pallet slash.
	type EquivocationReportSystem = pallet_grandpa::EquivocationReportSystem<
		Runtime,
		super::offences::PunishableOffences,
		crate::Historical,
		super::offences::ReportLongevity,
	>;
}

/// The account of a block's author: the validator (a supernode's account) at the Aura
/// author index of the block, as the session pallet lists the validators in the order
/// of the Aura authorities. Session keys are separate secrets, so the account is never
/// derived from the Aura key itself.
pub type AuthorAccount = pallet_session::FindAccountFromAuthorIndex<Runtime, Aura>;

/// Tells the supernodes pallet who authored each block: a supernode that authored none
/// in an era gets nothing of that era's pool.
pub struct NoteSupernodeAuthor;

impl pallet_authorship::EventHandler<AccountId, crate::BlockNumber> for NoteSupernodeAuthor {
	fn note_author(author: AccountId) {
		crate::Supernodes::note_author(&author);
	}
}

impl pallet_authorship::Config for Runtime {
	type FindAuthor = AuthorAccount;
	/// Charged by the supernodes pallet's `on_initialize`.
	type EventHandler = NoteSupernodeAuthor;
}
