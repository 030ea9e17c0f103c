//! Votes: locking QAS behind candidates, replacing and removing a vote, and the bounds.

use crate::{mock::*, BackingCohorts, Backings, Error, Event, Voters};
use frame_support::{assert_noop, assert_ok};

/// The stake backing `who` (earning, or waiting to earn from the next era) and its votes.
fn backing(who: u64) -> Option<(u128, u32)> {
	Backings::<Test>::get(who).map(|backing| {
		let waiting: u128 =
			backing.waiting.iter().filter_map(|era| BackingCohorts::<Test>::get(who, era)).map(|c| c.stake).sum();
		(backing.stake + waiting, backing.voters)
	})
}

#[test]
fn a_vote_locks_qas_and_backs_each_target_equally() {
	build_and_execute(|| {
		stand(A, 0);
		stand(B, 0);
		assert_ok!(Supernodes::vote(RuntimeOrigin::signed(V1), bounded(vec![A, B]), 600));

		assert_eq!(locked_qas(V1), 600);
		let voter = Voters::<Test>::get(V1).unwrap();
		assert_eq!((voter.amount, voter.stake_per_target), (600, 300));
		assert_eq!(backing(A), Some((300, 1)));
		assert_eq!(backing(B), Some((300, 1)));
		assert_eq!(last_event(), Event::Voted { who: V1, amount: 600, targets: vec![A, B], earns_from: 1 });
		// Locked QAS cannot be transferred away.
		assert!(<QasBalances as frame_support::traits::fungible::Mutate<u64>>::transfer(
			&V1,
			&V2,
			QAS_ENDOWMENT - 500,
			frame_support::traits::tokens::Preservation::Expendable
		)
		.is_err());
	});
}

#[test]
fn a_new_vote_replaces_the_old_one() {
	build_and_execute(|| {
		for who in [A, B, C] {
			stand(who, 0);
		}
		vote(V1, vec![A, B], 600);
		vote(V2, vec![A], 100);

		vote(V1, vec![C], 50);

		assert_eq!(locked_qas(V1), 50);
		assert_eq!(backing(A), Some((100, 1)));
		assert_eq!(backing(B), None);
		assert_eq!(backing(C), Some((50, 1)));
		assert_eq!(Voters::<Test>::count(), 2);
	});
}

#[test]
fn removing_a_vote_unlocks_the_qas() {
	build_and_execute(|| {
		stand(A, 0);
		vote(V1, vec![A], 600);
		assert_ok!(Supernodes::remove_voter(RuntimeOrigin::signed(V1)));

		assert_eq!(locked_qas(V1), 0);
		assert!(Voters::<Test>::get(V1).is_none());
		assert_eq!(backing(A), None);
		assert_eq!(last_event(), Event::VoterRemoved { who: V1 });
		assert_noop!(Supernodes::remove_voter(RuntimeOrigin::signed(V1)), Error::<Test>::NotVoter);
	});
}

#[test]
fn bad_votes_are_refused_with_a_clear_error() {
	build_and_execute(|| {
		for who in [A, B, C, D] {
			stand(who, 0);
		}
		let vote_with = |targets: Vec<u64>, amount| Supernodes::vote(RuntimeOrigin::signed(V1), bounded(targets), amount);
		assert_noop!(vote_with(vec![], 100), Error::<Test>::NoTargets);
		assert_noop!(vote_with(vec![A, B, A], 100), Error::<Test>::DuplicateTarget);
		assert_noop!(vote_with(vec![A, NOT_A_MINER], 100), Error::<Test>::TargetNotCandidate);
		assert_noop!(vote_with(vec![A], 9), Error::<Test>::VoteTooSmall);
		assert_noop!(vote_with(vec![A], QAS_ENDOWMENT + 1), Error::<Test>::InsufficientQas);
		assert!(Voters::<Test>::get(V1).is_none());
		assert_eq!(locked_qas(V1), 0);
	});
}

#[test]
fn max_voters_is_enforced_when_a_vote_is_cast() {
	build_and_execute(|| {
		stand(A, 0);
		for who in [V1, V2, V3, V4, V5] {
			vote(who, vec![A], 100);
		}
		assert_noop!(
			Supernodes::vote(RuntimeOrigin::signed(NOT_A_MINER), bounded(vec![A]), 100),
			Error::<Test>::TooManyVoters
		);
		// A voter already counted may still change its vote.
		vote(V5, vec![A], 200);
		assert_eq!(backing(A), Some((600, 5)));
	});
}

#[test]
fn qas_bonded_by_a_candidacy_can_back_a_vote() {
	build_and_execute(|| {
		stand(A, 0);
		// A's whole balance, its bond included, is locked behind its own candidacy.
		vote(A, vec![A], QAS_ENDOWMENT);
		assert_eq!(locked_qas(A), QAS_ENDOWMENT);
		assert_eq!(bonded_qas(A), BOND);
	});
}

#[test]
fn a_full_voter_set_lets_a_larger_newcomer_in_by_evicting_one_of_the_smallest() {
	build_and_execute(|| {
		stand(A, 0);
		stand(B, 0);
		// The attack: fill every voter slot with minimum votes.
		for who in [V1, V2, V3, V4] {
			vote(who, vec![A], 10);
		}
		vote(V5, vec![B], 500);
		assert_eq!(Voters::<Test>::count(), 5);
		// A newcomer with no more than the smallest vote stays out...
		assert_noop!(
			Supernodes::vote(RuntimeOrigin::signed(NOT_A_MINER), bounded(vec![B]), 10),
			Error::<Test>::TooManyVoters
		);
		// ... one with more takes the place of the oldest of the smallest.
		assert_ok!(Supernodes::vote(RuntimeOrigin::signed(NOT_A_MINER), bounded(vec![B]), 11));
		assert!(events().contains(&Event::VoterEvicted { who: V1, by: NOT_A_MINER }));
		assert_eq!(Voters::<Test>::count(), 5);
		assert!(Voters::<Test>::get(V1).is_none());
		assert_eq!(locked_qas(V1), 0);
		assert_eq!(backing(A), Some((30, 3)));
		assert_eq!(backing(B), Some((511, 2)));
		assert_eq!(Supernodes::smallest_voter(), Some(V2));
	});
}

#[test]
fn an_evicted_voter_keeps_what_it_earned() {
	build_and_execute(|| {
		stand(A, 0);
		for who in [V1, V2, V3, V4, V5] {
			vote(who, vec![A], 10 * (who - 20));
		}
		next_term();
		assert_eq!(supernodes(), vec![A]);
		settle(3, 1_500);
		assert_ok!(Supernodes::vote(RuntimeOrigin::signed(NOT_A_MINER), bounded(vec![A]), 1_000));
		// V1 (10 of 150) was the smallest: it keeps its 100 QQQ.
		assert!(events().contains(&Event::VoterEvicted { who: V1, by: NOT_A_MINER }));
		assert_eq!(crate::UnclaimedRewards::<Test>::get(V1), 100);
		assert_ok!(Supernodes::claim_rewards(RuntimeOrigin::signed(V1)));
		assert_eq!(qqq(V1), 10 + 100);
	});
}

#[test]
fn a_vote_naming_more_than_max_votes_per_voter_does_not_even_decode() {
	use codec::{Compact, Decode, Encode};
	use frame_support::traits::PalletInfoAccess;
	build_and_execute(|| {
		// The call as a wallet would encode it: pallet, call index, targets, amount.
		let encode_vote = |targets: Vec<u64>| {
			(Supernodes::index() as u8, 3u8, targets, Compact(100u64)).encode()
		};
		assert!(RuntimeCall::decode(&mut &encode_vote(vec![A, B, C])[..]).is_ok());
		assert!(RuntimeCall::decode(&mut &encode_vote(vec![A, B, C, D])[..]).is_err());
	});
}
