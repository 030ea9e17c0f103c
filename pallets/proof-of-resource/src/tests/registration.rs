//! Registering, updating the profile, deregistering and withdrawing the bond.

use crate::{mock::*, CapacityLimits, Error, Event, MinerProfile, MinerStatus, Miners, ResourceUsage};
use frame_support::{
	assert_noop, assert_ok,
	traits::fungible::{Inspect, InspectHold},
};
use poseidon_primitives::power::ProvenPower;
use sp_runtime::DispatchError;

fn held(who: u64) -> u64 {
	Balances::balance_on_hold(&RuntimeHoldReason::ProofOfResource(crate::HoldReason::MinerBond), &who)
}

#[test]
fn registering_holds_the_bond_and_records_the_profile() {
	build_and_execute(|| {
		assert_ok!(ProofOfResource::register_miner(RuntimeOrigin::signed(ALICE), profile()));

		assert_eq!(held(ALICE), BOND);
		assert_eq!(Balances::balance(&ALICE), 10_000 - BOND);
		let miner = Miners::<Test>::get(ALICE).unwrap();
		assert_eq!(miner.profile, profile());
		assert_eq!(miner.bond, BOND);
		assert_eq!(miner.registered_in, 0);
		assert_eq!(miner.status, MinerStatus::Active);
		assert_eq!(Miners::<Test>::count(), 1);
		assert_eq!(last_event(), Event::MinerRegistered { miner: ALICE, profile: profile(), bond: BOND });
	});
}

#[test]
fn registration_refuses_bad_input_without_changing_anything() {
	build_and_execute(|| {
		assert_noop!(
			ProofOfResource::register_miner(RuntimeOrigin::root(), profile()),
			DispatchError::BadOrigin
		);
		let empty = MinerProfile { region: 276, ..Default::default() };
		assert_noop!(
			ProofOfResource::register_miner(RuntimeOrigin::signed(ALICE), empty),
			Error::<Test>::EmptyProfile
		);
		assert_noop!(
			ProofOfResource::register_miner(RuntimeOrigin::signed(POOR), profile()),
			Error::<Test>::InsufficientBond
		);
		assert_ok!(ProofOfResource::register_miner(RuntimeOrigin::signed(ALICE), profile()));
		assert_noop!(
			ProofOfResource::register_miner(RuntimeOrigin::signed(ALICE), profile()),
			Error::<Test>::AlreadyRegistered
		);
		assert_eq!(held(ALICE), BOND);
	});
}

#[test]
fn a_profile_update_applies_from_the_next_era() {
	build_and_execute(|| {
		assert_ok!(ProofOfResource::register_miner(RuntimeOrigin::signed(ALICE), profile()));
		let bigger = MinerProfile { bandwidth_mbps: 200, ..profile() };
		assert_ok!(ProofOfResource::update_profile(RuntimeOrigin::signed(ALICE), bigger));
		assert_eq!(last_event(), Event::ProfileUpdated { miner: ALICE, profile: bigger, from_era: 1 });

		// Era 0 is still judged by the old 100 Mbit/s: 750 MB at most.
		let usage = ResourceUsage { bandwidth_bytes: 1_000_000_000, ..Default::default() };
		assert_noop!(
			ProofOfResource::submit_proof(RuntimeOrigin::signed(ALICE), 0, usage, [1; 32]),
			Error::<Test>::ImplausibleUsage
		);
		run_to_era(1);
		assert_ok!(ProofOfResource::submit_proof(RuntimeOrigin::signed(ALICE), 1, usage, [1; 32]));
		assert_eq!(ProofOfResource::miner_power(1, &ALICE), 1_000_000_000);

		// Once era 0's grace period is over, a second update folds the first into the
		// base profile.
		run_to_block(13);
		let smaller = MinerProfile { bandwidth_mbps: 50, ..profile() };
		assert_ok!(ProofOfResource::update_profile(RuntimeOrigin::signed(ALICE), smaller));
		let miner = Miners::<Test>::get(ALICE).unwrap();
		assert_eq!(miner.profile, bigger);
		assert_eq!(miner.next_profile, Some((2, smaller)));
	});
}

#[test]
fn profile_updates_refuse_bad_input() {
	build_and_execute(|| {
		assert_noop!(
			ProofOfResource::update_profile(RuntimeOrigin::signed(ALICE), profile()),
			Error::<Test>::NotRegistered
		);
		assert_ok!(ProofOfResource::register_miner(RuntimeOrigin::signed(ALICE), profile()));
		assert_noop!(
			ProofOfResource::update_profile(RuntimeOrigin::signed(ALICE), MinerProfile::default()),
			Error::<Test>::EmptyProfile
		);
		assert_noop!(
			ProofOfResource::update_profile(RuntimeOrigin::signed(ALICE), profile()),
			Error::<Test>::ProfileUnchanged
		);
		assert_noop!(
			ProofOfResource::update_profile(RuntimeOrigin::none(), profile()),
			DispatchError::BadOrigin
		);
		assert_ok!(ProofOfResource::deregister(RuntimeOrigin::signed(ALICE)));
		let bigger = MinerProfile { bandwidth_mbps: 200, ..profile() };
		assert_noop!(
			ProofOfResource::update_profile(RuntimeOrigin::signed(ALICE), bigger),
			Error::<Test>::Unbonding
		);
	});
}

#[test]
fn leaving_unbonds_after_the_unbonding_eras_and_keeps_earned_power() {
	build_and_execute(|| {
		assert_ok!(ProofOfResource::register_miner(RuntimeOrigin::signed(ALICE), profile()));
		let usage = ResourceUsage { cpu_seconds: 100, ..Default::default() };
		assert_ok!(ProofOfResource::submit_proof(RuntimeOrigin::signed(ALICE), 0, usage, [7; 32]));
		assert_ok!(ProofOfResource::deregister(RuntimeOrigin::signed(ALICE)));
		assert_eq!(last_event(), Event::MinerDeregistered { miner: ALICE, withdrawable_from: 2 });
		assert_noop!(ProofOfResource::deregister(RuntimeOrigin::signed(ALICE)), Error::<Test>::Unbonding);

		// No proofs for eras after the one it left in.
		run_to_era(1);
		assert_noop!(
			ProofOfResource::submit_proof(RuntimeOrigin::signed(ALICE), 1, usage, [7; 32]),
			Error::<Test>::NotMinerInEra
		);
		assert_noop!(ProofOfResource::withdraw_bond(RuntimeOrigin::signed(ALICE)), Error::<Test>::BondStillLocked);

		run_to_era(2);
		assert_ok!(ProofOfResource::withdraw_bond(RuntimeOrigin::signed(ALICE)));
		assert_eq!(last_event(), Event::BondWithdrawn { miner: ALICE, amount: BOND });
		assert_eq!(held(ALICE), 0);
		assert_eq!(Balances::balance(&ALICE), 10_000);
		assert!(Miners::<Test>::get(ALICE).is_none());
		assert_eq!(Miners::<Test>::count(), 0);
		// The proof of era 0 still backs a reward claim.
		assert_eq!(ProofOfResource::miner_power(0, &ALICE), 100_000_000);
	});
}

#[test]
fn unbonding_calls_refuse_bad_input() {
	build_and_execute(|| {
		assert_noop!(ProofOfResource::deregister(RuntimeOrigin::signed(ALICE)), Error::<Test>::NotRegistered);
		assert_noop!(ProofOfResource::withdraw_bond(RuntimeOrigin::signed(ALICE)), Error::<Test>::NotRegistered);
		assert_ok!(ProofOfResource::register_miner(RuntimeOrigin::signed(ALICE), profile()));
		assert_noop!(ProofOfResource::withdraw_bond(RuntimeOrigin::signed(ALICE)), Error::<Test>::NotUnbonding);
		assert_noop!(ProofOfResource::deregister(RuntimeOrigin::root()), DispatchError::BadOrigin);
		assert_noop!(ProofOfResource::withdraw_bond(RuntimeOrigin::none()), DispatchError::BadOrigin);
	});
}

#[test]
fn a_miner_can_register_again_after_withdrawing() {
	build_and_execute(|| {
		assert_ok!(ProofOfResource::register_miner(RuntimeOrigin::signed(ALICE), profile()));
		assert_ok!(ProofOfResource::deregister(RuntimeOrigin::signed(ALICE)));
		assert_noop!(
			ProofOfResource::register_miner(RuntimeOrigin::signed(ALICE), profile()),
			Error::<Test>::AlreadyRegistered
		);
		run_to_era(2);
		assert_ok!(ProofOfResource::withdraw_bond(RuntimeOrigin::signed(ALICE)));
		assert_ok!(ProofOfResource::register_miner(RuntimeOrigin::signed(ALICE), profile()));
		assert_eq!(Miners::<Test>::get(ALICE).unwrap().registered_in, 2);
	});
}

#[test]
fn a_profile_cannot_be_swapped_under_a_late_proof_of_the_previous_era() {
	build_and_execute(|| {
		assert_ok!(ProofOfResource::register_miner(RuntimeOrigin::signed(ALICE), profile()));
		let bigger = MinerProfile { bandwidth_mbps: 10_000, ..profile() };
		assert_ok!(ProofOfResource::update_profile(RuntimeOrigin::signed(ALICE), bigger));

		// The attack: at the start of era 1, while era 0's proofs are still accepted,
		// update again so that the bigger profile becomes the base one, then prove era 0
		// against it.
		run_to_era(1);
		let other = MinerProfile { bandwidth_mbps: 5_000, ..profile() };
		assert_noop!(
			ProofOfResource::update_profile(RuntimeOrigin::signed(ALICE), other),
			Error::<Test>::ProfileStillInUse
		);
		let inflated = ResourceUsage { bandwidth_bytes: 1_000_000_000, ..Default::default() };
		assert_noop!(
			ProofOfResource::submit_proof(RuntimeOrigin::signed(ALICE), 0, inflated, [1; 32]),
			Error::<Test>::ImplausibleUsage
		);
		assert_eq!(Miners::<Test>::get(ALICE).unwrap().profile, profile());

		// After the grace period the update goes through.
		run_to_block(13);
		assert_ok!(ProofOfResource::update_profile(RuntimeOrigin::signed(ALICE), other));
		let miner = Miners::<Test>::get(ALICE).unwrap();
		assert_eq!((miner.profile, miner.next_profile), (bigger, Some((2, other))));
	});
}

#[test]
fn a_profile_above_the_capacity_caps_is_refused() {
	build_and_execute(|| {
		// The attack: declare u32::MAX of everything and claim a million honest miners'
		// power with one bond.
		let unbounded = MinerProfile {
			bandwidth_mbps: u32::MAX,
			cpu_millicores: u32::MAX,
			storage_gib: u32::MAX,
			region: 276,
		};
		assert_noop!(
			ProofOfResource::register_miner(RuntimeOrigin::signed(ALICE), unbounded),
			Error::<Test>::CapacityAboveLimit
		);
		for one_over in [
			MinerProfile { bandwidth_mbps: 10_001, ..profile() },
			MinerProfile { cpu_millicores: 64_001, ..profile() },
			MinerProfile { storage_gib: 100_001, ..profile() },
		] {
			assert_noop!(
				ProofOfResource::register_miner(RuntimeOrigin::signed(ALICE), one_over),
				Error::<Test>::CapacityAboveLimit
			);
		}
		let at_the_caps = MinerProfile {
			bandwidth_mbps: 10_000,
			cpu_millicores: 64_000,
			storage_gib: 100_000,
			region: 276,
		};
		assert_ok!(ProofOfResource::register_miner(RuntimeOrigin::signed(ALICE), at_the_caps));
		assert_noop!(
			ProofOfResource::update_profile(RuntimeOrigin::signed(ALICE), unbounded),
			Error::<Test>::CapacityAboveLimit
		);
	});
}

#[test]
fn lowered_caps_also_bind_miners_registered_before() {
	build_and_execute(|| {
		let big = MinerProfile { bandwidth_mbps: 1_000, ..profile() };
		assert_ok!(ProofOfResource::register_miner(RuntimeOrigin::signed(ALICE), big));
		MaxCapacity::set(CapacityLimits { bandwidth_mbps: 100, cpu_millicores: 64_000, storage_gib: 100_000 });
		// 1 000 Mbit/s for 60 s would be 7.5 GB; the cap of 100 Mbit/s allows 750 MB.
		let usage = ResourceUsage { bandwidth_bytes: 750_000_001, ..Default::default() };
		assert_noop!(
			ProofOfResource::submit_proof(RuntimeOrigin::signed(ALICE), 0, usage, [1; 32]),
			Error::<Test>::ImplausibleUsage
		);
		let usage = ResourceUsage { bandwidth_bytes: 750_000_000, ..Default::default() };
		assert_ok!(ProofOfResource::submit_proof(RuntimeOrigin::signed(ALICE), 0, usage, [1; 32]));
	});
}

#[test]
fn registration_holds_at_least_the_bond_needed_to_prove() {
	build_and_execute(|| {
		MinerBond::set(100);
		assert_ok!(ProofOfResource::register_miner(RuntimeOrigin::signed(ALICE), profile()));
		assert_eq!(held(ALICE), MIN_BOND_TO_PROVE);
		assert_eq!(last_event(), Event::MinerRegistered { miner: ALICE, profile: profile(), bond: MIN_BOND_TO_PROVE });
	});
}

#[test]
fn genesis_miners_are_registered_and_hold_the_bond_like_any_miner() {
	new_test_ext_with_miners(vec![(ALICE, profile())]).execute_with(|| {
		let miner = Miners::<Test>::get(ALICE).expect("registered at genesis");
		assert_eq!((miner.profile, miner.bond, miner.registered_in, miner.status), (profile(), BOND, 0, MinerStatus::Active));
		assert_eq!(held(ALICE), BOND);
		assert!(ProofOfResource::is_registered_miner(&ALICE));
		assert_noop!(
			ProofOfResource::register_miner(RuntimeOrigin::signed(ALICE), profile()),
			Error::<Test>::AlreadyRegistered
		);
		ProofOfResource::do_try_state().expect("the invariants hold");
	});
}

#[test]
#[should_panic(expected = "a genesis miner could not register")]
fn a_genesis_miner_without_the_bond_fails_the_genesis() {
	let _ = new_test_ext_with_miners(vec![(POOR, profile())]);
}
