//! Standing at every election: a candidate must still be a registered miner with recent
//! power, and free of offences, when the votes are counted, not only when it stood. A
//! sitting supernode that no longer is a proving miner stands to keep its seat and loses
//! it only to more backing; one that offended is left out (`offences.rs`).

use crate::{mock::*, Candidates, ElectionParams, Event, Ineligibility};
use frame_support::assert_ok;
use sp_runtime::BuildStorage;

/// A, B and C stand backed 300, 200 and 100; the first election makes A and B the
/// supernodes and C the runner-up.
fn a_and_b_elected_c_runner_up() {
	three_candidates_backed_300_200_100();
	next_term();
	assert_eq!(supernodes(), vec![A, B]);
	assert_eq!(runners_up(), vec![C]);
}

/// Elections from now on keep the supernodes unless they elect two.
fn two_validators_at_least() {
	assert_ok!(Supernodes::set_election_params(
		RuntimeOrigin::root(),
		ElectionParams { min_validators: 2, ..test_params() }
	));
}

#[test]
fn a_candidate_that_deregistered_as_a_miner_is_left_out_and_its_bond_released() {
	build_and_execute(|| {
		three_candidates_backed_300_200_100();
		deregister_miner(A);

		next_term();

		// V1's 300 QAS would have elected A first; B and C take the seats instead.
		assert_eq!(supernodes(), vec![B, C]);
		assert!(runners_up().is_empty());
		let ineligible = Event::CandidateIneligible { who: A, term: 1, reason: Ineligibility::NotAMiner };
		assert!(events().contains(&ineligible));
		assert!(events().contains(&Event::CandidateDropped { who: A, bond: BOND }));
		assert!(!Candidates::<Test>::contains_key(A));
		assert_eq!(bonded_qas(A), 0);
		assert_eq!(free_qas(A), QAS_ENDOWMENT);
		// The vote for A stays, and elects it again once it stands as a proving miner.
		assert_eq!(locked_qas(V1), 300);
	});
}

#[test]
fn a_candidate_whose_last_power_is_older_than_the_window_is_left_out() {
	build_and_execute(|| {
		three_candidates_backed_300_200_100();
		// A's last power is in era 0; the election at era 3 looks at eras 1 to 3
		// (MinProvenEras is 2).
		stop_proving(A);

		next_term();

		assert_eq!(CurrentEra::get(), 3);
		assert_eq!(supernodes(), vec![B, C]);
		let ineligible = Event::CandidateIneligible { who: A, term: 1, reason: Ineligibility::NoRecentPower };
		assert!(events().contains(&ineligible));
		assert!(!Candidates::<Test>::contains_key(A));
	});
}

#[test]
fn a_candidate_that_proved_within_the_window_still_stands() {
	build_and_execute(|| {
		three_candidates_backed_300_200_100();
		// A proves in eras 0 and 1 and then stops: era 1 is inside the window at era 3.
		next_era();
		stop_proving(A);

		next_term();

		assert_eq!(CurrentEra::get(), 3);
		assert_eq!(supernodes(), vec![A, B]);
		assert!(!events().iter().any(|e| matches!(e, Event::CandidateIneligible { .. })));
	});
}

#[test]
fn a_sitting_supernode_that_may_no_longer_stand_loses_its_seat_only_to_more_backing() {
	build_and_execute(|| {
		a_and_b_elected_c_runner_up();
		deregister_miner(A);
		deregister_miner(B);
		// The attack of docs/security.md (9): a fresh miner stands, backed with 250 QAS
		// (by an account of its own), less than A's 300 and more than B's 200. Leaving A
		// and B out of the election would hand it a seat against C alone.
		make_miner(D);
		stand(D, 0);
		vote(V4, vec![D], 250);

		next_term();

		// A keeps its seat: nobody out-backs it. B loses its seat to D, which does.
		assert_eq!(supernodes(), vec![A, D]);
		for who in [A, B] {
			let ineligible = Event::CandidateIneligible { who, term: 2, reason: Ineligibility::NotAMiner };
			assert!(events().contains(&ineligible));
		}
		assert!(events().iter().any(|event| matches!(event, Event::NewTerm { term: 2, .. })));
		assert_eq!(bonded_qas(A), BOND);
		assert!(Candidates::<Test>::contains_key(A));
		// Not re-elected, B's candidacy ends; it may not be a runner-up either. It validated
		// era 5 last, so its bond stays held until era 8 (the mock's window of two eras).
		assert!(events().contains(&Event::CandidateDropped { who: B, bond: 0 }));
		assert!(events().contains(&Event::BondRetired { who: B, bond: BOND, release_era: 8 }));
		assert_eq!(bonded_qas(B), BOND);
		assert!(!runners_up().contains(&B));

		// Two candidates with more backing than A take both seats: A's candidacy ends.
		// (V3 moves its vote from C to E; V4 raises its vote for D.)
		make_miner(E);
		stand(E, 0);
		vote(V3, vec![E], 400);
		vote(V4, vec![D], 350);
		next_term();
		assert_eq!(supernodes(), vec![E, D]);
		assert!(events().contains(&Event::CandidateDropped { who: A, bond: 0 }));
		assert!(events().contains(&Event::BondRetired { who: A, bond: BOND, release_era: 11 }));
		assert_eq!(bonded_qas(A), BOND);
		assert!(!Candidates::<Test>::contains_key(A));
	});
}

#[test]
fn ineligibility_never_shrinks_the_supernodes_below_min_validators() {
	build_and_execute(|| {
		a_and_b_elected_c_runner_up();
		two_validators_at_least();
		deregister_miner(A);
		deregister_miner(B);

		// Only C may still stand as a newcomer: A and B stand to keep their seats and, with
		// more backing than C, are elected again: a new term, not a kept one.
		next_term();

		assert_eq!(supernodes(), vec![A, B]);
		assert!(events().iter().any(|event| matches!(event, Event::NewTerm { term: 2, .. })));
		assert_eq!(runners_up(), vec![C]);
		assert_eq!(bonded_qas(A) + bonded_qas(B), 2 * BOND);
	});
}

#[test]
fn a_kept_runner_up_that_may_no_longer_stand_leaves_the_runners_up() {
	build_and_execute(|| {
		a_and_b_elected_c_runner_up();
		two_validators_at_least();
		// A and C are no longer miners: A, sitting, stands to keep its seat and keeps it;
		// C, a runner-up but no supernode, is left out, so it is not kept as runner-up.
		deregister_miner(A);
		deregister_miner(C);

		next_term();

		assert_eq!(supernodes(), vec![A, B]);
		assert!(runners_up().is_empty());
		assert!(events().contains(&Event::CandidateDropped { who: C, bond: BOND }));
		assert!(!Candidates::<Test>::contains_key(C));
		// A still serves its term, holding its bond.
		assert_eq!(bonded_qas(A), BOND);
	});
}

#[test]
fn the_genesis_candidates_are_the_supernodes_of_term_0_without_being_miners() {
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_balances::GenesisConfig::<Test, pallet_balances::Instance2> {
		balances: vec![(NOT_A_MINER, QAS_ENDOWMENT), (V1, QAS_ENDOWMENT)],
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	crate::GenesisConfig::<Test> {
		candidates: vec![(NOT_A_MINER, 10)],
		voters: vec![(V1, 100, vec![NOT_A_MINER])],
		..test_genesis()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	sp_io::TestExternalities::new(storage).execute_with(|| {
		reset_miners();
		System::set_block_number(1);
		assert_eq!(supernodes(), vec![NOT_A_MINER]);
		// At the first election it must be a proving miner like any candidate; it is not,
		// but as a sitting supernode it stands to keep its seat, and nobody out-backs it.
		next_term();
		let ineligible =
			Event::CandidateIneligible { who: NOT_A_MINER, term: 1, reason: Ineligibility::NotAMiner };
		assert!(events().contains(&ineligible));
		assert_eq!(supernodes(), vec![NOT_A_MINER]);
		Supernodes::do_try_state().expect("the supernodes invariants hold");
	});
}
