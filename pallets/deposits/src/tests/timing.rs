//! Timing attacks on the depositors' pool: a deposit at the end of an era, and a mature
//! position that keeps its multiplier without being locked.

use crate::{accumulator::SCALE, mock::*, Event, Maturing, MaturingCohort, TotalWeight};
use poseidon_primitives::reward_accumulator::RewardPerStake;
use frame_support::assert_ok;

/// A plan of 2 eras at ×2.0, so that maturity shows in a few eras.
fn two_era_double_plan() -> u32 {
	assert_ok!(Deposits::create_plan(RuntimeOrigin::root(), 2, 200, 100));
	3
}

#[test]
fn a_deposit_in_the_last_block_of_an_era_takes_nothing_of_that_eras_pool() {
	build_and_execute(|| {
		// Alice has been deposited since era 0 and is locked through era 1.
		deposit(ALICE, SHORT, 1_000);
		end_era_with_pool(0);
		// Mallory deposits 9 times as much at the very end of era 1, just before it
		// settles.
		let mallory = deposit(BOB, SHORT, 9_000);
		end_era_with_pool(1_000);
		assert_eq!(last_event(), Event::PoolShared { era: 1, amount: 1_000, total_weight: 100_000 });
		assert_eq!(Deposits::pending_rewards(&ALICE), 1_000);
		assert_eq!(Deposits::pending_rewards(&BOB), 0);
		// From era 2, the first she was locked through, she shares.
		end_era_with_pool(1_000);
		assert_eq!(Deposits::pending_rewards(&ALICE), 1_100);
		assert_eq!(Deposits::pending_rewards(&BOB), 900);
		assert_eq!(positions(BOB)[0].id, mallory);
	});
}

#[test]
fn a_mature_position_left_in_its_plan_earns_at_one_times() {
	build_and_execute(|| {
		let double = two_era_double_plan();
		// Alice: 1 000 QAS at ×2.0 for eras 1 and 2 (maturity era 3); Bob: 1 000 at ×1.0.
		let alice = deposit(ALICE, double, 1_000);
		deposit(BOB, SHORT, 1_000);
		end_era_with_pool(0);
		end_era_with_pool(300); // era 1: 200 and 100
		end_era_with_pool(300); // era 2: 200 and 100
		assert_eq!(TotalWeight::<Test>::get(), 300_000);
		// Era 3 is Alice's maturity era: her extra weight leaves before its pool is shared.
		end_era_with_pool(200);
		assert_eq!(last_event(), Event::PoolShared { era: 3, amount: 200, total_weight: 200_000 });
		assert_eq!(
			Maturing::<Test>::get(3),
			Some(MaturingCohort { extra_weight: 100_000, unsettled_positions: 1, matured_at: Some(RewardPerStake::from_scaled(SCALE / 500)) })
		);
		assert_eq!(Deposits::pending_rewards(&ALICE), 200 + 200 + 100);
		assert_eq!(Deposits::pending_rewards(&BOB), 100 + 100 + 100);
		// Her next claim reads the maturity: her weight is ×1.0 from then on.
		assert_ok!(Deposits::claim(RuntimeOrigin::signed(ALICE)));
		assert_eq!(qqq(ALICE), 10 + 500);
		assert_eq!(positions(ALICE)[0].weight, 100_000);
		assert_eq!(Maturing::<Test>::get(3), None);
		end_era_with_pool(200);
		assert_eq!(Deposits::pending_rewards(&ALICE), 100);
		assert_eq!(Deposits::pending_rewards(&BOB), 400);
		assert_ok!(Deposits::withdraw(RuntimeOrigin::signed(ALICE), alice));
		assert_eq!(last_event(), Event::Withdrawn { who: ALICE, position: alice, amount: 1_000, rewards: 100 });
		assert_eq!(TotalWeight::<Test>::get(), 100_000);
	});
}

#[test]
fn a_position_withdrawn_before_its_maturity_era_settles_takes_its_extra_weight_along() {
	build_and_execute(|| {
		let double = two_era_double_plan();
		let alice = deposit(ALICE, double, 1_000);
		deposit(BOB, SHORT, 1_000);
		for pool in [0, 300, 300] {
			end_era_with_pool(pool);
		}
		// Era 3 has begun and era 2 is settled: Alice may leave before era 3 settles.
		assert_ok!(Deposits::withdraw(RuntimeOrigin::signed(ALICE), alice));
		assert_eq!(last_event(), Event::Withdrawn { who: ALICE, position: alice, amount: 1_000, rewards: 400 });
		assert_eq!(Maturing::<Test>::get(3), None);
		assert_eq!(TotalWeight::<Test>::get(), 100_000);
		// Her extra weight does not leave a second time: Bob has era 3 to himself.
		end_era_with_pool(200);
		assert_eq!(last_event(), Event::PoolShared { era: 3, amount: 200, total_weight: 100_000 });
		assert_eq!(Deposits::pending_rewards(&BOB), 400);
	});
}

#[test]
fn a_claim_across_the_maturity_era_pays_each_era_at_its_own_weight() {
	build_and_execute(|| {
		let double = two_era_double_plan();
		deposit(ALICE, double, 1_000);
		deposit(BOB, SHORT, 1_000);
		// Nobody claims through the maturity: eras 1 and 2 at ×2.0, eras 3 and 4 at ×1.0.
		for pool in [0, 300, 300, 200, 200] {
			end_era_with_pool(pool);
		}
		assert_eq!(Deposits::pending_rewards(&ALICE), 200 + 200 + 100 + 100);
		assert_eq!(Deposits::pending_rewards(&BOB), 100 + 100 + 100 + 100);
		assert_ok!(Deposits::claim(RuntimeOrigin::signed(ALICE)));
		assert_ok!(Deposits::claim(RuntimeOrigin::signed(BOB)));
		assert_eq!(qqq(ALICE), 10 + 600);
		assert_eq!(qqq(BOB), 10 + 400);
		assert_eq!(Maturing::<Test>::get(3), None);
	});
}
