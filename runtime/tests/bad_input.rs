//! Hostile arguments to every call of Poseidon's pallets, on the real runtime: each is
//! refused with a named error and leaves storage exactly as it was (the storage root is
//! compared before and after). The values are the ones an attacker or a buggy wallet
//! sends: zero, the type's maximum, past and future eras, accounts that are nothing, the
//! wrong origin, and bounded vectors one item too long (those never decode).
//!
//! An invalid equivocation report is refused in `economic_security.rs`
//! (`a_validator_that_seals_two_blocks_for_one_slot_loses_part_of_its_bond`).

use codec::{Decode, Encode};
use crate::common::{miner_profile, origin, preset_ext, run_to_block, start_block};
use frame_support::{
	dispatch::RawOrigin,
	traits::{Get, UnfilteredDispatchable},
};
use pallet_proof_of_resource::{MinerProfile, RejectionReason, ResourceUsage, ResourceWeights};
use pallet_revenue::RevenueSplit;
use pallet_supernodes::ElectionParams;
use poseidon_runtime::{Runtime, RuntimeCall, RuntimeOrigin, QQQ};
use sp_keyring::Sr25519Keyring::{Alice, Bob, Charlie, Ferdie, One};
use sp_runtime::{DispatchError, Perbill, Percent, StateVersion};

type ProofError = pallet_proof_of_resource::Error<Runtime>;
type RevenueError = pallet_revenue::Error<Runtime>;
type DepositsError = pallet_deposits::Error<Runtime>;
type SupernodesError = pallet_supernodes::Error<Runtime>;
type TreasuryError = pallet_company_treasury::Error<Runtime>;

/// Dispatches `call` from `origin` and checks it fails with `expected` and changes no
/// storage at all.
fn refused(what: &str, origin: RuntimeOrigin, call: RuntimeCall, expected: impl Into<DispatchError>) {
	let before = sp_io::storage::root(StateVersion::V1);
	let result = call.dispatch_bypass_filter(origin);
	assert_eq!(result.map(|_| ()).map_err(|error| error.error), Err(expected.into()), "{what}");
	assert_eq!(sp_io::storage::root(StateVersion::V1), before, "{what}: storage changed");
}

fn root() -> RuntimeOrigin {
	RawOrigin::Root.into()
}

fn por(call: pallet_proof_of_resource::Call<Runtime>) -> RuntimeCall {
	RuntimeCall::ProofOfResource(call)
}

fn revenue(call: pallet_revenue::Call<Runtime>) -> RuntimeCall {
	RuntimeCall::Revenue(call)
}

fn deposits(call: pallet_deposits::Call<Runtime>) -> RuntimeCall {
	RuntimeCall::Deposits(call)
}

fn supernodes(call: pallet_supernodes::Call<Runtime>) -> RuntimeCall {
	RuntimeCall::Supernodes(call)
}

fn usage(bandwidth_bytes: u64) -> ResourceUsage {
	ResourceUsage { bandwidth_bytes, cpu_seconds: 0, storage_gib_hours: 0 }
}

/// The dev chain in era 3 (block 35), with Charlie a registered miner that proved era 3.
fn with_a_miner_in_era_three(test: impl FnOnce()) {
	preset_ext("development").execute_with(|| {
		start_block(1, 1);
		run_to_block(35);
		assert_eq!(poseidon_runtime::ProofOfResource::era_state().current, 3);
		use pallet_proof_of_resource::Call;
		por(Call::register_miner { profile: miner_profile() }).dispatch_bypass_filter(origin(Charlie)).unwrap();
		por(Call::submit_proof { era: 3, usage: usage(1_000_000), evidence: [1; 32] })
			.dispatch_bypass_filter(origin(Charlie))
			.unwrap();
		test();
	});
}

#[test]
fn proof_of_resource_refuses_hostile_arguments_and_changes_nothing() {
	with_a_miner_in_era_three(|| {
		use pallet_proof_of_resource::Call;
		let empty = MinerProfile { bandwidth_mbps: 0, cpu_millicores: 0, storage_gib: 0, region: 0 };
		let huge = MinerProfile { bandwidth_mbps: u32::MAX, cpu_millicores: u32::MAX, storage_gib: u32::MAX, region: u16::MAX };
		let register = |profile| por(Call::register_miner { profile });
		refused("an empty profile", origin(Ferdie), register(empty), ProofError::EmptyProfile);
		refused("u32::MAX capacities", origin(Ferdie), register(huge), ProofError::CapacityAboveLimit);
		refused("registering twice", origin(Charlie), register(miner_profile()), ProofError::AlreadyRegistered);
		refused("registering as root", root(), register(miner_profile()), DispatchError::BadOrigin);
		refused("an unsigned registration", RawOrigin::None.into(), register(miner_profile()), DispatchError::BadOrigin);

		refused("updating an unknown miner", origin(Ferdie), por(Call::update_profile { profile: miner_profile() }),
			ProofError::NotRegistered);
		refused("an unchanged profile", origin(Charlie), por(Call::update_profile { profile: miner_profile() }),
			ProofError::ProfileUnchanged);
		refused("u32::MAX capacities in an update", origin(Charlie), por(Call::update_profile { profile: huge }),
			ProofError::CapacityAboveLimit);
		refused("deregistering an unknown miner", origin(Ferdie), por(Call::deregister {}), ProofError::NotRegistered);
		refused("withdrawing a bond not unbonding", origin(Charlie), por(Call::withdraw_bond {}),
			ProofError::NotUnbonding);
		refused("withdrawing without a bond", origin(Ferdie), por(Call::withdraw_bond {}), ProofError::NotRegistered);

		let prove = |era, usage| por(Call::submit_proof { era, usage, evidence: [2; 32] });
		refused("a proof of era u32::MAX", origin(Charlie), prove(u32::MAX, usage(1)), ProofError::FutureEra);
		refused("a proof of the next era", origin(Charlie), prove(4, usage(1)), ProofError::FutureEra);
		refused("a proof of a closed era", origin(Charlie), prove(0, usage(1)), ProofError::EraClosed);
		refused("a second proof of an era", origin(Charlie), prove(3, usage(1)), ProofError::DuplicateProof);
		refused("a proof by no miner", origin(Ferdie), prove(3, usage(1)), ProofError::NotRegistered);
		run_to_block(41);
		refused("a proof of no work", origin(Charlie), prove(4, usage(0)), ProofError::EmptyUsage);
		refused("u64::MAX bytes served", origin(Charlie), prove(4, usage(u64::MAX)), ProofError::ImplausibleUsage);
		let all_max = ResourceUsage { bandwidth_bytes: u64::MAX, cpu_seconds: u64::MAX, storage_gib_hours: u64::MAX };
		refused("u64::MAX of everything", origin(Charlie), prove(4, all_max), ProofError::ImplausibleUsage);

		let reject = |who: sp_keyring::Sr25519Keyring, era| {
			por(Call::reject_proof { miner: who.to_account_id(), era, reason: RejectionReason::Other })
		};
		refused("a rejection by no supernode", origin(Ferdie), reject(Charlie, 3), ProofError::NotSupernode);
		refused("rejecting a proof nobody sent", origin(Alice), reject(Ferdie, 3), ProofError::NoSuchProof);
		refused("rejecting in era u32::MAX", origin(Alice), reject(Charlie, u32::MAX), ProofError::FutureEra);

		let weights = |w| por(Call::set_resource_weights { weights: w });
		let zero = ResourceWeights { per_bandwidth_byte: 0, per_cpu_second: 0, per_storage_gib_hour: 0 };
		refused("resource weights set by a signed account", origin(Alice), weights(ResourceWeights::default()),
			DispatchError::BadOrigin);
		refused("zero resource weights", root(), weights(zero), ProofError::ZeroResourceWeights);
		refused("an era length set by a signed account", origin(Alice), por(Call::set_era_length { length: 20 }),
			DispatchError::BadOrigin);
		refused("an era of zero blocks", root(), por(Call::set_era_length { length: 0 }), ProofError::EraLengthOutOfBounds);
		refused("an era of u32::MAX blocks", root(), por(Call::set_era_length { length: u32::MAX }),
			ProofError::EraLengthOutOfBounds);
	});
}

#[test]
fn revenue_refuses_hostile_arguments_and_changes_nothing() {
	with_a_miner_in_era_three(|| {
		use pallet_revenue::Call;
		let pay = |amount| revenue(Call::pay_for_service { amount, order_ref: b"x".to_vec().try_into().unwrap() });
		refused("a payment of zero", origin(Bob), pay(0), RevenueError::PaymentBelowMinimum);
		refused("a payment under the minimum", origin(Bob), pay(QQQ - 1), RevenueError::PaymentBelowMinimum);
		// What a wallet shows as "insufficient funds", not an arithmetic error.
		refused("a payment of u128::MAX", origin(Bob), pay(u128::MAX), RevenueError::InsufficientBalance);
		refused("a payment from an account that does not exist", origin(One), pay(QQQ), RevenueError::InsufficientBalance);
		refused("a payment by root", root(), pay(QQQ), DispatchError::BadOrigin);

		let split = |miners, supernodes, depositors| {
			revenue(Call::set_split {
				split: RevenueSplit {
					miners: Percent::from_percent(miners),
					supernodes: Percent::from_percent(supernodes),
					depositors: Percent::from_percent(depositors),
				},
			})
		};
		refused("a split set by a signed account", origin(Alice), split(70, 5, 10), DispatchError::BadOrigin);
		refused("a split over 100 %", root(), split(70, 20, 20), RevenueError::SharesExceedWhole);
		refused("all to the miners", root(), split(100, 0, 0), RevenueError::MinerShareOutOfBounds);
		refused("nothing to the miners", root(), split(0, 50, 50), RevenueError::MinerShareOutOfBounds);
		refused("a step of 20 points", root(), split(90, 0, 10), RevenueError::SplitStepTooLarge);
		let current = pallet_revenue::CurrentSplit::<Runtime>::get();
		refused("the split in force", root(), revenue(Call::set_split { split: current }), RevenueError::SplitUnchanged);

		let claim = |miner: sp_keyring::Sr25519Keyring, eras: Vec<u32>| {
			revenue(Call::claim_miner_rewards { miner: miner.to_account_id(), eras: eras.try_into().unwrap() })
		};
		refused("a claim of no eras", origin(Bob), claim(Charlie, vec![]), RevenueError::NoEras);
		refused("an era claimed twice in one call", origin(Bob), claim(Charlie, vec![1, 1]), RevenueError::DuplicateEra);
		refused("a claim of era u32::MAX", origin(Bob), claim(Charlie, vec![u32::MAX]), RevenueError::EraNotSettled);
		refused("a claim of the current era", origin(Bob), claim(Charlie, vec![3]), RevenueError::EraNotSettled);
		refused("a claim for no miner", origin(Bob), claim(Ferdie, vec![1]), RevenueError::NoRewardForEra);
		refused("an unsigned claim", RawOrigin::None.into(), claim(Charlie, vec![1]), DispatchError::BadOrigin);
	});
}

#[test]
fn deposits_refuse_hostile_arguments_and_change_nothing() {
	with_a_miner_in_era_three(|| {
		use pallet_deposits::Call;
		let plan = |lock_eras, reward_multiplier, min_amount| {
			deposits(Call::create_plan { lock_eras, reward_multiplier, min_amount })
		};
		refused("a plan created by a signed account", origin(Alice), plan(3, 100, 1), DispatchError::BadOrigin);
		refused("a plan locking for zero eras", root(), plan(0, 100, 1), DepositsError::LockTermOutOfBounds);
		refused("a plan locking for u32::MAX eras", root(), plan(u32::MAX, 100, 1), DepositsError::LockTermOutOfBounds);
		refused("a zero multiplier", root(), plan(3, 0, 1), DepositsError::MultiplierOutOfBounds);
		refused("a u16::MAX multiplier", root(), plan(3, u16::MAX, 1), DepositsError::MultiplierOutOfBounds);
		refused("a zero minimum", root(), plan(3, 100, 0), DepositsError::MinAmountTooLow);
		refused("closing an unknown plan", root(), deposits(Call::close_plan { plan: u32::MAX }), DepositsError::UnknownPlan);
		refused("closing a plan as a signed account", origin(Alice), deposits(Call::close_plan { plan: 0 }),
			DispatchError::BadOrigin);

		let deposit = |plan, amount| deposits(Call::deposit { plan, amount });
		refused("a deposit into an unknown plan", origin(Bob), deposit(u32::MAX, 1_000 * poseidon_runtime::QAS),
			DepositsError::UnknownPlan);
		refused("a deposit of zero", origin(Bob), deposit(0, 0), DepositsError::BelowPlanMinimum);
		refused("a deposit of u128::MAX", origin(Bob), deposit(0, u128::MAX), DepositsError::InsufficientQas);
		refused("a deposit from an account that does not exist", origin(One), deposit(0, 1_000 * poseidon_runtime::QAS),
			DepositsError::InsufficientQas);
		refused("a claim with no position", origin(Ferdie), deposits(Call::claim {}), DepositsError::NothingToClaim);
		refused("withdrawing an unknown position", origin(Bob), deposits(Call::withdraw { position: u64::MAX }),
			DepositsError::UnknownPosition);
		refused("an unsigned deposit", RawOrigin::None.into(), deposit(0, 1), DispatchError::BadOrigin);
	});
}

#[test]
fn supernodes_refuse_hostile_arguments_and_change_nothing() {
	with_a_miner_in_era_three(|| {
		use pallet_supernodes::Call;
		let stand = |commission| supernodes(Call::submit_candidacy { commission });
		refused("a candidacy of no miner", origin(Ferdie), stand(Perbill::zero()), SupernodesError::NotAMiner);
		refused("standing twice", origin(Alice), stand(Perbill::zero()), SupernodesError::AlreadyCandidate);
		refused("a commission of 100 %", origin(Charlie), stand(Perbill::one()), SupernodesError::CommissionTooHigh);
		refused("renouncing no candidacy", origin(Ferdie), supernodes(Call::renounce_candidacy {}),
			SupernodesError::NotCandidate);
		refused("withdrawing no retired bond", origin(Ferdie), supernodes(Call::withdraw_retired_bond {}),
			SupernodesError::NoRetiredBond);
		refused("a commission for no candidate", origin(Ferdie), supernodes(Call::set_commission { commission: Perbill::zero() }),
			SupernodesError::NotCandidate);
		refused("a candidate's commission of 100 %", origin(Alice),
			supernodes(Call::set_commission { commission: Perbill::one() }), SupernodesError::CommissionTooHigh);

		let vote = |targets: Vec<sp_keyring::Sr25519Keyring>, amount| {
			let targets: Vec<_> = targets.into_iter().map(|who| who.to_account_id()).collect();
			supernodes(Call::vote { targets: targets.try_into().unwrap(), amount })
		};
		let qas = poseidon_runtime::QAS;
		refused("a vote for nobody", origin(Bob), vote(vec![], 100 * qas), SupernodesError::NoTargets);
		refused("a vote naming Alice twice", origin(Bob), vote(vec![Alice, Alice], 100 * qas), SupernodesError::DuplicateTarget);
		refused("a vote for no candidate", origin(Bob), vote(vec![Ferdie], 100 * qas), SupernodesError::TargetNotCandidate);
		refused("a vote of zero", origin(Bob), vote(vec![Alice], 0), SupernodesError::VoteTooSmall);
		refused("a vote of u128::MAX", origin(Bob), vote(vec![Alice], u128::MAX), SupernodesError::InsufficientQas);
		refused("removing no vote", origin(Ferdie), supernodes(Call::remove_voter {}), SupernodesError::NotVoter);
		refused("a claim with nothing owed", origin(Ferdie), supernodes(Call::claim_rewards {}), SupernodesError::NothingToClaim);

		// Every signed call refuses root and unsigned origins: none of them has an owner
		// but the account that signs.
		let signed_calls = [
			("submitCandidacy", stand(Perbill::zero())),
			("renounceCandidacy", supernodes(Call::renounce_candidacy {})),
			("withdrawRetiredBond", supernodes(Call::withdraw_retired_bond {})),
			("setCommission", supernodes(Call::set_commission { commission: Perbill::zero() })),
			("vote", vote(vec![Alice], 100 * qas)),
			("removeVoter", supernodes(Call::remove_voter {})),
			("claimRewards", supernodes(Call::claim_rewards {})),
		];
		for (name, call) in signed_calls {
			refused(&format!("{name} as root"), root(), call.clone(), DispatchError::BadOrigin);
			refused(&format!("an unsigned {name}"), RawOrigin::None.into(), call, DispatchError::BadOrigin);
		}

		let params = |term_length, desired_supernodes, desired_runners_up, min_validators| {
			supernodes(Call::set_election_params {
				params: ElectionParams { term_length, desired_supernodes, desired_runners_up, min_validators },
			})
		};
		refused("election params set by a signed account", origin(Alice), params(3, 1, 1, 1), DispatchError::BadOrigin);
		refused("a term of zero eras", root(), params(0, 1, 1, 1), SupernodesError::InvalidParams);
		refused("no supernodes", root(), params(3, 0, 0, 0), SupernodesError::InvalidParams);
		refused("u32::MAX supernodes", root(), params(3, u32::MAX, 0, 1), SupernodesError::InvalidParams);
		refused("more validators required than elected", root(), params(3, 1, 0, 2), SupernodesError::InvalidParams);
	});
}

#[test]
fn the_treasury_account_refuses_hostile_arguments_and_changes_nothing() {
	with_a_miner_in_era_three(|| {
		use pallet_company_treasury::Call;
		use poseidon_primitives::treasury::TreasuryAccount;
		let set = |new| RuntimeCall::CompanyTreasury(Call::set_treasury_account { new });
		refused("a treasury set by a signed account", origin(Alice), set(Bob.to_account_id()), DispatchError::BadOrigin);
		let current = poseidon_runtime::CompanyTreasury::treasury_account();
		refused("the treasury it already is", root(), set(current), TreasuryError::AlreadyTreasuryAccount);
		refused("the revenue pot as treasury", root(), set(pallet_revenue::Pallet::<Runtime>::pot()),
			TreasuryError::PalletAccount);
	});
}

/// Bounded vectors one item over their bound, encoded by hand as a hostile client would:
/// such a call does not decode, so it never reaches the runtime's logic.
#[test]
fn calls_with_oversize_vectors_do_not_decode() {
	/// The encoding of `call` with its last argument, a vector, replaced by `items`.
	fn with_vector<T: Encode>(call: RuntimeCall, empty_vector_len: usize, items: Vec<T>) -> Vec<u8> {
		let mut bytes = call.encode();
		bytes.truncate(bytes.len() - empty_vector_len);
		bytes.extend(items.encode());
		bytes
	}
	let eras = <<Runtime as pallet_revenue::Config>::MaxClaimEras as Get<u32>>::get() as usize;
	let claim = revenue(pallet_revenue::Call::claim_miner_rewards {
		miner: Charlie.to_account_id(),
		eras: Default::default(),
	});
	let fits = with_vector(claim.clone(), 1, vec![0u32; eras]);
	assert!(RuntimeCall::decode(&mut &fits[..]).is_ok(), "the bound itself decodes");
	let over = with_vector(claim, 1, vec![0u32; eras + 1]);
	assert!(RuntimeCall::decode(&mut &over[..]).is_err(), "{} eras", eras + 1);

	let targets = <<Runtime as pallet_supernodes::Config>::MaxVotesPerVoter as Get<u32>>::get() as usize;
	let vote = supernodes(pallet_supernodes::Call::vote { targets: Default::default(), amount: 0 });
	// The vote's amount (compact zero, one byte) follows the targets.
	let mut over = vote.encode();
	over.truncate(over.len() - 2);
	over.extend(vec![Alice.to_account_id(); targets + 1].encode());
	over.push(0);
	assert!(RuntimeCall::decode(&mut &over[..]).is_err(), "{} targets", targets + 1);

	let order_ref = <<Runtime as pallet_revenue::Config>::MaxOrderRefLen as Get<u32>>::get() as usize;
	let pay = revenue(pallet_revenue::Call::pay_for_service { amount: QQQ, order_ref: Default::default() });
	let over = with_vector(pay, 1, vec![7u8; order_ref + 1]);
	assert!(RuntimeCall::decode(&mut &over[..]).is_err(), "an order reference of {} bytes", order_ref + 1);
}
