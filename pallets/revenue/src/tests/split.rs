//! Governance of the revenue split: guard rails, and a change applying from the next era.

use crate::{mock::*, CurrentSplit, EraSplit, Error, Event, NextSplit, RevenueSplit};
use frame_support::{assert_noop, assert_ok};
use sp_runtime::{DispatchError, Percent};

fn split(miners: u8, supernodes: u8, depositors: u8) -> RevenueSplit {
	RevenueSplit {
		miners: Percent::from_percent(miners),
		supernodes: Percent::from_percent(supernodes),
		depositors: Percent::from_percent(depositors),
	}
}

#[test]
fn genesis_sets_the_default_70_5_10_split_with_15_for_the_treasury() {
	build_and_execute(|| {
		assert_eq!(CurrentSplit::<Test>::get(), split(70, 5, 10));
		assert_eq!(CurrentSplit::<Test>::get().treasury_share(), 15);
		assert_eq!(EraSplit::<Test>::get(0), Some(split(70, 5, 10)));
	});
}

#[test]
fn a_new_split_applies_from_the_next_era_only() {
	build_and_execute(|| {
		pay(CUSTOMER, 1_000);
		set_power(0, MINER_A, 1);
		assert_ok!(Revenue::set_split(RuntimeOrigin::root(), split(65, 5, 10)));
		assert_eq!(events().last().unwrap(), &Event::SplitScheduled { split: split(65, 5, 10), from_era: 1 });
		assert_eq!(CurrentSplit::<Test>::get(), split(70, 5, 10));

		start_next_era();
		assert_eq!(CurrentSplit::<Test>::get(), split(65, 5, 10));
		assert!(events().contains(&Event::SplitApplied { era: 1, split: split(65, 5, 10) }));
		pay(CUSTOMER, 1_000);
		set_power(1, MINER_A, 1);

		// Era 0 settles with the split it ran under, era 1 with the new one.
		close_window();
		assert!(events().iter().any(|e| matches!(e, Event::EraSettled { era: 0, miner_pool: 700, .. })));
		settle_current_era();
		assert!(events().iter().any(|e| matches!(e, Event::EraSettled { era: 1, miner_pool: 650, treasury: 200, .. })));
		assert_eq!(NextSplit::<Test>::get(), None);
	});
}

#[test]
fn a_second_decision_in_the_same_era_replaces_the_first_and_steps_from_the_split_in_force() {
	build_and_execute(|| {
		assert_ok!(Revenue::set_split(RuntimeOrigin::root(), split(80, 5, 10)));
		// 80 → 90 would be within one step of the pending split, but not of the 70 in force.
		assert_noop!(Revenue::set_split(RuntimeOrigin::root(), split(90, 5, 5)), Error::<Test>::SplitStepTooLarge);
		assert_ok!(Revenue::set_split(RuntimeOrigin::root(), split(60, 10, 10)));
		assert_eq!(NextSplit::<Test>::get(), Some(split(60, 10, 10)));
		start_next_era();
		assert_eq!(CurrentSplit::<Test>::get(), split(60, 10, 10));
	});
}

#[test]
fn splits_outside_the_guard_rails_are_refused_without_changing_anything() {
	build_and_execute(|| {
		assert_noop!(
			Revenue::set_split(RuntimeOrigin::signed(CUSTOMER), split(65, 5, 10)),
			DispatchError::BadOrigin
		);
		// Below the minimum and above the maximum miners' share.
		CurrentSplit::<Test>::put(split(55, 5, 10));
		assert_noop!(Revenue::set_split(RuntimeOrigin::root(), split(49, 5, 10)), Error::<Test>::MinerShareOutOfBounds);
		CurrentSplit::<Test>::put(split(85, 5, 10));
		assert_noop!(Revenue::set_split(RuntimeOrigin::root(), split(91, 5, 4)), Error::<Test>::MinerShareOutOfBounds);
		CurrentSplit::<Test>::put(split(70, 5, 10));
		// Shares above 100 %.
		assert_noop!(Revenue::set_split(RuntimeOrigin::root(), split(75, 15, 11)), Error::<Test>::SharesExceedWhole);
		// Too large a step, either way.
		assert_noop!(Revenue::set_split(RuntimeOrigin::root(), split(81, 5, 10)), Error::<Test>::SplitStepTooLarge);
		assert_noop!(Revenue::set_split(RuntimeOrigin::root(), split(59, 5, 10)), Error::<Test>::SplitStepTooLarge);
		// The split already in force.
		assert_noop!(Revenue::set_split(RuntimeOrigin::root(), split(70, 5, 10)), Error::<Test>::SplitUnchanged);
		// Exactly one step is fine.
		assert_ok!(Revenue::set_split(RuntimeOrigin::root(), split(80, 5, 10)));
	});
}
