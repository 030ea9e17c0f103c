//! The supernode pool: equal parts, commissions, backers pro rata, lazy claims.

use crate::{
	mock::*, AuthoredBlocks, BackingCohorts, Candidates, EraValidators, Error, Ledger, Event, PendingCommission,
	UnclaimedRewards,
	Voters,
};
use frame_support::{assert_noop, assert_ok};
use sp_runtime::Perbill;

/// B (10 % commission) and A (20 %) elected; V1 backs A and B with 50 each, V2 backs B
/// with 50, V3 backs C, the runner-up, with 40.
fn two_supernodes() {
	stand(A, 20);
	stand(B, 10);
	stand(C, 0);
	vote(V1, vec![A, B], 100);
	vote(V2, vec![B], 50);
	vote(V3, vec![C], 40);
	next_term();
	assert_eq!(supernodes(), vec![B, A]);
}

fn claim(who: u64) -> u64 {
	let before = qqq(who);
	assert_ok!(Supernodes::claim_rewards(RuntimeOrigin::signed(who)));
	qqq(who) - before
}

#[test]
fn each_supernode_keeps_its_commission_and_its_backers_share_the_rest() {
	build_and_execute(|| {
		two_supernodes();
		settle(3, 1_000);
		assert_eq!(last_event(), Event::PoolShared { era: 3, amount: 1_000, supernodes: 2 });

		// 500 each. B keeps 50 and its backers V1 and V2 (50 stake each) share 450; A keeps
		// 100 and its only backer V1 gets 400. C was not elected: V3 gets nothing.
		assert_eq!(Supernodes::pending_rewards(&B), 50);
		assert_eq!(Supernodes::pending_rewards(&A), 100);
		assert_eq!(Supernodes::pending_rewards(&V1), 225 + 400);
		assert_eq!(Supernodes::pending_rewards(&V2), 225);
		assert_eq!(Supernodes::pending_rewards(&V3), 0);

		assert_eq!(claim(V1), 625);
		assert_eq!(claim(V2), 225);
		assert_eq!(claim(B), 50);
		assert_eq!(claim(A), 100);
		assert_eq!(last_event(), Event::RewardsClaimed { who: A, amount: 100 });
		// Everything was paid out; the pool account keeps its existential deposit.
		assert_eq!(qqq(pool()), 1);
	});
}

#[test]
fn a_claim_pays_only_what_was_earned_since_the_last_one() {
	build_and_execute(|| {
		two_supernodes();
		settle(3, 1_000);
		assert_eq!(claim(V2), 225);
		assert_noop!(Supernodes::claim_rewards(RuntimeOrigin::signed(V2)), Error::<Test>::NothingToClaim);
		settle(4, 2_000);
		assert_eq!(claim(V2), 450);
		assert_eq!(claim(V1), 625 * 3);
	});
}

#[test]
fn rewards_earned_before_a_vote_changes_are_kept() {
	build_and_execute(|| {
		two_supernodes();
		settle(3, 1_000);
		// V2 moves its vote to C (not a supernode), then removes it: what it earned stays.
		vote(V2, vec![C], 50);
		settle(4, 1_000);
		assert_ok!(Supernodes::remove_voter(RuntimeOrigin::signed(V2)));
		assert_eq!(UnclaimedRewards::<Test>::get(V2), 225);
		assert_eq!(claim(V2), 225);
		// After V2 left, B's 450 of era 4 went to V1 alone.
		assert_eq!(claim(V1), 625 + 450 + 400);
	});
}

#[test]
fn a_supernode_without_backers_keeps_its_whole_part() {
	build_and_execute(|| {
		two_supernodes();
		assert_ok!(Supernodes::remove_voter(RuntimeOrigin::signed(V1)));
		settle(3, 1_000);
		// B's backers: V2 alone gets 450; A has no backers left and keeps all 500.
		assert_eq!(Supernodes::pending_rewards(&A), 500);
		assert_eq!(Supernodes::pending_rewards(&V2), 450);
	});
}

#[test]
fn what_an_equal_division_leaves_over_goes_into_the_next_pool() {
	build_and_execute(|| {
		two_supernodes();
		settle(3, 1_001);
		assert_eq!(Ledger::<Test>::get().carried, 1);
		settle(4, 1);
		assert_eq!(Ledger::<Test>::get().carried, 0);
		assert_eq!(last_event(), Event::PoolShared { era: 4, amount: 2, supernodes: 2 });
	});
}

#[test]
fn without_supernodes_the_pool_goes_to_the_treasury() {
	build_and_execute(|| {
		let treasury = qqq(TREASURY);
		settle(0, 300);
		assert_eq!(qqq(TREASURY), treasury + 300);
		assert_eq!(last_event(), Event::PoolSentToTreasury { era: 0, amount: 300 });
		assert_noop!(Supernodes::claim_rewards(RuntimeOrigin::signed(V1)), Error::<Test>::NothingToClaim);
	});
}

#[test]
fn an_empty_pool_changes_nothing() {
	build_and_execute(|| {
		two_supernodes();
		let before = events().len();
		settle(3, 0);
		assert_eq!(events().len(), before);
		assert_eq!(Supernodes::pending_rewards(&V1), 0);
	});
}

#[test]
fn a_commission_raise_applies_after_a_whole_term_and_to_the_pools_of_its_own_term() {
	build_and_execute(|| {
		two_supernodes();
		// The attack: B, elected at 10 % for term 1 (eras 3 to 5), raises to the maximum
		// right before the pool.
		assert_ok!(Supernodes::set_commission(RuntimeOrigin::signed(B), Perbill::from_percent(50)));
		assert_eq!(
			last_event(),
			Event::CommissionScheduled { who: B, commission: Perbill::from_percent(50), from_term: 3 }
		);
		settle(3, 1_000);
		// B's part is 500: 10 % is still what it keeps this term.
		assert_eq!(Supernodes::pending_rewards(&B), 50);
		assert_eq!(Supernodes::pending_rewards(&V2), 225);
		// Term 2, the whole term its backers have to react in: still 10 %.
		next_term();
		settle(6, 1_000);
		assert_eq!(Supernodes::pending_rewards(&B), 100);
		// Term 3 (from era 9): the pool of era 8, term 2's last, shared after the election,
		// is still at 10 %; era 9's is at 50 %.
		next_term();
		settle(8, 1_000);
		assert_eq!(Supernodes::pending_rewards(&B), 150);
		assert_eq!(PendingCommission::<Test>::get(B), Some((3, Perbill::from_percent(50))));
		settle(9, 1_000);
		assert_eq!(Supernodes::pending_rewards(&B), 150 + 250);
		assert_eq!(Candidates::<Test>::get(B).unwrap().commission, Perbill::from_percent(50));
		assert_eq!(PendingCommission::<Test>::get(B), None);
	});
}

#[test]
fn a_candidate_raising_its_commission_just_before_its_election_keeps_the_old_one_for_that_term() {
	build_and_execute(|| {
		two_supernodes();
		// The attack: C, a runner-up at 0 %, raises to the maximum in the last era before
		// the election that its backers are about to win for it.
		next_era();
		next_era();
		assert_ok!(Supernodes::set_commission(RuntimeOrigin::signed(C), Perbill::from_percent(50)));
		assert_eq!(
			last_event(),
			Event::CommissionScheduled { who: C, commission: Perbill::from_percent(50), from_term: 3 }
		);
		vote(V3, vec![C], 400);
		next_term();
		assert!(supernodes().contains(&C));
		// Its whole first term is at the commission its voters elected it with.
		settle(6, 1_000);
		assert_eq!(Supernodes::pending_rewards(&C), 0);
		assert_eq!(Supernodes::pending_rewards(&V3), 500);
	});
}

#[test]
fn a_lower_commission_applies_at_once() {
	build_and_execute(|| {
		two_supernodes();
		assert_ok!(Supernodes::set_commission(RuntimeOrigin::signed(B), Perbill::from_percent(50)));
		assert_ok!(Supernodes::set_commission(RuntimeOrigin::signed(B), Perbill::zero()));
		assert_eq!(last_event(), Event::CommissionSet { who: B, commission: Perbill::zero() });
		assert_eq!(PendingCommission::<Test>::get(B), None);
		settle(3, 1_000);
		assert_eq!(Supernodes::pending_rewards(&B), 0);
		assert_eq!(Supernodes::pending_rewards(&V2), 250);
	});
}

#[test]
fn a_vote_cast_just_before_a_pool_earns_nothing_of_it() {
	build_and_execute(|| {
		two_supernodes();
		// The attack: era 3 is over and its pool is about to be shared; V4 backs A (one
		// backer of 50) with 1 000 QAS in the block before, to take most of A's part.
		next_era();
		vote(V4, vec![A], 1_000);
		assert_eq!(Voters::<Test>::get(V4).unwrap().earns_from, 5);
		settle(3, 1_000);
		assert_eq!(Supernodes::pending_rewards(&V4), 0);
		assert_noop!(Supernodes::claim_rewards(RuntimeOrigin::signed(V4)), Error::<Test>::NothingToClaim);
		// A's backers got what they would have without it.
		assert_eq!(Supernodes::pending_rewards(&V1), 225 + 400);
		// Leaving right after takes nothing either.
		assert_ok!(Supernodes::remove_voter(RuntimeOrigin::signed(V4)));
		assert_eq!(UnclaimedRewards::<Test>::get(V4), 0);
		assert_eq!(Supernodes::pending_rewards(&V4), 0);
	});
}

#[test]
fn a_new_vote_earns_from_the_pool_of_the_next_era_on() {
	build_and_execute(|| {
		two_supernodes();
		vote(V4, vec![A], 50);
		// Cast in era 3: it shares the pool of era 4, not era 3's.
		settle(3, 1_000);
		assert_eq!(Supernodes::pending_rewards(&V4), 0);
		next_era();
		settle(4, 1_000);
		// A's 400 for backers are shared by V1 (50) and V4 (50).
		assert_eq!(Supernodes::pending_rewards(&V4), 200);
		assert_eq!(Supernodes::pending_rewards(&V1), 625 + 225 + 200);
		assert_eq!(claim(V4), 200);
		assert_eq!(BackingCohorts::<Test>::get(A, 4), None, "its only voter read the cohort");
	});
}

#[test]
fn a_cohort_of_a_candidate_that_was_not_elected_joins_when_it_is() {
	build_and_execute(|| {
		two_supernodes();
		// C is a runner-up: V3's vote (cast in era 0) has waited all along.
		settle(3, 1_000);
		assert_eq!(Supernodes::pending_rewards(&V3), 0);
		assert_ok!(Supernodes::remove_voter(RuntimeOrigin::signed(V1)));
		assert_ok!(Supernodes::remove_voter(RuntimeOrigin::signed(V2)));
		vote(V1, vec![C], 100);
		next_term();
		assert_eq!(supernodes(), vec![C]);
		settle(6, 1_000);
		// C (no commission) has V3 (40, since era 1) and V1 (100, since era 4) behind it.
		assert_eq!(Supernodes::pending_rewards(&V3), 285);
		assert_eq!(Supernodes::pending_rewards(&V1), 625 + 714);
	});
}

/// The attack on the old rule: a pool was divided among the supernodes in office when it
/// settled, so a seat change between an era and its settlement paid the new supernodes
/// (or, as they authored nothing, the treasury) for the outgoing validators' blocks.
#[test]
fn an_eras_pool_goes_to_its_validators_after_the_seats_changed() {
	build_and_execute(|| {
		two_supernodes();
		// Era 3: B and A validate and produce its blocks.
		assert_eq!(EraValidators::<Test>::get(3).into_inner(), vec![B, A]);
		Supernodes::note_author(&A);
		Supernodes::note_author(&B);
		// V4 backs C with more than A and B have: C takes a seat at the next election,
		// before era 3's pool arrives.
		vote(V4, vec![C], 1_000);
		next_term();
		assert_eq!(supernodes(), vec![C, B]);
		let treasury = qqq(TREASURY);
		settle_as_authored(3, 1_000);

		assert_eq!(last_event(), Event::PoolShared { era: 3, amount: 1_000, supernodes: 2 });
		assert!(!events().iter().any(|e| matches!(e, Event::SupernodeOffline { .. })));
		assert_eq!(qqq(TREASURY), treasury);
		// As if nothing had changed: A keeps 100 of its 500 and V1 gets 400; B keeps 50 and
		// V1 and V2 share 450. C and its backers get nothing of an era they did not validate.
		assert_eq!(Supernodes::pending_rewards(&A), 100);
		assert_eq!(Supernodes::pending_rewards(&B), 50);
		assert_eq!(Supernodes::pending_rewards(&V1), 400 + 225);
		assert_eq!(Supernodes::pending_rewards(&V2), 225);
		assert_eq!(Supernodes::pending_rewards(&C), 0);
		assert_eq!(Supernodes::pending_rewards(&V4), 0);
		assert!(!EraValidators::<Test>::contains_key(3));
	});
}

#[test]
fn an_era_without_validators_on_record_sends_its_pool_to_the_treasury() {
	build_and_execute(|| {
		let treasury = qqq(TREASURY);
		settle_as_authored(0, 1_000);
		assert_eq!(last_event(), Event::PoolSentToTreasury { era: 0, amount: 1_000 });
		assert_eq!(qqq(TREASURY), treasury + 1_000);
	});
}

#[test]
fn a_supernode_that_authored_nothing_in_the_era_gets_nothing_of_its_pool() {
	build_and_execute(|| {
		two_supernodes();
		// Only B's node produced blocks in era 3; A was offline (or never set keys).
		Supernodes::note_author(&B);
		Supernodes::note_author(&B);
		assert_eq!(AuthoredBlocks::<Test>::get(3, B), 2);
		let treasury = qqq(TREASURY);
		settle_as_authored(3, 1_000);

		assert!(events().contains(&Event::SupernodeOffline { era: 3, who: A, forfeited: 500 }));
		// A's part goes to the treasury, not to B: nobody gains by keeping a rival offline.
		assert_eq!(qqq(TREASURY), treasury + 500);
		assert_eq!(Supernodes::pending_rewards(&A), 0);
		assert_eq!(Supernodes::pending_rewards(&B), 50);
		assert_eq!(Supernodes::pending_rewards(&V1), 225);
		assert_eq!(Supernodes::pending_rewards(&V2), 225);
		// The era's authorship records are gone once it is shared.
		assert_eq!(AuthoredBlocks::<Test>::iter_prefix(3).count(), 0);
	});
}
