//! Deposited QAS can still vote: votes lock QAS (a freeze over the whole balance), a
//! deposit holds it, and in `pallet-balances` the two overlap.

use crate::mock::*;
use frame_support::{
	assert_noop, assert_ok,
	traits::{
		fungible::{Inspect, Mutate},
		tokens::{Fortitude, Preservation},
		LockableCurrency, WithdrawReasons,
	},
};
use sp_runtime::TokenError;

/// The lock conviction voting places for a vote.
const VOTE_LOCK: [u8; 8] = *b"pyconvot";

fn lock_for_vote(who: u64, amount: u64) {
	QasBalances::set_lock(VOTE_LOCK, &who, amount, WithdrawReasons::all());
}

fn spendable_qas(who: u64) -> u64 {
	<QasBalances as Inspect<u64>>::reducible_balance(&who, Preservation::Expendable, Fortitude::Polite)
}

#[test]
fn deposited_qas_can_back_a_vote() {
	build_and_execute(|| {
		let id = deposit(ALICE, SHORT, 8_000);
		// A vote may lock up to the whole balance, held QAS included (conviction voting
		// checks the vote against the total balance).
		assert_eq!(<QasBalances as Inspect<u64>>::total_balance(&ALICE), QAS_ENDOWMENT);
		lock_for_vote(ALICE, QAS_ENDOWMENT);
		assert_eq!(pallet_balances::Locks::<Test, pallet_balances::Instance2>::get(ALICE)[0].amount, QAS_ENDOWMENT);
		// The lock covers the 2 000 free QAS as well: nothing can be spent.
		assert_eq!(spendable_qas(ALICE), 0);
		assert_noop!(
			<QasBalances as Mutate<u64>>::transfer(&ALICE, &BOB, 1, Preservation::Expendable),
			TokenError::Frozen
		);
		// The deposit is unaffected: it matures and is withdrawn with the lock in place.
		for _ in 0..4 {
			end_era_with_pool(0);
		}
		assert_ok!(Deposits::withdraw(RuntimeOrigin::signed(ALICE), id));
		assert_eq!(deposited_qas(ALICE), 0);
		assert_eq!(free_qas(ALICE), QAS_ENDOWMENT);
		// The vote's lock still holds all of it until the vote ends.
		assert_eq!(spendable_qas(ALICE), 0);
		QasBalances::remove_lock(VOTE_LOCK, &ALICE);
		assert_eq!(spendable_qas(ALICE), QAS_ENDOWMENT);
	});
}

#[test]
fn qas_locked_by_a_vote_can_be_deposited() {
	build_and_execute(|| {
		lock_for_vote(BOB, QAS_ENDOWMENT);
		let id = deposit(BOB, LONG, 6_000);
		assert_eq!(deposited_qas(BOB), 6_000);
		assert_eq!(positions(BOB)[0].id, id);
		// Both apply: 6 000 held, all 10 000 locked, nothing spendable.
		assert_eq!(spendable_qas(BOB), 0);
		// Removing the vote leaves the deposit held.
		QasBalances::remove_lock(VOTE_LOCK, &BOB);
		assert_eq!(spendable_qas(BOB), 4_000);
		assert_eq!(deposited_qas(BOB), 6_000);
	});
}
