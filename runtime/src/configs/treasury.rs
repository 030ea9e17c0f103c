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
	/// `Root` (the `root` track) names the company account: it receives 80 % of fees, the
	/// treasury's share of revenue and every slash, so redirecting it needs the broadest
	/// support (docs/security.md, attack 10).
	type ManagerOrigin = frame_system::EnsureRoot<crate::AccountId>;
	type PalletId = TreasuryPalletId;
	type WeightInfo = pallet_company_treasury::weights::SubstrateWeight<Runtime>;
}
