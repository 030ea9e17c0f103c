//! QAS governance (SPEC §9): `Preimage`, `Scheduler`, `Referenda` and `ConvictionVoting`
//! (the names polkadot.js apps looks for), with the custom origins and tracks of
//! [`crate::governance`].
//!
//! Voting is in QAS: conviction voting locks QAS, and the referendum deposits are QAS.
//! Preimages (the calls a referendum enacts) are stored against a QQQ deposit, which pays
//! for the storage.

use crate::{
	governance::{origins::pallet_custom_origins, tracks::Tracks},
	AccountId, Balance, Balances, BlockNumber, OriginCaller, Preimage, QasBalances, Referenda,
	Runtime, RuntimeCall, RuntimeEvent, RuntimeHoldReason, RuntimeOrigin, Scheduler, DAYS, QAS,
	QQQ, MILLI_QQQ,
};
use frame_support::{
	parameter_types,
	traits::{
		fungible::HoldConsideration, ConstU32, EitherOf, EqualPrivilegeOnly, LinearStoragePrice,
	},
	weights::Weight,
};
use frame_system::{EnsureRoot, EnsureSigned};
use sp_runtime::{traits::Saturating, Perbill};

/// `Root`, or a referendum on the `revenue_split` track.
pub type RevenueSplitOrigin = EitherOf<EnsureRoot<AccountId>, pallet_custom_origins::RevenueSplit>;

/// `Root`, or a referendum on the `network_params` track.
pub type NetworkParamsOrigin = EitherOf<EnsureRoot<AccountId>, pallet_custom_origins::NetworkParams>;

parameter_types! {
	/// What `origins.dispatch_as_root` costs besides its call: what `sudo.sudo` costs.
	pub EmergencyDispatchOverhead: frame_support::weights::Weight =
		<<Runtime as pallet_sudo::Config>::WeightInfo as pallet_sudo::WeightInfo>::sudo();
}

impl pallet_custom_origins::Config for Runtime {
	type RuntimeCall = RuntimeCall;
	type EmergencyOrigin = pallet_custom_origins::Emergency;
	type DispatchOverhead = EmergencyDispatchOverhead;
}

parameter_types! {
	pub const PreimageHoldReason: RuntimeHoldReason =
		RuntimeHoldReason::Preimage(pallet_preimage::HoldReason::Preimage);
	/// A preimage costs 1 QQQ plus 1 milli-QQQ per byte, returned when it is removed.
	pub const PreimageBaseDeposit: Balance = QQQ;
	pub const PreimageByteDeposit: Balance = MILLI_QQQ;
}

impl pallet_preimage::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = crate::weights::pallet_preimage::WeightInfo<Runtime>;
	type Currency = Balances;
	type ManagerOrigin = EnsureRoot<AccountId>;
	type Consideration = HoldConsideration<
		AccountId,
		Balances,
		PreimageHoldReason,
		LinearStoragePrice<PreimageBaseDeposit, PreimageByteDeposit, Balance>,
	>;
}

/// The share of a block that hooks may fill together: the scheduler's limit and the
/// largest election add up to it, the rest is left to the other hooks and the block's
/// mandatory extrinsics.
pub const HOOKS_BLOCK_SHARE: Perbill = Perbill::from_percent(80);

parameter_types! {
	/// Scheduled calls (enacted referenda) may take what [`HOOKS_BLOCK_SHARE`] leaves
	/// after the largest election (`pallet_supernodes::ELECTION_BLOCK_SHARE`): 55 % of a
	/// block. Both run in `on_initialize`, so a block that opens a supernode term and
	/// enacts a heavy referendum still fits in its 2 seconds (docs/security.md, F2).
	/// A runtime upgrade (`system.setCode`, 131 ms) takes 7 % of a block.
	pub MaximumSchedulerWeight: Weight =
		HOOKS_BLOCK_SHARE.saturating_sub(pallet_supernodes::ELECTION_BLOCK_SHARE)
			* crate::configs::system::RuntimeBlockWeights::get().max_block;
}

impl pallet_scheduler::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeOrigin = RuntimeOrigin;
	type PalletsOrigin = OriginCaller;
	type RuntimeCall = RuntimeCall;
	type MaximumWeight = MaximumSchedulerWeight;
	/// Only referenda (through their enactment) and `Root` schedule calls.
	type ScheduleOrigin = EnsureRoot<AccountId>;
	type OriginPrivilegeCmp = EqualPrivilegeOnly;
	type MaxScheduledPerBlock = ConstU32<50>;
	type WeightInfo = crate::weights::pallet_scheduler::WeightInfo<Runtime>;
	type Preimages = Preimage;
	type BlockNumberProvider = frame_system::Pallet<Runtime>;
}

parameter_types! {
	/// QAS a referendum's proposer puts down, returned when it is decided.
	pub const SubmissionDeposit: Balance = 100 * QAS;
	/// A referendum that is not given its decision deposit within two weeks times out.
	pub const UndecidingTimeout: BlockNumber = 14 * DAYS;
	/// Votes lock QAS for one locking period × conviction multiplier: a week per step;
	/// ten blocks per step in a `fast-runtime` build, so a dev chain's test voter gets
	/// its QAS back in minutes.
	pub const VoteLockingPeriod: BlockNumber = vote_locking_period_of(crate::FAST_RUNTIME);
}

/// The vote locking period of a runtime built with the `fast-runtime` feature (`true`)
/// or without it (`false`, a real network's): see [`crate::FAST_RUNTIME`].
pub const fn vote_locking_period_of(fast_runtime: bool) -> BlockNumber {
	if fast_runtime {
		10
	} else {
		7 * DAYS
	}
}

impl pallet_referenda::Config for Runtime {
	type RuntimeCall = RuntimeCall;
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = crate::weights::pallet_referenda::WeightInfo<Runtime>;
	type Scheduler = Scheduler;
	type Currency = QasBalances;
	/// Any account may propose, on any track.
	type SubmitOrigin = EnsureSigned<AccountId>;
	/// `Root`, or a referendum on the `referendum_canceller` track: the cancelled
	/// referendum's deposits are returned.
	type CancelOrigin = EitherOf<EnsureRoot<AccountId>, pallet_custom_origins::ReferendumCanceller>;
	/// `Root`, or a referendum on the `referendum_killer` track: the killed referendum's
	/// deposits are burnt.
	type KillOrigin = EitherOf<EnsureRoot<AccountId>, pallet_custom_origins::ReferendumKiller>;
	/// Deposits of killed referenda are burnt.
	type Slash = ();
	type Votes = Balance;
	type Tally = pallet_conviction_voting::TallyOf<Runtime>;
	type SubmissionDeposit = SubmissionDeposit;
	type MaxQueued = ConstU32<20>;
	type UndecidingTimeout = UndecidingTimeout;
	/// Referenda are serviced every block.
	type AlarmInterval = ConstU32<1>;
	type Tracks = Tracks;
	type Preimages = Preimage;
	type BlockNumberProvider = frame_system::Pallet<Runtime>;
}

impl pallet_conviction_voting::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = crate::weights::pallet_conviction_voting::WeightInfo<Runtime>;
	type Currency = QasBalances;
	type Polls = Referenda;
	/// Support is measured against all QAS.
	type MaxTurnout = frame_support::traits::TotalIssuanceOf<QasBalances, AccountId>;
	type MaxVotes = ConstU32<64>;
	type VoteLockingPeriod = VoteLockingPeriod;
	type BlockNumberProvider = frame_system::Pallet<Runtime>;
	type VotingHooks = ();
}
