//! One agent, uninterrupted: what it does era after era.

use super::*;
use crate::{ledger::Ledger, tests::FakeNode};
use pallet_proof_of_resource::ResourceUsage;
use poseidon_primitives::tokens::QQQ;

/// `n` blocks: each, the machine serves `bytes`, the agent runs a round, a block is made.
pub fn run_blocks(agent: &mut Agent, node: &FakeNode, machine: &mut Machine, n: u32, bytes: u64) {
	for _ in 0..n {
		machine.serve(bytes);
		let _ = agent.round(node);
		node.author_block();
	}
}

#[test]
fn a_new_miner_registers_then_proves_each_era_once_inside_it_and_claims_what_settles() {
	let node = FakeNode::new();
	let mut machine = Machine::new("story-rounds");
	let mut agent = machine.start_agent();

	// Eras 0, 1 and 2 (blocks 1 to 30), then two blocks of era 3.
	run_blocks(&mut agent, &node, &mut machine, 31, 1_000_000);

	let chain = node.state.borrow();
	assert_eq!(chain.miner.as_ref().map(|m| m.profile), Some(profile()), "registered with profile.toml");
	assert_eq!(chain.proofs.keys().copied().collect::<Vec<_>>(), vec![0, 1, 2], "one proof per era");
	assert!(chain.failures.is_empty(), "no call failed (so none paid for nothing): {:?}", chain.failures);
	assert_eq!(node.proofs_sent().len(), 3, "no proof was ever signed twice");
	// Each proof is what the ledger recorded for its era, committed to by its root.
	let ledger = Ledger::open(&machine.dir.join("data")).unwrap();
	for (era, proof) in &chain.proofs {
		let (served, root, readings) = ledger.summary(*era).unwrap();
		assert_eq!(proof.usage.bandwidth_bytes, served.bandwidth_bytes);
		assert_eq!(proof.evidence, root);
		// A reading per block; the first round of all only takes the baseline.
		assert_eq!(readings, if *era == 0 { 7 } else { 10 }, "era {era}");
	}
	// Every block's usage went to exactly one era, up to the last proof.
	let proved: u64 = chain.proofs.values().map(|p| p.usage.bandwidth_bytes).sum();
	assert!(proved >= 27 * 1_000_000 && proved <= 29 * 1_000_000, "proved {proved}");
	drop(chain);
	assert_eq!(agent.state().last_proven_era, Some(2));

	// Eras 0 and 1 settle: the agent claims them at its next look, in one call.
	node.state.borrow_mut().claimable = vec![(0, 5 * QQQ), (1, 7 * QQQ)];
	run_blocks(&mut agent, &node, &mut machine, 12, 1_000_000);
	let chain = node.state.borrow();
	assert_eq!(chain.claimed, vec![0, 1]);
	assert!(chain.claimable.is_empty());
	assert!(chain.failures.is_empty(), "{:?}", chain.failures);
	assert_eq!(agent.state().total_claimed, 12 * QQQ);
	assert_eq!(agent.state().claims_made, 1);
}

#[test]
fn usage_above_what_the_profile_can_serve_is_clamped_and_the_proof_accepted() {
	let node = FakeNode::new();
	let mut machine = Machine::new("story-clamp");
	let mut agent = machine.start_agent();
	// 10¹⁵ bytes in a 60 s era from a 100 Mbit/s profile: impossible.
	run_blocks(&mut agent, &node, &mut machine, 10, 100_000_000_000_000);

	let chain = node.state.borrow();
	let bound = crate::proof::capacity_bound(&profile(), &limits(), 60_000);
	assert_eq!(bound.bandwidth_bytes, 750_000_000);
	assert_eq!(
		chain.proofs.get(&0).map(|p| p.usage),
		Some(ResourceUsage { bandwidth_bytes: 750_000_000, cpu_seconds: 0, storage_gib_hours: 0 })
	);
	assert!(chain.failures.is_empty(), "the clamped proof is not ImplausibleUsage: {:?}", chain.failures);
}

#[test]
fn an_era_in_which_nothing_was_served_is_not_proved() {
	let node = FakeNode::new();
	let mut machine = Machine::new("story-idle");
	let mut agent = machine.start_agent();
	// Era 0 (blocks 1..=10) is closed at block 8, era 1 at block 18: nothing is served
	// in between.
	run_blocks(&mut agent, &node, &mut machine, 8, 5_000);
	run_blocks(&mut agent, &node, &mut machine, 10, 0);
	run_blocks(&mut agent, &node, &mut machine, 12, 5_000);

	let chain = node.state.borrow();
	assert_eq!(chain.proofs.keys().copied().collect::<Vec<_>>(), vec![0, 2]);
	assert!(chain.failures.is_empty(), "an empty proof would fail with EmptyUsage: {:?}", chain.failures);
}

#[test]
fn an_edited_profile_is_sent_once_and_applies_from_the_next_era() {
	let node = FakeNode::new();
	let mut machine = Machine::new("story-profile");
	let mut agent = machine.start_agent();
	run_blocks(&mut agent, &node, &mut machine, 4, 1_000);
	// The mtime must move for the agent to notice: file systems keep it in whole
	// seconds or finer, so wait past the second.
	std::thread::sleep(Duration::from_millis(1_100));
	let bigger = MinerProfile { bandwidth_mbps: 1_000, ..profile() };
	machine.set_profile(&bigger);
	run_blocks(&mut agent, &node, &mut machine, 10, 1_000);

	let chain = node.state.borrow();
	assert_eq!(chain.miner.as_ref().and_then(|m| m.next_profile), Some((1, bigger)));
	assert!(chain.failures.is_empty(), "sent once, no ProfileUnchanged: {:?}", chain.failures);
}

#[test]
fn an_account_without_the_bond_is_told_so_and_sends_nothing_until_it_has_it() {
	let node = FakeNode::new();
	node.state.borrow_mut().free = BOND / 2;
	let mut machine = Machine::new("story-no-bond");
	let mut agent = machine.start_agent();
	run_blocks(&mut agent, &node, &mut machine, 12, 1_000);
	assert!(node.state.borrow().submissions.is_empty(), "a registration would fail and pay its fee");

	// Funded during era 1: the agent registers at its next try, in era 2.
	node.state.borrow_mut().free = 2 * BOND;
	run_blocks(&mut agent, &node, &mut machine, 10, 1_000);
	let chain = node.state.borrow();
	assert_eq!(chain.miner.as_ref().map(|m| m.registered_in), Some(2));
	assert!(chain.failures.is_empty(), "{:?}", chain.failures);
}
