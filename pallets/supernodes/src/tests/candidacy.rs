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
			Some(Candidate { bond: BOND, commission: Perbill::from_percent(10), slashed: Perbill::zero() })
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
		assert_ok!(Supernodes::set_commission(RuntimeOrigin::signed(A), Perbill::from_percent(50)));
		assert_eq!(Candidates::<Test>::get(A).unwrap().commission, Perbill::from_percent(50));
		assert_eq!(last_event(), Event::CommissionSet { who: A, commission: Perbill::from_percent(50) });

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
