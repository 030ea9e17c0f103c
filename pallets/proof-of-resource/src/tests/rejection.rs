//! Optimistic verification: supernodes reject fraudulent proofs until the era is final;
//! the miner is ejected and slashed, the rejecting supernodes are paid.

use crate::{
	mock::*, Error, Event, MinerStatus, Miners, Proofs, RejectionReason, Rejections, ResourceUsage,
};
use frame_support::{
	assert_noop, assert_ok,
	dispatch::Pays,
	traits::fungible::{Inspect, InspectHold, MutateHold},
};
use poseidon_primitives::{era::EraClock, power::ProvenPower};

fn usage() -> ResourceUsage {
	ResourceUsage { bandwidth_bytes: 500, ..Default::default() }
}

fn proven_miner() {
	assert_ok!(ProofOfResource::register_miner(RuntimeOrigin::signed(ALICE), profile()));
	assert_ok!(ProofOfResource::submit_proof(RuntimeOrigin::signed(ALICE), 0, usage(), [3; 32]));
}

fn reject(supernode: u64, miner: u64, era: u32) -> Pays {
	ProofOfResource::reject_proof(RuntimeOrigin::signed(supernode), miner, era, RejectionReason::UsageInflated)
		.expect("the rejection is valid")
		.pays_fee
}

#[test]
fn rejections_below_the_majority_leave_the_power_and_pay_their_fee() {
	build_and_execute(|| {
		proven_miner();
		assert_eq!(ProofOfResource::rejection_quorum(), 3);
		assert_eq!(reject(11, ALICE, 0), Pays::Yes);
		assert_eq!(
			last_event(),
			Event::ProofChallenged {
				supernode: 11,
				miner: ALICE,
				era: 0,
				reason: RejectionReason::UsageInflated,
				rejections: 1,
				quorum: 3
			}
		);
		// A third of the supernodes (two of four, as the old quorum allowed) is not enough.
		assert_eq!(reject(12, ALICE, 0), Pays::Yes);
		assert_eq!(ProofOfResource::miner_power(0, &ALICE), 500);
		assert_eq!(Miners::<Test>::get(ALICE).unwrap().status, MinerStatus::Active);
		assert_eq!(Rejections::<Test>::get((0, ALICE, 11)), Some(RejectionReason::UsageInflated));
	});
}

#[test]
fn the_majority_ejects_the_miner_slashes_half_its_bond_and_pays_the_rejectors() {
	build_and_execute(|| {
		proven_miner();
		reject(11, ALICE, 0);
		run_to_block(12);
		reject(12, ALICE, 0);
		// The call that reaches the quorum is free.
		assert_eq!(reject(13, ALICE, 0), Pays::No);

		// Half of the 1 000 bond: a quarter of it (83 each, rounded down) to the three
		// rejectors, the rest (251) to the treasury.
		assert!(events().contains(&Event::ProofRejected {
			miner: ALICE,
			era: 0,
			power: 500,
			slashed: 500,
			rejectors_paid: 249
		}));
		assert_eq!(last_event(), Event::MinerEjected { miner: ALICE, withdrawable_from: 3 });
		assert_eq!(ProofOfResource::miner_power(0, &ALICE), 0);
		assert_eq!(ProofOfResource::total_power(0), 0);
		assert!(Proofs::<Test>::get(0, ALICE).unwrap().rejected);
		for supernode in [11, 12, 13] {
			assert_eq!(Balances::balance(&supernode), 100 + 83);
		}
		assert_eq!(Balances::balance(&14), 100);
		assert_eq!(Balances::balance(&TREASURY), 1 + 251);
		assert_eq!(Balances::total_balance(&ALICE), 10_000 - 500);
		let miner = Miners::<Test>::get(ALICE).unwrap();
		assert_eq!(miner.bond, BOND - 500);
		assert_eq!(miner.status, MinerStatus::Ejected { in_era: 1, withdrawable_from: 3 });
		assert!(!ProofOfResource::is_registered_miner(&ALICE));
	});
}

#[test]
fn an_ejected_miner_proves_nothing_more_and_withdraws_what_is_left_after_unbonding() {
	build_and_execute(|| {
		proven_miner();
		run_to_era(1);
		assert_ok!(ProofOfResource::submit_proof(RuntimeOrigin::signed(ALICE), 1, usage(), [4; 32]));
		for supernode in [11, 12, 13] {
			reject(supernode, ALICE, 0);
		}
		run_to_era(2);
		assert_noop!(
			ProofOfResource::submit_proof(RuntimeOrigin::signed(ALICE), 2, usage(), [5; 32]),
			Error::<Test>::NotMinerInEra
		);
		assert_noop!(ProofOfResource::deregister(RuntimeOrigin::signed(ALICE)), Error::<Test>::Unbonding);
		// Its other open proof can still be rejected, and costs half of what is left.
		for supernode in [11, 12, 13] {
			reject(supernode, ALICE, 1);
		}
		assert_eq!(Miners::<Test>::get(ALICE).unwrap().bond, 250);
		assert_eq!(
			Miners::<Test>::get(ALICE).unwrap().status,
			MinerStatus::Ejected { in_era: 1, withdrawable_from: 4 }
		);
		run_to_era(3);
		assert_noop!(ProofOfResource::withdraw_bond(RuntimeOrigin::signed(ALICE)), Error::<Test>::BondStillLocked);
		run_to_era(4);
		assert_ok!(ProofOfResource::withdraw_bond(RuntimeOrigin::signed(ALICE)));
		assert_eq!(last_event(), Event::BondWithdrawn { miner: ALICE, amount: 250 });
		assert_eq!(Balances::total_balance(&ALICE), 10_000 - 750);
	});
}

#[test]
fn a_proof_sent_in_the_last_grace_block_can_still_be_rejected() {
	build_and_execute(|| {
		assert_ok!(ProofOfResource::register_miner(RuntimeOrigin::signed(ALICE), profile()));
		// The attack: prove era 0 in the last block of its grace period (block 12), so that
		// no supernode has a block left to reject it.
		run_to_block(12);
		assert_ok!(ProofOfResource::submit_proof(RuntimeOrigin::signed(ALICE), 0, usage(), [3; 32]));
		run_to_block(13);
		assert!(!ProofOfResource::accepts_proofs(0));
		assert!(!ProofOfResource::is_era_final(0));
		reject(11, ALICE, 0);
		reject(12, ALICE, 0);
		run_to_block(14);
		assert_eq!(reject(13, ALICE, 0), Pays::No);
		assert_eq!(ProofOfResource::total_power(0), 0);
	});
}

#[test]
fn a_final_era_can_no_longer_be_challenged() {
	build_and_execute(|| {
		proven_miner();
		run_to_block(15);
		assert!(ProofOfResource::is_era_final(0));
		assert_noop!(
			ProofOfResource::reject_proof(RuntimeOrigin::signed(11), ALICE, 0, RejectionReason::Other),
			Error::<Test>::EraClosed
		);
		assert_eq!(ProofOfResource::miner_power(0, &ALICE), 500);
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
			ProofOfResource::reject_proof(RuntimeOrigin::signed(11), ALICE, 1, RejectionReason::Other),
			Error::<Test>::FutureEra
		);
		assert_noop!(
			ProofOfResource::reject_proof(RuntimeOrigin::signed(11), ALICE, u32::MAX, RejectionReason::Other),
			Error::<Test>::FutureEra
		);
		assert_noop!(
			ProofOfResource::reject_proof(RuntimeOrigin::root(), ALICE, 0, RejectionReason::Other),
			sp_runtime::DispatchError::BadOrigin
		);
		reject(11, ALICE, 0);
		assert_noop!(
			ProofOfResource::reject_proof(RuntimeOrigin::signed(11), ALICE, 0, RejectionReason::Other),
			Error::<Test>::AlreadyChallenged
		);
		reject(12, ALICE, 0);
		reject(13, ALICE, 0);
		assert_noop!(
			ProofOfResource::reject_proof(RuntimeOrigin::signed(14), ALICE, 0, RejectionReason::Other),
			Error::<Test>::AlreadyRejected
		);
	});
}

#[test]
fn a_miner_whose_bond_fell_below_the_minimum_cannot_prove() {
	build_and_execute(|| {
		assert_ok!(ProofOfResource::register_miner(RuntimeOrigin::signed(ALICE), profile()));
		// A bond held before the minimum was raised: release part of it by hand.
		let reason = RuntimeHoldReason::ProofOfResource(crate::HoldReason::MinerBond);
		assert_ok!(Balances::release(&reason, &ALICE, 501, frame_support::traits::tokens::Precision::Exact));
		Miners::<Test>::mutate(ALICE, |miner| miner.as_mut().unwrap().bond = 499);
		assert_eq!(Balances::balance_on_hold(&reason, &ALICE), 499);
		assert_noop!(
			ProofOfResource::submit_proof(RuntimeOrigin::signed(ALICE), 0, usage(), [3; 32]),
			Error::<Test>::BondTooSmall
		);
	});
}
