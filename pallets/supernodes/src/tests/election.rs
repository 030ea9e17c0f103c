//! Elections: sequential Phragmén at the start of every term.

use crate::{mock::*, CurrentTerm, ElectionParams, Error, Event, NextElectionEra, Params};
use frame_support::{assert_noop, assert_ok};
use sp_runtime::DispatchError;

/// The support each supernode got from Phragmén.
fn supports() -> Vec<(u64, u64)> {
	crate::Supernodes::<Test>::get().into_iter().map(|e| (e.who, e.support)).collect()
}

#[test]
fn phragmen_elects_the_result_worked_out_by_hand() {
	build_and_execute(|| {
		for who in [A, B, C] {
			stand(who, 0);
		}
		vote(V1, vec![A, B], 100);
		vote(V2, vec![B], 50);
		vote(V3, vec![C], 40);

		next_term();

		// Round 1: scores are 1/approval: A 1/100, B 1/150, C 1/40. B wins; V1 and V2
		// carry a load of 1/150.
		// Round 2: A scores 1/100 + 100 × (1/150) / 100 = 1/60, C 1/40. A wins; V1's load
		// on A is 1/60 − 1/150 = 1/100, its total 1/60.
		// V1's 100 splits by load: B (1/150) / (1/60) = 40 %, A (1/100) / (1/60) = 60 %.
		// B: 40 from V1 + 50 from V2 = 90; A: 60. C, the runner-up, has V3's 40.
		assert_eq!(supports(), vec![(B, 90), (A, 60)]);
		assert_eq!(runners_up(), vec![C]);
		assert_eq!(CurrentTerm::<Test>::get(), 1);
		assert_eq!(
			last_event(),
			Event::NewTerm { term: 1, supernodes: vec![(B, 90), (A, 60)], runners_up: vec![C] }
		);
	});
}

#[test]
fn elections_are_held_every_term_length_eras() {
	build_and_execute(|| {
		assert_eq!(NextElectionEra::<Test>::get(), TERM);
		stand(A, 0);
		vote(V1, vec![A], 100);
		next_era();
		next_era();
		assert!(supernodes().is_empty());
		next_era();
		assert_eq!(supernodes(), vec![A]);
		assert_eq!(NextElectionEra::<Test>::get(), 2 * TERM);

		// Votes cast during the term count at the next election.
		make_miner(B);
		stand(B, 0);
		vote(V2, vec![B], 500);
		next_era();
		assert_eq!(supernodes(), vec![A]);
		next_term();
		assert_eq!(supernodes(), vec![B, A]);
		assert_eq!(CurrentTerm::<Test>::get(), 2);
	});
}

#[test]
fn candidates_without_votes_are_not_elected() {
	build_and_execute(|| {
		for who in [A, B, C] {
			stand(who, 0);
		}
		vote(V1, vec![A], 100);
		next_term();
		assert_eq!(supernodes(), vec![A]);
		assert!(runners_up().is_empty());
	});
}

#[test]
fn an_election_electing_too_few_keeps_the_supernodes() {
	build_and_execute(|| {
		stand(A, 0);
		vote(V1, vec![A], 100);
		next_term();
		assert_eq!(supernodes(), vec![A]);

		assert_ok!(Supernodes::set_election_params(
			RuntimeOrigin::root(),
			ElectionParams { min_validators: 2, ..test_params() }
		));
		next_term();

		assert_eq!(supernodes(), vec![A]);
		assert_eq!(last_event(), Event::SupernodesKept { term: 2, elected: 1 });
	});
}

#[test]
fn election_params_are_set_by_the_params_origin_within_bounds() {
	build_and_execute(|| {
		let params = ElectionParams { term_length: 5, desired_supernodes: 4, desired_runners_up: 2, min_validators: 3 };
		assert_ok!(Supernodes::set_election_params(RuntimeOrigin::root(), params));
		assert_eq!(Params::<Test>::get(), params);
		assert_eq!(last_event(), Event::ElectionParamsSet { params });

		assert_noop!(
			Supernodes::set_election_params(RuntimeOrigin::signed(A), test_params()),
			DispatchError::BadOrigin
		);
		for bad in [
			ElectionParams { term_length: 0, ..params },
			ElectionParams { term_length: 11, ..params },
			ElectionParams { desired_supernodes: 0, min_validators: 0, ..params },
			ElectionParams { desired_supernodes: 5, ..params },
			ElectionParams { desired_runners_up: 3, ..params },
			ElectionParams { min_validators: 0, ..params },
			ElectionParams { min_validators: 5, ..params },
		] {
			assert_noop!(
				Supernodes::set_election_params(RuntimeOrigin::root(), bad),
				Error::<Test>::InvalidParams
			);
		}
	});
}

#[test]
fn a_new_term_length_applies_from_the_next_election() {
	build_and_execute(|| {
		assert_ok!(Supernodes::set_election_params(
			RuntimeOrigin::root(),
			ElectionParams { term_length: 5, ..test_params() }
		));
		assert_eq!(NextElectionEra::<Test>::get(), TERM);
		next_term();
		assert_eq!(NextElectionEra::<Test>::get(), TERM + 5);
	});
}

#[test]
fn a_seat_is_never_won_with_a_token_vote() {
	build_and_execute(|| {
		MinBacking::set(100);
		stand(A, 0);
		stand(B, 0);
		// The attack: two seats, one honest candidate; B takes the other with the smallest
		// vote there is.
		vote(V1, vec![A], 300);
		vote(V2, vec![B], 10);
		next_term();
		assert_eq!(supernodes(), vec![A]);
		assert_eq!(runners_up(), Vec::<u64>::new());
		// With the minimum behind it, B is elected.
		vote(V3, vec![B], 90);
		next_term();
		assert_eq!(supernodes(), vec![A, B]);
	});
}

#[test]
fn a_candidates_own_vote_does_not_count_towards_the_backing_a_seat_needs() {
	build_and_execute(|| {
		MinBacking::set(100);
		stand(A, 0);
		vote(V1, vec![A], 300);
		// The attack: B backs itself with more than A has. Held QAS may vote, so this is
		// the QAS of its bond voting again.
		stand(B, 0);
		vote(B, vec![B], 1_000);
		next_term();
		assert_eq!(supernodes(), vec![A]);
		assert_eq!(runners_up(), Vec::<u64>::new());
		assert_eq!(crate::UnbackedCandidates::<Test>::get(B), Some(1));
		// Backed by another account with the minimum, B stands, and its own vote then
		// counts in Phragmén like any other.
		vote(V2, vec![B], 100);
		next_term();
		assert_eq!(supernodes(), vec![B, A]);
		assert_eq!(supports(), vec![(B, 1_100), (A, 300)]);
		assert_eq!(crate::UnbackedCandidates::<Test>::get(B), None);
	});
}

#[test]
fn a_vote_for_several_candidates_backs_each_with_its_share() {
	build_and_execute(|| {
		MinBacking::set(100);
		stand(A, 0);
		stand(B, 0);
		// 150 QAS for two candidates back each with 75: neither has what a seat needs.
		vote(V1, vec![A, B], 150);
		next_term();
		assert_eq!(supernodes(), Vec::<u64>::new());
		assert!(events().contains(&Event::SupernodesKept { term: 1, elected: 0 }));
		// 25 more for A alone make 100.
		vote(V2, vec![A], 25);
		next_term();
		assert_eq!(supernodes(), vec![A]);
		assert_eq!(runners_up(), Vec::<u64>::new());
	});
}
