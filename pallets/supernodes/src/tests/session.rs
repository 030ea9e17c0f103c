//! Supernodes as validators: the set handed to the session pallet.

use crate::{mock::*, ElectionParams, Event, PlannedValidators};
use frame_support::assert_ok;
use poseidon_primitives::supernodes::SupernodeSet;

#[test]
fn elected_supernodes_with_session_keys_are_planned_as_validators() {
	build_and_execute(|| {
		three_candidates_backed_300_200_100();
		set_keys(A);
		next_term();
		assert_eq!(supernodes(), vec![A, B]);

		// Only A has keys.
		assert_eq!(Supernodes::plan_validators(), Some(vec![A]));
		assert_eq!(last_event(), Event::ValidatorsPlanned { validators: vec![A] });
		// Unchanged: the same set again (so the session history records its keys), and no
		// event.
		let events_before = events().len();
		assert_eq!(Supernodes::plan_validators(), Some(vec![A]));
		assert_eq!(events().len(), events_before);
		// B registers keys during the term and joins at the next session.
		set_keys(B);
		assert_eq!(Supernodes::plan_validators(), Some(vec![A, B]));
		assert_eq!(PlannedValidators::<Test>::get().into_inner(), vec![A, B]);
		// A runner-up with keys does not validate.
		set_keys(C);
		assert_eq!(Supernodes::plan_validators(), Some(vec![A, B]));
	});
}

#[test]
fn too_few_keyed_supernodes_keep_the_current_validators() {
	build_and_execute(|| {
		for who in [A, B] {
			stand(who, 0);
		}
		vote(V1, vec![A, B], 300);
		assert_ok!(Supernodes::set_election_params(
			RuntimeOrigin::root(),
			ElectionParams { min_validators: 2, ..test_params() }
		));
		set_keys(A);
		next_term();
		assert_eq!(supernodes().len(), 2);
		assert_eq!(Supernodes::plan_validators(), None);
		assert!(PlannedValidators::<Test>::get().is_empty());
	});
}

#[test]
fn the_supernode_set_is_the_elected_one() {
	build_and_execute(|| {
		assert_eq!(<Supernodes as SupernodeSet<u64>>::supernode_count(), 0);
		stand(A, 0);
		vote(V1, vec![A], 100);
		next_term();
		assert!(<Supernodes as SupernodeSet<u64>>::is_supernode(&A));
		assert!(!<Supernodes as SupernodeSet<u64>>::is_supernode(&B));
		assert_eq!(<Supernodes as SupernodeSet<u64>>::supernode_count(), 1);
	});
}

/// An offender serves no longer than the session after its offence was reported: it is
/// left out of the next set, unless that would leave fewer than `min_validators`.
#[test]
fn an_offender_is_left_out_of_the_next_sessions_validators() {
	build_and_execute(|| {
		three_candidates_backed_300_200_100();
		set_keys(A);
		set_keys(B);
		next_term();
		assert_eq!(Supernodes::plan_validators(), Some(vec![A, B]));
		Supernodes::punish_offence(&B, sp_runtime::Perbill::from_percent(20), 3);
		assert_eq!(Supernodes::plan_validators(), Some(vec![A]));
		// Should A offend too, the set stays as it is rather than go below one validator.
		Supernodes::punish_offence(&A, sp_runtime::Perbill::from_percent(20), 3);
		assert_eq!(Supernodes::plan_validators(), Some(vec![A]));
		assert_eq!(PlannedValidators::<Test>::get().into_inner(), vec![A]);
	});
}
