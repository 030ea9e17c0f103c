//! Deposit plans in the real runtime: the dev preset's plans, and the money path from a
//! customer's payment through settlement to a depositor's claim.

use crate::common::{preset_ext, qas, run_to_block, start_block};
use frame_support::{
	assert_ok,
	traits::{LockableCurrency, WithdrawReasons},
};
use pallet_deposits::{Plan, Plans};
use pallet_deposits_runtime_api::runtime_decl_for_deposits_api::DepositsApiV1;
use poseidon_runtime::{
	configs::deposits::DEV_GENESIS_PLANS, genesis_config_presets::DEV_ERA_LENGTH, Deposits,
	QasBalances, Revenue, Runtime, RuntimeEvent, RuntimeOrigin, QAS, QQQ,
};
use sp_keyring::Sr25519Keyring::{Bob, Charlie, Eve};

fn deposit_events() -> Vec<pallet_deposits::Event<Runtime>> {
	frame_system::Pallet::<Runtime>::events()
		.into_iter()
		.filter_map(|record| match record.event {
			RuntimeEvent::Deposits(event) => Some(event),
			_ => None,
		})
		.collect()
}

#[test]
fn the_dev_preset_opens_plans_of_3_9_and_18_eras() {
	preset_ext("development").execute_with(|| {
		for (id, (lock_eras, reward_multiplier, min_amount)) in DEV_GENESIS_PLANS.into_iter().enumerate() {
			assert_eq!(
				Plans::<Runtime>::get(id as u32),
				Some(Plan { lock_eras, reward_multiplier, min_amount, open: true })
			);
		}
		assert_eq!(DEV_GENESIS_PLANS.map(|p| p.0), [3, 9, 18]);
		assert_eq!(DEV_GENESIS_PLANS.map(|p| p.1), [100, 130, 160]);
		assert_eq!(DEV_GENESIS_PLANS[0].2, 100 * QAS);
	});
}

#[test]
fn a_depositor_is_paid_the_depositors_share_of_an_eras_revenue() {
	preset_ext("development").execute_with(|| {
		start_block(1, 1);
		let bob = Bob.to_account_id();
		let charlie = Charlie.to_account_id();
		// Bob deposits in era 0 and shares from era 1. Eve deposits in era 1, while it is
		// paid for: she shares nothing of it.
		let eve = Eve.to_account_id();
		assert_ok!(Deposits::deposit(RuntimeOrigin::signed(bob.clone()), 0, 1_000 * QAS));
		run_to_block(2 + DEV_ERA_LENGTH);
		assert_ok!(Revenue::pay_for_service(
			RuntimeOrigin::signed(charlie),
			100 * QQQ,
			b"invoice-1".to_vec().try_into().unwrap()
		));
		assert_ok!(Deposits::deposit(RuntimeOrigin::signed(eve.clone()), 2, 1_000 * QAS));
		// Era 1 settles once its challenge window (the second quarter of era 2) is over.
		run_to_block(1 + 2 * DEV_ERA_LENGTH + DEV_ERA_LENGTH / 2);
		assert_eq!(pallet_deposits::LastSharedEra::<Runtime>::get(), Some(1));
		assert_eq!(pallet_deposits::Ledger::<Runtime>::get().received, 10 * QQQ);
		// The default split gives depositors 10 %: all of it is Bob's.
		assert_eq!(Deposits::pending_rewards(&bob), 10 * QQQ);
		// What wallets read through the runtime API.
		assert_eq!(
			<Runtime as DepositsApiV1<poseidon_runtime::Block, _, _>>::pending_rewards(bob.clone()),
			10 * QQQ
		);
		assert_eq!(Deposits::pending_rewards(&eve), 0);
		assert_ok!(Deposits::claim(RuntimeOrigin::signed(bob.clone())));
		assert_eq!(
			deposit_events().last(),
			Some(&pallet_deposits::Event::RewardsClaimed { who: bob, amount: 10 * QQQ })
		);
	});
}

#[test]
fn deposited_qas_can_be_locked_for_a_vote() {
	preset_ext("development").execute_with(|| {
		start_block(1, 1);
		let bob = Bob.to_account_id();
		let all = qas(&bob);
		assert_ok!(Deposits::deposit(RuntimeOrigin::signed(bob.clone()), 1, all / 2));
		// A vote may lock all of Bob's QAS, the deposited half included.
		QasBalances::set_lock(*b"pyconvot", &bob, all, WithdrawReasons::all());
		assert_eq!(pallet_balances::Locks::<Runtime, pallet_balances::Instance2>::get(&bob)[0].amount, all);
		assert_eq!(
			<QasBalances as frame_support::traits::Currency<_>>::total_balance(&bob),
			all
		);
		// And locked QAS can still be deposited.
		let dave = sp_keyring::Sr25519Keyring::Dave.to_account_id();
		QasBalances::set_lock(*b"pyconvot", &dave, qas(&dave), WithdrawReasons::all());
		assert_ok!(Deposits::deposit(RuntimeOrigin::signed(dave), 2, 500 * QAS));
	});
}
