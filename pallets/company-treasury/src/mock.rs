//! A minimal runtime for the pallet's tests: System and this pallet, `Root` as manager.

use crate as pallet_company_treasury;
use frame_support::{derive_impl, parameter_types, PalletId};
use sp_runtime::BuildStorage;

type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		CompanyTreasury: pallet_company_treasury,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
}

parameter_types! {
	pub const TreasuryPalletId: PalletId = PalletId(*b"py/trsry");
}

impl pallet_company_treasury::Config for Test {
	type RuntimeEvent = RuntimeEvent;
	type ManagerOrigin = frame_system::EnsureRoot<u64>;
	type PalletId = TreasuryPalletId;
	type WeightInfo = ();
}

/// The company account genesis sets in these tests.
pub const COMPANY: u64 = 7;

/// Externalities with genesis setting [`COMPANY`] as the treasury, at block 1 so events
/// are recorded.
pub fn new_test_ext() -> sp_io::TestExternalities {
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_company_treasury::GenesisConfig::<Test> { treasury_account: Some(COMPANY) }
		.assimilate_storage(&mut storage)
		.unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| System::set_block_number(1));
	ext
}
