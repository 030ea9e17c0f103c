//! Miners' claims: pro rata, once per (miner, era), by anyone, within the history depth.

use crate::{mock::*, ClaimedRewards, EraRewards, Error, Event, OldestClaimRecordEra};
use frame_support::{assert_noop, assert_ok};
use sp_runtime::DispatchError;

fn claim(miner: u64, eras: Vec<u32>) -> sp_runtime::DispatchResult {
	Revenue::claim_miner_rewards(RuntimeOrigin::signed(HELPER), miner, eras.try_into().unwrap())
}

#[test]
fn a_lone_miner_gets_the_whole_miner_pool_paid_to_itself() {
	build_and_execute(|| {
		pay(CUSTOMER, 1_000);
		set_power(0, MINER_A, 7);
		settle_current_era();
		let helper = balance(HELPER);
		assert_ok!(claim(MINER_A, vec![0]));
		assert_eq!(balance(MINER_A), 1 + 700);
		assert_eq!(balance(HELPER), helper, "the caller pays nothing and gets nothing");
		assert_eq!(ClaimedRewards::<Test>::get(0, MINER_A), Some(700));
		assert!(events().contains(&Event::MinerRewardsClaimed { miner: MINER_A, era: 0, amount: 700 }));
		assert_eq!(EraRewards::<Test>::get(0).unwrap().claimed, 700);
	});
}

#[test]
fn two_miners_share_pro_rata_and_the_rounding_dust_is_swept() {
	build_and_execute(|| {
		pay(CUSTOMER, 1_000);
		set_power(0, MINER_A, 1);
		set_power(0, MINER_B, 2);
		settle_current_era();
		assert_ok!(claim(MINER_A, vec![0]));
		assert_ok!(claim(MINER_B, vec![0]));
		// 700 × 1/3 = 233.3 and 700 × 2/3 = 466.6, rounded down: 1 QQQ unit of dust.
		assert_eq!(balance(MINER_A), 1 + 233);
		assert_eq!(balance(MINER_B), 1 + 466);
		assert_eq!(Revenue::pot_balance(), 1);
		for _ in 0..HISTORY_DEPTH {
			settle_current_era();
		}
		assert!(events().contains(&Event::UnclaimedRewardsSwept { era: 0, amount: 1 }));
		assert_eq!(Revenue::pot_balance(), 0);
	});
}

#[test]
fn one_claim_covers_several_eras() {
	build_and_execute(|| {
		pay(CUSTOMER, 1_000);
		set_power(0, MINER_A, 1);
		settle_current_era();
		pay(CUSTOMER, 2_000);
		set_power(1, MINER_A, 1);
		set_power(1, MINER_B, 3);
		settle_current_era();
		assert_ok!(claim(MINER_A, vec![1, 0]));
		assert_eq!(balance(MINER_A), 1 + 700 + 350);
	});
}

#[test]
fn a_miner_is_paid_once_per_era() {
	build_and_execute(|| {
		pay(CUSTOMER, 1_000);
		set_power(0, MINER_A, 1);
		settle_current_era();
		assert_ok!(claim(MINER_A, vec![0]));
		assert_noop!(claim(MINER_A, vec![0]), Error::<Test>::AlreadyClaimed);
		assert_eq!(balance(MINER_A), 1 + 700);
	});
}

#[test]
fn claims_refuse_bad_input_without_changing_anything() {
	build_and_execute(|| {
		pay(CUSTOMER, 1_000);
		set_power(0, MINER_A, 1);
		settle_current_era();
		pay(CUSTOMER, 1_000);
		set_power(1, MINER_A, 1);

		assert_noop!(
			Revenue::claim_miner_rewards(RuntimeOrigin::root(), MINER_A, vec![0].try_into().unwrap()),
			DispatchError::BadOrigin
		);
		assert_noop!(claim(MINER_A, vec![]), Error::<Test>::NoEras);
		assert_noop!(claim(MINER_A, vec![0, 0]), Error::<Test>::DuplicateEra);
		// Era 1 is running, era 5 has not happened.
		assert_noop!(claim(MINER_A, vec![1]), Error::<Test>::EraNotSettled);
		assert_noop!(claim(MINER_A, vec![5]), Error::<Test>::EraNotSettled);
		// Miner C proved nothing.
		assert_noop!(claim(MINER_C, vec![0]), Error::<Test>::NoRewardForEra);
		// A bad era anywhere in the list refuses the whole claim.
		assert_noop!(claim(MINER_A, vec![0, 1]), Error::<Test>::EraNotSettled);
		assert_eq!(balance(MINER_A), 1);
	});
}

#[test]
fn an_era_without_a_miner_pool_has_no_reward() {
	build_and_execute(|| {
		set_power(0, MINER_A, 1);
		settle_current_era();
		assert_noop!(claim(MINER_A, vec![0]), Error::<Test>::NoRewardForEra);
	});
}

#[test]
fn rewards_expire_after_the_history_depth() {
	build_and_execute(|| {
		pay(CUSTOMER, 1_000);
		set_power(0, MINER_A, 1);
		for _ in 0..=HISTORY_DEPTH {
			settle_current_era();
		}
		assert_noop!(claim(MINER_A, vec![0]), Error::<Test>::EraExpired);
	});
}

#[test]
fn claim_records_of_swept_eras_are_pruned_when_idle() {
	build_and_execute(|| {
		pay(CUSTOMER, 1_000);
		set_power(0, MINER_A, 1);
		set_power(0, MINER_B, 1);
		settle_current_era();
		assert_ok!(claim(MINER_A, vec![0]));
		assert_ok!(claim(MINER_B, vec![0]));
		assert_eq!(ClaimedRewards::<Test>::iter_prefix(0).count(), 2);
		for _ in 0..HISTORY_DEPTH {
			settle_current_era();
		}
		// Era 0 was swept when era 4 settled; the idle time of the next block prunes it.
		next_block();
		assert_eq!(ClaimedRewards::<Test>::iter_prefix(0).count(), 0);
		assert!(OldestClaimRecordEra::<Test>::get() >= 1);
		// And a claim of era 0 is still refused as expired, not paid again.
		assert_noop!(claim(MINER_A, vec![0]), Error::<Test>::EraExpired);
	});
}

#[test]
fn wallets_see_which_eras_a_miner_can_claim() {
	build_and_execute(|| {
		assert!(Revenue::claimable_rewards(&MINER_A).is_empty());
		pay(CUSTOMER, 1_000);
		set_power(0, MINER_A, 1);
		set_power(0, MINER_B, 3);
		settle_current_era();
		pay(CUSTOMER, 2_000);
		set_power(1, MINER_B, 5);
		settle_current_era();
		pay(CUSTOMER, 100);
		set_power(2, MINER_A, 2);
		start_next_era(); // era 2 is not settled yet: not listed
		assert_eq!(Revenue::claimable_rewards(&MINER_A), vec![(0, 175)]);
		assert_eq!(Revenue::claimable_rewards(&MINER_B), vec![(0, 525), (1, 1_400)]);
		assert_ok!(claim(MINER_B, vec![1]));
		assert_eq!(Revenue::claimable_rewards(&MINER_B), vec![(0, 525)]);
		assert!(Revenue::claimable_rewards(&MINER_C).is_empty());
	});
}

#[test]
fn swept_eras_are_no_longer_claimable() {
	build_and_execute(|| {
		pay(CUSTOMER, 1_000);
		set_power(0, MINER_A, 1);
		settle_current_era();
		for _ in 0..HISTORY_DEPTH - 1 {
			settle_current_era();
		}
		assert_eq!(Revenue::claimable_rewards(&MINER_A), vec![(0, 700)]);
		settle_current_era();
		assert!(Revenue::claimable_rewards(&MINER_A).is_empty());
	});
}

#[test]
fn the_integrity_test_refuses_a_power_provider_that_forgets_power_while_rewards_are_claimable() {
	use frame_support::traits::IntegrityTest;
	use poseidon_primitives::testing::{reset, PowerHistoryDepth};
	reset();
	// Era 0 can still be claimed in era HISTORY_DEPTH + 1, before era HISTORY_DEPTH is
	// settled; a provider that forgets its power then would turn the claim into nothing.
	PowerHistoryDepth::set(HISTORY_DEPTH + 1);
	let forgets_too_early = std::panic::catch_unwind(<Revenue as IntegrityTest>::integrity_test);
	assert!(forgets_too_early.is_err(), "power kept HistoryDepth + 1 eras is refused");
	PowerHistoryDepth::set(HISTORY_DEPTH + 2);
	<Revenue as IntegrityTest>::integrity_test();
	reset();
}
