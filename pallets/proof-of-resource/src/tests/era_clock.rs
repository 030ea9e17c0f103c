//! The era clock, governance of the era length, and pruning of old proofs.

use crate::{mock::*, Error, Event, EraTotalPower, NextEraLength, OldestStoredEra, Proofs, Rejections, RejectionReason, ResourceUsage};
use frame_support::{assert_noop, assert_ok, traits::Hooks, weights::Weight};
use poseidon_primitives::{era::EraClock, power::ProvenPower};
use sp_runtime::DispatchError;

#[test]
fn eras_last_era_length_blocks() {
	build_and_execute(|| {
		assert_eq!(ProofOfResource::current_era(), 0);
		run_to_block(10);
		assert_eq!(ProofOfResource::current_era(), 0);
		run_to_block(11);
		assert_eq!(ProofOfResource::current_era(), 1);
		assert_eq!(last_event(), Event::EraStarted { era: 1, start: 11, length: 10 });
		run_to_block(31);
		assert_eq!(ProofOfResource::current_era(), 3);
	});
}

#[test]
fn proofs_close_after_the_grace_period_and_rejections_after_the_challenge_window() {
	build_and_execute(|| {
		assert!(ProofOfResource::accepts_proofs(0));
		assert!(!ProofOfResource::accepts_proofs(1));
		assert!(!ProofOfResource::is_era_final(0));
		run_to_block(11);
		assert!(ProofOfResource::accepts_proofs(0));
		assert!(ProofOfResource::accepts_proofs(1));
		run_to_block(12);
		assert!(ProofOfResource::accepts_proofs(0));
		// Blocks 13 and 14: no more proofs of era 0, but it can still be challenged.
		run_to_block(13);
		assert!(!ProofOfResource::accepts_proofs(0));
		assert!(ProofOfResource::accepts_rejections(0));
		assert!(!ProofOfResource::is_era_final(0));
		run_to_block(14);
		assert!(ProofOfResource::accepts_rejections(0));
		run_to_block(15);
		assert!(!ProofOfResource::accepts_rejections(0));
		assert!(ProofOfResource::is_era_final(0));
		assert!(!ProofOfResource::is_era_final(1));
		assert!(ProofOfResource::accepts_proofs(1));
	});
}

#[test]
fn shortening_the_era_never_shortens_the_previous_eras_challenge_window() {
	build_and_execute(|| {
		assert_ok!(ProofOfResource::register_miner(RuntimeOrigin::signed(ALICE), profile()));
		assert_ok!(ProofOfResource::set_era_length(RuntimeOrigin::root(), 40));
		run_to_era(1);
		// Era 1 lasts 40 blocks (11–50); its windows close 10 + 10 blocks after it.
		assert_ok!(ProofOfResource::set_era_length(RuntimeOrigin::root(), 4));
		run_to_block(50);
		let usage = ResourceUsage { bandwidth_bytes: 10, ..Default::default() };
		assert_ok!(ProofOfResource::submit_proof(RuntimeOrigin::signed(ALICE), 1, usage, [0; 32]));
		run_to_block(51);
		assert_eq!(ProofOfResource::era_state().length, 4);
		// The 4-block era 2 would end at block 55, but is stretched until era 1 is final.
		run_to_block(70);
		assert_eq!(ProofOfResource::current_era(), 2);
		for supernode in [11, 12, 13] {
			assert_ok!(ProofOfResource::reject_proof(
				RuntimeOrigin::signed(supernode),
				ALICE,
				1,
				RejectionReason::UsageInflated
			));
		}
		run_to_block(71);
		assert_eq!(ProofOfResource::current_era(), 3);
		assert!(ProofOfResource::is_era_final(1));
		assert_eq!(ProofOfResource::era_state().previous_length, 20);
		assert_eq!(ProofOfResource::total_power(1), 0);
	});
}

#[test]
fn a_new_era_length_applies_from_the_next_era() {
	build_and_execute(|| {
		assert_ok!(ProofOfResource::set_era_length(RuntimeOrigin::root(), 20));
		assert_eq!(last_event(), Event::EraLengthScheduled { length: 20 });
		run_to_block(11);
		assert_eq!(ProofOfResource::era_state().length, 20);
		assert_eq!(ProofOfResource::era_state().previous_length, 10);
		assert_eq!(NextEraLength::<Test>::get(), None);
		run_to_block(30);
		assert_eq!(ProofOfResource::current_era(), 1);
		run_to_block(31);
		assert_eq!(ProofOfResource::current_era(), 2);
	});
}

#[test]
fn the_previous_eras_own_length_bounds_its_late_proofs() {
	build_and_execute(|| {
		assert_ok!(ProofOfResource::register_miner(RuntimeOrigin::signed(ALICE), profile()));
		assert_ok!(ProofOfResource::set_era_length(RuntimeOrigin::root(), 40));
		run_to_block(11);
		// Era 0 lasted 10 blocks (60 s): 120 CPU seconds at most, not 480.
		let usage = ResourceUsage { cpu_seconds: 121, ..Default::default() };
		assert_noop!(
			ProofOfResource::submit_proof(RuntimeOrigin::signed(ALICE), 0, usage, [0; 32]),
			Error::<Test>::ImplausibleUsage
		);
		assert_ok!(ProofOfResource::submit_proof(RuntimeOrigin::signed(ALICE), 1, usage, [0; 32]));
	});
}

#[test]
fn era_length_changes_refuse_bad_input() {
	build_and_execute(|| {
		assert_noop!(ProofOfResource::set_era_length(RuntimeOrigin::signed(ALICE), 20), DispatchError::BadOrigin);
		assert_noop!(ProofOfResource::set_era_length(RuntimeOrigin::root(), 3), Error::<Test>::EraLengthOutOfBounds);
		assert_noop!(
			ProofOfResource::set_era_length(RuntimeOrigin::root(), 100_001),
			Error::<Test>::EraLengthOutOfBounds
		);
	});
}

#[test]
fn proofs_older_than_the_history_depth_are_pruned_when_idle() {
	build_and_execute(|| {
		assert_ok!(ProofOfResource::register_miner(RuntimeOrigin::signed(ALICE), profile()));
		assert_ok!(ProofOfResource::register_miner(RuntimeOrigin::signed(BOB), profile()));
		let usage = ResourceUsage { bandwidth_bytes: 10, ..Default::default() };
		assert_ok!(ProofOfResource::submit_proof(RuntimeOrigin::signed(ALICE), 0, usage, [0; 32]));
		assert_ok!(ProofOfResource::submit_proof(RuntimeOrigin::signed(BOB), 0, usage, [0; 32]));
		assert_ok!(ProofOfResource::reject_proof(RuntimeOrigin::signed(11), BOB, 0, RejectionReason::Other));

		// History depth 3: era 0 is kept through era 3 and pruned in era 4.
		run_to_era(3);
		assert_eq!(Proofs::<Test>::iter_prefix(0).count(), 2);
		assert_eq!(OldestStoredEra::<Test>::get(), 0);

		let now = System::block_number();
		run_to_block(now + 10);
		assert_eq!(ProofOfResource::current_era(), 4);
		assert_eq!(Proofs::<Test>::iter_prefix(0).count(), 0);
		assert_eq!(Rejections::<Test>::iter_prefix((0,)).count(), 0);
		assert_eq!(EraTotalPower::<Test>::get(0), 0);
		assert_eq!(OldestStoredEra::<Test>::get(), 1);
		assert!(events().contains(&Event::ProofsPruned { era: 0 }));
	});
}

#[test]
fn pruning_stays_within_the_weight_it_is_given() {
	build_and_execute(|| {
		assert_ok!(ProofOfResource::register_miner(RuntimeOrigin::signed(ALICE), profile()));
		let usage = ResourceUsage { bandwidth_bytes: 10, ..Default::default() };
		assert_ok!(ProofOfResource::submit_proof(RuntimeOrigin::signed(ALICE), 0, usage, [0; 32]));
		// Move the clock to era 4 without idle time.
		for block in 2..=41 {
			System::set_block_number(block);
			ProofOfResource::on_initialize(block);
		}
		assert_eq!(ProofOfResource::current_era(), 4);
		assert_eq!(ProofOfResource::on_idle(42, Weight::zero()), Weight::zero());
		assert_eq!(Proofs::<Test>::iter_prefix(0).count(), 1);
		let used = ProofOfResource::on_idle(42, Weight::MAX);
		assert!(used.all_gt(Weight::zero()));
		assert_eq!(Proofs::<Test>::iter_prefix(0).count(), 0);
	});
}
