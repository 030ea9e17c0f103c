//! Withdrawing: refused before maturity, then QAS back and rewards paid.

use crate::{mock::*, Error, Event, Ledger, Positions, TotalDeposited, TotalWeight};
use frame_support::{assert_noop, assert_ok};
use sp_runtime::DispatchError;

#[test]
fn a_position_cannot_be_withdrawn_before_maturity() {
	build_and_execute(|| {
		let id = deposit(ALICE, SHORT, 1_000); // eras 1, 2, 3; maturity era 4
		assert_noop!(Deposits::withdraw(RuntimeOrigin::signed(ALICE), id), Error::<Test>::NotMatured);
		for _ in 0..3 {
			end_era_with_pool(0);
			assert_noop!(Deposits::withdraw(RuntimeOrigin::signed(ALICE), id), Error::<Test>::NotMatured);
		}
		// Era 4 has come, but era 3 is not settled yet: its pool is still to be shared.
		next_era();
		assert_eq!(CurrentEra::get(), 4);
		assert_noop!(Deposits::withdraw(RuntimeOrigin::signed(ALICE), id), Error::<Test>::NotMatured);
		settle(3, 0);
		assert_ok!(Deposits::withdraw(RuntimeOrigin::signed(ALICE), id));
		assert_eq!(free_qas(ALICE), QAS_ENDOWMENT);
	});
}

#[test]
fn a_mature_position_returns_its_qas_and_pays_its_rewards() {
	build_and_execute(|| {
		let id = deposit(ALICE, SHORT, 1_000);
		deposit(BOB, SHORT, 1_000);
		end_era_with_pool(0); // the deposits' own era: they share from the next one
		end_era_with_pool(100);
		end_era_with_pool(100);
		end_era_with_pool(100);
		// Era 4, era 3 settled: mature.
		assert_ok!(Deposits::withdraw(RuntimeOrigin::signed(ALICE), id));
		assert_eq!(last_event(), Event::Withdrawn { who: ALICE, position: id, amount: 1_000, rewards: 150 });
		assert_eq!(free_qas(ALICE), QAS_ENDOWMENT);
		assert_eq!(deposited_qas(ALICE), 0);
		assert_eq!(qqq(ALICE), 10 + 150);
		assert!(!Positions::<Test>::contains_key(ALICE));
		assert_eq!(TotalDeposited::<Test>::get(), 1_000);
		assert_eq!(TotalWeight::<Test>::get(), 100_000);
		// From now on Bob alone shares the pools.
		end_era_with_pool(100);
		assert_eq!(Deposits::pending_rewards(&BOB), 250);
	});
}

#[test]
fn a_position_left_after_maturity_keeps_earning() {
	build_and_execute(|| {
		let id = deposit(ALICE, SHORT, 1_000);
		end_era_with_pool(0); // the deposits' own era: they share from the next one
		for _ in 0..5 {
			end_era_with_pool(10);
		}
		assert_ok!(Deposits::withdraw(RuntimeOrigin::signed(ALICE), id));
		assert_eq!(qqq(ALICE), 10 + 50);
	});
}

#[test]
fn withdrawing_one_position_keeps_the_others() {
	build_and_execute(|| {
		let short = deposit(ALICE, SHORT, 1_000);
		let long = deposit(ALICE, LONG, 1_000);
		end_era_with_pool(0); // the deposits' own era: they share from the next one
		for _ in 0..3 {
			end_era_with_pool(260);
		}
		assert_ok!(Deposits::withdraw(RuntimeOrigin::signed(ALICE), short));
		// The short position earned 100 of each 260; the long one keeps its 160s pending.
		assert_eq!(qqq(ALICE), 10 + 300);
		assert_eq!(positions(ALICE).iter().map(|p| p.id).collect::<Vec<_>>(), vec![long]);
		assert_eq!(Deposits::pending_rewards(&ALICE), 480);
		assert_eq!(deposited_qas(ALICE), 1_000);
		assert_noop!(Deposits::withdraw(RuntimeOrigin::signed(ALICE), long), Error::<Test>::NotMatured);
	});
}

#[test]
fn only_the_owner_withdraws_an_existing_position() {
	build_and_execute(|| {
		let id = deposit(ALICE, SHORT, 1_000);
		for _ in 0..4 {
			end_era_with_pool(0);
		}
		assert_noop!(Deposits::withdraw(RuntimeOrigin::signed(BOB), id), Error::<Test>::UnknownPosition);
		assert_noop!(Deposits::withdraw(RuntimeOrigin::signed(ALICE), id + 1), Error::<Test>::UnknownPosition);
		assert_noop!(Deposits::withdraw(RuntimeOrigin::root(), id), DispatchError::BadOrigin);
		assert_ok!(Deposits::withdraw(RuntimeOrigin::signed(ALICE), id));
		assert_noop!(Deposits::withdraw(RuntimeOrigin::signed(ALICE), id), Error::<Test>::UnknownPosition);
	});
}

#[test]
fn after_the_last_withdrawal_pools_go_to_the_treasury() {
	build_and_execute(|| {
		let id = deposit(ALICE, SHORT, 1_000);
		for _ in 0..4 {
			end_era_with_pool(0);
		}
		assert_ok!(Deposits::withdraw(RuntimeOrigin::signed(ALICE), id));
		let treasury = qqq(TREASURY);
		end_era_with_pool(40);
		assert_eq!(last_event(), Event::PoolSentToTreasury { era: 4, amount: 40 });
		assert_eq!(qqq(TREASURY), treasury + 40);
	});
}

#[test]
fn an_unpayable_reward_does_not_block_the_withdrawal() {
	build_and_execute(|| {
		QqqExistentialDeposit::set(10);
		deposit(ALICE, SHORT, 9_900);
		let id = deposit(DAVE, SHORT, 100);
		end_era_with_pool(0); // the deposits' own era: they share from the next one
		end_era_with_pool(100); // Dave: 1, below the existential deposit; he has no QQQ
		end_era_with_pool(0);
		end_era_with_pool(0);
		assert_ok!(Deposits::withdraw(RuntimeOrigin::signed(DAVE), id));
		assert!(events().contains(&Event::RewardForfeited { who: DAVE, position: id, amount: 1 }));
		assert_eq!(last_event(), Event::Withdrawn { who: DAVE, position: id, amount: 100, rewards: 0 });
		assert_eq!(free_qas(DAVE), QAS_ENDOWMENT);
		// The forfeited reward joins the next pool, which Alice now has alone.
		assert_eq!(Ledger::<Test>::get().carried, 1);
		end_era_with_pool(98);
		assert_eq!(last_event(), Event::PoolShared { era: 4, amount: 99, total_weight: 990_000 });
		assert_eq!(Deposits::pending_rewards(&ALICE), 99 + 99);
	});
}
