//! QAS governance in the real runtime: the pallets polkadot.js apps looks for, each
//! track's origin accepted only by the calls of its track, and a referendum on the
//! `revenue_split` track passed with QAS votes. The referenda run on the short tracks of
//! the `fast-runtime` build (`scripts/test.sh` builds the tests with it); without it
//! they are left out, and `production_periods.rs` checks the real periods.

// Without `fast-runtime` the referendum tests are left out, and their helpers unused.
#![cfg_attr(not(feature = "fast-runtime"), allow(unused))]

use crate::common::{origin, preset_ext, run_to_block, start_block};
use frame_support::{
	assert_noop, assert_ok,
	traits::{Bounded, PalletInfo, StorePreimage},
};
use pallet_conviction_voting::{AccountVote, Conviction, Vote};
use pallet_referenda::TracksInfo;
use pallet_revenue::RevenueSplit;
use poseidon_runtime::{
	governance::{
		pallet_custom_origins::Origin as TrackOrigin,
		tracks::{TrackId, Tracks, EMERGENCY, NORMAL_TRACKS, NETWORK_PARAMS, REFERENDUM_CANCELLER, REFERENDUM_KILLER, REVENUE_SPLIT, ROOT},
	},
	ConvictionVoting, OriginCaller, Preimage, Referenda, Runtime, RuntimeCall, RuntimeOrigin, QAS,
};
use sp_keyring::Sr25519Keyring;
use sp_runtime::{traits::Dispatchable, DispatchError, Perbill, Percent};

fn split(miners: u8) -> RevenueSplit {
	RevenueSplit {
		miners: Percent::from_percent(miners),
		supernodes: Percent::from_percent(5),
		depositors: Percent::from_percent(10),
	}
}

fn set_split(miners: u8) -> RuntimeCall {
	RuntimeCall::Revenue(pallet_revenue::Call::set_split { split: split(miners) })
}

fn revenue_split_origin() -> RuntimeOrigin {
	TrackOrigin::RevenueSplit.into()
}

fn network_params_origin() -> RuntimeOrigin {
	TrackOrigin::NetworkParams.into()
}

/// polkadot.js apps' governance pages find the pallets by name in the metadata and read
/// these storage items and constants; the metadata a node serves must have them all.
#[test]
fn the_metadata_has_the_governance_pallets_and_items_apps_reads() {
	use codec::Decode;
	use frame_metadata::{RuntimeMetadata, RuntimeMetadataPrefixed};
	type Info = <Runtime as frame_system::Config>::PalletInfo;
	assert_eq!(Info::name::<Preimage>(), Some("Preimage"));
	assert_eq!(Info::name::<poseidon_runtime::Scheduler>(), Some("Scheduler"));
	assert_eq!(Info::name::<Referenda>(), Some("Referenda"));
	assert_eq!(Info::name::<ConvictionVoting>(), Some("ConvictionVoting"));

	// Constants (the track table) are read from storage: metadata needs a chain's state.
	let opaque = preset_ext("development")
		.execute_with(|| Runtime::metadata_at_version(15))
		.expect("the runtime serves metadata v15");
	let RuntimeMetadata::V15(metadata) = RuntimeMetadataPrefixed::decode(&mut &opaque[..]).unwrap().1 else {
		panic!("v15 metadata was asked for")
	};
	let pallet = |name: &str| {
		metadata.pallets.iter().find(|p| p.name == name).unwrap_or_else(|| panic!("no pallet {name}"))
	};
	let storage = |name: &str| -> Vec<String> {
		pallet(name).storage.as_ref().map(|s| s.entries.iter().map(|e| e.name.clone()).collect()).unwrap_or_default()
	};
	let expected_storage = [
		("Referenda", &["ReferendumCount", "ReferendumInfoFor", "TrackQueue", "DecidingCount"][..]),
		("ConvictionVoting", &["VotingFor", "ClassLocksFor"][..]),
		("Scheduler", &["Agenda", "Lookup"][..]),
		("Preimage", &["RequestStatusFor", "PreimageFor"][..]),
	];
	for (name, items) in expected_storage {
		let present = storage(name);
		for item in items {
			assert!(present.iter().any(|p| p == item), "{name}.{item} is missing");
		}
		assert!(pallet(name).calls.is_some(), "{name} has no calls");
	}
	let constants = |name: &str| -> Vec<String> { pallet(name).constants.iter().map(|c| c.name.clone()).collect() };
	for constant in ["Tracks", "SubmissionDeposit", "UndecidingTimeout"] {
		assert!(constants("Referenda").iter().any(|c| c == constant), "Referenda.{constant} is missing");
	}
	assert!(constants("ConvictionVoting").iter().any(|c| c == "VoteLockingPeriod"));
	// The custom tracks' origins are decodable by name: apps shows them in the
	// submission form.
	assert!(metadata.pallets.iter().any(|p| p.name == "Origins"));
}

#[test]
fn each_track_has_its_origin() {
	preset_ext("development").execute_with(|| {
		assert_eq!(Tracks::check_integrity(), Ok(()));
		let names: Vec<String> = Tracks::tracks()
			.map(|track| String::from_utf8_lossy(&track.info.name).trim_end_matches('\0').to_string())
			.collect();
		assert_eq!(
			names,
			vec!["root", "revenue_split", "network_params", "referendum_canceller", "referendum_killer", "emergency"]
		);
		assert_eq!(Tracks::track_for(&OriginCaller::Origins(TrackOrigin::Emergency)), Ok(EMERGENCY));
		assert_eq!(Tracks::track_for(&OriginCaller::system(frame_system::RawOrigin::Root)), Ok(ROOT));
		assert_eq!(Tracks::track_for(&OriginCaller::Origins(TrackOrigin::RevenueSplit)), Ok(REVENUE_SPLIT));
		assert_eq!(Tracks::track_for(&OriginCaller::Origins(TrackOrigin::NetworkParams)), Ok(NETWORK_PARAMS));
		assert_eq!(
			Tracks::track_for(&OriginCaller::Origins(TrackOrigin::ReferendumCanceller)),
			Ok(REFERENDUM_CANCELLER)
		);
		assert_eq!(
			Tracks::track_for(&OriginCaller::Origins(TrackOrigin::ReferendumKiller)),
			Ok(REFERENDUM_KILLER)
		);
		let signed = OriginCaller::system(frame_system::RawOrigin::Signed(Sr25519Keyring::Bob.to_account_id()));
		assert_eq!(Tracks::track_for(&signed), Err(()));
	});
}

/// The tracks of the runtime a real network runs, whatever this test build is.
#[test]
fn the_real_network_tracks_decide_in_days_and_stop_within_the_week() {
	let info = |id: TrackId| &NORMAL_TRACKS.iter().find(|track| track.id == id).expect("a track").info;
	assert_eq!(info(REVENUE_SPLIT).decision_period, 7 * poseidon_runtime::DAYS);
	// The stopping tracks decide within the same week but confirm in three hours.
	let canceller = info(REFERENDUM_CANCELLER);
	assert_eq!(canceller.decision_period, 7 * poseidon_runtime::DAYS);
	assert_eq!(canceller.confirm_period, 3 * poseidon_runtime::HOURS);
	assert_eq!(canceller.decision_deposit, 10_000 * QAS);
	assert_eq!(info(REFERENDUM_KILLER).decision_deposit, 50_000 * QAS);
	// One junk referendum cannot hold the root track, and the emergency track passes
	// only what most QAS backs: two thirds of the votes and a fifth of all QAS.
	assert_eq!(info(ROOT).max_deciding, 3);
	let emergency = info(EMERGENCY);
	assert_eq!(emergency.confirm_period, poseidon_runtime::HOURS);
	assert_eq!(emergency.decision_deposit, 200_000 * QAS);
	let end = Perbill::from_percent(100);
	assert_eq!(emergency.min_approval.threshold(end), Perbill::from_parts(666_666_667));
	assert_eq!(emergency.min_support.threshold(end), Perbill::from_percent(20));
}

/// The dev node's `fast-runtime` build: periods of blocks, so a referendum passes in
/// minutes and a vote's lock ends soon after.
#[cfg(feature = "fast-runtime")]
#[test]
fn the_fast_runtime_decides_in_blocks() {
	preset_ext("development").execute_with(|| {
		let info = Tracks::info(REVENUE_SPLIT).unwrap();
		assert_eq!((info.prepare_period, info.decision_period, info.confirm_period), (2, 30, 3));
		let vote_locking_period = <Runtime as pallet_conviction_voting::Config>::VoteLockingPeriod::get();
		assert_eq!(vote_locking_period, 10);
	});
}

#[test]
fn a_call_from_the_wrong_track_is_refused() {
	preset_ext("development").execute_with(|| {
		start_block(1, 1);
		let set_weights = || {
			RuntimeCall::ProofOfResource(pallet_proof_of_resource::Call::set_resource_weights {
				weights: Default::default(),
			})
		};
		let set_era_length =
			|| RuntimeCall::ProofOfResource(pallet_proof_of_resource::Call::set_era_length { length: 20 });
		let create_plan = || {
			RuntimeCall::Deposits(pallet_deposits::Call::create_plan {
				lock_eras: 5,
				reward_multiplier: 120,
				min_amount: 100 * QAS,
			})
		};
		let set_election_params = || {
			RuntimeCall::Supernodes(pallet_supernodes::Call::set_election_params {
				params: pallet_supernodes::ElectionParams {
					term_length: 3,
					desired_supernodes: 2,
					desired_runners_up: 1,
					min_validators: 1,
				},
			})
		};
		let set_treasury_account = || {
			RuntimeCall::CompanyTreasury(pallet_company_treasury::Call::set_treasury_account {
				new: Sr25519Keyring::Ferdie.to_account_id(),
			})
		};
		let set_miner_bond = || {
			use poseidon_runtime::configs::parameters::{dynamic_params::bonds, RuntimeParameters};
			RuntimeCall::Parameters(pallet_parameters::Call::set_parameter {
				key_value: RuntimeParameters::Bonds(bonds::Parameters::MinerBond(
					bonds::MinerBond,
					Some(2_000 * poseidon_runtime::QQQ),
				)),
			})
		};
		let bad_origin: DispatchError = DispatchError::BadOrigin;

		// revenue_split: the split, nothing else.
		for call in [set_split(65)] {
			assert_eq!(call.clone().dispatch(network_params_origin()).map_err(|e| e.error), Err(bad_origin));
			assert_eq!(call.clone().dispatch(origin(Sr25519Keyring::Bob)).map_err(|e| e.error), Err(bad_origin));
			assert_ok!(call.dispatch(revenue_split_origin()));
		}
		// Root only (the root track): the treasury account, the era length (the challenge
		// window), the resource weights and the capacity cap (docs/security.md, attack 10).
		for call in [set_treasury_account(), set_era_length(), set_weights(), set_max_capacity(u32::MAX)] {
			for refused in [network_params_origin(), revenue_split_origin(), origin(Sr25519Keyring::Bob)] {
				assert_eq!(call.clone().dispatch(refused).map_err(|e| e.error), Err(bad_origin));
			}
			assert_ok!(call.dispatch(RuntimeOrigin::root()));
		}
		// network_params: deposit plans, election parameters and the bonds, nothing else.
		for call in [create_plan(), set_election_params(), set_miner_bond()] {
			assert_eq!(call.clone().dispatch(revenue_split_origin()).map_err(|e| e.error), Err(bad_origin));
			assert_eq!(call.clone().dispatch(origin(Sr25519Keyring::Bob)).map_err(|e| e.error), Err(bad_origin));
			assert_ok!(call.dispatch(network_params_origin()));
		}
		// Neither custom origin is Root.
		let upgrade = RuntimeCall::System(frame_system::Call::set_code { code: vec![] });
		for origin in [revenue_split_origin(), network_params_origin()] {
			assert_eq!(upgrade.clone().dispatch(origin).map_err(|e| e.error), Err(bad_origin));
		}
	});
}

/// Bob proposes `set_split(miners 65 %)` on the `revenue_split` track, Charlie and Dave
/// vote aye with conviction, Eve nay; the referendum passes and is enacted, and the split
/// applies from the next era.
#[cfg(feature = "fast-runtime")]
#[test]
fn a_referendum_on_the_revenue_split_track_changes_the_split() {
	preset_ext("development").execute_with(|| {
		start_block(1, 1);
		let proposal: Bounded<RuntimeCall, _> = Preimage::bound(set_split(65)).unwrap();
		assert_ok!(Referenda::submit(
			origin(Sr25519Keyring::Bob),
			Box::new(OriginCaller::Origins(TrackOrigin::RevenueSplit)),
			proposal,
			frame_support::traits::schedule::DispatchTime::After(1),
		));
		let index = 0;
		assert_ok!(Referenda::place_decision_deposit(origin(Sr25519Keyring::Bob), index));
		let aye = |conviction| AccountVote::Standard {
			vote: Vote { aye: true, conviction },
			balance: 300_000 * QAS,
		};
		assert_ok!(ConvictionVoting::vote(origin(Sr25519Keyring::Charlie), index, aye(Conviction::Locked1x)));
		assert_ok!(ConvictionVoting::vote(origin(Sr25519Keyring::Dave), index, aye(Conviction::Locked3x)));
		let nay = AccountVote::Standard {
			vote: Vote { aye: false, conviction: Conviction::None },
			balance: 100_000 * QAS,
		};
		assert_ok!(ConvictionVoting::vote(origin(Sr25519Keyring::Eve), index, nay));
		assert_noop!(
			ConvictionVoting::vote(origin(Sr25519Keyring::Ferdie), 7, nay),
			pallet_conviction_voting::Error::<Runtime>::NotOngoing
		);

		run_to_block(60);
		assert!(matches!(
			pallet_referenda::ReferendumInfoFor::<Runtime>::get(index),
			Some(pallet_referenda::ReferendumInfo::Approved(..))
		));
		assert_eq!(pallet_revenue::NextSplit::<Runtime>::get(), None, "applied at the next era");
		assert_eq!(pallet_revenue::CurrentSplit::<Runtime>::get(), split(65));
	});
}

/// Bob's referendum on `revenue_split` is ongoing, its decision deposit placed. Only the canceller track's origin
/// cancels it (Bob gets his deposits back), and only the killer track's origin kills the
/// next one (its deposits are burnt); the other tracks' origins are refused.
#[cfg(feature = "fast-runtime")]
#[test]
fn only_the_canceller_and_killer_tracks_stop_a_referendum() {
	use frame_support::traits::{fungible::InspectHold, Currency};
	use pallet_referenda::ReferendumInfo;
	use poseidon_runtime::QasBalances;

	preset_ext("development").execute_with(|| {
		start_block(1, 1);
		let bob = Sr25519Keyring::Bob.to_account_id();
		let submit_deciding = |miners| {
			let proposal: Bounded<RuntimeCall, _> = Preimage::bound(set_split(miners)).unwrap();
			assert_ok!(Referenda::submit(
				origin(Sr25519Keyring::Bob),
				Box::new(OriginCaller::Origins(TrackOrigin::RevenueSplit)),
				proposal,
				frame_support::traits::schedule::DispatchTime::After(1),
			));
			let index = pallet_referenda::ReferendumCount::<Runtime>::get() - 1;
			assert_ok!(Referenda::place_decision_deposit(origin(Sr25519Keyring::Bob), index));
			index
		};
		let held = || QasBalances::total_balance_on_hold(&bob);
		let issuance = || <QasBalances as Currency<_>>::total_issuance();
		let canceller = || -> RuntimeOrigin { TrackOrigin::ReferendumCanceller.into() };
		let killer = || -> RuntimeOrigin { TrackOrigin::ReferendumKiller.into() };

		let first = submit_deciding(65);
		let deposits = 100 * QAS + 1_000 * QAS;
		assert_eq!(held(), deposits);
		for origin in [revenue_split_origin(), network_params_origin(), killer(), origin(Sr25519Keyring::Bob)] {
			assert_noop!(Referenda::cancel(origin, first), DispatchError::BadOrigin);
		}
		assert_ok!(Referenda::cancel(canceller(), first));
		assert!(matches!(
			pallet_referenda::ReferendumInfoFor::<Runtime>::get(first),
			Some(ReferendumInfo::Cancelled(..))
		));
		assert_ok!(Referenda::refund_submission_deposit(origin(Sr25519Keyring::Bob), first));
		assert_ok!(Referenda::refund_decision_deposit(origin(Sr25519Keyring::Bob), first));
		assert_eq!(held(), 0, "a cancelled referendum's deposits come back");

		let second = submit_deciding(66);
		let issuance_before = issuance();
		for origin in [revenue_split_origin(), canceller(), origin(Sr25519Keyring::Bob)] {
			assert_noop!(Referenda::kill(origin, second), DispatchError::BadOrigin);
		}
		assert_ok!(Referenda::kill(killer(), second));
		assert!(matches!(
			pallet_referenda::ReferendumInfoFor::<Runtime>::get(second),
			Some(ReferendumInfo::Killed(..))
		));
		assert_eq!(held(), 0);
		assert_eq!(issuance(), issuance_before - deposits, "a killed referendum's deposits are burnt");
		assert_eq!(pallet_revenue::CurrentSplit::<Runtime>::get(), pallet_revenue::RevenueSplit::default());
	});
}

/// A root-only call with a visible effect: it writes `value` under a well-known key.
fn write_marker(value: &[u8]) -> RuntimeCall {
	RuntimeCall::System(frame_system::Call::set_storage { items: vec![(b":poseidon:fix".to_vec(), value.to_vec())] })
}

fn dispatch_as_root(call: RuntimeCall) -> RuntimeCall {
	RuntimeCall::Origins(poseidon_runtime::governance::pallet_custom_origins::Call::dispatch_as_root {
		call: Box::new(call),
	})
}

/// Bob proposes `proposal` with `origin` and places its decision deposit; returns its index.
fn propose(proposer: Sr25519Keyring, origin: OriginCaller, proposal: RuntimeCall) -> u32 {
	let index = pallet_referenda::ReferendumCount::<Runtime>::get();
	assert_ok!(Referenda::submit(
		crate::common::origin(proposer),
		Box::new(origin),
		Preimage::bound(proposal).unwrap(),
		frame_support::traits::schedule::DispatchTime::After(1),
	));
	assert_ok!(Referenda::place_decision_deposit(crate::common::origin(proposer), index));
	index
}

/// Three junk referenda fill the root track's deciding places; a fix that cannot wait
/// goes through the emergency track and is dispatched as `Root` all the same.
#[cfg(feature = "fast-runtime")]
#[test]
fn an_emergency_referendum_dispatches_as_root_while_junk_holds_the_root_track() {
	preset_ext("development").execute_with(|| {
		start_block(1, 1);
		for junk in 0..3u8 {
			propose(Sr25519Keyring::Eve, OriginCaller::system(frame_system::RawOrigin::Root), write_marker(&[junk]));
		}
		let fix = propose(
			Sr25519Keyring::Bob,
			OriginCaller::Origins(TrackOrigin::Emergency),
			dispatch_as_root(write_marker(b"fixed")),
		);
		assert_eq!(pallet_referenda::DecidingCount::<Runtime>::get(ROOT), 0, "still preparing");
		let aye = AccountVote::Standard { vote: Vote { aye: true, conviction: Conviction::Locked1x }, balance: 300_000 * QAS };
		assert_ok!(ConvictionVoting::vote(origin(Sr25519Keyring::Charlie), fix, aye));
		assert_ok!(ConvictionVoting::vote(origin(Sr25519Keyring::Dave), fix, aye));

		run_to_block(20);
		assert_eq!(pallet_referenda::DecidingCount::<Runtime>::get(ROOT), 3);
		assert_eq!(pallet_referenda::DecidingCount::<Runtime>::get(EMERGENCY), 1);
		// Support falls to what Charlie and Dave give before the decision period ends.
		run_to_block(60);
		assert!(matches!(
			pallet_referenda::ReferendumInfoFor::<Runtime>::get(fix),
			Some(pallet_referenda::ReferendumInfo::Approved(..))
		));
		assert_eq!(sp_io::storage::get(b":poseidon:fix").as_deref(), Some(&b"fixed"[..]));
	});
}

/// No other origin dispatches as `Root`: not an account, not another track.
#[test]
fn only_the_emergency_track_dispatches_as_root() {
	preset_ext("development").execute_with(|| {
		start_block(1, 1);
		let call = dispatch_as_root(write_marker(b"x"));
		for refused in [
			origin(Sr25519Keyring::Alice),
			RuntimeOrigin::from(TrackOrigin::NetworkParams),
			RuntimeOrigin::from(TrackOrigin::ReferendumKiller),
		] {
			assert_eq!(call.clone().dispatch(refused).map_err(|e| e.error), Err(DispatchError::BadOrigin));
		}
		assert_eq!(sp_io::storage::get(b":poseidon:fix"), None);
		assert_ok!(call.dispatch(RuntimeOrigin::from(TrackOrigin::Emergency)));
		assert_eq!(sp_io::storage::get(b":poseidon:fix").as_deref(), Some(&b"x"[..]));
		assert_eq!(last_origins_event(), Some(OriginsEvent::DispatchedAsRoot { result: Ok(()) }));
		// The call's own failure is reported, and the dispatch itself succeeds.
		let failing = dispatch_as_root(RuntimeCall::Deposits(pallet_deposits::Call::close_plan { plan: 99 }));
		assert_ok!(failing.dispatch(RuntimeOrigin::from(TrackOrigin::Emergency)));
		assert_eq!(
			last_origins_event(),
			Some(OriginsEvent::DispatchedAsRoot {
				result: Err(pallet_deposits::Error::<Runtime>::UnknownPlan.into())
			})
		);
	});
}

type OriginsEvent = poseidon_runtime::governance::pallet_custom_origins::Event<Runtime>;

fn last_origins_event() -> Option<OriginsEvent> {
	frame_system::Pallet::<Runtime>::events().into_iter().rev().find_map(|record| match record.event {
		poseidon_runtime::RuntimeEvent::Origins(event) => Some(event),
		_ => None,
	})
}

#[test]
fn an_enacted_referendum_and_the_largest_election_fit_in_one_block() {
	use poseidon_runtime::configs::governance::MaximumSchedulerWeight;
	// Both run in `on_initialize`: the scheduler enacting referenda up to its limit, and
	// the election at its largest (the supernodes pallet's `integrity_test` proves the
	// election with `MaxVoters` votes fits in `ELECTION_BLOCK_SHARE`). Together with the
	// block's base cost they must leave room in the block.
	let weights = <Runtime as frame_system::Config>::BlockWeights::get();
	let election = pallet_supernodes::ELECTION_BLOCK_SHARE * weights.max_block;
	let hooks = MaximumSchedulerWeight::get() + election + weights.base_block;
	assert!(
		hooks.all_lte(Perbill::from_percent(85) * weights.max_block),
		"scheduler {:?} + election {election:?} + base {:?} exceed 85 % of the block {:?}",
		MaximumSchedulerWeight::get(),
		weights.base_block,
		weights.max_block,
	);
	// And a runtime upgrade, the heaviest call a referendum enacts, fits in the
	// scheduler's limit.
	let set_code = RuntimeCall::System(frame_system::Call::set_code { code: vec![] });
	use frame_support::dispatch::GetDispatchInfo;
	assert!(set_code.get_dispatch_info().call_weight.all_lte(MaximumSchedulerWeight::get()));
}

/// `parameters.setParameter` of `Capacity.MaxCapacity` with `each` for every resource.
fn set_max_capacity(each: u32) -> RuntimeCall {
	use poseidon_runtime::configs::parameters::{dynamic_params::capacity, RuntimeParameters};
	RuntimeCall::Parameters(pallet_parameters::Call::set_parameter {
		key_value: RuntimeParameters::Capacity(capacity::Parameters::MaxCapacity(
			capacity::MaxCapacity,
			Some(pallet_proof_of_resource::CapacityLimits {
				bandwidth_mbps: each,
				cpu_millicores: each,
				storage_gib: each,
			}),
		)),
	})
}

/// The attack (docs/security.md, attack 10): one referendum on the `network_params` track
/// (support falling to 1 % of QAS) names a new treasury account, which then receives 80 %
/// of fees, the treasury's share of revenue and every slash; shrinks the era, and with it
/// the window in which fraudulent proofs can be rejected, to the minimum; and lifts the
/// capacity cap so that a profile can claim any power. All of it now needs `Root`, and
/// even `Root` cannot lift the capacity cap or the resource weights above their bounds
/// in code.
#[test]
fn a_network_params_referendum_cannot_redirect_the_treasury_shrink_the_era_or_lift_the_cap() {
	use frame_support::traits::Get;
	use poseidon_primitives::treasury::TreasuryAccount;
	use poseidon_runtime::configs::parameters::CAPACITY_HARD_CAP;
	preset_ext("development").execute_with(|| {
		start_block(1, 1);
		let treasury = <poseidon_runtime::CompanyTreasury as TreasuryAccount<_>>::treasury_account();
		let era_length = pallet_proof_of_resource::Pallet::<Runtime>::era_state().length;
		let redirect = RuntimeCall::CompanyTreasury(pallet_company_treasury::Call::set_treasury_account {
			new: Sr25519Keyring::Eve.to_account_id(),
		});
		let shrink = RuntimeCall::ProofOfResource(pallet_proof_of_resource::Call::set_era_length { length: 10 });
		for call in [redirect, shrink, set_max_capacity(u32::MAX)] {
			assert_eq!(call.dispatch(network_params_origin()).map_err(|e| e.error), Err(DispatchError::BadOrigin));
		}
		assert_eq!(<poseidon_runtime::CompanyTreasury as TreasuryAccount<_>>::treasury_account(), treasury);
		assert_eq!(pallet_proof_of_resource::Pallet::<Runtime>::era_state().length, era_length);
		let cap = <Runtime as pallet_proof_of_resource::Config>::MaxCapacity::get();
		assert_eq!(cap.bandwidth_mbps, 10_000);

		// Root lifts the cap as far as the bound in code, no further.
		assert_ok!(set_max_capacity(u32::MAX).dispatch(RuntimeOrigin::root()));
		assert_eq!(<Runtime as pallet_proof_of_resource::Config>::MaxCapacity::get(), CAPACITY_HARD_CAP);
		let above_the_bound = pallet_proof_of_resource::MinerProfile {
			bandwidth_mbps: CAPACITY_HARD_CAP.bandwidth_mbps + 1,
			cpu_millicores: 0,
			storage_gib: 0,
			region: 276,
		};
		assert_eq!(
			poseidon_runtime::ProofOfResource::register_miner(origin(Sr25519Keyring::Eve), above_the_bound),
			Err(pallet_proof_of_resource::Error::<Runtime>::CapacityAboveLimit.into())
		);
		// And the resource weights as far as theirs.
		let max = <Runtime as pallet_proof_of_resource::Config>::MaxResourceWeights::get();
		let too_much = pallet_proof_of_resource::ResourceWeights { per_cpu_second: max.per_cpu_second + 1, ..max };
		let set_weights = |weights| RuntimeCall::ProofOfResource(pallet_proof_of_resource::Call::set_resource_weights { weights });
		assert_eq!(
			set_weights(too_much).dispatch(RuntimeOrigin::root()).map_err(|e| e.error),
			Err(pallet_proof_of_resource::Error::<Runtime>::ResourceWeightsAboveLimit.into())
		);
		assert_ok!(set_weights(max).dispatch(RuntimeOrigin::root()));
	});
}
