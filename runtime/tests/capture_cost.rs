//! What validator seats cost on the production preset (docs/security.md, *Capture cost*).
//!
//! The four launch validators are backed by the company's genesis vote, 1 000 000 QAS
//! behind each (4 000 000 in one vote naming all four). Sequential Phragmén then
//! apportions the four seats between the company's vote and an attacker's as D'Hondt
//! would: an attacker voting `Z` QAS for `k` candidates of its own wins them all when
//! `Z / k` is more than `4 000 000 / (5 − k)`. One seat costs more than 1 000 000 QAS of
//! backing, three (a majority, which rejects proofs) more than 6 000 000. Each test
//! spends just below the price and then just above it. The attackers' QAS and QQQ come
//! from the company account (root transfers), so the total issuance, which scales
//! Phragmén's votes, is the preset's.
//!
//! An election is a week away on the production chain; the tests hold it at the next
//! block by moving the term's end to the current era.

use crate::common::{miner_profile, preset_ext, run_to_block, signed, start_block};
use pallet_proof_of_resource::ResourceUsage;
use poseidon_runtime::{
	genesis_config_presets::{production_company_account, LAUNCH_BACKING_QAS},
	AccountId, Executive, Runtime, RuntimeCall, RuntimeOrigin, QAS, QQQ,
};
use sp_keyring::Sr25519Keyring::{self, Bob, Charlie, Dave, Eve};

fn apply(call: RuntimeCall, signer: Sr25519Keyring, nonce: u32) {
	let applied = Executive::apply_extrinsic(signed(call, signer, nonce, 0)).expect("the transaction is valid");
	assert_eq!(applied, Ok(()), "{signer:?}'s transaction {nonce}");
}

/// Moves `qqq` QQQ and `qas` QAS from the company account to `who`.
fn fund(who: Sr25519Keyring, qqq: u128, qas: u128) {
	let company = || production_company_account().into();
	let to = || who.to_account_id().into();
	assert!(pallet_balances::Pallet::<Runtime>::force_transfer(RuntimeOrigin::root(), company(), to(), qqq).is_ok());
	assert!(poseidon_runtime::QasBalances::force_transfer(RuntimeOrigin::root(), company(), to(), qas).is_ok());
}

/// `who` becomes a proving miner and stands: its miner bond, its candidacy bond and fees.
fn stand_as_miner(who: Sr25519Keyring) {
	fund(who, 1_100 * QQQ, 10_001 * QAS);
	let usage = ResourceUsage { bandwidth_bytes: 1_000_000, cpu_seconds: 0, storage_gib_hours: 0 };
	let register = pallet_proof_of_resource::Call::register_miner { profile: miner_profile() };
	let prove = pallet_proof_of_resource::Call::submit_proof { era: 0, usage, evidence: [7; 32] };
	let stand = pallet_supernodes::Call::submit_candidacy { commission: sp_runtime::Perbill::zero() };
	apply(RuntimeCall::ProofOfResource(register), who, 0);
	apply(RuntimeCall::ProofOfResource(prove), who, 1);
	apply(RuntimeCall::Supernodes(stand), who, 2);
}

/// `backer` (with `nonce` transactions sent) votes `amount` QAS for `candidates`.
fn vote(backer: Sr25519Keyring, nonce: u32, candidates: &[Sr25519Keyring], amount: u128) {
	let targets = candidates.iter().map(|c| c.to_account_id()).collect::<Vec<_>>().try_into().unwrap();
	apply(RuntimeCall::Supernodes(pallet_supernodes::Call::vote { targets, amount }), backer, nonce);
}

/// Holds the election at the next block and returns how many seats `attackers` hold.
fn elect_and_count(attackers: &[Sr25519Keyring]) -> usize {
	let era = pallet_proof_of_resource::Pallet::<Runtime>::era_state().current;
	pallet_supernodes::NextElectionEra::<Runtime>::put(era);
	let term = pallet_supernodes::CurrentTerm::<Runtime>::get();
	run_to_block(frame_system::Pallet::<Runtime>::block_number() + 1);
	assert_eq!(pallet_supernodes::CurrentTerm::<Runtime>::get(), term + 1, "an election was held");
	let seats: Vec<AccountId> = pallet_supernodes::Supernodes::<Runtime>::get().into_iter().map(|e| e.who).collect();
	assert_eq!(seats.len(), 4);
	attackers.iter().filter(|a| seats.contains(&a.to_account_id())).count()
}

#[test]
fn one_seat_costs_more_than_the_companys_backing_of_a_launch_validator() {
	preset_ext("production").execute_with(|| {
		start_block(1, 1);
		stand_as_miner(Bob);
		// Bob's own vote does not count towards the backing a seat needs.
		fund(Charlie, 10 * QQQ, 2 * LAUNCH_BACKING_QAS);
		vote(Bob, 3, &[Bob], 10_000 * QAS);
		vote(Charlie, 0, &[Bob], LAUNCH_BACKING_QAS - 10_001 * QAS);
		assert_eq!(elect_and_count(&[Bob]), 0);
		// 2 QAS more, and his and Charlie's votes out-back a launch validator.
		vote(Charlie, 1, &[Bob], LAUNCH_BACKING_QAS - 9_999 * QAS);
		assert_eq!(elect_and_count(&[Bob]), 1);
	});
}

#[test]
fn a_rejection_majority_costs_more_than_six_times_that() {
	preset_ext("production").execute_with(|| {
		start_block(1, 1);
		let attackers = [Bob, Dave, Eve];
		for attacker in attackers {
			stand_as_miner(attacker);
		}
		fund(Charlie, 10 * QQQ, 7 * LAUNCH_BACKING_QAS);
		// Three seats of four need `Z / 3 > 4 000 000 / 2`.
		let price = 6 * LAUNCH_BACKING_QAS;
		vote(Charlie, 0, &attackers, price - QAS);
		assert_eq!(elect_and_count(&attackers), 2);
		vote(Charlie, 1, &attackers, price + QAS);
		assert_eq!(elect_and_count(&attackers), 3);
	});
}
