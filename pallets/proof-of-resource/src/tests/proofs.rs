//! Submitting proofs: which era, once per era, plausibility, power and fees.

use crate::{mock::*, weights::WeightInfo, Error, Event, EraTotalPower, Proofs, ResourceUsage, PowerPerUnit, ResourceWeights};
use frame_support::{assert_noop, assert_ok, assert_storage_noop, dispatch::Pays};
use poseidon_primitives::power::ProvenPower;
use sp_runtime::DispatchError;

fn register(who: u64) {
	assert_ok!(ProofOfResource::register_miner(RuntimeOrigin::signed(who), profile()));
}

fn bytes(n: u64) -> ResourceUsage {
	ResourceUsage { bandwidth_bytes: n, ..Default::default() }
}

#[test]
fn a_valid_first_proof_is_free_and_its_power_counts() {
	build_and_execute(|| {
		register(ALICE);
		let usage = ResourceUsage { bandwidth_bytes: 5_000, cpu_seconds: 3, storage_gib_hours: 2 };
		let info = ProofOfResource::submit_proof(RuntimeOrigin::signed(ALICE), 0, usage, [9; 32]).unwrap();

		assert_eq!(info.pays_fee, Pays::No);
		// 5 000 × 1 + 3 × 1 000 000 + 2 × 100 000 000
		let power = 203_005_000;
		assert_eq!(last_event(), Event::ProofAccepted { miner: ALICE, era: 0, power });
		let proof = Proofs::<Test>::get(0, ALICE).unwrap();
		assert_eq!((proof.usage, proof.evidence, proof.power, proof.rejected), (usage, [9; 32], power, false));
		assert_eq!(ProofOfResource::miner_power(0, &ALICE), power);
		assert_eq!(ProofOfResource::total_power(0), power);
	});
}

#[test]
fn the_era_total_is_the_sum_of_all_miners_power() {
	build_and_execute(|| {
		register(ALICE);
		register(BOB);
		assert_ok!(ProofOfResource::submit_proof(RuntimeOrigin::signed(ALICE), 0, bytes(100), [1; 32]));
		assert_ok!(ProofOfResource::submit_proof(RuntimeOrigin::signed(BOB), 0, bytes(300), [2; 32]));
		assert_eq!(EraTotalPower::<Test>::get(0), 400);
		assert_eq!(ProofOfResource::total_power(1), 0);
	});
}

#[test]
fn a_duplicate_proof_is_refused_cheaply_and_pays() {
	build_and_execute(|| {
		register(ALICE);
		assert_ok!(ProofOfResource::submit_proof(RuntimeOrigin::signed(ALICE), 0, bytes(100), [1; 32]));
		assert_storage_noop!({
			let error = ProofOfResource::submit_proof(RuntimeOrigin::signed(ALICE), 0, bytes(200), [2; 32])
				.unwrap_err();
			assert_eq!(error.error, Error::<Test>::DuplicateProof.into());
			assert_eq!(error.post_info.pays_fee, Pays::Yes);
			assert_eq!(
				error.post_info.actual_weight,
				Some(<() as WeightInfo>::submit_proof_duplicate())
			);
		});
		assert_eq!(Proofs::<Test>::get(0, ALICE).unwrap().usage, bytes(100));
	});
}

#[test]
fn the_previous_era_is_open_only_during_the_grace_window() {
	build_and_execute(|| {
		register(ALICE);
		register(BOB);
		assert_noop!(
			ProofOfResource::submit_proof(RuntimeOrigin::signed(ALICE), 1, bytes(1), [0; 32]),
			Error::<Test>::FutureEra
		);
		// Era 1 starts at block 11; the grace window (a quarter of 10 blocks) is 11–12.
		run_to_block(12);
		assert_ok!(ProofOfResource::submit_proof(RuntimeOrigin::signed(ALICE), 0, bytes(1), [0; 32]));
		run_to_block(13);
		assert_noop!(
			ProofOfResource::submit_proof(RuntimeOrigin::signed(BOB), 0, bytes(1), [0; 32]),
			Error::<Test>::EraClosed
		);
		run_to_era(3);
		assert_noop!(
			ProofOfResource::submit_proof(RuntimeOrigin::signed(BOB), 1, bytes(1), [0; 32]),
			Error::<Test>::EraClosed
		);
	});
}

#[test]
fn failed_proofs_pay_their_fee() {
	build_and_execute(|| {
		let error = ProofOfResource::submit_proof(RuntimeOrigin::signed(ALICE), 0, bytes(1), [0; 32])
			.unwrap_err();
		assert_eq!(error.error, Error::<Test>::NotRegistered.into());
		assert_eq!(error.post_info.pays_fee, Pays::Yes);
	});
}

#[test]
fn proofs_refuse_bad_input_without_changing_anything() {
	build_and_execute(|| {
		assert_noop!(
			ProofOfResource::submit_proof(RuntimeOrigin::root(), 0, bytes(1), [0; 32]),
			DispatchError::BadOrigin
		);
		assert_noop!(
			ProofOfResource::submit_proof(RuntimeOrigin::signed(ALICE), 0, bytes(1), [0; 32]),
			Error::<Test>::NotRegistered
		);
		register(ALICE);
		assert_noop!(
			ProofOfResource::submit_proof(RuntimeOrigin::signed(ALICE), 0, ResourceUsage::default(), [0; 32]),
			Error::<Test>::EmptyUsage
		);
		// Registered in era 1: it cannot prove era 0, even within the grace window.
		run_to_block(11);
		register(BOB);
		assert_noop!(
			ProofOfResource::submit_proof(RuntimeOrigin::signed(BOB), 0, bytes(1), [0; 32]),
			Error::<Test>::NotMinerInEra
		);
	});
}

#[test]
fn usage_above_capacity_times_duration_is_implausible() {
	build_and_execute(|| {
		register(ALICE);
		let limits = [
			ResourceUsage { bandwidth_bytes: 750_000_000, ..Default::default() },
			ResourceUsage { cpu_seconds: 120, ..Default::default() },
			ResourceUsage { storage_gib_hours: 10, ..Default::default() },
		];
		let beyond = [
			ResourceUsage { bandwidth_bytes: 750_000_001, ..Default::default() },
			ResourceUsage { cpu_seconds: 121, ..Default::default() },
			ResourceUsage { storage_gib_hours: 11, ..Default::default() },
		];
		for usage in beyond {
			assert_noop!(
				ProofOfResource::submit_proof(RuntimeOrigin::signed(ALICE), 0, usage, [0; 32]),
				Error::<Test>::ImplausibleUsage
			);
		}
		// Exactly the capacity is plausible: one resource per era, since one proof each.
		for (era, usage) in limits.into_iter().enumerate() {
			run_to_era(era as u32);
			assert_ok!(ProofOfResource::submit_proof(RuntimeOrigin::signed(ALICE), era as u32, usage, [0; 32]));
		}
	});
}

#[test]
fn governance_sets_resource_weights_for_later_proofs() {
	build_and_execute(|| {
		register(ALICE);
		register(BOB);
		let usage = ResourceUsage { bandwidth_bytes: 10, cpu_seconds: 1, storage_gib_hours: 0 };
		assert_ok!(ProofOfResource::submit_proof(RuntimeOrigin::signed(ALICE), 0, usage, [0; 32]));
		let weights = ResourceWeights { per_bandwidth_byte: 2, per_cpu_second: 5, per_storage_gib_hour: 0 };
		assert_noop!(
			ProofOfResource::set_resource_weights(RuntimeOrigin::signed(ALICE), weights),
			DispatchError::BadOrigin
		);
		assert_noop!(
			ProofOfResource::set_resource_weights(
				RuntimeOrigin::root(),
				ResourceWeights { per_bandwidth_byte: 0, per_cpu_second: 0, per_storage_gib_hour: 0 }
			),
			Error::<Test>::ZeroResourceWeights
		);
		// No referendum values one resource above the bound in code.
		let max = MaxResourceWeights::get();
		for too_much in [
			ResourceWeights { per_bandwidth_byte: max.per_bandwidth_byte + 1, ..weights },
			ResourceWeights { per_cpu_second: max.per_cpu_second + 1, ..weights },
			ResourceWeights { per_storage_gib_hour: max.per_storage_gib_hour + 1, ..weights },
		] {
			assert_noop!(
				ProofOfResource::set_resource_weights(RuntimeOrigin::root(), too_much),
				Error::<Test>::ResourceWeightsAboveLimit
			);
		}
		assert_ok!(ProofOfResource::set_resource_weights(RuntimeOrigin::root(), max));
		assert_ok!(ProofOfResource::set_resource_weights(RuntimeOrigin::root(), weights));
		assert_eq!(PowerPerUnit::<Test>::get(), weights);
		assert_eq!(last_event(), Event::ResourceWeightsChanged { weights });
		assert_ok!(ProofOfResource::submit_proof(RuntimeOrigin::signed(BOB), 0, usage, [0; 32]));
		assert_eq!(ProofOfResource::miner_power(0, &ALICE), 1_000_010);
		assert_eq!(ProofOfResource::miner_power(0, &BOB), 25);
		assert_eq!(ProofOfResource::total_power(0), 1_000_035);
	});
}
