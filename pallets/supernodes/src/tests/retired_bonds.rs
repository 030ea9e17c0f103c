//! Retired bonds: a validator's bond stays within reach of offence reports after its
//! candidacy ends, until the report window has passed.

use crate::{mock::*, Candidates, Error, Event, RetiredBond, RetiredBonds};
use frame_support::{assert_noop, assert_ok};
use sp_runtime::Perbill;

/// B, out-backed at era 6, validated era 5 last: with a window of two eras its bond is
/// within reach until era 8.
fn b_loses_its_seat() {
	three_candidates_backed_300_200_100();
	next_term();
	assert_eq!(supernodes(), vec![A, B]);
	vote(V4, vec![C], 1_000);
	next_term();
	assert_eq!(supernodes(), vec![C, A]);
	assert_eq!(Candidates::<Test>::get(B).unwrap().last_validated, Some(5));
}

/// The attack on the old rule: a validator whose candidacy ended got its bond back at
/// once, while offences of its last eras could still be reported: it validated, or could
/// be reported for its last equivocations, with nothing at stake.
#[test]
fn a_former_validator_that_renounces_keeps_its_bond_within_reach_of_reports() {
	build_and_execute(|| {
		b_loses_its_seat();
		assert_ok!(Supernodes::renounce_candidacy(RuntimeOrigin::signed(B)));
		assert!(events().contains(&Event::BondRetired { who: B, bond: BOND, release_era: 8 }));
		assert_eq!(last_event(), Event::CandidacyRenounced { who: B, bond: 0 });
		assert_eq!(bonded_qas(B), BOND);
		assert_eq!(
			RetiredBonds::<Test>::get(B),
			Some(RetiredBond {
				bond: BOND,
				posted: BOND,
				slashed: Perbill::zero(),
				offence_session: None,
				release_era: 8
			})
		);

		// An equivocation of its last session, reported now, costs it as if it still stood.
		assert!(Supernodes::offence_adds_slash(&B, Perbill::from_percent(56), 5));
		Supernodes::punish_offence(&B, Perbill::from_percent(56), 5);
		assert_eq!(last_event(), Event::OffenceSlashed { who: B, session: 5, slashed: 560, bond_left: 440 });
		assert_eq!(bonded_qas(B), 440);
		assert!(!Supernodes::offence_adds_slash(&B, Perbill::from_percent(90), 5));

		// Era 7: still within reach.
		next_era();
		assert_noop!(
			Supernodes::withdraw_retired_bond(RuntimeOrigin::signed(B)),
			Error::<Test>::RetiredBondAtRisk
		);
		// Era 8: released.
		next_era();
		let free = free_qas(B);
		assert_ok!(Supernodes::withdraw_retired_bond(RuntimeOrigin::signed(B)));
		assert_eq!(last_event(), Event::RetiredBondReleased { who: B, bond: 440 });
		assert_eq!(free_qas(B), free + 440);
		assert_eq!(bonded_qas(B), 0);
		assert!(!RetiredBonds::<Test>::contains_key(B));
		assert!(!Supernodes::may_be_slashed(&B));
	});
}

#[test]
fn a_candidate_that_never_validated_gets_its_bond_back_at_once() {
	build_and_execute(|| {
		stand(D, 0);
		let free = free_qas(D);
		assert_ok!(Supernodes::renounce_candidacy(RuntimeOrigin::signed(D)));
		assert_eq!(last_event(), Event::CandidacyRenounced { who: D, bond: BOND });
		assert_eq!(free_qas(D), free + BOND);
		assert!(!RetiredBonds::<Test>::contains_key(D));
	});
}

#[test]
fn a_former_validator_outside_the_window_gets_its_bond_back_at_once() {
	build_and_execute(|| {
		b_loses_its_seat();
		// Era 8: era 5, the last B validated in, has left the window.
		next_era();
		next_era();
		let free = free_qas(B);
		assert_ok!(Supernodes::renounce_candidacy(RuntimeOrigin::signed(B)));
		assert_eq!(last_event(), Event::CandidacyRenounced { who: B, bond: BOND });
		assert_eq!(free_qas(B), free + BOND);
		assert!(!RetiredBonds::<Test>::contains_key(B));
	});
}

#[test]
fn an_account_with_a_retired_bond_stands_again_only_once_it_has_withdrawn_it() {
	build_and_execute(|| {
		b_loses_its_seat();
		assert_ok!(Supernodes::renounce_candidacy(RuntimeOrigin::signed(B)));
		assert_noop!(
			Supernodes::submit_candidacy(RuntimeOrigin::signed(B), Perbill::zero()),
			Error::<Test>::RetiredBondHeld
		);
		next_era();
		next_era();
		assert_ok!(Supernodes::withdraw_retired_bond(RuntimeOrigin::signed(B)));
		stand(B, 0);
		assert_eq!(bonded_qas(B), BOND);
	});
}

#[test]
fn withdrawing_without_a_retired_bond_is_refused() {
	build_and_execute(|| {
		assert_noop!(Supernodes::withdraw_retired_bond(RuntimeOrigin::signed(A)), Error::<Test>::NoRetiredBond);
		stand(A, 0);
		assert_noop!(Supernodes::withdraw_retired_bond(RuntimeOrigin::signed(A)), Error::<Test>::NoRetiredBond);
	});
}
