//! Revenue and settlement (`pallet-revenue`): customers' payments, the split of each
//! era's revenue, and miners' reward claims. Parameters follow SPEC §11.

use crate::{configs::proof_of_resource::HISTORY_DEPTH, Balance, Balances, Runtime, RuntimeEvent, QQQ};
use frame_support::{parameter_types, traits::ConstU32, PalletId};
use poseidon_primitives::era::EraIndex;
use sp_runtime::Percent;

parameter_types! {
	/// The revenue pot: holds each era's revenue until settlement and the miner pools
	/// until they are claimed or swept.
	pub const RevenuePalletId: PalletId = PalletId(*b"psd/revn");
	/// Smallest payment for service: 1 QQQ, so that payments cannot spam the pot.
	pub const MinPayment: Balance = QQQ;
	/// Guard rails of `set_split` (SPEC §6, §11).
	pub const MinMinerShare: Percent = Percent::from_percent(50);
	pub const MaxMinerShare: Percent = Percent::from_percent(90);
	pub const MaxSplitStep: Percent = Percent::from_percent(10);
	pub const HistoryDepth: EraIndex = HISTORY_DEPTH;
}

impl pallet_revenue::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type Currency = Balances;
	type Clock = crate::ProofOfResource;
	type Power = crate::ProofOfResource;
	type Treasury = crate::CompanyTreasury;
	type DepositorPool = crate::Deposits;
	type SupernodePool = crate::Supernodes;
	type PalletId = RevenuePalletId;
	type MinPayment = MinPayment;
	type MinMinerShare = MinMinerShare;
	type MaxMinerShare = MaxMinerShare;
	type MaxSplitStep = MaxSplitStep;
	type HistoryDepth = HistoryDepth;
	/// One claim covers up to 32 eras.
	type MaxClaimEras = ConstU32<32>;
	type MaxOrderRefLen = ConstU32<64>;
	/// A referendum on the `revenue_split` track (or `Root`).
	type SplitOrigin = crate::configs::governance::RevenueSplitOrigin;
	type WeightInfo = pallet_revenue::weights::SubstrateWeight<Runtime>;
}
