//! Depositing QAS: holds, positions, cohorts, and every refusal.

use crate::{
	mock::*, Cohort, Cohorts, Error, Event, Maturing, MaturingCohort, Position, TotalDeposited, TotalWeight,
};
use poseidon_primitives::reward_accumulator::RewardPerStake;
use frame_support::{assert_noop, assert_ok};
use sp_runtime::DispatchError;

#[test]
fn a_deposit_holds_qas_and_records_a_position() {
	build_and_execute(|| {
		CurrentEra::set(5);
		let id = deposit(ALICE, MEDIUM, 1_000);
		assert_eq!(free_qas(ALICE), QAS_ENDOWMENT - 1_000);
		assert_eq!(deposited_qas(ALICE), 1_000);
		assert_eq!(
			positions(ALICE),
			vec![Position {
				id,
				plan: MEDIUM,
				amount: 1_000,
				weight: 130_000,
				start_era: 6,
				maturity_era: 15,
				reward_per_weight_paid: None,
			}]
		);
		assert_eq!(
			last_event(),
			Event::Deposited {
				who: ALICE,
				position: id,
				plan: MEDIUM,
				amount: 1_000,
				weight: 130_000,
				start_era: 6,
				maturity_era: 15
			}
		);
		assert_eq!(TotalDeposited::<Test>::get(), 1_000);
		// The weight waits in the next era's cohort until that era's pool is shared.
		assert_eq!(TotalWeight::<Test>::get(), 0);
		assert_eq!(Cohorts::<Test>::get(5), None);
		assert_eq!(
			Cohorts::<Test>::get(6),
			Some(Cohort { waiting_weight: 130_000, unsettled_positions: 1, joined_at: None })
		);
		// Its weight above ×1.0 is due to leave when its maturity era's pool is shared.
		assert_eq!(
			Maturing::<Test>::get(15),
			Some(MaturingCohort { extra_weight: 30_000, unsettled_positions: 1, matured_at: None })
		);
	});
}

#[test]
fn positions_are_numbered_once_across_accounts() {
	build_and_execute(|| {
		assert_eq!(deposit(ALICE, SHORT, 100), 0);
		assert_eq!(deposit(BOB, SHORT, 100), 1);
		assert_eq!(deposit(ALICE, LONG, 100), 2);
		assert_eq!(positions(ALICE).iter().map(|p| p.id).collect::<Vec<_>>(), vec![0, 2]);
		assert_eq!(TotalDeposited::<Test>::get(), 300);
		assert_eq!(Cohorts::<Test>::get(1).unwrap().unsettled_positions, 3);
	});
}

#[test]
fn deposits_need_a_signed_origin() {
	build_and_execute(|| {
		assert_noop!(Deposits::deposit(RuntimeOrigin::root(), SHORT, 100), DispatchError::BadOrigin);
		assert_noop!(Deposits::deposit(RuntimeOrigin::none(), SHORT, 100), DispatchError::BadOrigin);
	});
}

#[test]
fn a_deposit_into_an_unknown_plan_is_refused() {
	build_and_execute(|| {
		assert_noop!(Deposits::deposit(RuntimeOrigin::signed(ALICE), 3, 100), Error::<Test>::UnknownPlan);
	});
}

#[test]
fn a_deposit_below_the_plan_minimum_is_refused() {
	build_and_execute(|| {
		assert_noop!(
			Deposits::deposit(RuntimeOrigin::signed(ALICE), SHORT, 99),
			Error::<Test>::BelowPlanMinimum
		);
		assert_noop!(
			Deposits::deposit(RuntimeOrigin::signed(ALICE), SHORT, 0),
			Error::<Test>::BelowPlanMinimum
		);
	});
}

#[test]
fn a_deposit_beyond_the_free_qas_is_refused() {
	build_and_execute(|| {
		assert_noop!(
			Deposits::deposit(RuntimeOrigin::signed(ALICE), SHORT, QAS_ENDOWMENT + 1),
			Error::<Test>::InsufficientQas
		);
		assert_noop!(
			Deposits::deposit(RuntimeOrigin::signed(NOBODY), SHORT, 100),
			Error::<Test>::InsufficientQas
		);
		// Held QAS cannot be deposited twice.
		deposit(ALICE, SHORT, 9_000);
		assert_noop!(
			Deposits::deposit(RuntimeOrigin::signed(ALICE), SHORT, 1_001),
			Error::<Test>::InsufficientQas
		);
	});
}

#[test]
fn an_account_has_at_most_max_positions() {
	build_and_execute(|| {
		for _ in 0..4 {
			deposit(ALICE, SHORT, 100);
		}
		assert_noop!(
			Deposits::deposit(RuntimeOrigin::signed(ALICE), SHORT, 100),
			Error::<Test>::TooManyPositions
		);
		// Others are not limited by Alice's positions.
		deposit(BOB, SHORT, 100);
	});
}

#[test]
fn deposits_of_one_era_form_one_cohort() {
	build_and_execute(|| {
		deposit(ALICE, SHORT, 100);
		deposit(BOB, LONG, 200);
		next_era();
		deposit(CAROL, SHORT, 300);
		// Deposits of era 0 start in era 1, those of era 1 in era 2.
		assert_eq!(Cohorts::<Test>::get(1).unwrap().waiting_weight, 100 * 100 + 200 * 160);
		assert_eq!(Cohorts::<Test>::get(2).unwrap().waiting_weight, 300 * 100);
		// Era 0 settles: nobody joins yet.
		settle(0, 0);
		assert_eq!(TotalWeight::<Test>::get(), 0);
		// Era 1 settles: its cohort joins; era 2's still waits.
		end_era_with_pool(0);
		assert_eq!(TotalWeight::<Test>::get(), 42_000);
		assert_eq!(
			Cohorts::<Test>::get(1),
			Some(Cohort { waiting_weight: 0, unsettled_positions: 2, joined_at: Some(RewardPerStake::ZERO) })
		);
		assert_eq!(Cohorts::<Test>::get(2).unwrap().joined_at, None);
	});
}

#[test]
fn deposit_weight_uses_the_plan_multiplier() {
	build_and_execute(|| {
		deposit(ALICE, SHORT, 1_000);
		deposit(ALICE, MEDIUM, 1_000);
		deposit(ALICE, LONG, 1_000);
		let weights: Vec<u128> = positions(ALICE).iter().map(|p| p.weight).collect();
		assert_eq!(weights, vec![100_000, 130_000, 160_000]);
		let maturities: Vec<u32> = positions(ALICE).iter().map(|p| p.maturity_era).collect();
		assert_eq!(maturities, vec![4, 10, 19]);
	});
}

#[test]
fn total_weight_and_deposits_follow_deposits() {
	build_and_execute(|| {
		deposit(ALICE, SHORT, 1_000);
		end_era_with_pool(0);
		deposit(BOB, LONG, 500);
		assert_ok!(Deposits::close_plan(RuntimeOrigin::root(), SHORT));
		assert_eq!(TotalDeposited::<Test>::get(), 1_500);
		assert_eq!(TotalWeight::<Test>::get(), 0);
		end_era_with_pool(0);
		assert_eq!(TotalWeight::<Test>::get(), 100_000);
		end_era_with_pool(0);
		assert_eq!(TotalWeight::<Test>::get(), 180_000);
	});
}
