//! What each era costs must not grow with the network (issue 14.3).
//!
//! Settling an era, the first block of an era, a miner's claim, a depositor's claim, and a
//! supernode's and a voter's claim each touch a fixed set of storage items, not one per
//! participant; that is what lets their weights be constants, and what keeps a hook from
//! being a way to stall the chain by joining it many times. Each case here builds the dev
//! chain with 1, 1 000 and 100 000 participants, each a registered miner that proves the
//! era, a depositor and (up to `MaxVoters`) a voter, commits that state to a trie, and
//! runs the operation with a proof recorder, which sees every storage key read from the
//! trie. Keys read and keys written must be as many at every size. The proof (the trie
//! nodes on the way to those keys) may only grow with the depth of the trie, a node or
//! two per key from 1 000 to 100 000 entries, where one iteration over the participants
//! would make it a hundred times larger.
//!
//! The election is the one cost that does grow, linearly in the voters: its test reads
//! its storage at 1 000, 5 000 and 10 000 voters and checks its weight at the maximum
//! against the share of a block the pallet allows it.
//!
//! Dev-chain timing: eras are ten blocks (era `k` is blocks `10k + 1 … 10k + 10`), era `k`
//! is settled at block `10k + 15`, and the first election is at block 31.

use crate::common::{miner_profile, preset_ext, run_to_block, start_block};
use frame_support::{
	assert_ok,
	traits::{fungible::Mutate, Get, Hooks},
	weights::Weight,
};
use pallet_proof_of_resource::ResourceUsage;
use poseidon_primitives::era::EraClock;
use poseidon_runtime::{
	AccountId, Balances, Deposits, Executive, ProofOfResource, QasBalances, Revenue, Runtime, RuntimeOrigin,
	Supernodes, System, QAS, QQQ,
};
use sp_core::Blake2Hasher;
use sp_io::TestExternalities;
use sp_keyring::Sr25519Keyring::Alice;
use sp_runtime::traits::Header as _;
use sp_trie::recorder::Recorder;

/// What an operation did to storage.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Accesses {
	/// Distinct keys read from the trie.
	keys_read: usize,
	/// Distinct keys written.
	keys_written: usize,
	/// Bytes of the trie nodes a light client would need to check those reads.
	proof_bytes: usize,
}

/// Commits what came before, then runs `operation` with a proof recorder.
fn accesses(ext: &mut TestExternalities, operation: impl FnOnce()) -> Accesses {
	ext.commit_all().expect("no storage transaction is open between operations");
	let recorder = Recorder::<Blake2Hasher>::default();
	ext.execute_with_recorder(recorder.clone(), operation);
	Accesses {
		keys_read: recorder.recorded_keys().values().map(|keys| keys.len()).sum(),
		keys_written: ext.overlayed_changes().changes().count(),
		proof_bytes: recorder.estimate_encoded_size(),
	}
}

fn participant(index: u32) -> AccountId {
	AccountId::new(sp_io::hashing::blake2_256(&index.to_le_bytes()))
}

fn signed(who: &AccountId) -> RuntimeOrigin {
	RuntimeOrigin::signed(who.clone())
}

fn max_voters() -> u32 {
	<Runtime as pallet_supernodes::Config>::MaxVoters::get()
}

/// An account with QQQ for a miner's bond and QAS for a deposit and a vote.
fn endow(who: &AccountId) {
	Balances::set_balance(who, 10_000 * QQQ);
	QasBalances::set_balance(who, 1_000 * QAS);
}

/// The dev chain at block 20, the last of era 1: `participants` miners registered in era
/// 0, each with a deposit in the 3-era plan and (up to `MaxVoters`) a vote for Alice, the
/// only supernode; each proved era 1, in which a customer paid 1 000 000 QQQ.
fn network(participants: u32) -> TestExternalities {
	let mut ext = preset_ext("development");
	ext.execute_with(|| {
		start_block(1, 1);
		let voters = participants.min(max_voters() - pallet_supernodes::Voters::<Runtime>::count());
		let alice = Alice.to_account_id();
		for index in 0..participants {
			let who = participant(index);
			endow(&who);
			assert_ok!(ProofOfResource::register_miner(signed(&who), miner_profile()));
			assert_ok!(Deposits::deposit(signed(&who), 0, 100 * QAS));
			if index < voters {
				assert_ok!(Supernodes::vote(signed(&who), vec![alice.clone()].try_into().unwrap(), 100 * QAS));
			}
			if index % 10_000 == 0 {
				System::reset_events();
			}
		}
		run_to_block(12);
		let customer = participant(u32::MAX);
		Balances::set_balance(&customer, 2_000_000 * QQQ);
		assert_ok!(Revenue::pay_for_service(signed(&customer), 1_000_000 * QQQ, b"cdn".to_vec().try_into().unwrap()));
		let usage = ResourceUsage { bandwidth_bytes: 1_000_000, cpu_seconds: 60, storage_gib_hours: 10 };
		for index in 0..participants {
			assert_ok!(ProofOfResource::submit_proof(signed(&participant(index)), 1, usage.clone(), [7; 32]));
			if index % 10_000 == 0 {
				System::reset_events();
			}
		}
		run_to_block(20);
	});
	ext
}

/// Every per-era cost, measured on a network of `participants`.
#[derive(Debug)]
struct PerEraCosts {
	era_start: Accesses,
	settlement: Accesses,
	miner_claim: Accesses,
	depositor_claim: Accesses,
	voter_claim: Accesses,
	supernode_claim: Accesses,
}

fn per_era_costs(participants: u32) -> PerEraCosts {
	let mut ext = network(participants);
	let first = participant(0);
	let alice = Alice.to_account_id();
	let next_block = |number: u32| {
		move || {
			Executive::finalize_block();
			start_block(number, u64::from(number));
		}
	};

	let era_start = accesses(&mut ext, next_block(21));
	ext.execute_with(|| {
		assert_eq!(<ProofOfResource as EraClock>::current_era(), 2);
		run_to_block(24);
	});
	let settlement = accesses(&mut ext, next_block(25));
	ext.execute_with(|| assert_eq!(pallet_revenue::NextEraToSettle::<Runtime>::get(), 2));

	let before = ext.execute_with(|| Balances::free_balance(&first));
	let miner_claim = accesses(&mut ext, || {
		assert_ok!(Revenue::claim_miner_rewards(signed(&first), first.clone(), vec![1].try_into().unwrap()));
	});
	let after_miner_claim = ext.execute_with(|| Balances::free_balance(&first));
	assert_eq!(after_miner_claim - before, 700_000 * QQQ / u128::from(participants));

	let depositor_claim = accesses(&mut ext, || {
		assert_ok!(Deposits::claim(signed(&first)));
	});
	let after_depositor_claim = ext.execute_with(|| Balances::free_balance(&first));
	assert!(after_depositor_claim > after_miner_claim, "the depositor was paid");

	let voter_claim = accesses(&mut ext, || {
		assert_ok!(Supernodes::claim_rewards(signed(&first)));
	});
	assert!(ext.execute_with(|| Balances::free_balance(&first)) > after_depositor_claim, "the voter was paid");

	let commission = ext.execute_with(|| Supernodes::pending_rewards(&alice));
	assert!(commission > 0);
	let supernode_claim = accesses(&mut ext, || {
		assert_ok!(Supernodes::claim_rewards(signed(&alice)));
	});

	PerEraCosts { era_start, settlement, miner_claim, depositor_claim, voter_claim, supernode_claim }
}

/// The same keys at every size, and a proof that grows by at most the trie's depth.
fn assert_flat(name: &str, small: Accesses, large: Accesses) {
	assert_eq!(
		(small.keys_read, small.keys_written),
		(large.keys_read, large.keys_written),
		"{name}: keys read and written at 1 000 participants {small:?}, at 100 000 {large:?}"
	);
	assert!(
		large.proof_bytes <= 2 * small.proof_bytes,
		"{name}: the proof grew from {} to {} bytes",
		small.proof_bytes,
		large.proof_bytes
	);
}

#[test]
fn per_era_costs_are_the_same_for_1_1000_and_100000_participants() {
	let one = per_era_costs(1);
	let thousand = per_era_costs(1_000);
	let hundred_thousand = per_era_costs(100_000);
	println!("1: {one:#?}\n1 000: {thousand:#?}\n100 000: {hundred_thousand:#?}");
	let cases = |costs: &PerEraCosts| {
		[
			("era start", costs.era_start),
			("settlement", costs.settlement),
			("miner's claim", costs.miner_claim),
			("depositor's claim", costs.depositor_claim),
			("voter's claim", costs.voter_claim),
			("supernode's claim", costs.supernode_claim),
		]
	};
	for (((name, one), (_, thousand)), (_, hundred_thousand)) in
		cases(&one).into_iter().zip(cases(&thousand)).zip(cases(&hundred_thousand))
	{
		assert_eq!((one.keys_read, one.keys_written), (thousand.keys_read, thousand.keys_written), "{name}");
		assert_flat(name, thousand, hundred_thousand);
	}
}

/// The dev chain just before the first election (block 31), with `voters` votes for Alice,
/// who proved era 2 and so may stand again.
fn election_accesses(voters: u32) -> (Accesses, Weight) {
	let mut ext = preset_ext("development");
	ext.execute_with(|| {
		start_block(1, 1);
		let alice = Alice.to_account_id();
		for index in 0..voters - pallet_supernodes::Voters::<Runtime>::count() {
			let who = participant(index);
			QasBalances::set_balance(&who, 1_000 * QAS);
			assert_ok!(Supernodes::vote(signed(&who), vec![alice.clone()].try_into().unwrap(), 10 * QAS + u128::from(index)));
		}
		// Alice is a miner from genesis.
		System::reset_events();
		run_to_block(22);
		let usage = ResourceUsage { bandwidth_bytes: 1_000_000, cpu_seconds: 60, storage_gib_hours: 10 };
		assert_ok!(ProofOfResource::submit_proof(signed(&alice), 2, usage, [7; 32]));
		run_to_block(30);
		Executive::finalize_block();
		// Block 31 up to the election: its era (3) has started.
		let header = poseidon_runtime::Header::new(
			31,
			Default::default(),
			Default::default(),
			System::parent_hash(),
			Default::default(),
		);
		System::initialize(&31, &header.parent_hash, &header.digest);
		<ProofOfResource as Hooks<u32>>::on_initialize(31);
		assert_eq!(<ProofOfResource as EraClock>::current_era(), 3);
	});
	let mut weight = Weight::zero();
	let election = accesses(&mut ext, || weight = <Supernodes as Hooks<u32>>::on_initialize(31));
	ext.execute_with(|| {
		assert_eq!(pallet_supernodes::CurrentTerm::<Runtime>::get(), 1, "the election was held");
		let elected: Vec<AccountId> = pallet_supernodes::Supernodes::<Runtime>::get().into_iter().map(|e| e.who).collect();
		assert_eq!(elected, vec![Alice.to_account_id()]);
	});
	(election, weight)
}

#[test]
fn the_election_reads_each_vote_once_and_fits_its_share_of_a_block() {
	let [thousand, five_thousand, ten_thousand] = [1_000, 5_000, 10_000].map(election_accesses);
	println!("{thousand:?}\n{five_thousand:?}\n{ten_thousand:?}");
	// One more key read per vote, and the proof linear in the votes.
	assert_eq!(five_thousand.0.keys_read - thousand.0.keys_read, 4_000);
	assert_eq!(ten_thousand.0.keys_read - five_thousand.0.keys_read, 5_000);
	let per_vote = |a: &(Accesses, Weight), b: &(Accesses, Weight), votes: usize| (b.0.proof_bytes - a.0.proof_bytes) / votes;
	let (early, late) = (per_vote(&thousand, &five_thousand, 4_000), per_vote(&five_thousand, &ten_thousand, 5_000));
	assert!(early.abs_diff(late) * 10 <= early, "proof bytes per vote: {early} then {late}");

	// The weight charged is the benchmarked one, linear in the votes, and at the most
	// voters within the election's share of a block.
	let slope = |a: &(Accesses, Weight), b: &(Accesses, Weight), votes: u64| (b.1.ref_time() - a.1.ref_time()) / votes;
	let (early, late) = (slope(&thousand, &five_thousand, 4_000), slope(&five_thousand, &ten_thousand, 5_000));
	assert!(early.abs_diff(late) <= 1, "weight per vote: {early} then {late}");
	assert_eq!(max_voters(), 10_000);
	let block = <Runtime as frame_system::Config>::BlockWeights::get().max_block;
	let share = pallet_supernodes::ELECTION_BLOCK_SHARE;
	println!("the election of 10 000 voters weighs {:.1} % of a block", 100.0 * ten_thousand.1.ref_time() as f64 / block.ref_time() as f64);
	assert!(
		ten_thousand.1.ref_time() <= (share * block).ref_time(),
		"the election of 10 000 voters weighs {} of a block's {}",
		ten_thousand.1.ref_time(),
		block.ref_time()
	);
}
