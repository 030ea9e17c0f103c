//! The company treasury account (see `pallet-company-treasury`).

use crate::{Runtime, RuntimeEvent};
use frame_support::{parameter_types, PalletId};

parameter_types! {
	/// Seed of the keyless fallback treasury account, used until genesis or governance
	/// names the company account.
	pub const TreasuryPalletId: PalletId = PalletId(*b"psd/trsy");
}

impl pallet_company_treasury::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	/// A referendum on the `network_params` track (or `Root`) names the company account.
	type ManagerOrigin = crate::configs::governance::NetworkParamsOrigin;
	type PalletId = TreasuryPalletId;
	type WeightInfo = pallet_company_treasury::weights::SubstrateWeight<Runtime>;
}
