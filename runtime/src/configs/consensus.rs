//! Block production and finality: timestamp, Aura, GRANDPA and the block author.

use crate::{AccountId, Aura, Runtime, RuntimeEvent, SLOT_DURATION};
use frame_support::traits::{ConstBool, ConstU32, ConstU64, FindAuthor};
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_core::crypto::ByteArray;

/// Upper bound of the validator set (Aura and GRANDPA authorities).
pub type MaxAuthorities = ConstU32<100>;

impl pallet_timestamp::Config for Runtime {
	/// Milliseconds since the Unix epoch.
	type Moment = u64;
	type OnTimestampSet = Aura;
	/// Aura needs two timestamps per slot at most.
	type MinimumPeriod = ConstU64<{ SLOT_DURATION / 2 }>;
	type WeightInfo = ();
}

impl pallet_aura::Config for Runtime {
	type AuthorityId = AuraId;
	type DisabledValidators = ();
	type MaxAuthorities = MaxAuthorities;
	type AllowMultipleBlocksPerSlot = ConstBool<false>;
	type SlotDuration = pallet_aura::MinimumPeriodTimesTwo<Runtime>;
}

impl pallet_grandpa::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = ();
	type MaxAuthorities = MaxAuthorities;
	type MaxNominators = ConstU32<0>;
	type MaxSetIdSessionEntries = ConstU64<0>;
	/// Equivocation reports need session history, which this chain does not keep yet.
	type KeyOwnerProof = sp_core::Void;
	type EquivocationReportSystem = ();
}

/// The account of a block's author: the account whose public key is the author's Aura
/// key. A validator therefore receives its share of fees on the account of its Aura
/// key (for `//Alice` on a dev chain, Alice's account).
pub struct AuraAuthorAccount;

impl FindAuthor<AccountId> for AuraAuthorAccount {
	fn find_author<'a, I>(digests: I) -> Option<AccountId>
	where
		I: 'a + IntoIterator<Item = (sp_runtime::ConsensusEngineId, &'a [u8])>,
	{
		let authority =
			pallet_aura::FindAccountFromAuthorIndex::<Runtime, Aura>::find_author(digests)?;
		AccountId::from_slice(authority.as_slice()).ok()
	}
}

impl pallet_authorship::Config for Runtime {
	type FindAuthor = AuraAuthorAccount;
	type EventHandler = ();
}
