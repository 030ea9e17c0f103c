//! Standing for election: who may, the bond, renouncing and the commission.

use crate::{mock::*, Candidate, Candidates, Error, Event};
use frame_support::{assert_noop, assert_ok};
use sp_runtime::Perbill;

#[test]
fn a_miner_with_recent_power_stands_and_holds_the_bond() {
	build_and_execute(|| {
		assert_ok!(Supernodes::submit_candidacy(RuntimeOrigin::signed(A), Perbill::from_percent(10)));

		assert_eq!(
			Candidates::<Test>::get(A),
			Some(Candidate {
				bond: BOND,
				posted: BOND,
				commission: Perbill::from_percent(10),
				slashed: Perbill::zero(),
				offence_session: None,
				last_validated: None,
			})
		);
		assert_eq!(bonded_qas(A), BOND);
		assert_eq!(free_qas(A), QAS_ENDOWMENT - BOND);
		assert_eq!(
			last_event(),
			Event::CandidacySubmitted { who: A, bond: BOND, commission: Perbill::from_percent(10) }
		);
	});
}

#[test]
fn power_in_one_of_the_last_min_proven_eras_is_enough() {
	build_and_execute(|| {
		// A and B proved in era 0 only; MinProvenEras is 2.
		stop_proving(A);
		stop_proving(B);
		next_era();
		next_era();
		stand(A, 0);
		next_era();
		assert_noop!(
			Supernodes::submit_candidacy(RuntimeOrigin::signed(B), Perbill::zero()),
			Error::<Test>::NoRecentPower
		);
		set_power(3, B, 1);
		stand(B, 0);
	});
}

#[test]
fn only_miners_with_accepted_power_and_enough_qas_stand() {
	build_and_execute(|| {
		let stand_with = |who| Supernodes::submit_candidacy(RuntimeOrigin::signed(who), Perbill::zero());
		assert_noop!(stand_with(NOT_A_MINER), Error::<Test>::NotAMiner);
		// A rejected proof leaves no accepted power.
		set_power(0, A, 0);
		assert_noop!(stand_with(A), Error::<Test>::NoRecentPower);
		assert_noop!(stand_with(POOR_MINER), Error::<Test>::InsufficientQas);
		stand(B, 0);
		assert_noop!(stand_with(B), Error::<Test>::AlreadyCandidate);
		assert_noop!(
			Supernodes::submit_candidacy(RuntimeOrigin::signed(C), Perbill::from_percent(51)),
			Error::<Test>::CommissionTooHigh
		);
		assert_eq!(Candidates::<Test>::count(), 1);
	});
}

#[test]
fn candidates_are_bounded_by_max_candidates() {
	build_and_execute(|| {
		for who in [A, B, C, D, E, F] {
			stand(who, 0);
		}
		make_miner(V1);
		assert_noop!(
			Supernodes::submit_candidacy(RuntimeOrigin::signed(V1), Perbill::zero()),
			Error::<Test>::TooManyCandidates
		);
		// A place frees up when a candidate renounces.
		assert_ok!(Supernodes::renounce_candidacy(RuntimeOrigin::signed(F)));
		stand(V1, 0);
	});
}

#[test]
fn renouncing_releases_the_bond_and_leaves_the_runners_up() {
	build_and_execute(|| {
		three_candidates_backed_300_200_100();
		next_term();
		assert_eq!(runners_up(), vec![C]);

		assert_ok!(Supernodes::renounce_candidacy(RuntimeOrigin::signed(C)));

		assert_eq!(bonded_qas(C), 0);
		assert_eq!(free_qas(C), QAS_ENDOWMENT);
		assert!(!Candidates::<Test>::contains_key(C));
		assert!(runners_up().is_empty());
		assert_eq!(last_event(), Event::CandidacyRenounced { who: C, bond: BOND });
	});
}

#[test]
fn a_supernode_serves_its_term_out() {
	build_and_execute(|| {
		stand(A, 0);
		assert_noop!(
			Supernodes::renounce_candidacy(RuntimeOrigin::signed(B)),
			Error::<Test>::NotCandidate
		);
		vote(V1, vec![A], 100);
		next_term();
		assert_eq!(supernodes(), vec![A]);
		assert_noop!(
			Supernodes::renounce_candidacy(RuntimeOrigin::signed(A)),
			Error::<Test>::StillSupernode
		);
		assert_eq!(bonded_qas(A), BOND);
	});
}

#[test]
fn a_candidate_sets_its_commission_within_the_maximum() {
	build_and_execute(|| {
		stand(A, 5);
		// An increase is announced a whole term ahead: from the term after the next.
		assert_ok!(Supernodes::set_commission(RuntimeOrigin::signed(A), Perbill::from_percent(50)));
		assert_eq!(Candidates::<Test>::get(A).unwrap().commission, Perbill::from_percent(5));
		assert_eq!(crate::PendingCommission::<Test>::get(A), Some((2, Perbill::from_percent(50))));
		assert_eq!(
			last_event(),
			Event::CommissionScheduled { who: A, commission: Perbill::from_percent(50), from_term: 2 }
		);
		// A decrease applies at once, and replaces the announced increase.
		assert_ok!(Supernodes::set_commission(RuntimeOrigin::signed(A), Perbill::from_percent(3)));
		assert_eq!(Candidates::<Test>::get(A).unwrap().commission, Perbill::from_percent(3));
		assert_eq!(crate::PendingCommission::<Test>::get(A), None);
		assert_eq!(last_event(), Event::CommissionSet { who: A, commission: Perbill::from_percent(3) });

		assert_noop!(
			Supernodes::set_commission(RuntimeOrigin::signed(A), Perbill::from_percent(60)),
			Error::<Test>::CommissionTooHigh
		);
		assert_noop!(
			Supernodes::set_commission(RuntimeOrigin::signed(B), Perbill::from_percent(5)),
			Error::<Test>::NotCandidate
		);
	});
}

#[test]
fn a_candidate_without_the_backing_to_be_elected_for_a_whole_term_is_dropped() {
	build_and_execute(|| {
		MinBacking::set(100);
		stand(A, 0);
		vote(V1, vec![A], 300);
		// The attack: fill the candidate slots with candidates nobody backs (or backs with
		// a token vote).
		for who in [B, C, D, E, F] {
			stand(who, 0);
		}
		vote(V2, vec![B], 10);
		make_miner(NOT_A_MINER);
		assert_noop!(
			Supernodes::submit_candidacy(RuntimeOrigin::signed(NOT_A_MINER), Perbill::zero()),
			Error::<Test>::TooManyCandidates
		);
		// The first election marks them; C finds backing in time.
		next_term();
		assert_eq!(crate::UnbackedCandidates::<Test>::get(B), Some(1));
		vote(V3, vec![C], 100);
		// The next one drops those still unbacked and releases their bonds.
		next_term();
		for who in [B, D, E, F] {
			assert!(Candidates::<Test>::get(who).is_none());
			assert_eq!(bonded_qas(who), 0);
			assert!(events().contains(&Event::CandidateDropped { who, bond: BOND }));
		}
		assert!(Candidates::<Test>::get(A).is_some() && Candidates::<Test>::get(C).is_some());
		assert_eq!(crate::UnbackedCandidates::<Test>::iter().count(), 0);
		// The slots are free again.
		make_miner(NOT_A_MINER);
		stand(NOT_A_MINER, 0);
	});
}

/// Gives `who` the QAS of the other test accounts and makes it a proving miner.
fn funded_miner(who: u64) {
	use frame_support::traits::fungible::Mutate;
	assert_ok!(QasBalances::mint_into(&who, QAS_ENDOWMENT));
	make_miner(who);
}

/// A … F stand (the list is full); A is backed by V1 with 300, B by V2 with 50 and C by
/// V3 with 10 (both below the minimum of 100), D, E and F by nobody; the election of term
/// 1 marks B … F unbacked.
fn a_full_list_with_five_unbacked_candidates() {
	MinBacking::set(100);
	for who in [A, B, C, D, E, F] {
		stand(who, 0);
	}
	vote(V1, vec![A], 300);
	vote(V2, vec![B], 50);
	vote(V3, vec![C], 10);
	next_term();
	assert_eq!(supernodes(), vec![A]);
	for who in [B, C, D, E, F] {
		assert_eq!(crate::UnbackedCandidates::<Test>::get(who), Some(1));
	}
}

/// The candidates displaced so far, in order.
fn displaced() -> Vec<(u64, u64)> {
	events()
		.into_iter()
		.filter_map(|event| match event {
			Event::CandidateDisplaced { who, by, bond } => {
				assert_eq!(bond, BOND);
				Some((who, by))
			},
			_ => None,
		})
		.collect()
}

#[test]
fn a_full_candidate_list_makes_room_for_a_newcomer_in_place_of_the_weakest_unbacked_candidate() {
	build_and_execute(|| {
		a_full_list_with_five_unbacked_candidates();
		let newcomers = [V4, V5, NOT_A_MINER, 41, 42, 43];
		for who in newcomers {
			funded_miner(who);
		}
		// The candidates nobody backs go first (in any order), then C (10), then B (50).
		for who in &newcomers[..5] {
			stand(*who, 0);
		}
		let displaced = displaced();
		let mut unbacked: Vec<u64> = displaced[..3].iter().map(|(who, _)| *who).collect();
		unbacked.sort();
		assert_eq!(unbacked, vec![D, E, F]);
		assert_eq!(displaced[3..], [(C, 41), (B, 42)]);
		assert_eq!(displaced.iter().map(|(_, by)| *by).collect::<Vec<_>>(), newcomers[..5]);
		for who in [B, C, D, E, F] {
			assert!(!Candidates::<Test>::contains_key(who));
			assert_eq!(crate::UnbackedCandidates::<Test>::get(who), None);
			assert_eq!(bonded_qas(who), 0);
		}
		// The newcomers are not marked until an election has counted their votes: the
		// list is full and nobody may be displaced.
		assert_noop!(
			Supernodes::submit_candidacy(RuntimeOrigin::signed(43), Perbill::zero()),
			Error::<Test>::TooManyCandidates
		);
		assert_eq!(Candidates::<Test>::count(), 6);
	});
}

#[test]
fn a_candidate_backed_since_the_election_keeps_its_place() {
	build_and_execute(|| {
		a_full_list_with_five_unbacked_candidates();
		// Backing that came after the election counts: B (50 + 60), C (10 + 90), and D, E
		// and F renounce.
		vote(V4, vec![B], 60);
		vote(V5, vec![C], 90);
		for who in [D, E, F] {
			assert_ok!(Supernodes::renounce_candidacy(RuntimeOrigin::signed(who)));
		}
		for who in [D, E, F] {
			funded_miner(40 + who);
			stand(40 + who, 0);
		}
		funded_miner(NOT_A_MINER);
		assert_noop!(
			Supernodes::submit_candidacy(RuntimeOrigin::signed(NOT_A_MINER), Perbill::zero()),
			Error::<Test>::TooManyCandidates
		);
		assert!(displaced().is_empty());
		// B's own vote does not count: with V4's vote gone, B is displaceable again.
		vote(B, vec![B], 5_000);
		assert_ok!(Supernodes::remove_voter(RuntimeOrigin::signed(V4)));
		stand(NOT_A_MINER, 0);
		assert_eq!(displaced(), vec![(B, NOT_A_MINER)]);
	});
}

#[test]
fn a_newcomer_that_cannot_stand_displaces_nobody() {
	build_and_execute(|| {
		a_full_list_with_five_unbacked_candidates();
		assert_noop!(
			Supernodes::submit_candidacy(RuntimeOrigin::signed(POOR_MINER), Perbill::zero()),
			Error::<Test>::InsufficientQas
		);
		funded_miner(NOT_A_MINER);
		assert_noop!(
			Supernodes::submit_candidacy(RuntimeOrigin::signed(NOT_A_MINER), Perbill::from_percent(51)),
			Error::<Test>::CommissionTooHigh
		);
		assert_noop!(
			Supernodes::submit_candidacy(RuntimeOrigin::signed(A), Perbill::zero()),
			Error::<Test>::AlreadyCandidate
		);
		assert!(displaced().is_empty());
	});
}
