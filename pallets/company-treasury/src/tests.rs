//! Tests of the company treasury pallet: genesis, the fallback, and the one call.

use crate::{mock::*, Error, Event, TreasuryAccount};
use frame_support::{assert_noop, assert_ok};
use poseidon_primitives::treasury::TreasuryAccount as _;
use sp_runtime::{traits::BadOrigin, BuildStorage};

#[test]
fn genesis_sets_the_company_account() {
	new_test_ext().execute_with(|| {
		assert_eq!(TreasuryAccount::<Test>::get(), Some(COMPANY));
		assert_eq!(CompanyTreasury::treasury_account(), COMPANY);
	});
}

#[test]
fn without_genesis_account_the_keyless_pallet_account_is_used() {
	let storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	sp_io::TestExternalities::new(storage).execute_with(|| {
		assert_eq!(TreasuryAccount::<Test>::get(), None);
		let fallback = CompanyTreasury::fallback_account();
		assert_ne!(fallback, COMPANY);
		assert_eq!(CompanyTreasury::treasury_account(), fallback);
	});
}

#[test]
fn root_moves_the_treasury_role_with_an_event() {
	new_test_ext().execute_with(|| {
		assert_ok!(CompanyTreasury::set_treasury_account(RuntimeOrigin::root(), 8));
		assert_eq!(CompanyTreasury::treasury_account(), 8);
		System::assert_last_event(Event::TreasuryAccountChanged { old: COMPANY, new: 8 }.into());
	});
}

#[test]
fn a_signed_account_cannot_move_the_treasury() {
	new_test_ext().execute_with(|| {
		assert_noop!(CompanyTreasury::set_treasury_account(RuntimeOrigin::signed(COMPANY), 8), BadOrigin);
		assert_noop!(CompanyTreasury::set_treasury_account(RuntimeOrigin::none(), 8), BadOrigin);
		assert_eq!(CompanyTreasury::treasury_account(), COMPANY);
	});
}

#[test]
fn setting_the_current_account_again_is_refused() {
	new_test_ext().execute_with(|| {
		assert_noop!(
			CompanyTreasury::set_treasury_account(RuntimeOrigin::root(), COMPANY),
			Error::<Test>::AlreadyTreasuryAccount
		);
		assert!(System::events().is_empty());
	});
}

#[test]
fn a_pallet_account_cannot_become_the_treasury() {
	use frame_support::PalletId;
	use sp_runtime::traits::AccountIdConversion;
	new_test_ext().execute_with(|| {
		// The attack: a referendum makes the revenue pot (or a reward pool) the treasury,
		// mixing the company's income into money owed to miners.
		let pot: u64 = PalletId(*b"psd/revn").into_account_truncating();
		assert_noop!(CompanyTreasury::set_treasury_account(RuntimeOrigin::root(), pot), Error::<Test>::PalletAccount);
		// This pallet's own keyless account stays a valid choice.
		assert_ok!(CompanyTreasury::set_treasury_account(RuntimeOrigin::root(), CompanyTreasury::fallback_account()));
	});
}
