//! Offences: an equivocating validator loses part of its bond and its candidacy.

use crate::{mock::*, Candidates, Event, Ineligibility};
use frame_support::{assert_ok, traits::fungible::Inspect, weights::Weight};
use sp_runtime::Perbill;
use sp_staking::offence::{OffenceDetails, OnOffenceHandler};

/// `pallet-offences` reports that `who` committed an offence in session 3 that costs
/// `percent` of its bond.
fn report(who: u64, percent: u32) {
	let details = OffenceDetails { offender: (who, ()), reporters: vec![V5] };
	<Supernodes as OnOffenceHandler<u64, (u64, ()), Weight>>::on_offence(
		&[details],
		&[Perbill::from_percent(percent)],
		3,
	);
}

fn treasury_qas() -> u64 {
	<QasBalances as Inspect<u64>>::balance(&TREASURY)
}

/// A and B are supernodes, C the runner-up.
fn elected() {
	three_candidates_backed_300_200_100();
	next_term();
	assert_eq!(supernodes(), vec![A, B]);
	assert_eq!(runners_up(), vec![C]);
}

#[test]
fn an_equivocating_supernode_loses_the_offences_part_of_its_bond_to_the_treasury() {
	build_and_execute(|| {
		elected();
		let treasury = treasury_qas();
		// One offender among four validators: (3 × 1 / 4)² = 56.25 %.
		report(A, 56);
		assert_eq!(last_event(), Event::OffenceSlashed { who: A, session: 3, slashed: 560, bond_left: 440 });
		assert_eq!(bonded_qas(A), 440);
		assert_eq!(treasury_qas(), treasury + 560);
		assert_eq!(Candidates::<Test>::get(A).unwrap().slashed, Perbill::from_percent(56));
		// It serves its term out: the validator set changes at term boundaries only.
		assert_eq!(supernodes(), vec![A, B]);
	});
}

/// The attack on the old rule: the part was taken of today's `CandidacyBond` parameter,
/// so a referendum raising the bond took an offender's whole bond for a small offence, and
/// one lowering it let every offender off lightly.
#[test]
fn an_offence_costs_a_part_of_the_bond_posted_not_of_todays_bond_parameter() {
	build_and_execute(|| {
		elected();
		CandidacyBond::set(4 * BOND);
		report(A, 20);
		assert_eq!(last_event(), Event::OffenceSlashed { who: A, session: 3, slashed: 200, bond_left: 800 });
		CandidacyBond::set(BOND / 10);
		report(B, 20);
		assert_eq!(last_event(), Event::OffenceSlashed { who: B, session: 3, slashed: 200, bond_left: 800 });
		assert_eq!(Candidates::<Test>::get(B).unwrap().posted, BOND);
	});
}

/// What the runtime asks before it lets a report through: a report that would slash
/// nothing is refused, so that it pays its fee (`runtime/tests/economic_security.rs`).
#[test]
fn an_offence_adds_a_slash_once_per_session_and_only_beyond_what_was_lost() {
	build_and_execute(|| {
		elected();
		let part = Perbill::from_percent;
		assert!(Supernodes::offence_adds_slash(&A, part(30), 3));
		assert!(Supernodes::may_be_slashed(&A));
		report(A, 30);
		assert_eq!(Candidates::<Test>::get(A).unwrap().offence_session, Some(3));
		// A second offence in session 3 is not punished, whatever its part.
		assert!(!Supernodes::offence_adds_slash(&A, part(60), 3));
		// In another session, only a larger part than it has lost adds anything.
		assert!(!Supernodes::offence_adds_slash(&A, part(30), 4));
		assert!(Supernodes::offence_adds_slash(&A, part(31), 4));
		assert!(Supernodes::may_be_slashed(&A));
		// Nothing is left to take of a bond lost whole, nor of an account that is no
		// candidate.
		report(B, 100);
		assert!(!Supernodes::may_be_slashed(&B));
		assert!(!Supernodes::offence_adds_slash(&B, part(100), 4));
		assert!(!Supernodes::may_be_slashed(&NOT_A_MINER));
		assert!(!Supernodes::offence_adds_slash(&NOT_A_MINER, part(100), 3));
	});
}

#[test]
fn a_small_offence_costs_at_least_the_minimum_slash() {
	build_and_execute(|| {
		elected();
		// One offender among 21 validators would lose 2 %; the floor is 10 %.
		report(B, 2);
		assert_eq!(last_event(), Event::OffenceSlashed { who: B, session: 3, slashed: 100, bond_left: 900 });
		assert_eq!(bonded_qas(B), 900);
	});
}

#[test]
fn a_report_again_with_more_offenders_slashes_only_what_it_adds() {
	build_and_execute(|| {
		elected();
		report(A, 30);
		assert_eq!(bonded_qas(A), 700);
		// The same offence, now with a second offender: the part grows to 56 %.
		report(A, 56);
		assert_eq!(last_event(), Event::OffenceSlashed { who: A, session: 3, slashed: 260, bond_left: 440 });
		// A smaller part than already lost takes nothing more.
		report(A, 20);
		assert_eq!(last_event(), Event::OffenceSlashed { who: A, session: 3, slashed: 0, bond_left: 440 });
		assert_eq!(bonded_qas(A), 440);
	});
}

#[test]
fn an_offender_is_not_elected_again_and_its_candidacy_ends_with_its_term() {
	build_and_execute(|| {
		elected();
		report(A, 56);
		next_term();
		// V1's 300 QAS for A no longer elect it: C takes its seat.
		assert_eq!(supernodes(), vec![B, C]);
		let ineligible = Event::CandidateIneligible { who: A, term: 2, reason: Ineligibility::Offence };
		assert!(events().contains(&ineligible));
		// It validated era 5 last: what is left of its bond stays within reach of reports
		// for two more eras (the mock's window), then it withdraws it.
		assert!(events().contains(&Event::CandidateDropped { who: A, bond: 0 }));
		assert!(events().contains(&Event::BondRetired { who: A, bond: 440, release_era: 8 }));
		assert!(!Candidates::<Test>::contains_key(A));
		assert_eq!(bonded_qas(A), 440);
		next_era();
		next_era();
		assert_ok!(Supernodes::withdraw_retired_bond(RuntimeOrigin::signed(A)));
		assert_eq!(bonded_qas(A), 0);
		assert_eq!(free_qas(A), QAS_ENDOWMENT - 560);
		// It may stand again, with a whole new bond.
		set_power(CurrentEra::get(), A, 1_000);
		stand(A, 0);
		assert_eq!(bonded_qas(A), BOND);
		assert_eq!(Candidates::<Test>::get(A).unwrap().slashed, Perbill::zero());
	});
}

#[test]
fn an_offending_runner_up_leaves_the_runners_up_at_once() {
	build_and_execute(|| {
		elected();
		report(C, 10);
		assert!(runners_up().is_empty());
		assert_eq!(bonded_qas(C), 900);
		// Not serving, it is dropped at the next election.
		next_term();
		assert!(events().contains(&Event::CandidateDropped { who: C, bond: 900 }));
		assert_eq!(supernodes(), vec![A, B]);
	});
}

#[test]
fn an_offence_of_an_account_that_no_longer_stands_changes_nothing() {
	build_and_execute(|| {
		let treasury = treasury_qas();
		report(D, 100);
		assert!(events().is_empty());
		assert_eq!(treasury_qas(), treasury);
		assert_eq!(free_qas(D), QAS_ENDOWMENT);
	});
}
