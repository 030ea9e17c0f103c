//! Benchmarks of every call, of the election at the configured maxima and of sharing a
//! pool among the most supernodes.

use super::*;
use alloc::vec::Vec;
use frame_benchmarking::v2::*;
use frame_support::traits::{
	fungible::{Inspect, InspectHold, Mutate},
	EnsureOrigin, Get, Hooks,
};
use frame_support::BoundedVec;
use frame_system::RawOrigin;
use poseidon_primitives::{era::EraClock, power::ProvenPower, reward_accumulator::RewardPerStake};
use sp_runtime::{
	traits::{UniqueSaturatedInto, Zero},
	Perbill,
};

/// An account with plenty of QAS and QQQ.
fn funded<T: Config>(name: &'static str, index: u32) -> T::AccountId {
	let who: T::AccountId = account(name, index, 0);
	// Enough for a bond and the largest vote, and no more: the total issuance scales the
	// election's vote weights.
	let qas = T::CandidacyBond::get() * 2u32.into() + vote_amount::<T>() * 100u32.into();
	T::Qas::set_balance(&who, qas);
	T::Qqq::set_balance(&who, T::Qqq::minimum_balance() * 1_000u32.into());
	who
}

/// A registered miner with power in the current era, standing for election.
fn candidate<T: Config>(index: u32) -> T::AccountId {
	let who = funded::<T>("candidate", index);
	T::Miners::register_miner_for_benchmark(&who);
	T::Miners::set_power_for_benchmark(T::Clock::current_era(), &who, 1_000);
	Pallet::<T>::add_candidate(&who, Perbill::from_percent(10)).expect("the candidate can stand");
	who
}

/// `count` candidates.
fn candidates<T: Config>(count: u32) -> Vec<T::AccountId> {
	(0..count).map(candidate::<T>).collect()
}

/// Candidates to make `total` in all with those of the benchmarked chain's genesis; returns
/// them all.
fn candidates_in_all<T: Config>(total: u32) -> Vec<T::AccountId> {
	let mut all: Vec<T::AccountId> = Candidates::<T>::iter_keys().collect();
	// The genesis candidates need not be miners; made proving miners, they take part in
	// the election like the others.
	for who in &all {
		T::Miners::register_miner_for_benchmark(who);
		T::Miners::set_power_for_benchmark(T::Clock::current_era(), who, 1_000);
	}
	all.extend(candidates::<T>(total.saturating_sub(all.len() as u32)));
	all
}

/// A voter backing `targets` with `amount`.
fn voter<T: Config>(index: u32, targets: Vec<T::AccountId>, amount: QasOf<T>) -> T::AccountId {
	let who = funded::<T>("voter", index);
	let targets = BoundedVec::try_from(targets).expect("a benchmark vote names at most MaxVotesPerVoter");
	Pallet::<T>::do_vote(who.clone(), targets, amount, Pallet::<T>::next_earning_era())
		.expect("the vote is valid");
	who
}

/// The largest vote: `MaxVotesPerVoter` targets among `candidates`, starting at `index`.
fn widest_vote<T: Config>(candidates: &[T::AccountId], index: u32) -> Vec<T::AccountId> {
	let width = (T::MaxVotesPerVoter::get() as usize).min(candidates.len());
	(0..width).map(|i| candidates[(index as usize + i) % candidates.len()].clone()).collect()
}

fn vote_amount<T: Config>() -> QasOf<T> {
	T::MinVote::get() * 10u32.into()
}

/// Election parameters electing the most supernodes and runners-up.
fn largest_election<T: Config>() {
	Params::<T>::put(ElectionParams {
		term_length: 1,
		desired_supernodes: T::MaxSupernodes::get(),
		desired_runners_up: T::MaxRunnersUp::get(),
		min_validators: 1,
	});
}

/// Makes exactly `accounts` the supernodes (and `runners_up` the runners-up), whatever
/// the genesis of the benchmarked chain elected.
fn make_supernodes<T: Config>(accounts: &[T::AccountId], runners_up: &[T::AccountId]) {
	let elected = |who: &T::AccountId| Elected { who: who.clone(), support: vote_amount::<T>() };
	Supernodes::<T>::put(BoundedVec::truncate_from(accounts.iter().map(elected).collect::<Vec<_>>()));
	RunnersUp::<T>::put(BoundedVec::truncate_from(runners_up.iter().map(elected).collect::<Vec<_>>()));
}

/// `count` new supernodes, each backed by one voter.
fn elected_supernodes<T: Config>(count: u32) -> Vec<T::AccountId> {
	let supernodes = candidates::<T>(count);
	for (index, supernode) in supernodes.iter().enumerate() {
		voter::<T>(index as u32, alloc::vec![supernode.clone()], vote_amount::<T>());
	}
	make_supernodes::<T>(&supernodes, &[]);
	supernodes
}

#[benchmarks]
mod benchmarks {
	use super::*;

	/// The worst case looks at every era of the power window: the miner proved only in the
	/// oldest one.
	#[benchmark]
	fn submit_candidacy() {
		candidates::<T>(T::MaxCandidates::get().saturating_sub(Candidates::<T>::count() + 1));
		let who = funded::<T>("miner", 0);
		T::Miners::register_miner_for_benchmark(&who);
		let now = T::MinProvenEras::get() + 1;
		T::Clock::set_era_for_benchmark(now);
		T::Miners::set_power_for_benchmark(now - T::MinProvenEras::get(), &who, 1);

		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), Perbill::from_percent(10));

		assert!(Candidates::<T>::contains_key(&who));
	}

	/// The worst case is a runner-up with the most runners-up, that validated in this era:
	/// its bond is kept as a retired bond.
	#[benchmark]
	fn renounce_candidacy() {
		let runners_up = candidates::<T>(T::MaxRunnersUp::get().max(1));
		make_supernodes::<T>(&[], &runners_up);
		let runner_up = runners_up[runners_up.len() - 1].clone();
		Candidates::<T>::mutate(&runner_up, |candidate| {
			if let Some(candidate) = candidate {
				candidate.last_validated = Some(T::Clock::current_era());
			}
		});

		#[extrinsic_call]
		_(RawOrigin::Signed(runner_up.clone()));

		assert!(!Candidates::<T>::contains_key(&runner_up));
		assert!(RetiredBonds::<T>::contains_key(&runner_up));
	}

	/// A former candidate withdraws its retired bond in its release era.
	#[benchmark]
	fn withdraw_retired_bond() {
		let who = candidate::<T>(0);
		let ended = Candidates::<T>::take(&who).expect("it stands");
		RetiredBonds::<T>::insert(
			&who,
			RetiredBond {
				bond: ended.bond,
				posted: ended.posted,
				slashed: Perbill::zero(),
				offence_session: None,
				release_era: T::Clock::current_era(),
			},
		);

		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()));

		assert!(!RetiredBonds::<T>::contains_key(&who));
		assert!(T::Qas::balance_on_hold(&HoldReason::CandidacyBond.into(), &who).is_zero());
	}

	#[benchmark]
	fn set_commission() {
		let who = candidate::<T>(0);

		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), T::MaxCommission::get());

		// An increase: scheduled for the term after the next.
		let from_term = CurrentTerm::<T>::get() + 2;
		assert_eq!(PendingCommission::<T>::get(&who), Some((from_term, T::MaxCommission::get())));
	}

	/// A voter with an old vote naming `MaxVotesPerVoter` supernodes that earned rewards
	/// replaces it with a vote naming `n` other candidates.
	#[benchmark]
	fn vote(n: Linear<1, { T::MaxVotesPerVoter::get() }>) {
		let width = T::MaxVotesPerVoter::get();
		let all = candidates::<T>(width + n);
		let (old, new) = all.split_at(width as usize);
		let who = voter::<T>(0, old.to_vec(), vote_amount::<T>());
		make_supernodes::<T>(old, &[]);
		// The votes' first pool: they earn from it.
		Pallet::<T>::share_pool(Pallet::<T>::next_earning_era(), T::Qqq::minimum_balance() * 1_000u32.into());
		let new = new.to_vec();
		let targets = BoundedVec::try_from(new.clone()).expect("n is at most MaxVotesPerVoter");

		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), targets, vote_amount::<T>() * 2u32.into());

		let recorded: Vec<_> = Voters::<T>::get(&who).unwrap().targets.into_iter().map(|t| t.candidate).collect();
		assert_eq!(recorded, new);
	}

	#[benchmark]
	fn remove_voter(n: Linear<1, { T::MaxVotesPerVoter::get() }>) {
		let all = candidates::<T>(n);
		let who = voter::<T>(0, all, vote_amount::<T>());

		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()));

		assert!(!Voters::<T>::contains_key(&who));
	}

	/// A voter backing `n` supernodes that all earned rewards, who is also owed a
	/// commission.
	#[benchmark]
	fn claim_rewards(n: Linear<1, { T::MaxVotesPerVoter::get().min(T::MaxSupernodes::get()) }>) {
		let supernodes = elected_supernodes::<T>(n);
		let who = voter::<T>(n, supernodes.clone(), vote_amount::<T>());
		// The votes' first pool: they earn from it.
		Pallet::<T>::share_pool(Pallet::<T>::next_earning_era(), T::Qqq::minimum_balance() * 1_000u32.into());
		UnclaimedRewards::<T>::insert(&who, T::Qqq::minimum_balance());
		T::Qqq::mint_into(&Pallet::<T>::pool_account(), T::Qqq::minimum_balance() * 2_000u32.into())
			.expect("minting works");
		Ledger::<T>::mutate(|ledger| ledger.received += T::Qqq::minimum_balance() * 2_000u32.into());
		let before = T::Qqq::balance(&who);

		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()));

		assert!(T::Qqq::balance(&who) > before);
	}

	#[benchmark]
	fn set_election_params() -> Result<(), BenchmarkError> {
		let origin = T::ParamsOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let params = ElectionParams {
			term_length: T::MaxTermLength::get(),
			desired_supernodes: T::MaxSupernodes::get(),
			desired_runners_up: T::MaxRunnersUp::get(),
			min_validators: 1,
		};

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, params);

		assert_eq!(Params::<T>::get(), params);
		Ok(())
	}

	#[benchmark]
	fn on_initialize_no_election() {
		NextElectionEra::<T>::put(T::Clock::current_era() + 1);
		let now = frame_system::Pallet::<T>::block_number();

		#[block]
		{
			Pallet::<T>::on_initialize(now);
		}

		assert_eq!(CurrentTerm::<T>::get(), 0);
	}

	/// The election with `v` voters and the most candidates, electing the most
	/// supernodes and runners-up, in the worst case of [`crate::phragmen`]: every vote
	/// names `MaxVotesPerVoter` candidates, all of them among the winners, so each voter's
	/// load changes at every one of its winners and each time the scores of all its other
	/// candidates are recomputed. The candidates nobody votes for are read, reviewed and
	/// dropped, and every voter's amount differs. The cost is linear in `v` with the
	/// candidates and rounds at their maxima, the corner that `integrity_test` checks.
	#[benchmark]
	fn elect(v: Linear<1, { T::MaxVoters::get() }>) {
		let all = candidates_in_all::<T>(T::MaxCandidates::get());
		let rounds = (T::MaxSupernodes::get() + T::MaxRunnersUp::get()) as usize;
		let winners = &all[..rounds.min(all.len())];
		for index in 0..v.saturating_sub(Voters::<T>::count()) {
			// Votes are written directly: the election only reads them.
			let targets = widest_vote::<T>(winners, index)
				.into_iter()
				.map(|candidate| VoteTarget { candidate, reward_per_stake_paid: Some(RewardPerStake::ZERO) })
				.collect::<Vec<_>>();
			// Each vote alone backs each of its candidates with `MinBacking`, so every
			// winner stands in Phragmén (backing by others) and has the support to win.
			let record = Voter {
				amount: T::MinBacking::get() * T::MaxVotesPerVoter::get().into() + index.into(),
				stake_per_target: T::MinBacking::get().unique_saturated_into(),
				earns_from: 0,
				targets: BoundedVec::truncate_from(targets),
			};
			Voters::<T>::insert(account::<T::AccountId>("voter", index, 0), record);
		}
		largest_election::<T>();
		// The candidates' power is in the oldest era of the window, so reviewing each one's
		// standing reads every era of it.
		let now_era = T::Clock::current_era().saturating_add(T::MinProvenEras::get());
		T::Clock::set_era_for_benchmark(now_era);
		NextElectionEra::<T>::put(now_era);
		let now = frame_system::Pallet::<T>::block_number();

		#[block]
		{
			Pallet::<T>::on_initialize(now);
		}

		assert_eq!(CurrentTerm::<T>::get(), 1);
		assert!(!Supernodes::<T>::get().is_empty());
	}

	/// Sharing a pool among the era's `s` validators, each with backers whose votes join
	/// in this era; all but one authored blocks, the last one's part goes to the treasury.
	#[benchmark]
	fn share_pool(s: Linear<1, { T::MaxSupernodes::get() }>) {
		let supernodes = elected_supernodes::<T>(s);
		EraValidators::<T>::insert(1, BoundedVec::truncate_from(supernodes.clone()));
		for supernode in supernodes.iter().skip(1) {
			AuthoredBlocks::<T>::insert(1, supernode, 1);
		}
		let amount = T::Qqq::minimum_balance() * 1_000u32.into();
		T::Qqq::mint_into(&Pallet::<T>::pool_account(), amount).expect("minting works");

		#[block]
		{
			Pallet::<T>::share_pool(1, amount);
		}

		assert_eq!(Ledger::<T>::get().received, amount);
	}

	/// A runner-up's offence: the runners-up list is full and it is among them, so it is
	/// searched and rewritten, and the slash moves QAS to the treasury.
	#[benchmark]
	fn punish_offence() {
		let runners_up = candidates::<T>(T::MaxRunnersUp::get().max(1));
		make_supernodes::<T>(&[], &runners_up);
		let offender = runners_up[runners_up.len() - 1].clone();

		#[block]
		{
			Pallet::<T>::punish_offence(&offender, Perbill::from_percent(100), 1);
		}

		assert_eq!(Candidates::<T>::get(&offender).map(|c| c.slashed), Some(Perbill::from_percent(100)));
		assert!(RunnersUp::<T>::get().iter().all(|elected| elected.who != offender));
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
