//! Economic attacks performed through `Executive`, as signed transactions on the dev
//! chain, and shown to fail (docs/security.md lists each attack with its defence).
//!
//! The dev chain's eras are ten blocks: era 0 is blocks 1–10, era 1 starts at block 11,
//! era 0's late proofs are accepted in blocks 11–12, its proofs can still be rejected in
//! blocks 13–14, and it is settled at block 15. Alice is the only supernode, so one
//! rejection is a majority.

use crate::common::{
	miner_profile, ownership_proof_of, preset_ext, qqq, run_to_block, session_keys_of, signed, start_block,
};
use pallet_proof_of_resource::{MinerProfile, MinerStatus, RejectionReason, ResourceUsage};
use poseidon_primitives::power::ProvenPower;
use poseidon_runtime::{
	ProofOfResource, Revenue, Runtime, RuntimeCall, RuntimeEvent, Supernodes, Executive, QAS, QQQ,
};
use sp_keyring::Sr25519Keyring::{self, Alice, AliceStash, Bob, Charlie, Dave, Eve};
use sp_runtime::DispatchError;

fn apply(call: RuntimeCall, signer: Sr25519Keyring, nonce: u32) -> Result<(), DispatchError> {
	Executive::apply_extrinsic(signed(call, signer, nonce, 0)).expect("the transaction is valid")
}

fn events() -> Vec<RuntimeEvent> {
	frame_system::Pallet::<Runtime>::events().into_iter().map(|record| record.event).collect()
}

fn register(profile: MinerProfile) -> RuntimeCall {
	RuntimeCall::ProofOfResource(pallet_proof_of_resource::Call::register_miner { profile })
}

fn prove(usage: ResourceUsage) -> RuntimeCall {
	RuntimeCall::ProofOfResource(pallet_proof_of_resource::Call::submit_proof { era: 0, usage, evidence: [7; 32] })
}

/// Stand as a supernode candidate without commission.
fn stand() -> RuntimeCall {
	RuntimeCall::Supernodes(pallet_supernodes::Call::submit_candidacy { commission: sp_runtime::Perbill::zero() })
}

/// Vote `amount` QAS for `candidate` alone.
fn vote_for(candidate: Sr25519Keyring, amount: u128) -> RuntimeCall {
	RuntimeCall::Supernodes(pallet_supernodes::Call::vote {
		targets: vec![candidate.to_account_id()].try_into().unwrap(),
		amount,
	})
}

fn pay(amount: u128) -> RuntimeCall {
	RuntimeCall::Revenue(pallet_revenue::Call::pay_for_service {
		amount,
		order_ref: b"order".to_vec().try_into().unwrap(),
	})
}

/// `miner` (with no transaction yet) registers, proves era 0 and stands without
/// commission; `backer` (with no transaction yet) votes `amount` QAS for it.
fn stand_backed_by(miner: Sr25519Keyring, backer: Sr25519Keyring, amount: u128) {
	let usage = ResourceUsage { bandwidth_bytes: 1_000_000, cpu_seconds: 0, storage_gib_hours: 0 };
	assert_eq!(apply(register(miner_profile()), miner, 0), Ok(()));
	assert_eq!(apply(prove(usage), miner, 1), Ok(()));
	assert_eq!(apply(stand(), miner, 2), Ok(()));
	assert_eq!(apply(vote_for(miner, amount), backer, 0), Ok(()));
}

/// The attack of SPEC §5's optimistic verification as it stood: declare `u32::MAX` of
/// every capacity, prove about a million honest miners' usage in the last block of the
/// grace period, when no supernode had a block left to reject it, and take the miner pool.
#[test]
fn one_miner_cannot_take_the_miner_pool_with_an_inflated_late_proof() {
	preset_ext("development").execute_with(|| {
		start_block(1, 1);
		let unbounded = MinerProfile {
			bandwidth_mbps: u32::MAX,
			cpu_millicores: u32::MAX,
			storage_gib: u32::MAX,
			region: 276,
		};
		assert_eq!(
			apply(register(unbounded), Dave, 0),
			Err(pallet_proof_of_resource::Error::<Runtime>::CapacityAboveLimit.into())
		);
		// At the caps instead: 10 Gbit/s, 128 cores, 100 TiB.
		let caps = MinerProfile { bandwidth_mbps: 10_000, cpu_millicores: 128_000, storage_gib: 102_400, region: 276 };
		assert_eq!(apply(register(caps), Dave, 1), Ok(()));
		assert_eq!(apply(register(miner_profile()), Charlie, 0), Ok(()));
		assert_eq!(apply(pay(100 * QQQ), Eve, 0), Ok(()));
		let honest = ResourceUsage { bandwidth_bytes: 1_000_000, cpu_seconds: 30, storage_gib_hours: 0 };
		assert_eq!(apply(prove(honest), Charlie, 1), Ok(()));

		// Block 12: the last block of era 0's grace period. 10 Gbit/s for one minute.
		run_to_block(12);
		let inflated = ResourceUsage { bandwidth_bytes: 75_000_000_000, cpu_seconds: 7_680, storage_gib_hours: 0 };
		assert_eq!(apply(prove(inflated), Dave, 2), Ok(()));
		let dave = Dave.to_account_id();
		let dave_power = ProofOfResource::miner_power(0, &dave);
		assert!(dave_power > 1_000 * ProofOfResource::miner_power(0, &Charlie.to_account_id()));

		// Block 13: no more proofs of era 0, but Alice, the supernode, still rejects it, for
		// free.
		run_to_block(13);
		let alice = Alice.to_account_id();
		let alice_before = qqq(&alice);
		let reject = RuntimeCall::ProofOfResource(pallet_proof_of_resource::Call::reject_proof {
			miner: dave.clone(),
			era: 0,
			reason: RejectionReason::UsageInflated,
		});
		assert_eq!(apply(reject, Alice, 0), Ok(()));
		assert_eq!(crate::common::last_fee_paid_by(&alice).0, 0);
		assert!(events().contains(&RuntimeEvent::ProofOfResource(pallet_proof_of_resource::Event::ProofRejected {
			miner: dave.clone(),
			era: 0,
			power: dave_power,
			slashed: 500 * QQQ,
			rejectors_paid: 250 * QQQ,
		})));
		assert_eq!(qqq(&alice), alice_before + 250 * QQQ);
		let record = pallet_proof_of_resource::Miners::<Runtime>::get(&dave).unwrap();
		assert_eq!(record.bond, 500 * QQQ);
		assert!(matches!(record.status, MinerStatus::Ejected { .. }));

		// Block 15: era 0 is final and settled; the honest miner takes the whole pool.
		run_to_block(15);
		assert_eq!(pallet_revenue::NextEraToSettle::<Runtime>::get(), 1);
		let charlie = Charlie.to_account_id();
		let before = qqq(&charlie);
		let claim = |miner: &poseidon_runtime::AccountId| {
			RuntimeCall::Revenue(pallet_revenue::Call::claim_miner_rewards {
				miner: miner.clone(),
				eras: vec![0].try_into().unwrap(),
			})
		};
		assert_eq!(apply(claim(&charlie), Bob, 0), Ok(()));
		assert_eq!(qqq(&charlie), before + 70 * QQQ);
		assert_eq!(
			apply(claim(&dave), Bob, 1),
			Err(pallet_revenue::Error::<Runtime>::NoRewardForEra.into())
		);
		assert!(Revenue::pot_balance() < QQQ);
	});
}

/// Flash backing: vote for the supernode in the block before its pool arrives, claim,
/// leave.
#[test]
fn a_vote_cast_the_block_before_settlement_earns_nothing_of_that_pool() {
	preset_ext("development").execute_with(|| {
		start_block(1, 1);
		assert_eq!(apply(pay(1_000 * QQQ), Eve, 0), Ok(()));
		let usage = ResourceUsage { bandwidth_bytes: 1_000_000, cpu_seconds: 0, storage_gib_hours: 0 };
		assert_eq!(apply(register(miner_profile()), Charlie, 0), Ok(()));
		assert_eq!(apply(prove(usage), Charlie, 1), Ok(()));

		// Block 14: era 0 settles in the next block. Bob backs Alice with 900 000 QAS,
		// more than twice her stash's 400 000.
		run_to_block(14);
		let bob = Bob.to_account_id();
		let vote = RuntimeCall::Supernodes(pallet_supernodes::Call::vote {
			targets: vec![Alice.to_account_id()].try_into().unwrap(),
			amount: 900_000 * QAS,
		});
		assert_eq!(apply(vote, Bob, 0), Ok(()));

		run_to_block(15);
		// The supernodes' 5 %, 50 QQQ: Alice's 10 % commission, the rest to her stash alone.
		assert_eq!(Supernodes::pending_rewards(&AliceStash.to_account_id()), 45 * QQQ);
		assert_eq!(Supernodes::pending_rewards(&bob), 0);
		let remove = RuntimeCall::Supernodes(pallet_supernodes::Call::remove_voter {});
		assert_eq!(apply(remove, Bob, 1), Ok(()));
		let claim = RuntimeCall::Supernodes(pallet_supernodes::Call::claim_rewards {});
		assert_eq!(
			apply(claim, Bob, 2),
			Err(pallet_supernodes::Error::<Runtime>::NothingToClaim.into())
		);
	});
}

/// Seat capture: with a seat more than there are serious candidates, a newcomer takes it
/// with the smallest vote there is.
#[test]
fn a_token_vote_wins_no_seat() {
	preset_ext("local_testnet").execute_with(|| {
		start_block(1, 1);
		// Five seats for the four genesis validators.
		assert!(Supernodes::set_election_params(
			poseidon_runtime::RuntimeOrigin::root(),
			pallet_supernodes::ElectionParams { term_length: 3, desired_supernodes: 5, desired_runners_up: 2, min_validators: 4 },
		)
		.is_ok());
		// The genesis validators are miners from genesis and prove work, so they stand at
		// the election like any candidate.
		let usage = ResourceUsage { bandwidth_bytes: 1_000_000, cpu_seconds: 0, storage_gib_hours: 0 };
		for validator in [Alice, Bob, Charlie, Dave] {
			assert_eq!(apply(prove(usage), validator, 0), Ok(()));
		}
		stand_backed_by(Eve, Sr25519Keyring::Ferdie, 10 * QAS);

		// The election at the start of era 3 (block 31) leaves the fifth seat empty.
		run_to_block(31);
		assert!(!events()
			.iter()
			.any(|e| matches!(e, RuntimeEvent::Supernodes(pallet_supernodes::Event::CandidateIneligible { .. }))));
		assert!(events().iter().any(|e| matches!(e, RuntimeEvent::Supernodes(pallet_supernodes::Event::NewTerm { .. }))));
		let elected: Vec<_> = pallet_supernodes::Supernodes::<Runtime>::get().into_iter().map(|e| e.who).collect();
		assert_eq!(elected.len(), 4);
		assert!(!elected.contains(&Eve.to_account_id()));
		assert!(pallet_supernodes::RunnersUp::<Runtime>::get().is_empty());
	});
}

/// The attack on the old rule: an era's supernode pool went to whoever held the seats
/// when it settled, so the last era of a term, which the outgoing set still validates,
/// paid the new supernodes or the treasury instead of the validators that produced it.
#[test]
fn the_last_era_before_a_seat_change_pays_the_validators_that_produced_it() {
	preset_ext("development").execute_with(|| {
		start_block(1, 1);
		// Bob stands with more backing than Alice but never sets session keys: he is
		// elected at block 31, and Alice goes on producing every block of era 3 (and after).
		stand_backed_by(Bob, Charlie, 500_000 * QAS);
		run_to_block(31);
		let (alice, bob) = (Alice.to_account_id(), Bob.to_account_id());
		assert_eq!(
			pallet_supernodes::Supernodes::<Runtime>::get().into_iter().map(|e| e.who).collect::<Vec<_>>(),
			vec![bob.clone()]
		);
		assert_eq!(pallet_session::Validators::<Runtime>::get(), vec![alice.clone()]);
		assert_eq!(pallet_supernodes::EraValidators::<Runtime>::get(3).into_inner(), vec![alice.clone()]);

		// 1 000 QQQ of revenue in era 3 (block 32: a session change fills its first block);
		// it settles at block 45.
		run_to_block(32);
		assert_eq!(apply(pay(1_000 * QQQ), Eve, 0), Ok(()));
		let alice_side = || Supernodes::pending_rewards(&alice) + Supernodes::pending_rewards(&AliceStash.to_account_id());
		let alice_side_before = alice_side();
		run_to_block(45);
		assert!(events().contains(&RuntimeEvent::Supernodes(pallet_supernodes::Event::PoolShared {
			era: 3,
			amount: 50 * QQQ,
			supernodes: 1,
		})));
		assert!(!events().iter().any(|e| matches!(
			e,
			RuntimeEvent::Supernodes(
				pallet_supernodes::Event::SupernodeOffline { .. } | pallet_supernodes::Event::PoolSentToTreasury { .. }
			)
		)));
		// Alice and her backer share era 3's whole pool; Bob and his backer get nothing of it.
		assert_eq!(alice_side() - alice_side_before, 50 * QQQ);
		assert_eq!(Supernodes::pending_rewards(&bob), 0);
		assert_eq!(Supernodes::pending_rewards(&Charlie.to_account_id()), 0);
		// The era's records went with its sharing; era 4's are being kept.
		assert_eq!(pallet_supernodes::AuthoredBlocks::<Runtime>::iter_prefix(3).count(), 0);
		assert!(!pallet_supernodes::EraValidators::<Runtime>::contains_key(3));
		assert!(pallet_supernodes::AuthoredBlocks::<Runtime>::get(4, &alice) > 0);
	});
}

/// Finishes the current block and starts the next ones up to `number`, each in the next
/// slot that is not `offline`'s (Aura gives slot `s` to validator `s mod n`, in the session
/// pallet's order): `offline`'s node produces nothing.
fn run_to_block_without(number: u32, offline: &poseidon_runtime::AccountId) {
	let mut now = frame_system::Pallet::<Runtime>::block_number();
	while now < number {
		Executive::finalize_block();
		now += 1;
		let validators = pallet_session::Validators::<Runtime>::get();
		let mut slot = crate::common::next_slot();
		while &validators[(slot % validators.len() as u64) as usize] == offline {
			slot += 1;
		}
		start_block(now, slot);
	}
}

/// A validator that produces no block in an era (its node down, its keys lost) gets
/// nothing of that era's pool, and the others gain nothing by it: its part goes to the
/// treasury.
#[test]
fn a_validator_that_authors_nothing_in_an_era_earns_nothing_of_it() {
	preset_ext("local_testnet").execute_with(|| {
		start_block(1, 1);
		let dave = Dave.to_account_id();
		let era_1_start = ProofOfResource::era_state().start + ProofOfResource::era_state().length;
		run_to_block(era_1_start + 1);
		assert_eq!(ProofOfResource::era_state().current, 1);
		assert_eq!(pallet_supernodes::EraValidators::<Runtime>::get(1).len(), 4);
		// Era 1: Dave's node is down; the other three produce every block.
		assert_eq!(apply(pay(1_000 * QQQ), Eve, 0), Ok(()));
		let shared = |era| {
			events().into_iter().find_map(|e| match e {
				RuntimeEvent::Supernodes(pallet_supernodes::Event::PoolShared { era: shared, amount, .. })
					if shared == era => Some(amount),
				_ => None,
			})
		};
		let mut now = era_1_start + 1;
		while shared(1).is_none() {
			assert!(now < era_1_start + 40, "era 1 settles within its next era");
			now += 1;
			run_to_block_without(now, &dave);
		}
		let part = shared(1).unwrap() / 4;
		assert!(part > 0);
		assert!(events().contains(&RuntimeEvent::Supernodes(pallet_supernodes::Event::SupernodeOffline {
			era: 1,
			who: dave.clone(),
			forfeited: part,
		})));
		let offline: Vec<_> = events()
			.into_iter()
			.filter_map(|e| match e {
				RuntimeEvent::Supernodes(pallet_supernodes::Event::SupernodeOffline { era: 1, who, .. }) => Some(who),
				_ => None,
			})
			.collect();
		assert_eq!(offline, vec![dave]);
	});
}

/// Asserts that `who`, one offender among four validators of session 0, lost
/// (3 × 1 / 4)² = 56.25 % of its `bond`; returns the amount slashed.
fn assert_one_of_four_slashed(who: &poseidon_runtime::AccountId, bond: u128) -> u128 {
	let slashed = bond / 16 * 9;
	assert!(events().contains(&RuntimeEvent::Supernodes(pallet_supernodes::Event::OffenceSlashed {
		who: who.clone(),
		session: 0,
		slashed,
		bond_left: bond - slashed,
	})));
	slashed
}

/// Two different GRANDPA prevotes of `round` in the current set, both signed by `signer`
/// and said to be `offender`'s.
fn grandpa_equivocation(
	signer: sp_keyring::Ed25519Keyring,
	offender: sp_keyring::Ed25519Keyring,
	round: u64,
) -> sp_consensus_grandpa::EquivocationProof<sp_core::H256, u32> {
	let set_id = poseidon_runtime::Grandpa::current_set_id();
	let signed_prevote = |target: u8| {
		let prevote = finality_grandpa::Prevote { target_hash: sp_core::H256::repeat_byte(target), target_number: 1 };
		let message = finality_grandpa::Message::Prevote(prevote.clone());
		let payload = sp_consensus_grandpa::localized_payload(round, set_id, &message);
		(prevote, signer.sign(&payload).into())
	};
	sp_consensus_grandpa::EquivocationProof::new(
		set_id,
		sp_consensus_grandpa::Equivocation::Prevote(finality_grandpa::Equivocation {
			round_number: round,
			identity: offender.public().into(),
			first: signed_prevote(1),
			second: signed_prevote(2),
		}),
	)
}

/// The report a validator's node submits (unsigned, with the key-ownership proof the
/// runtime API builds from the session history).
fn report(
	proof: sp_consensus_grandpa::EquivocationProof<sp_core::H256, u32>,
) -> poseidon_runtime::UncheckedExtrinsic {
	use frame_support::traits::KeyOwnerProofSystem;
	let key_owner_proof = poseidon_runtime::Historical::prove((sp_consensus_grandpa::KEY_TYPE, proof.offender().clone()))
		.expect("the offender's key is in the session's validator set");
	let call = RuntimeCall::Grandpa(pallet_grandpa::Call::report_equivocation_unsigned {
		equivocation_proof: Box::new(proof),
		key_owner_proof,
	});
	poseidon_runtime::UncheckedExtrinsic::new_bare(call)
}

/// Validators that risk nothing: a GRANDPA equivocation, reported, costs the offender
/// (3k/n)² of its candidacy bond, here 1 of 4 validators: 56.25 %.
#[test]
fn a_validator_that_signs_two_grandpa_votes_in_one_round_loses_part_of_its_bond() {
	preset_ext("local_testnet").execute_with(|| {
		start_block(1, 1);
		let bob = Bob.to_account_id();
		assert!(pallet_session::Validators::<Runtime>::get().contains(&bob));
		let bond = pallet_supernodes::Candidates::<Runtime>::get(&bob).expect("Bob stands").bond;
		let treasury = <poseidon_runtime::CompanyTreasury as poseidon_primitives::treasury::TreasuryAccount<_>>::treasury_account();
		let treasury_qas = crate::common::qas(&treasury);

		let bob_key = sp_keyring::Ed25519Keyring::Bob;
		let equivocation = grandpa_equivocation(bob_key, bob_key, 3);
		assert_eq!(Executive::apply_extrinsic(report(equivocation.clone())), Ok(Ok(())));

		let slashed = assert_one_of_four_slashed(&bob, bond);
		assert_eq!(crate::common::qas(&treasury), treasury_qas + slashed);
		// The same offence reported again is refused before it is dispatched.
		assert!(Executive::apply_extrinsic(report(equivocation)).is_err());
		assert_eq!(pallet_supernodes::Candidates::<Runtime>::get(&bob).unwrap().bond, bond - slashed);
	});
}

/// A report whose two votes are the same vote, or whose signatures are not the
/// offender's, proves nothing and slashes nobody.
#[test]
fn a_forged_equivocation_report_slashes_nobody() {
	preset_ext("local_testnet").execute_with(|| {
		start_block(1, 1);
		let bob = Bob.to_account_id();
		let bond = pallet_supernodes::Candidates::<Runtime>::get(&bob).unwrap().bond;
		// Charlie signs two votes and names Bob as the signer.
		let forged = grandpa_equivocation(sp_keyring::Ed25519Keyring::Charlie, sp_keyring::Ed25519Keyring::Bob, 3);
		let outcome = Executive::apply_extrinsic(report(forged));
		assert!(matches!(outcome, Ok(Err(_))), "{outcome:?}");
		assert_eq!(pallet_supernodes::Candidates::<Runtime>::get(&bob).unwrap().bond, bond);
		assert!(!events().iter().any(|e| matches!(e, RuntimeEvent::Offences(_))));
	});
}

/// Block 2 on a parent named by `fork`, sealed for `slot` by `signer`'s Aura key.
fn aura_sealed_header(fork: u8, slot: u64, signer: Sr25519Keyring) -> poseidon_runtime::Header {
	use sp_consensus_aura::digests::CompatibleDigestItem;
	use sp_runtime::traits::Header as _;
	let mut header = poseidon_runtime::Header::new(
		2,
		Default::default(),
		Default::default(),
		sp_core::H256::repeat_byte(fork),
		Default::default(),
	);
	let slot = sp_consensus_aura::Slot::from(slot);
	header.digest_mut().push(<sp_runtime::DigestItem as CompatibleDigestItem<
		sp_consensus_aura::sr25519::AuthoritySignature,
	>>::aura_pre_digest(slot));
	let signature: sp_consensus_aura::sr25519::AuthoritySignature = signer.sign(header.hash().as_ref()).into();
	header.digest_mut().push(<sp_runtime::DigestItem as CompatibleDigestItem<_>>::aura_seal(signature));
	header
}

/// An Aura author that seals two blocks for one slot, reported by a bystander with the
/// two headers, loses part of its bond; the valid report costs its reporter nothing.
#[test]
fn a_validator_that_seals_two_blocks_for_one_slot_loses_part_of_its_bond() {
	preset_ext("local_testnet").execute_with(|| {
		start_block(1, 1);
		let bob = Bob.to_account_id();
		let bond = pallet_supernodes::Candidates::<Runtime>::get(&bob).expect("Bob stands").bond;
		let bob_aura: sp_consensus_aura::sr25519::AuthorityId = Bob.public().into();
		let proof = sp_consensus_slots::EquivocationProof {
			offender: bob_aura.clone(),
			slot: sp_consensus_aura::Slot::from(1),
			first_header: aura_sealed_header(1, 1, Bob),
			second_header: aura_sealed_header(2, 1, Bob),
		};
		use frame_support::traits::KeyOwnerProofSystem;
		let key_owner_proof =
			poseidon_runtime::Historical::prove((sp_core::crypto::key_types::AURA, bob_aura)).expect("Bob validates");
		let report = RuntimeCall::AuraEquivocation(pallet_aura_equivocation::Call::report_equivocation {
			equivocation_proof: Box::new(proof.clone()),
			key_owner_proof: key_owner_proof.clone(),
		});
		let eve = Eve.to_account_id();
		let eve_qqq = qqq(&eve);
		assert_eq!(apply(report, Eve, 0), Ok(()));
		assert_eq!(qqq(&eve), eve_qqq, "a valid report is free");
		let slashed = assert_one_of_four_slashed(&bob, bond);

		// Charlie's blocks passed off as Bob's prove nothing, and cost the reporter a fee.
		let forged = sp_consensus_slots::EquivocationProof {
			first_header: aura_sealed_header(3, 1, Charlie),
			second_header: aura_sealed_header(4, 1, Charlie),
			..proof
		};
		let forged = RuntimeCall::AuraEquivocation(pallet_aura_equivocation::Call::report_equivocation {
			equivocation_proof: Box::new(forged),
			key_owner_proof,
		});
		assert_eq!(
			apply(forged, Eve, 1),
			Err(pallet_aura_equivocation::Error::<Runtime>::InvalidEquivocationProof.into())
		);
		assert!(qqq(&eve) < eve_qqq);
		assert_eq!(pallet_supernodes::Candidates::<Runtime>::get(&bob).unwrap().bond, bond - slashed);
	});
}

/// The attack on the old rules: after an offender's first slash, every further report of
/// it was accepted, free (`Pays::No`) and slashed nothing, so anyone could fill blocks with
/// free reports; and the offender went on validating for the rest of its term.
#[test]
fn a_report_that_adds_no_slash_pays_its_fee_and_the_offender_stops_validating() {
	preset_ext("local_testnet").execute_with(|| {
		start_block(1, 1);
		// Block 2 is Charlie's (slot 2): the report is not in a block of Bob's own.
		run_to_block(2);
		let (bob, eve) = (Bob.to_account_id(), Eve.to_account_id());
		let bob_key = sp_keyring::Ed25519Keyring::Bob;
		let bond = pallet_supernodes::Candidates::<Runtime>::get(&bob).unwrap().bond;
		assert_eq!(Executive::apply_extrinsic(report(grandpa_equivocation(bob_key, bob_key, 3))), Ok(Ok(())));
		let slashed = assert_one_of_four_slashed(&bob, bond);
		// Disabled at once: Aura refuses his blocks for the rest of the session.
		let bob_index = poseidon_runtime::Session::validators().iter().position(|v| v == &bob).unwrap() as u32;
		assert!(<poseidon_runtime::Session as frame_support::traits::DisabledValidators>::is_disabled(bob_index));

		// Another equivocation of his in the same session (round 4), reported by Eve with a
		// signed report: refused, and Eve pays the fee.
		use frame_support::traits::KeyOwnerProofSystem;
		let second = grandpa_equivocation(bob_key, bob_key, 4);
		let key_owner_proof =
			poseidon_runtime::Historical::prove((sp_consensus_grandpa::KEY_TYPE, second.offender().clone())).unwrap();
		let signed_report = RuntimeCall::Grandpa(pallet_grandpa::Call::report_equivocation {
			equivocation_proof: Box::new(second.clone()),
			key_owner_proof,
		});
		let eve_qqq = qqq(&eve);
		assert_eq!(apply(signed_report, Eve, 0), Err(pallet_grandpa::Error::<Runtime>::DuplicateOffenceReport.into()));
		assert!(qqq(&eve) < eve_qqq, "a report that adds no slash pays its fee");
		// Unsigned, from a validator's node, it slashes nothing either.
		assert!(matches!(Executive::apply_extrinsic(report(second)), Ok(Err(_))));
		// Nor does an Aura equivocation of the same session.
		let bob_aura: sp_consensus_aura::sr25519::AuthorityId = Bob.public().into();
		let aura_report = RuntimeCall::AuraEquivocation(pallet_aura_equivocation::Call::report_equivocation {
			equivocation_proof: Box::new(sp_consensus_slots::EquivocationProof {
				offender: bob_aura.clone(),
				slot: sp_consensus_aura::Slot::from(1),
				first_header: aura_sealed_header(1, 1, Bob),
				second_header: aura_sealed_header(2, 1, Bob),
			}),
			key_owner_proof: poseidon_runtime::Historical::prove((sp_core::crypto::key_types::AURA, bob_aura)).unwrap(),
		});
		let eve_qqq = qqq(&eve);
		assert!(apply(aura_report, Eve, 1).is_err());
		assert!(qqq(&eve) < eve_qqq);
		assert_eq!(pallet_supernodes::Candidates::<Runtime>::get(&bob).unwrap().bond, bond - slashed);

		// Bob authors nothing more: not in the rest of session 0, nor in session 1 (the set
		// planned before the report), where he is disabled again; from session 2 on the
		// three others validate without him.
		let authored_before = pallet_supernodes::AuthoredBlocks::<Runtime>::get(0, &bob);
		let era = ProofOfResource::era_state();
		run_to_block(era.start + era.length - 1);
		assert_eq!(ProofOfResource::era_state().current, 0, "the last block of era 0");
		assert_eq!(pallet_supernodes::AuthoredBlocks::<Runtime>::get(0, &bob), authored_before);
		run_to_block(era.start + 2 * era.length - 1);
		assert_eq!(ProofOfResource::era_state().current, 1, "the last block of era 1");
		assert_eq!(pallet_supernodes::AuthoredBlocks::<Runtime>::get(1, &bob), 0);
		assert!(poseidon_runtime::Session::validators().contains(&bob));
		run_to_block(era.start + 2 * era.length + 1);
		let validators = poseidon_runtime::Session::validators();
		assert_eq!(validators.len(), 3);
		assert!(!validators.contains(&bob));
	});
}

/// The attack on the old rule: a validator whose candidacy ended (dropped by the election
/// that took its seat, or renounced then) got its bond back at once, while it still
/// validated the last era of its term, so it equivocated there with nothing at stake.
#[test]
fn an_outgoing_validator_validates_its_last_era_with_its_bond_at_stake() {
	preset_ext("local_testnet").execute_with(|| {
		start_block(1, 1);
		// Eve, backed by Ferdie, out-backs Dave (100 000 QAS) for the fourth seat.
		stand_backed_by(Eve, sp_keyring::Sr25519Keyring::Ferdie, 500_000 * QAS);
		let dave = Dave.to_account_id();
		let bond = pallet_supernodes::Candidates::<Runtime>::get(&dave).unwrap().bond;
		// The election at the start of era 3 gives Eve the seat. Dave, a launch validator
		// that proves no work in this test, is no longer eligible: not re-elected, his
		// candidacy ends there, while he still validates era 3.
		let era = ProofOfResource::era_state();
		run_to_block(era.start + 3 * era.length);
		assert_eq!(pallet_supernodes::CurrentTerm::<Runtime>::get(), 1);
		assert!(!Supernodes::is_supernode(&dave));
		assert!(poseidon_runtime::Session::validators().contains(&dave), "Dave validates era 3");
		assert!(events().contains(&RuntimeEvent::Supernodes(pallet_supernodes::Event::CandidateDropped {
			who: dave.clone(),
			bond: 0,
		})));
		// His bond stays held: he was among the validators planned (for era 3; the pallet
		// counts the era after the current one, 4), within reach of reports until 28 eras
		// after it.
		assert!(events().contains(&RuntimeEvent::Supernodes(pallet_supernodes::Event::BondRetired {
			who: dave.clone(),
			bond,
			release_era: 4 + poseidon_runtime::configs::offences::REPORTABLE_SESSIONS + 1,
		})));
		assert_eq!(crate::common::held_qas(&dave), bond);
		run_to_block(era.start + 3 * era.length + 1);

		// He signs two prevotes in one round of session 3, and is reported.
		let dave_key = sp_keyring::Ed25519Keyring::Dave;
		assert_eq!(Executive::apply_extrinsic(report(grandpa_equivocation(dave_key, dave_key, 3))), Ok(Ok(())));
		let left = pallet_supernodes::RetiredBonds::<Runtime>::get(&dave).unwrap().bond;
		assert!(left < bond);
		assert!(events().contains(&RuntimeEvent::Supernodes(pallet_supernodes::Event::OffenceSlashed {
			who: dave.clone(),
			session: 3,
			slashed: bond - left,
			bond_left: left,
		})));
		// Withdrawing it early is refused.
		let withdraw = RuntimeCall::Supernodes(pallet_supernodes::Call::withdraw_retired_bond {});
		assert_eq!(apply(withdraw, Dave, 0), Err(pallet_supernodes::Error::<Runtime>::RetiredBondAtRisk.into()));
	});
}

/// The attack on the old rule: the session history recorded a session's keys only when the
/// validator set changed, so a validator that rotated its keys during a term signed with
/// keys no key-ownership proof could name, and its equivocations could not be reported.
#[test]
fn a_validator_that_rotates_its_keys_stays_reportable() {
	preset_ext("local_testnet").execute_with(|| {
		start_block(1, 1);
		let bob = Bob.to_account_id();
		let bond = pallet_supernodes::Candidates::<Runtime>::get(&bob).unwrap().bond;
		// Bob rotates to new keys (Ferdie's dev keys, which no one else uses); the set stays
		// the same. They are queued at the next session and sign from the one after.
		let set_keys = RuntimeCall::Session(pallet_session::Call::set_keys {
			keys: session_keys_of(sp_keyring::Sr25519Keyring::Ferdie),
			proof: crate::common::ownership_proof_of_keys(sp_keyring::Sr25519Keyring::Ferdie, Bob),
		});
		assert_eq!(apply(set_keys, Bob, 0), Ok(()));
		let era = ProofOfResource::era_state();
		run_to_block(era.start + 2 * era.length + 1);
		assert_eq!(poseidon_runtime::Session::current_index(), 2);

		// In session 2 Bob, with his new GRANDPA key, signs two prevotes in one round.
		let new_key = sp_keyring::Ed25519Keyring::Ferdie;
		assert_eq!(Executive::apply_extrinsic(report(grandpa_equivocation(new_key, new_key, 3))), Ok(Ok(())));
		assert!(events().iter().any(|e| matches!(
			e,
			RuntimeEvent::Supernodes(pallet_supernodes::Event::OffenceSlashed { who, session: 2, .. }) if who == &bob
		)));
		assert!(pallet_supernodes::Candidates::<Runtime>::get(&bob).unwrap().bond < bond);
	});
}

/// Seat capture (docs/security.md, attack 9): Bob registers as a miner, proves one byte,
/// stands, backs himself with 10 000 QAS and sets session keys whose secrets he may keep
/// on a machine that never validates. Alice, the dev chain's launch validator, is a miner
/// from genesis but proves nothing here (no agent runs beside her node in this test).
/// Were she left out of the election as ineligible, Bob would win the only seat
/// at the first election and validate alone from the next session: with dead keys, the
/// chain would halt for good. A sitting supernode loses its seat only to more backing,
/// and her stash backs her with 400 000 QAS.
#[test]
fn a_self_backed_newcomer_does_not_take_the_launch_validators_seat() {
	preset_ext("development").execute_with(|| {
		start_block(1, 1);
		let alice = Alice.to_account_id();
		let one_byte = ResourceUsage { bandwidth_bytes: 1, cpu_seconds: 0, storage_gib_hours: 0 };
		assert_eq!(apply(register(miner_profile()), Bob, 0), Ok(()));
		assert_eq!(apply(prove(one_byte), Bob, 1), Ok(()));
		assert_eq!(apply(stand(), Bob, 2), Ok(()));
		assert_eq!(apply(vote_for(Bob, 10_000 * QAS), Bob, 3), Ok(()));
		let set_keys = RuntimeCall::Session(pallet_session::Call::set_keys {
			keys: session_keys_of(Bob),
			proof: ownership_proof_of(Bob),
		});
		assert_eq!(apply(set_keys, Bob, 4), Ok(()));

		// The first election (block 31, era 3) and the second (block 61, era 6).
		for election_block in [31, 61] {
			run_to_block(election_block);
			let supernodes: Vec<_> =
				pallet_supernodes::Supernodes::<Runtime>::get().into_iter().map(|elected| elected.who).collect();
			assert_eq!(supernodes, vec![alice.clone()], "after the election of block {election_block}");
			assert!(events().contains(&RuntimeEvent::Supernodes(pallet_supernodes::Event::CandidateIneligible {
				who: alice.clone(),
				term: (election_block / 30) as u32,
				reason: pallet_supernodes::Ineligibility::NoRecentPower,
			})));
		}
		run_to_block(71);
		assert_eq!(poseidon_runtime::Session::validators(), vec![alice.clone()]);
		assert_eq!(pallet_aura::Authorities::<Runtime>::get().into_inner(), vec![Alice.public().into()]);
		assert!(pallet_supernodes::Candidates::<Runtime>::contains_key(&alice));
	});
}

/// Backing that counts (docs/security.md, attack 9): Bob, a proving miner, stands and
/// backs himself with 500 000 QAS, more than the 400 000 Alice's stash backs her with.
/// Held QAS may vote, so a candidate's own vote is, up to its bond, its bond voting again:
/// counted, it would win Bob the seat with one stake. Only other accounts' votes count
/// towards `MinBacking`, so Bob does not even stand in the election; once Charlie backs
/// him with `MinBacking`, he does, his own vote counts in Phragmén, and he wins.
#[test]
fn a_candidates_own_vote_does_not_win_it_a_seat() {
	preset_ext("development").execute_with(|| {
		start_block(1, 1);
		let (alice, bob) = (Alice.to_account_id(), Bob.to_account_id());
		let usage = ResourceUsage { bandwidth_bytes: 1_000_000, cpu_seconds: 0, storage_gib_hours: 0 };
		assert_eq!(apply(register(miner_profile()), Bob, 0), Ok(()));
		assert_eq!(apply(prove(usage), Bob, 1), Ok(()));
		assert_eq!(apply(stand(), Bob, 2), Ok(()));
		assert_eq!(apply(vote_for(Bob, 500_000 * QAS), Bob, 3), Ok(()));
		let elected = || -> Vec<_> { pallet_supernodes::Supernodes::<Runtime>::get().into_iter().map(|e| e.who).collect() };

		// The election at the start of era 3 (block 31).
		run_to_block(31);
		assert_eq!(elected(), vec![alice.clone()]);
		assert!(pallet_supernodes::RunnersUp::<Runtime>::get().is_empty());
		assert_eq!(pallet_supernodes::UnbackedCandidates::<Runtime>::get(&bob), Some(1));

		// Charlie backs him with exactly `MinBacking` (his proof of era 0 is recent enough
		// for the second election too: `MinProvenEras` is 7), in the next block: a block
		// that starts a session is full (`pallet-session` charges it the whole block).
		let min_backing = <<Runtime as pallet_supernodes::Config>::MinBacking as frame_support::traits::Get<u128>>::get();
		run_to_block(32);
		assert_eq!(apply(vote_for(Bob, min_backing), Charlie, 0), Ok(()));
		run_to_block(61);
		assert_eq!(elected(), vec![bob.clone()]);
	});
}
