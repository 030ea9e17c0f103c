//! Sharing the depositors' pool: exact arithmetic, late joiners, dust, the treasury.

use crate::{
	accumulator::SCALE, mock::*, Cohorts, Error, Event, LastSharedEra, Ledger, RewardPerWeight, TotalWeight,
};
use poseidon_primitives::reward_accumulator::RewardPerStake;
use frame_support::{assert_noop, assert_ok};
use sp_runtime::{DispatchError, TokenError};

fn claim(who: u64) {
	assert_ok!(Deposits::claim(RuntimeOrigin::signed(who)));
}

#[test]
fn one_depositor_gets_the_whole_pool() {
	build_and_execute(|| {
		deposit(ALICE, SHORT, 1_000);
		end_era_with_pool(0); // the deposits' own era: they share from the next one
		end_era_with_pool(500);
		assert_eq!(
			last_event(),
			Event::PoolShared { era: 1, amount: 500, total_weight: 100_000 }
		);
		assert_eq!(RewardPerWeight::<Test>::get().reward_per_stake.scaled(), 500 * SCALE / 100_000);
		assert_eq!(Deposits::pending_rewards(&ALICE), 500);
		claim(ALICE);
		assert_eq!(last_event(), Event::RewardsClaimed { who: ALICE, amount: 500 });
		assert_eq!(qqq(ALICE), 10 + 500);
		assert_eq!(qqq(pool()), POOL_ENDOWMENT);
		assert_eq!(Ledger::<Test>::get().paid, 500);
		// The position read its cohort's value: the cohort is gone.
		assert_eq!(positions(ALICE)[0].reward_per_weight_paid, Some(RewardPerStake::from_scaled(500 * SCALE / 100_000)));
		assert_eq!(Cohorts::<Test>::get(1), None);
	});
}

#[test]
fn plans_of_different_multipliers_share_pro_rata_to_weight() {
	build_and_execute(|| {
		// 1 000 QAS ×1.0 and 1 000 QAS ×1.6: weights 100 000 and 160 000.
		deposit(ALICE, SHORT, 1_000);
		deposit(BOB, LONG, 1_000);
		end_era_with_pool(0); // the deposits' own era: they share from the next one
		end_era_with_pool(520);
		claim(ALICE);
		claim(BOB);
		assert_eq!(qqq(ALICE), 10 + 200);
		assert_eq!(qqq(BOB), 10 + 320);
	});
}

#[test]
fn several_depositors_across_eras_with_a_late_joiner() {
	build_and_execute(|| {
		// Era 0: Alice (×1.0, weight 100 000) and Bob (×1.3, weight 130 000 from 1 000 QAS)
		// deposit; they share from era 1.
		deposit(ALICE, SHORT, 1_000);
		deposit(BOB, MEDIUM, 1_000);
		end_era_with_pool(0);
		next_era();
		// Era 2 begins; Carol deposits before era 1 is settled: she takes nothing of it,
		// nor of era 2, which she deposited in.
		deposit(CAROL, LONG, 500); // weight 80 000, from era 3
		settle(1, 460); // 460 / 230 000 = 0.002 per weight
		assert_eq!(Deposits::pending_rewards(&ALICE), 200);
		assert_eq!(Deposits::pending_rewards(&BOB), 260);
		assert_eq!(Deposits::pending_rewards(&CAROL), 0);
		assert_noop!(Deposits::claim(RuntimeOrigin::signed(CAROL)), Error::<Test>::NothingToClaim);
		end_era_with_pool(460);
		assert_eq!(Deposits::pending_rewards(&ALICE), 400);
		assert_eq!(Deposits::pending_rewards(&BOB), 520);
		assert_eq!(Deposits::pending_rewards(&CAROL), 0);

		// Alice claims between eras; the others let it accrue. Era 3's pool is shared
		// among all three: 310 000 weight.
		claim(ALICE);
		end_era_with_pool(3_100); // 0.01 per weight
		claim(ALICE);
		claim(BOB);
		claim(CAROL);
		assert_eq!(qqq(ALICE), 10 + 400 + 1_000);
		assert_eq!(qqq(BOB), 10 + 520 + 1_300);
		assert_eq!(qqq(CAROL), 10 + 800);
		assert_eq!(Ledger::<Test>::get().paid, 460 + 460 + 3_100);
		assert_eq!(qqq(pool()), POOL_ENDOWMENT);
	});
}

#[test]
fn what_a_division_leaves_is_carried_to_the_next_pool() {
	build_and_execute(|| {
		// Three equal weights and a pool of 100: 33⅓ each.
		deposit(ALICE, SHORT, 100);
		deposit(BOB, SHORT, 100);
		deposit(CAROL, SHORT, 100);
		end_era_with_pool(0); // the deposits' own era: they share from the next one
		end_era_with_pool(100);
		assert_eq!(last_event(), Event::PoolShared { era: 1, amount: 100, total_weight: 30_000 });
		let increment = 100 * SCALE / 30_000;
		assert_eq!(RewardPerWeight::<Test>::get().reward_per_stake.scaled(), increment);
		assert_eq!(RewardPerWeight::<Test>::get().remainder, 100 * SCALE - increment * 30_000);
		for who in [ALICE, BOB, CAROL] {
			assert_eq!(Deposits::pending_rewards(&who), 33);
		}
		// The next pool is divided together with that remainder: 200 + ⅓ shares evenly.
		end_era_with_pool(200);
		assert_eq!(RewardPerWeight::<Test>::get().remainder, 0);
		assert_eq!(RewardPerWeight::<Test>::get().reward_per_stake.scaled(), 300 * SCALE / 30_000);
		for who in [ALICE, BOB, CAROL] {
			assert_eq!(Deposits::pending_rewards(&who), 100);
			claim(who);
		}
		// Everything that came in was paid out; the pool account keeps its endowment.
		assert_eq!(Ledger::<Test>::get().paid, 300);
		assert_eq!(qqq(pool()), POOL_ENDOWMENT);
	});
}

#[test]
fn a_pool_without_deposits_goes_to_the_treasury() {
	build_and_execute(|| {
		let treasury = qqq(TREASURY);
		end_era_with_pool(300);
		assert_eq!(last_event(), Event::PoolSentToTreasury { era: 0, amount: 300 });
		assert_eq!(qqq(TREASURY), treasury + 300);
		assert_eq!(Ledger::<Test>::get().to_treasury, 300);
		assert_eq!(RewardPerWeight::<Test>::get().reward_per_stake.scaled(), 0);
		// A deposit made now does not receive that pool.
		deposit(ALICE, SHORT, 100);
		end_era_with_pool(0);
		assert_eq!(Deposits::pending_rewards(&ALICE), 0);
	});
}

#[test]
fn a_zero_pool_still_lets_the_era_cohort_join() {
	build_and_execute(|| {
		deposit(ALICE, SHORT, 100);
		end_era_with_pool(0);
		// Era 1, the position's first, has a zero pool: the cohort joins all the same.
		end_era_with_pool(0);
		assert_eq!(LastSharedEra::<Test>::get(), Some(1));
		assert!(events().iter().all(|e| !matches!(e, Event::PoolShared { .. } | Event::PoolSentToTreasury { .. })));
		assert_eq!(TotalWeight::<Test>::get(), 10_000);
		assert_eq!(Cohorts::<Test>::get(1).unwrap().joined_at, Some(RewardPerStake::ZERO));
		end_era_with_pool(50);
		assert_eq!(Deposits::pending_rewards(&ALICE), 50);
	});
}

#[test]
fn claims_pay_each_reward_once() {
	build_and_execute(|| {
		deposit(ALICE, SHORT, 100);
		end_era_with_pool(0); // the deposits' own era: they share from the next one
		end_era_with_pool(70);
		claim(ALICE);
		assert_noop!(Deposits::claim(RuntimeOrigin::signed(ALICE)), Error::<Test>::NothingToClaim);
		end_era_with_pool(30);
		claim(ALICE);
		assert_eq!(qqq(ALICE), 10 + 100);
	});
}

#[test]
fn a_claim_without_positions_or_rewards_is_refused() {
	build_and_execute(|| {
		assert_noop!(Deposits::claim(RuntimeOrigin::signed(BOB)), Error::<Test>::NothingToClaim);
		deposit(BOB, SHORT, 100);
		// Its era has not been settled yet.
		assert_noop!(Deposits::claim(RuntimeOrigin::signed(BOB)), Error::<Test>::NothingToClaim);
		assert_noop!(Deposits::claim(RuntimeOrigin::none()), DispatchError::BadOrigin);
	});
}

#[test]
fn a_reward_below_the_existential_deposit_cannot_open_an_account() {
	build_and_execute(|| {
		QqqExistentialDeposit::set(10);
		// Dave has QAS but no QQQ; his share of 1 QQQ cannot create his QQQ account.
		deposit(ALICE, SHORT, 9_900);
		deposit(DAVE, SHORT, 100);
		end_era_with_pool(0); // the deposits' own era: they share from the next one
		end_era_with_pool(100);
		assert_eq!(Deposits::pending_rewards(&DAVE), 1);
		assert_noop!(
			Deposits::claim(RuntimeOrigin::signed(DAVE)),
			DispatchError::Token(TokenError::BelowMinimum)
		);
	});
}

#[test]
fn pools_of_many_eras_add_up_exactly() {
	build_and_execute(|| {
		deposit(ALICE, LONG, 777);
		deposit(BOB, MEDIUM, 333);
		end_era_with_pool(0); // the deposits' own era: they share from the next one
		let mut total_in = 0;
		// Bob's position matures in era 10 and earns at ×1.0 from then on.
		for era in 1..13u64 {
			let pool = 1_000 + era * 37;
			total_in += pool;
			end_era_with_pool(pool);
		}
		claim(ALICE);
		claim(BOB);
		let paid = Ledger::<Test>::get().paid;
		// Rounding keeps back at most one base unit per claim (two for a claim that spans
		// a maturity), plus the remainder of the last division (less than one base unit).
		assert!(RewardPerWeight::<Test>::get().remainder < SCALE);
		assert!(paid <= total_in);
		assert!(total_in - paid <= 3, "{total_in} in, {paid} paid");
		assert_eq!(qqq(pool()), POOL_ENDOWMENT + total_in - paid);
	});
}
