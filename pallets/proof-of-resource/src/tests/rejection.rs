//! Optimistic verification: supernodes reject fraudulent proofs.

use crate::{mock::*, Error, Event, Miners, Proofs, RejectionReason, Rejections, ResourceUsage};
use frame_support::{assert_noop, assert_ok, traits::fungible::Inspect};
use poseidon_primitives::power::ProvenPower;

fn proven_miner() {
	assert_ok!(ProofOfResource::register_miner(RuntimeOrigin::signed(ALICE), profile()));
	let usage = ResourceUsage { bandwidth_bytes: 500, ..Default::default() };
	assert_ok!(ProofOfResource::submit_proof(RuntimeOrigin::signed(ALICE), 0, usage, [3; 32]));
}

#[test]
fn one_rejection_below_the_quorum_leaves_the_power() {
	build_and_execute(|| {
		proven_miner();
		assert_eq!(ProofOfResource::rejection_quorum(), 2);
		assert_ok!(ProofOfResource::reject_proof(RuntimeOrigin::signed(11), ALICE, 0, RejectionReason::Unreachable));
		assert_eq!(
			last_event(),
			Event::ProofChallenged {
				supernode: 11,
				miner: ALICE,
				era: 0,
				reason: RejectionReason::Unreachable,
				rejections: 1,
				quorum: 2
			}
		);
		assert_eq!(ProofOfResource::miner_power(0, &ALICE), 500);
		assert_eq!(Rejections::<Test>::get((0, ALICE, 11)), Some(RejectionReason::Unreachable));
	});
}

#[test]
fn the_quorum_removes_the_power_and_slashes_the_bond_to_the_treasury() {
	build_and_execute(|| {
		proven_miner();
		assert_ok!(ProofOfResource::reject_proof(RuntimeOrigin::signed(11), ALICE, 0, RejectionReason::UsageInflated));
		// Still within era 0's grace window.
		run_to_block(12);
		assert_ok!(ProofOfResource::reject_proof(RuntimeOrigin::signed(12), ALICE, 0, RejectionReason::InvalidEvidence));

		assert_eq!(last_event(), Event::ProofRejected { miner: ALICE, era: 0, power: 500, slashed: 100 });
		assert_eq!(ProofOfResource::miner_power(0, &ALICE), 0);
		assert_eq!(ProofOfResource::total_power(0), 0);
		assert!(Proofs::<Test>::get(0, ALICE).unwrap().rejected);
		assert_eq!(Miners::<Test>::get(ALICE).unwrap().bond, BOND - 100);
		assert_eq!(Balances::balance(&TREASURY), 1 + 100);
		assert_eq!(Balances::total_balance(&ALICE), 10_000 - 100);
	});
}

#[test]
fn rejections_refuse_bad_input_without_changing_anything() {
	build_and_execute(|| {
		proven_miner();
		assert_noop!(
			ProofOfResource::reject_proof(RuntimeOrigin::signed(BOB), ALICE, 0, RejectionReason::Other),
			Error::<Test>::NotSupernode
		);
		assert_noop!(
			ProofOfResource::reject_proof(RuntimeOrigin::signed(11), BOB, 0, RejectionReason::Other),
			Error::<Test>::NoSuchProof
		);
		assert_noop!(
			ProofOfResource::reject_proof(RuntimeOrigin::root(), ALICE, 0, RejectionReason::Other),
			sp_runtime::DispatchError::BadOrigin
		);
		assert_ok!(ProofOfResource::reject_proof(RuntimeOrigin::signed(11), ALICE, 0, RejectionReason::Other));
		assert_noop!(
			ProofOfResource::reject_proof(RuntimeOrigin::signed(11), ALICE, 0, RejectionReason::Other),
			Error::<Test>::AlreadyChallenged
		);
		assert_ok!(ProofOfResource::reject_proof(RuntimeOrigin::signed(12), ALICE, 0, RejectionReason::Other));
		assert_noop!(
			ProofOfResource::reject_proof(RuntimeOrigin::signed(13), ALICE, 0, RejectionReason::Other),
			Error::<Test>::AlreadyRejected
		);
	});
}

#[test]
fn a_settled_era_can_no_longer_be_challenged() {
	build_and_execute(|| {
		proven_miner();
		run_to_block(13);
		assert_noop!(
			ProofOfResource::reject_proof(RuntimeOrigin::signed(11), ALICE, 0, RejectionReason::Other),
			Error::<Test>::EraClosed
		);
		assert_eq!(ProofOfResource::miner_power(0, &ALICE), 500);
	});
}
