//! Plans: created and closed by governance, with bounds on their terms.

use crate::{mock::*, Error, Event, Plan, PlanCount, Plans};
use frame_support::{assert_noop, assert_ok};
use sp_runtime::DispatchError;

#[test]
fn genesis_opens_the_three_plans() {
	build_and_execute(|| {
		assert_eq!(PlanCount::<Test>::get(), 3);
		assert_eq!(
			Plans::<Test>::get(LONG),
			Some(Plan { lock_eras: 18, reward_multiplier: 160, min_amount: 100, open: true })
		);
		assert_eq!(Plans::<Test>::get(SHORT).unwrap().lock_eras, 3);
		assert_eq!(Plans::<Test>::get(MEDIUM).unwrap().reward_multiplier, 130);
	});
}

#[test]
fn governance_creates_a_plan_that_accepts_deposits() {
	build_and_execute(|| {
		assert_ok!(Deposits::create_plan(RuntimeOrigin::root(), 30, 200, 500));
		assert_eq!(last_event(), Event::PlanCreated { plan: 3, lock_eras: 30, reward_multiplier: 200, min_amount: 500 });
		assert_eq!(
			Plans::<Test>::get(3),
			Some(Plan { lock_eras: 30, reward_multiplier: 200, min_amount: 500, open: true })
		);
		assert_eq!(PlanCount::<Test>::get(), 4);
		deposit(ALICE, 3, 500);
		assert_eq!(positions(ALICE)[0].weight, 500 * 200);
		assert_eq!(positions(ALICE)[0].maturity_era, 31);
	});
}

#[test]
fn only_governance_creates_or_closes_plans() {
	build_and_execute(|| {
		assert_noop!(
			Deposits::create_plan(RuntimeOrigin::signed(ALICE), 3, 100, 100),
			DispatchError::BadOrigin
		);
		assert_noop!(Deposits::close_plan(RuntimeOrigin::signed(ALICE), SHORT), DispatchError::BadOrigin);
		assert_noop!(Deposits::close_plan(RuntimeOrigin::none(), SHORT), DispatchError::BadOrigin);
	});
}

#[test]
fn plan_terms_out_of_bounds_are_refused() {
	build_and_execute(|| {
		let root = || RuntimeOrigin::root();
		assert_noop!(Deposits::create_plan(root(), 0, 100, 100), Error::<Test>::LockTermOutOfBounds);
		assert_noop!(Deposits::create_plan(root(), 101, 100, 100), Error::<Test>::LockTermOutOfBounds);
		assert_noop!(Deposits::create_plan(root(), 3, 99, 100), Error::<Test>::MultiplierOutOfBounds);
		assert_noop!(Deposits::create_plan(root(), 3, 301, 100), Error::<Test>::MultiplierOutOfBounds);
		assert_noop!(Deposits::create_plan(root(), 3, 100, 9), Error::<Test>::MinAmountTooLow);
		// The bounds themselves are allowed.
		assert_ok!(Deposits::create_plan(root(), 100, 300, 10));
	});
}

#[test]
fn plans_are_bounded() {
	build_and_execute(|| {
		assert_ok!(Deposits::create_plan(RuntimeOrigin::root(), 3, 100, 100));
		assert_ok!(Deposits::create_plan(RuntimeOrigin::root(), 3, 100, 100));
		assert_noop!(
			Deposits::create_plan(RuntimeOrigin::root(), 3, 100, 100),
			Error::<Test>::TooManyPlans
		);
	});
}

#[test]
fn a_closed_plan_refuses_deposits_and_keeps_its_positions() {
	build_and_execute(|| {
		let position = deposit(ALICE, MEDIUM, 1_000);
		assert_ok!(Deposits::close_plan(RuntimeOrigin::root(), MEDIUM));
		assert_eq!(last_event(), Event::PlanClosed { plan: MEDIUM });
		assert!(!Plans::<Test>::get(MEDIUM).unwrap().open);
		assert_noop!(
			Deposits::deposit(RuntimeOrigin::signed(BOB), MEDIUM, 1_000),
			Error::<Test>::PlanClosed
		);
		// The existing position still shares the pools.
		end_era_with_pool(0);
		end_era_with_pool(130);
		assert_eq!(positions(ALICE)[0].id, position);
		assert_eq!(Deposits::pending_rewards(&ALICE), 130);
	});
}

#[test]
fn closing_an_unknown_or_closed_plan_is_refused() {
	build_and_execute(|| {
		assert_noop!(Deposits::close_plan(RuntimeOrigin::root(), 7), Error::<Test>::UnknownPlan);
		assert_ok!(Deposits::close_plan(RuntimeOrigin::root(), SHORT));
		assert_noop!(Deposits::close_plan(RuntimeOrigin::root(), SHORT), Error::<Test>::PlanAlreadyClosed);
	});
}

#[test]
fn genesis_gives_an_unendowed_pool_account_its_existential_deposit() {
	use sp_runtime::BuildStorage;
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	QqqExistentialDeposit::set(5);
	crate::GenesisConfig::<Test>::default().assimilate_storage(&mut storage).unwrap();
	sp_io::TestExternalities::new(storage).execute_with(|| {
		assert_eq!(qqq(pool()), 5);
		assert_eq!(Balances::total_issuance(), 5);
		assert_eq!(PlanCount::<Test>::get(), 0);
	});
}
