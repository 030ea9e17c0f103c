//! The agent killed, restarted, cut off from its node: never a duplicate proof, never
//! a proof the chain would refuse, no usage counted twice.

use super::{rounds::run_blocks, *};
use crate::state::TxPurpose;

/// Runs rounds (the machine serving `bytes` a block) until the agent has a proof in
/// flight that the chain has not included yet.
fn until_a_proof_is_in_flight(agent: &mut Agent, node: &FakeNode, machine: &mut Machine) {
	for _ in 0..40 {
		machine.serve(1_000_000);
		let _ = agent.round(node);
		if matches!(agent.state().pending.as_ref().map(|p| &p.purpose), Some(TxPurpose::Proof { .. })) {
			return;
		}
		node.author_block();
	}
	panic!("no proof was sent in 40 blocks");
}

#[test]
fn an_agent_killed_with_its_proof_in_flight_sends_the_same_bytes_after_restart() {
	let node = FakeNode::new();
	let mut machine = Machine::new("story-kill-in-flight");
	let mut agent = machine.start_agent();
	until_a_proof_is_in_flight(&mut agent, &node, &mut machine);
	let in_flight = agent.state().pending.clone().unwrap();
	drop(agent); // killed
	node.state.borrow_mut().pool.clear(); // and the node restarted, losing its pool

	let mut agent = machine.start_agent();
	assert_eq!(agent.state().pending.as_ref(), Some(&in_flight), "the restart remembers the proof in flight");
	run_blocks(&mut agent, &node, &mut machine, 15, 1_000_000);

	let chain = node.state.borrow();
	assert_eq!(chain.included.get(&in_flight.extrinsic).map(|(_, o)| o.clone()), Some(Ok(())), "the same bytes landed");
	assert_eq!(chain.proofs.keys().copied().collect::<Vec<_>>(), vec![0, 1]);
	assert_eq!(node.proofs_sent().len(), 2, "era 0's proof was signed once");
	assert!(chain.failures.is_empty(), "{:?}", chain.failures);
}

#[test]
fn a_proof_that_landed_while_the_agent_was_down_is_not_sent_again() {
	let node = FakeNode::new();
	let mut machine = Machine::new("story-landed-while-down");
	let mut agent = machine.start_agent();
	until_a_proof_is_in_flight(&mut agent, &node, &mut machine);
	drop(agent);
	node.author_blocks(2); // the proof is included; nobody is watching

	let mut agent = machine.start_agent();
	run_blocks(&mut agent, &node, &mut machine, 12, 1_000_000);
	let chain = node.state.borrow();
	assert_eq!(chain.proofs.keys().copied().collect::<Vec<_>>(), vec![0, 1]);
	assert_eq!(node.proofs_sent().len(), 2);
	assert!(chain.failures.is_empty(), "a second proof of era 0 would fail as DuplicateProof: {:?}", chain.failures);
	assert_eq!(agent.state().last_proven_era, Some(1));
}

#[test]
fn a_lost_connection_at_the_end_of_an_era_delays_the_proof_into_the_grace_window() {
	let node = FakeNode::new();
	let mut machine = Machine::new("story-connection");
	let mut agent = machine.start_agent();
	// Era 0 runs in blocks 1..=10, era 1 from 11; its grace window is blocks 11 and 12.
	run_blocks(&mut agent, &node, &mut machine, 7, 1_000_000);
	node.state.borrow_mut().reachable = false;
	run_blocks(&mut agent, &node, &mut machine, 3, 1_000_000);
	assert!(node.state.borrow().proofs.is_empty(), "nothing could be sent while cut off");
	node.state.borrow_mut().reachable = true;
	run_blocks(&mut agent, &node, &mut machine, 5, 1_000_000);

	let chain = node.state.borrow();
	assert!(chain.proofs.contains_key(&0), "proved in era 1's grace window");
	assert_eq!(node.proofs_sent().len(), 1);
	assert!(chain.failures.is_empty(), "{:?}", chain.failures);
}

#[test]
fn an_era_whose_grace_window_passed_while_the_agent_was_down_is_counted_missed_not_sent() {
	let node = FakeNode::new();
	let mut machine = Machine::new("story-missed");
	let mut agent = machine.start_agent();
	run_blocks(&mut agent, &node, &mut machine, 7, 1_000_000);
	drop(agent);
	node.author_blocks(6); // era 1 starts at block 11; its grace window closes after block 12
	machine.serve(50_000_000);

	let mut agent = machine.start_agent();
	run_blocks(&mut agent, &node, &mut machine, 1, 1_000_000);
	assert_eq!(agent.state().eras_missed, 1);
	assert!(node.proofs_sent().is_empty(), "a late proof would fail as EraClosed and pay");
	// Proving goes on from the era in progress.
	run_blocks(&mut agent, &node, &mut machine, 10, 1_000_000);
	let chain = node.state.borrow();
	assert_eq!(chain.proofs.keys().copied().collect::<Vec<_>>(), vec![1]);
	assert!(chain.failures.is_empty(), "{:?}", chain.failures);
}

#[test]
fn a_node_error_while_signing_the_proof_leaves_the_era_open_for_the_next_round() {
	let node = FakeNode::new();
	let mut machine = Machine::new("story-sign-error");
	let mut agent = machine.start_agent();
	// Era 0 (blocks 1..=10) closes at block 8: that round cannot get a nonce.
	run_blocks(&mut agent, &node, &mut machine, 7, 1_000_000);
	node.state.borrow_mut().nonce_unavailable = true;
	machine.serve(1_000_000);
	assert!(agent.round(&node).is_err());
	assert_eq!(agent.state().recording_era, Some(0), "era 0 is still open");
	node.author_block();
	node.state.borrow_mut().nonce_unavailable = false;
	run_blocks(&mut agent, &node, &mut machine, 3, 1_000_000);

	let chain = node.state.borrow();
	assert!(chain.proofs.contains_key(&0), "proved one block later");
	assert!(chain.failures.is_empty(), "{:?}", chain.failures);
	assert_eq!(agent.state().eras_missed, 0);
}
