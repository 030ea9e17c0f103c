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
//!
//! Two rules sit between the reports and `pallet-offences` (docs/security.md, attack 9):
//! - a report that would slash nothing (the offender has an offence of that session
//!   punished already, has lost at least that part, or holds no bond) is refused
//!   ([`PunishableOffences`]), so the signed report fails and its reporter pays the fee,
//!   and an unsigned one is not even pooled;
//! - an offender of the current session is disabled at once ([`SlashAndDisable`]):
//!   `pallet-aura` refuses its blocks, at most a third of the validators are disabled
//!   (`pallet_session::disabling::UpToLimitDisablingStrategy`), and the supernodes pallet
//!   leaves it out of the next session's set.

use crate::{AccountId, Runtime, RuntimeCall, RuntimeEvent, Session, Supernodes, UncheckedExtrinsic};
use alloc::vec::Vec;
use frame_support::{parameter_types, weights::Weight};
use sp_runtime::Perbill;
use sp_staking::{
	offence::{Offence, OffenceDetails, OffenceError, OffenceSeverity, OnOffenceHandler, ReportOffence},
	SessionIndex,
};

/// An offender as the session history identifies it: its account.
type Offender = pallet_session::historical::IdentificationTuple<Runtime>;

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

/// One byte hashed with BLAKE2-256 in this runtime: the per-byte part of
/// `frame_system::remark_with_event`, which hashes its remark, as measured on this machine
/// (`runtime/src/weights/frame_system.rs`).
pub struct HashedByteWeight;

impl frame_support::traits::Get<Weight> for HashedByteWeight {
	fn get() -> Weight {
		use frame_system::WeightInfo as _;
		type SystemWeights = crate::weights::frame_system::WeightInfo<Runtime>;
		SystemWeights::remark_with_event(1).saturating_sub(SystemWeights::remark_with_event(0))
	}
}

impl pallet_aura_equivocation::Config for Runtime {
	type AuthorityId = sp_consensus_aura::sr25519::AuthorityId;
	type KeyOwnerProof = sp_session::MembershipProof;
	type KeyOwnerIdentification = pallet_session::historical::IdentificationTuple<Runtime>;
	type KeyOwnerProofSystem = crate::Historical;
	type ReportOffence = PunishableOffences;
	type CurrentSlot = AuraCurrentSlot;
	type ReportableSessions = frame_support::traits::ConstU32<REPORTABLE_SESSIONS>;
	/// A header at a session change carries the next Aura and GRANDPA authorities (at most
	/// 100 of each, about 7.5 KiB): twice that.
	type MaxHeaderSize = frame_support::traits::ConstU32<{ 16 * 1024 }>;
	type HashedByteWeight = HashedByteWeight;
	type WeightInfo = pallet_aura_equivocation::weights::SubstrateWeight<Runtime>;
}

impl pallet_offences::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type IdentificationTuple = pallet_session::historical::IdentificationTuple<Runtime>;
	type OnOffenceHandler = SlashAndDisable;
}

/// `pallet-offences`, for the reports that slash something: the GRANDPA and Aura report
/// systems report through this.
pub struct PunishableOffences;

impl<O> ReportOffence<AccountId, Offender, O> for PunishableOffences
where
	O: Offence<Offender>,
	crate::Offences: ReportOffence<AccountId, Offender, O>,
{
	fn report_offence(reporters: Vec<AccountId>, offence: O) -> Result<(), OffenceError> {
		// The part this report alone implies: reported together with others of the same
		// slot, `pallet-offences` may raise it, never lower it.
		let offenders = offence.offenders();
		let fraction = offence.slash_fraction(offenders.len() as u32);
		let session = offence.session_index();
		let adds_slash = offenders
			.iter()
			.any(|(offender, ())| Supernodes::offence_adds_slash(offender, fraction, session));
		if !adds_slash {
			return Err(OffenceError::DuplicateReport);
		}
		<crate::Offences as ReportOffence<AccountId, Offender, O>>::report_offence(reporters, offence)
	}

	/// Known, or not worth a report: none of `offenders` has anything left to slash.
	fn is_known_offence(offenders: &[Offender], time_slot: &O::Slot) -> bool {
		offenders.iter().all(|(offender, ())| !Supernodes::may_be_slashed(offender)) ||
			<crate::Offences as ReportOffence<AccountId, Offender, O>>::is_known_offence(offenders, time_slot)
	}
}

/// The supernodes pallet slashes each offender; an offender of the current session is
/// also disabled for the rest of it, unless it authored the very block the report is in
/// (`pallet-aura` holds that a block's author is not disabled; a validator whose own block
/// carries the report against it is disabled from the next session's start on, and left
/// out of the set planned then).
pub struct SlashAndDisable;

impl OnOffenceHandler<AccountId, Offender, Weight> for SlashAndDisable {
	fn on_offence(
		offenders: &[OffenceDetails<AccountId, Offender>],
		slash_fraction: &[Perbill],
		session: SessionIndex,
	) -> Weight {
		let mut weight =
			<Supernodes as OnOffenceHandler<AccountId, Offender, Weight>>::on_offence(offenders, slash_fraction, session);
		if session == Session::current_index() {
			let author = pallet_authorship::Pallet::<Runtime>::author();
			for (details, fraction) in offenders.iter().zip(slash_fraction) {
				if author.as_ref() == Some(&details.offender.0) {
					continue;
				}
				Session::report_offence(details.offender.0.clone(), OffenceSeverity(*fraction));
				// The validators and the disabled list, read; the disabled list, written.
				weight.saturating_accrue(<Runtime as frame_system::Config>::DbWeight::get().reads_writes(2, 1));
			}
		}
		weight
	}
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
