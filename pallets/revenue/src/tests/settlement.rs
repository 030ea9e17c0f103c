//! Settlement: exact arithmetic of the split, carry-over, pools, the treasury, sweeping.

use crate::{mock::*, EraRevenue, EraReward, EraRewards, EraSplit, Event, MinerPoolCarry, NextEraToSettle};

fn settled_event(era: u32) -> Event<Test> {
	events()
		.into_iter()
		.find(|e| matches!(e, Event::EraSettled { era: settled, .. } if *settled == era))
		.expect("the era was settled")
}

#[test]
fn an_era_settles_only_once_its_window_has_closed() {
	build_and_execute(|| {
		pay(CUSTOMER, 1_000);
		set_power(0, MINER_A, 10);
		start_next_era();
		next_block();
		assert_eq!(NextEraToSettle::<Test>::get(), 0, "era 0's window is still open");
		assert_eq!(EraRevenue::<Test>::get(0), 1_000);
		close_window();
		assert_eq!(NextEraToSettle::<Test>::get(), 1);
		assert_eq!(EraRevenue::<Test>::get(0), 0);
		assert_eq!(EraSplit::<Test>::get(0), None, "the split snapshot is cleaned up");
	});
}

#[test]
fn one_miner_era_splits_70_5_10_15_exactly() {
	build_and_execute(|| {
		pay(CUSTOMER, 1_000);
		set_power(0, MINER_A, 42);
		let treasury = balance(TREASURY);
		settle_current_era();

		assert_eq!(
			settled_event(0),
			Event::EraSettled {
				era: 0,
				revenue: 1_000,
				miner_pool: 700,
				supernode_pool: 50,
				depositor_pool: 100,
				treasury: 150,
				total_power: 42
			}
		);
		assert_eq!(EraRewards::<Test>::get(0), Some(EraReward { miner_pool: 700, total_power: 42, claimed: 0 }));
		assert_eq!(balance(50), 1 + 50);
		assert_eq!(balance(60), 1 + 100);
		assert_eq!(balance(TREASURY), treasury + 150);
		assert_eq!(Revenue::pot_balance(), 700);
		assert_eq!(pools_received(), vec![("supernodes", 0, 50), ("depositors", 0, 100)]);
	});
}

#[test]
fn rounding_dust_of_the_split_goes_to_the_treasury() {
	build_and_execute(|| {
		// 999 × 70 % = 699.3, × 5 % = 49.95, × 10 % = 99.9: each rounds down and the
		// treasury gets 999 − 699 − 49 − 99 = 152 (its 149.85 plus 2.15 of dust).
		pay(CUSTOMER, 999);
		set_power(0, MINER_A, 1);
		settle_current_era();
		assert!(matches!(
			settled_event(0),
			Event::EraSettled { miner_pool: 699, supernode_pool: 49, depositor_pool: 99, treasury: 152, .. }
		));
	});
}

#[test]
fn without_proven_power_the_miner_pool_rolls_into_the_next_era() {
	build_and_execute(|| {
		pay(CUSTOMER, 1_000);
		settle_current_era();
		assert!(events().contains(&Event::MinerPoolRolledOver { era: 0, amount: 700 }));
		assert!(matches!(settled_event(0), Event::EraSettled { miner_pool: 0, treasury: 150, total_power: 0, .. }));
		assert_eq!(MinerPoolCarry::<Test>::get(), 700);
		assert_eq!(EraRewards::<Test>::get(0), None);

		pay(CUSTOMER, 100);
		set_power(1, MINER_A, 5);
		settle_current_era();
		assert!(matches!(settled_event(1), Event::EraSettled { miner_pool: 770, .. }));
		assert_eq!(MinerPoolCarry::<Test>::get(), 0);
		assert_eq!(EraRewards::<Test>::get(1).unwrap().miner_pool, 770);
	});
}

#[test]
fn an_era_without_revenue_settles_to_nothing() {
	build_and_execute(|| {
		set_power(0, MINER_A, 5);
		settle_current_era();
		assert!(matches!(settled_event(0), Event::EraSettled { revenue: 0, miner_pool: 0, treasury: 0, .. }));
		assert_eq!(EraRewards::<Test>::get(0), None);
		// The pools still hear that the era was settled.
		assert_eq!(pools_received(), vec![("supernodes", 0, 0), ("depositors", 0, 0)]);
	});
}

#[test]
fn at_most_one_era_settles_per_block() {
	build_and_execute(|| {
		pay(CUSTOMER, 1_000);
		start_next_era();
		pay(CUSTOMER, 1_000);
		// Jump two eras without a block in between: two eras are due.
		CurrentEra::set(3);
		PreviousEraOpen::set(false);
		next_block();
		assert_eq!(NextEraToSettle::<Test>::get(), 1);
		next_block();
		assert_eq!(NextEraToSettle::<Test>::get(), 2);
		next_block();
		assert_eq!(NextEraToSettle::<Test>::get(), 3);
	});
}

#[test]
fn a_pool_that_cannot_be_paid_goes_to_the_treasury() {
	new_test_ext_with_existential_deposit(60).execute_with(|| {
		// The supernode pool account does not exist and 5 % of 1 000 is below the
		// existential deposit, so it cannot be created.
		SupernodePoolAccount::set(77);
		pay(CUSTOMER, 1_000);
		set_power(0, MINER_A, 1);
		let treasury = balance(TREASURY);
		settle_current_era();
		assert!(events().contains(&Event::PoolRedirectedToTreasury { era: 0, amount: 50 }));
		assert!(matches!(settled_event(0), Event::EraSettled { supernode_pool: 0, depositor_pool: 100, treasury: 200, .. }));
		assert_eq!(balance(TREASURY), treasury + 200);
		assert_eq!(balance(77), 0);
		assert_eq!(pools_received(), vec![("supernodes", 0, 0), ("depositors", 0, 100)]);
		Revenue::do_try_state().expect("revenue is conserved");
	});
}

#[test]
fn unclaimed_rewards_are_swept_to_the_treasury_after_the_history_depth() {
	build_and_execute(|| {
		pay(CUSTOMER, 1_000);
		set_power(0, MINER_A, 1);
		set_power(0, MINER_B, 1);
		settle_current_era();
		assert_eq!(Revenue::pot_balance(), 700);
		frame_support::assert_ok!(Revenue::claim_miner_rewards(
			RuntimeOrigin::signed(HELPER),
			MINER_A,
			vec![0].try_into().unwrap()
		));

		// Eras 1..=3 settle; era 0 is still claimable.
		for _ in 1..HISTORY_DEPTH {
			settle_current_era();
		}
		assert!(EraRewards::<Test>::get(0).is_some());
		let treasury = balance(TREASURY);
		// Settling era 4 sweeps era 0: Bob's 350 go to the treasury.
		settle_current_era();
		assert!(events().contains(&Event::UnclaimedRewardsSwept { era: 0, amount: 350 }));
		assert_eq!(EraRewards::<Test>::get(0), None);
		assert_eq!(balance(TREASURY), treasury + 350);
		assert_eq!(Revenue::pot_balance(), 0);
	});
}

#[test]
fn the_pot_keeps_its_existential_deposit_so_rounding_dust_is_never_burnt() {
	use frame_support::traits::fungible::Inspect;
	new_test_ext_with_existential_deposit(60).execute_with(|| {
		assert_eq!(Balances::balance(&Revenue::pot()), 60);
		pay(CUSTOMER, 1_000);
		set_power(0, MINER_A, 1);
		set_power(0, MINER_B, 2);
		settle_current_era();
		for miner in [MINER_A, MINER_B] {
			frame_support::assert_ok!(Revenue::claim_miner_rewards(
				RuntimeOrigin::signed(HELPER),
				miner,
				vec![0].try_into().unwrap()
			));
		}
		// One unit of rounding dust is still owed (to the treasury, at the sweep). Without
		// the pot's own existential deposit, that unit alone would be below it and burnt.
		assert_eq!(Revenue::pot_balance(), 1);
		assert_eq!(Balances::balance(&Revenue::pot()), 61);
		Revenue::do_try_state().unwrap();
		for _ in 0..HISTORY_DEPTH {
			settle_current_era();
		}
		assert!(events().contains(&Event::UnclaimedRewardsSwept { era: 0, amount: 1 }));
		assert_eq!(Balances::balance(&Revenue::pot()), 60);
		Revenue::do_try_state().unwrap();
	});
}
