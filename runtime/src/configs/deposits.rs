//! Deposit plans (`pallet-deposits`): QAS locked for a term shares the depositors' pool of
//! every era. Parameters follow SPEC §11.

use crate::{Balance, Balances, QasBalances, Runtime, RuntimeEvent, RuntimeHoldReason, QAS};
use frame_support::{
	parameter_types,
	traits::{ConstU16, ConstU32},
	PalletId,
};
use poseidon_primitives::era::EraIndex;

/// The genesis plans of the dev and local chains (SPEC §11): 3, 9 and 18 one-minute eras at
/// ×1.0, ×1.3 and ×1.6, each from 100 QAS.
pub const DEV_GENESIS_PLANS: [(EraIndex, u16, Balance); 3] =
	[(3, 100, 100 * QAS), (9, 130, 100 * QAS), (18, 160, 100 * QAS)];

/// The genesis plans of a production chain (SPEC §11): 30, 90 and 180 one-day eras at
/// ×1.0, ×1.3 and ×1.6, each from 100 QAS.
pub const PRODUCTION_GENESIS_PLANS: [(EraIndex, u16, Balance); 3] =
	[(30, 100, 100 * QAS), (90, 130, 100 * QAS), (180, 160, 100 * QAS)];

parameter_types! {
	/// The depositors' pool account: settlement pays each era's pool into it.
	pub const DepositsPalletId: PalletId = PalletId(*b"psd/dpst");
	/// No plan may ask for less than 1 QAS: it keeps positions meaningful and the
	/// reward accumulator far from overflowing (see `pallet_deposits::accumulator`).
	pub const MinDepositFloor: Balance = QAS;
}

impl pallet_deposits::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type Qas = QasBalances;
	type Qqq = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Clock = crate::ProofOfResource;
	type Treasury = crate::CompanyTreasury;
	type PalletId = DepositsPalletId;
	/// SPEC §11: 16 positions per account.
	type MaxPositions = ConstU32<16>;
	/// Plans are few and kept forever (their positions refer to them).
	type MaxPlans = ConstU32<64>;
	/// Two years of one-day eras.
	type MaxLockEras = ConstU32<730>;
	/// ×3.0 at most.
	type MaxRewardMultiplier = ConstU16<300>;
	type MinDepositFloor = MinDepositFloor;
	/// A referendum on the `network_params` track (or `Root`).
	type PlanOrigin = crate::configs::governance::NetworkParamsOrigin;
	type WeightInfo = pallet_deposits::weights::SubstrateWeight<Runtime>;
}
