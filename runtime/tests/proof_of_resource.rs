//! Proofs of resource in the real runtime: the dev preset's era clock and elected supernode, a
//! fee-free first proof, and how many proofs fit in one block.

use codec::Encode;
use crate::common::{last_fee_paid_by, miner_profile, preset_ext, qqq, signed, start_block};
use frame_support::dispatch::GetDispatchInfo;
use pallet_proof_of_resource::{weights::WeightInfo, ResourceUsage};
use poseidon_runtime::{
	configs::system::RuntimeBlockWeights, genesis_config_presets::DEV_ERA_LENGTH, Executive,
	Runtime, RuntimeCall,
};
use poseidon_primitives::{era::EraClock, supernodes::SupernodeSet};
use sp_keyring::Sr25519Keyring::{Alice, Bob, Dave};

type ProofOfResource = pallet_proof_of_resource::Pallet<Runtime>;

fn proof_call(era: u32) -> RuntimeCall {
	RuntimeCall::ProofOfResource(pallet_proof_of_resource::Call::submit_proof {
		era,
		usage: ResourceUsage { bandwidth_bytes: 1_000_000, cpu_seconds: 30, storage_gib_hours: 0 },
		evidence: [0xab; 32],
	})
}

#[test]
fn the_dev_preset_has_one_minute_eras_and_alice_as_supernode() {
	preset_ext("development").execute_with(|| {
		start_block(1, 1);
		assert_eq!(DEV_ERA_LENGTH, 10);
		assert_eq!(ProofOfResource::era_state().length, DEV_ERA_LENGTH);
		assert_eq!(ProofOfResource::current_era(), 0);
		type Supernodes = <Runtime as pallet_proof_of_resource::Config>::Supernodes;
		assert!(Supernodes::is_supernode(&Alice.to_account_id()));
		assert_eq!(Supernodes::supernode_count(), 1);
		assert_eq!(ProofOfResource::rejection_quorum(), 1);
	});
}

#[test]
fn a_registered_miners_first_proof_costs_no_fee() {
	preset_ext("development").execute_with(|| {
		start_block(1, 1);
		let dave = Dave.to_account_id();
		let register = RuntimeCall::ProofOfResource(pallet_proof_of_resource::Call::register_miner {
			profile: miner_profile(),
		});
		assert_eq!(Executive::apply_extrinsic(signed(register, Dave, 0, 0)), Ok(Ok(())));
		let (registration_fee, _) = last_fee_paid_by(&dave);
		assert!(registration_fee > 0);

		let before = qqq(&dave);
		assert_eq!(Executive::apply_extrinsic(signed(proof_call(0), Dave, 1, 0)), Ok(Ok(())));
		assert_eq!(last_fee_paid_by(&dave).0, 0);
		assert_eq!(qqq(&dave), before);

		// The duplicate fails and pays.
		let result = Executive::apply_extrinsic(signed(proof_call(0), Dave, 2, 0));
		assert_eq!(result, Ok(Err(pallet_proof_of_resource::Error::<Runtime>::DuplicateProof.into())));
		assert!(last_fee_paid_by(&dave).0 > 0);
		assert!(qqq(&dave) < before);
		// Bob is no miner: refused, and pays.
		let result = Executive::apply_extrinsic(signed(proof_call(0), Bob, 0, 0));
		assert_eq!(result, Ok(Err(pallet_proof_of_resource::Error::<Runtime>::NotRegistered.into())));
		assert!(last_fee_paid_by(&Bob.to_account_id()).0 > 0);
	});
}

/// The capacity goal: at least 1 500 proofs in one block, by weight and by size.
#[test]
fn at_least_1500_proofs_fit_in_one_block() {
	preset_ext("development").execute_with(|| {
		start_block(1, 1);
		let weights = RuntimeBlockWeights::get();
		let normal = weights.get(frame_support::dispatch::DispatchClass::Normal);
		let max_normal = normal.max_total.unwrap_or(weights.max_block);
		let per_proof = normal.base_extrinsic.saturating_add(
			<Runtime as pallet_proof_of_resource::Config>::WeightInfo::submit_proof(),
		);
		assert_eq!(
			proof_call(0).get_dispatch_info().call_weight,
			<Runtime as pallet_proof_of_resource::Config>::WeightInfo::submit_proof()
		);
		let by_time = max_normal.ref_time() / per_proof.ref_time();
		let by_proof_size = max_normal.proof_size() / per_proof.proof_size().max(1);
		let by_weight = by_time.min(by_proof_size);

		let length = signed(proof_call(0), Alice, 0, 0).encoded_size() as u64;
		let max_length = *poseidon_runtime::configs::system::RuntimeBlockLength::get()
			.max
			.get(frame_support::dispatch::DispatchClass::Normal) as u64;
		let by_length = max_length / length;

		println!(
			"submit_proof: {per_proof:?} with the base extrinsic, {length} bytes; \
			 per block: {by_time} by time, {by_proof_size} by proof size, {by_length} by length"
		);
		assert!(by_weight >= 1_500, "only {by_weight} proofs fit by weight");
		assert!(by_length >= 1_500, "only {by_length} proofs fit by length");
	});
}
