//! Supernodes in the real runtime: a miner elected by QAS holders becomes a validator at
//! the next session, can reject proofs, and shares the supernode pool with its backers.
//!
//! On the dev chain eras (and sessions) are ten blocks: era 0 is blocks 1–10, era 1 starts
//! at block 11, and the first election after genesis is held at the start of era 3,
//! block 31.

use crate::common::{
	miner_profile, origin, ownership_proof_of, preset_ext, qqq, run_to_block, session_keys_of, start_block,
};
use frame_support::assert_ok;
use pallet_proof_of_resource::ResourceUsage;
use poseidon_primitives::supernodes::SupernodeSet;
use poseidon_runtime::{
	opaque::SessionKeys, Grandpa, ProofOfResource, Revenue, Runtime, RuntimeEvent, RuntimeOrigin,
	Session, Supernodes, QAS, QQQ,
};
use sp_keyring::Sr25519Keyring;
use sp_runtime::Perbill;

fn bob_session_keys() -> SessionKeys {
	session_keys_of(Sr25519Keyring::Bob)
}

fn bob_ownership_proof() -> Vec<u8> {
	ownership_proof_of(Sr25519Keyring::Bob)
}

/// Bob registers as a miner, proves era 0 and stands; Charlie votes 500 000 QAS for him,
/// more than the 400 000 of Alice's stash behind Alice.
fn bob_stands_with_more_backing_than_alice() {
	let bob = Sr25519Keyring::Bob;
	assert_ok!(ProofOfResource::register_miner(origin(bob), miner_profile()));
	let usage = ResourceUsage { bandwidth_bytes: 1_000_000, cpu_seconds: 30, storage_gib_hours: 0 };
	assert_ok!(ProofOfResource::submit_proof(origin(bob), 0, usage, [1; 32]));
	assert_ok!(Supernodes::submit_candidacy(origin(bob), Perbill::from_percent(10)));
	assert_ok!(Supernodes::vote(
		origin(Sr25519Keyring::Charlie),
		vec![bob.to_account_id()].try_into().unwrap(),
		500_000 * QAS
	));
}

fn supernodes() -> Vec<poseidon_runtime::AccountId> {
	pallet_supernodes::Supernodes::<Runtime>::get().into_iter().map(|e| e.who).collect()
}

#[test]
fn an_elected_supernode_with_session_keys_validates_from_the_next_session() {
	preset_ext("development").execute_with(|| {
		start_block(1, 1);
		let (alice, bob) = (Sr25519Keyring::Alice.to_account_id(), Sr25519Keyring::Bob.to_account_id());
		bob_stands_with_more_backing_than_alice();
		assert_ok!(Session::set_keys(origin(Sr25519Keyring::Bob), bob_session_keys(), bob_ownership_proof()));

		run_to_block(30);
		assert_eq!(supernodes(), vec![alice.clone()]);
		// Alice, planned in genesis, stayed the validator. The set is planned again every
		// session (so the session history records each session's keys), and GRANDPA starts
		// a new authority set at each session that follows such a plan: every session
		// after the first (whose set the genesis queued).
		assert_eq!(pallet_supernodes::PlannedValidators::<Runtime>::get().into_inner(), vec![alice.clone()]);
		assert_eq!(Session::current_index(), 2);
		assert_eq!(pallet_grandpa::CurrentSetId::<Runtime>::get(), 1);
		assert_eq!(Grandpa::grandpa_authorities().len(), 1);
		// The election at the start of era 3 elects Bob; the session change in the same
		// block queues him.
		run_to_block(31);
		assert_eq!(supernodes(), vec![bob.clone()]);
		assert!(<Supernodes as SupernodeSet<_>>::is_supernode(&bob));
		assert!(!<Supernodes as SupernodeSet<_>>::is_supernode(&alice));
		assert_eq!(Session::validators(), vec![alice.clone()]);
		assert_eq!(pallet_session::QueuedKeys::<Runtime>::get(), vec![(bob.clone(), bob_session_keys())]);
		assert!(frame_system::Pallet::<Runtime>::events().iter().any(|record| matches!(
			&record.event,
			RuntimeEvent::Supernodes(pallet_supernodes::Event::ValidatorsPlanned { validators })
				if validators == &vec![bob.clone()]
		)));

		// The next session (era 4) hands Aura and GRANDPA to Bob.
		run_to_block(41);
		assert_eq!(Session::validators(), vec![bob.clone()]);
		assert_eq!(pallet_aura::Authorities::<Runtime>::get().into_inner(), vec![bob_session_keys().aura]);
		run_to_block(42);
		assert_eq!(Grandpa::grandpa_authorities(), vec![(bob_session_keys().grandpa, 1)]);
	});
}

#[test]
fn a_winner_without_session_keys_leaves_the_validators_as_they_are() {
	preset_ext("development").execute_with(|| {
		start_block(1, 1);
		let alice = Sr25519Keyring::Alice.to_account_id();
		bob_stands_with_more_backing_than_alice();

		run_to_block(51);
		assert_eq!(supernodes(), vec![Sr25519Keyring::Bob.to_account_id()]);
		assert_eq!(Session::validators(), vec![alice]);
		assert_eq!(pallet_aura::Authorities::<Runtime>::get().into_inner(), vec![Sr25519Keyring::Alice.public().into()]);
	});
}

#[test]
fn the_supernode_pool_pays_the_commission_and_the_backers() {
	preset_ext("development").execute_with(|| {
		start_block(1, 1);
		let alice = Sr25519Keyring::Alice.to_account_id();
		let alice_stash = Sr25519Keyring::AliceStash.to_account_id();
		// 1 000 QQQ of revenue in era 0: the supernodes' 5 % is 50 QQQ. Alice, the only
		// supernode, keeps her 10 % commission; her stash, her only backer, gets the rest.
		assert_ok!(Revenue::pay_for_service(
			origin(Sr25519Keyring::Ferdie),
			1_000 * QQQ,
			b"order-1".to_vec().try_into().unwrap()
		));
		run_to_block(15);
		assert_eq!(Supernodes::pending_rewards(&alice), 5 * QQQ);
		assert_eq!(Supernodes::pending_rewards(&alice_stash), 45 * QQQ);

		let before = qqq(&alice_stash);
		assert_ok!(Supernodes::claim_rewards(RuntimeOrigin::signed(alice_stash.clone())));
		assert_eq!(qqq(&alice_stash), before + 45 * QQQ);
		assert_eq!(Supernodes::pending_rewards(&alice_stash), 0);
	});
}
