//! Offences of validators: equivocation reports, the key-ownership proofs they carry,
//! and who pays for the offence.
//!
//! A GRANDPA voter that signs two different votes in one round is caught by the other
//! validators' nodes, which submit an unsigned `grandpa.report_equivocation_unsigned`
//! (the runtime API `GrandpaApi` builds it). An Aura author that seals two blocks for one
//! slot is reported by whoever holds both headers, with a signed
//! `auraEquivocation.reportEquivocation` that is free when valid. Each report carries a
//! proof, from `pallet-session`'s history, that the key belonged to a validator of the
//! session in question. `pallet-offences` deduplicates it and computes the part to slash; the
//! supernodes pallet slashes that part (at least its `MinEquivocationSlash`) of the
//! offender's candidacy bond to the treasury and ends its candidacy with its term.

use crate::{AccountId, Runtime, RuntimeCall, RuntimeEvent, UncheckedExtrinsic};
use frame_support::parameter_types;

/// Sessions (eras) of validator-set history kept for reports; older offences cannot be
/// reported. A node reports an equivocation as soon as it sees one, within the session.
pub const REPORTABLE_SESSIONS: u32 = 28;

parameter_types! {
	/// Blocks an equivocation report stays valid in the transaction pool.
	pub const ReportLongevity: u64 = 600;
}

/// The slot of the current block, for placing a reported Aura slot in its session.
pub struct AuraCurrentSlot;

impl frame_support::traits::Get<sp_consensus_aura::Slot> for AuraCurrentSlot {
	fn get() -> sp_consensus_aura::Slot {
		pallet_aura::CurrentSlot::<Runtime>::get()
	}
}

impl pallet_aura_equivocation::Config for Runtime {
	type AuthorityId = sp_consensus_aura::sr25519::AuthorityId;
	type KeyOwnerProof = sp_session::MembershipProof;
	type KeyOwnerIdentification = pallet_session::historical::IdentificationTuple<Runtime>;
	type KeyOwnerProofSystem = crate::Historical;
	type ReportOffence = crate::Offences;
	type CurrentSlot = AuraCurrentSlot;
	type ReportableSessions = frame_support::traits::ConstU32<REPORTABLE_SESSIONS>;
	type WeightInfo = pallet_aura_equivocation::weights::SubstrateWeight<Runtime>;
}

impl pallet_offences::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type IdentificationTuple = pallet_session::historical::IdentificationTuple<Runtime>;
	type OnOffenceHandler = crate::Supernodes;
}

/// The runtime builds unsigned transactions of its own: GRANDPA's equivocation reports.
impl<C> frame_system::offchain::CreateTransactionBase<C> for Runtime
where
	RuntimeCall: From<C>,
{
	type Extrinsic = UncheckedExtrinsic;
	type RuntimeCall = RuntimeCall;
}

impl<C> frame_system::offchain::CreateBare<C> for Runtime
where
	RuntimeCall: From<C>,
{
	fn create_bare(call: RuntimeCall) -> UncheckedExtrinsic {
		UncheckedExtrinsic::new_bare(call)
	}
}

/// Validators are identified by their account alone: what an offence costs them is
/// their candidacy bond, which the supernodes pallet holds and looks up itself.
pub struct AccountIsIdentification;

impl sp_runtime::traits::Convert<AccountId, Option<()>> for AccountIsIdentification {
	fn convert(_validator: AccountId) -> Option<()> {
		Some(())
	}
}
