//! Settlement in the real runtime over many eras: a miner pool nobody proved for rolls
//! over, rewards nobody claims within the history depth go to the treasury, and a miner
//! who claims in the last block before that still gets paid: the proofs backing a claim
//! outlive it.
//!
//! The dev chain's eras are ten blocks: era `k` is blocks `10k + 1 … 10k + 10` and is
//! settled at block `10k + 15`, once its challenge window is over. An era's first block is
//! full of the session change, so transactions go into the block after it.

use crate::common::{miner_profile, preset_ext, qqq, run_to_block, signed, start_block};
use pallet_proof_of_resource::ResourceUsage;
use poseidon_primitives::treasury::TreasuryAccount;
use poseidon_runtime::{
	configs::proof_of_resource::HISTORY_DEPTH, CompanyTreasury, Executive, Runtime, RuntimeCall, RuntimeEvent,
	QQQ,
};
use sp_keyring::Sr25519Keyring::{self, Bob, Charlie, Eve};
use sp_runtime::DispatchError;

fn apply(call: RuntimeCall, signer: Sr25519Keyring, nonce: u32) -> Result<(), DispatchError> {
	Executive::apply_extrinsic(signed(call, signer, nonce, 0)).expect("the transaction is valid")
}

fn revenue_events() -> Vec<pallet_revenue::Event<Runtime>> {
	frame_system::Pallet::<Runtime>::events()
		.into_iter()
		.filter_map(|record| match record.event {
			RuntimeEvent::Revenue(event) => Some(event),
			_ => None,
		})
		.collect()
}

fn register() -> RuntimeCall {
	RuntimeCall::ProofOfResource(pallet_proof_of_resource::Call::register_miner { profile: miner_profile() })
}

fn prove(era: u32) -> RuntimeCall {
	let usage = ResourceUsage { bandwidth_bytes: 1_000_000, cpu_seconds: 0, storage_gib_hours: 0 };
	RuntimeCall::ProofOfResource(pallet_proof_of_resource::Call::submit_proof { era, usage, evidence: [3; 32] })
}

fn pay(amount: u128) -> RuntimeCall {
	RuntimeCall::Revenue(pallet_revenue::Call::pay_for_service {
		amount,
		order_ref: b"order".to_vec().try_into().unwrap(),
	})
}

fn claim(era: u32) -> RuntimeCall {
	RuntimeCall::Revenue(pallet_revenue::Call::claim_miner_rewards {
		miner: Charlie.to_account_id(),
		eras: vec![era].try_into().unwrap(),
	})
}

#[test]
fn a_miner_pool_nobody_proved_for_rolls_over_to_the_next_era() {
	preset_ext("development").execute_with(|| {
		start_block(1, 1);
		// Era 0: 100 QQQ of revenue, a registered miner, no proof.
		assert_eq!(apply(register(), Charlie, 0), Ok(()));
		assert_eq!(apply(pay(100 * QQQ), Eve, 0), Ok(()));
		run_to_block(15);
		assert!(revenue_events().contains(&pallet_revenue::Event::MinerPoolRolledOver { era: 0, amount: 70 * QQQ }));
		assert_eq!(apply(claim(0), Bob, 0), Err(pallet_revenue::Error::<Runtime>::NoRewardForEra.into()));

		// Era 1 (block 15 is in it): no revenue, but Charlie proves: he gets the pool
		// carried from era 0.
		assert_eq!(apply(prove(1), Charlie, 1), Ok(()));
		run_to_block(25);
		assert_eq!(pallet_revenue::NextEraToSettle::<Runtime>::get(), 2);
		let before = qqq(&Charlie.to_account_id());
		assert_eq!(apply(claim(1), Bob, 1), Ok(()));
		assert_eq!(qqq(&Charlie.to_account_id()), before + 70 * QQQ);
	});
}

#[test]
fn rewards_unclaimed_for_the_history_depth_go_to_the_treasury() {
	preset_ext("development").execute_with(|| {
		start_block(1, 1);
		assert_eq!(apply(register(), Charlie, 0), Ok(()));
		assert_eq!(apply(pay(100 * QQQ), Eve, 0), Ok(()));
		assert_eq!(apply(prove(0), Charlie, 1), Ok(()));
		run_to_block(15);
		assert!(pallet_revenue::EraRewards::<Runtime>::get(0).is_some());

		// Era 0 stays claimable until era 0 + 84 is settled, at block 10 × 84 + 15.
		let sweep_block = 10 * HISTORY_DEPTH + 15;
		run_to_block(sweep_block - 1);
		assert!(pallet_revenue::EraRewards::<Runtime>::get(0).is_some());
		let treasury = CompanyTreasury::treasury_account();
		let treasury_before = qqq(&treasury);
		run_to_block(sweep_block);
		assert!(revenue_events().contains(&pallet_revenue::Event::UnclaimedRewardsSwept { era: 0, amount: 70 * QQQ }));
		assert_eq!(qqq(&treasury), treasury_before + 70 * QQQ);
		assert_eq!(pallet_revenue::EraRewards::<Runtime>::get(0), None);
		// Too late to claim now.
		run_to_block(sweep_block + 1);
		assert_eq!(apply(claim(0), Bob, 0), Err(pallet_revenue::Error::<Runtime>::EraExpired.into()));
	});
}

#[test]
fn a_miner_claims_in_the_last_block_its_era_is_claimable_and_is_paid_in_full() {
	preset_ext("development").execute_with(|| {
		start_block(1, 1);
		assert_eq!(apply(register(), Charlie, 0), Ok(()));
		assert_eq!(apply(pay(100 * QQQ), Eve, 0), Ok(()));
		assert_eq!(apply(prove(0), Charlie, 1), Ok(()));

		// Era 0 is swept at block 10 × HISTORY_DEPTH + 15; the block before is the last
		// in which it can be claimed, in era HISTORY_DEPTH + 1. Proof-of-resource prunes
		// old proofs whenever a block has weight to spare, and the claim reads Charlie's
		// power from his proof: it must still be there.
		let sweep_block = 10 * HISTORY_DEPTH + 15;
		run_to_block(sweep_block - 1);
		assert_eq!(poseidon_runtime::ProofOfResource::era_state().current, HISTORY_DEPTH + 1);
		assert!(pallet_proof_of_resource::Proofs::<Runtime>::get(0, Charlie.to_account_id()).is_some());
		let before = qqq(&Charlie.to_account_id());
		assert_eq!(apply(claim(0), Bob, 0), Ok(()));
		assert_eq!(qqq(&Charlie.to_account_id()), before + 70 * QQQ);

		// Nothing is left for the sweep.
		run_to_block(sweep_block);
		assert_eq!(pallet_revenue::EraRewards::<Runtime>::get(0), None);
		assert!(!revenue_events().iter().any(|event| matches!(event, pallet_revenue::Event::UnclaimedRewardsSwept { era: 0, .. })));
	});
}
