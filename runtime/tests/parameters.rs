//! Governable parameters: the miner and candidacy bonds change through
//! `parameters.setParameter` from the `network_params` track; a changed bond applies to
//! the next registration, and the bonds already held stay as they were.

use crate::common::{miner_profile, origin, preset_ext, run_to_block, start_block};
use frame_support::{
	assert_noop, assert_ok,
	traits::{fungible::InspectHold, Get},
};
use pallet_proof_of_resource::ResourceUsage;
use poseidon_runtime::{
	configs::{
		parameters::{dynamic_params::bonds, CandidacyBond, MinerBond, RuntimeParameters},
		proof_of_resource::UnbondingEras,
	},
	governance::pallet_custom_origins::Origin as TrackOrigin,
	Balances, Parameters, ProofOfResource, QasBalances, Runtime, RuntimeEvent, RuntimeHoldReason,
	RuntimeOrigin, Supernodes, System, QAS, QQQ,
};
use sp_keyring::Sr25519Keyring::{self, Bob, Charlie, Dave};
use sp_runtime::{DispatchError, Perbill};

fn miner_bond(amount: u128) -> RuntimeParameters {
	RuntimeParameters::Bonds(bonds::Parameters::MinerBond(bonds::MinerBond, Some(amount)))
}

fn candidacy_bond(amount: u128) -> RuntimeParameters {
	RuntimeParameters::Bonds(bonds::Parameters::CandidacyBond(bonds::CandidacyBond, Some(amount)))
}

fn register(who: Sr25519Keyring) {
	assert_ok!(ProofOfResource::register_miner(origin(who), miner_profile()));
}

fn held_miner_bond(who: Sr25519Keyring) -> u128 {
	let reason = RuntimeHoldReason::ProofOfResource(pallet_proof_of_resource::HoldReason::MinerBond);
	Balances::balance_on_hold(&reason, &who.to_account_id())
}

fn held_candidacy_bond(who: Sr25519Keyring) -> u128 {
	let reason = RuntimeHoldReason::Supernodes(pallet_supernodes::HoldReason::CandidacyBond);
	QasBalances::balance_on_hold(&reason, &who.to_account_id())
}

#[test]
fn the_bonds_start_at_the_spec_values() {
	preset_ext("development").execute_with(|| {
		assert_eq!(MinerBond::get(), 1_000 * QQQ);
		assert_eq!(CandidacyBond::get(), 10_000 * QAS);
	});
}

/// Charlie registers under the genesis bond; a `network_params` referendum doubles it;
/// Dave registers under the new one; Charlie's bond is unchanged, and when he leaves he
/// gets back exactly what he put down.
#[test]
fn a_changed_miner_bond_applies_to_the_next_registration() {
	preset_ext("development").execute_with(|| {
		start_block(1, 1);
		register(Charlie);
		assert_eq!(held_miner_bond(Charlie), 1_000 * QQQ);

		assert_ok!(Parameters::set_parameter(TrackOrigin::NetworkParams.into(), miner_bond(2_000 * QQQ)));
		assert!(System::events().iter().any(|record| matches!(
			&record.event,
			RuntimeEvent::Parameters(pallet_parameters::Event::Updated { new_value: Some(_), .. })
		)));
		assert_eq!(MinerBond::get(), 2_000 * QQQ);

		register(Dave);
		assert_eq!(held_miner_bond(Dave), 2_000 * QQQ);
		assert_eq!(held_miner_bond(Charlie), 1_000 * QQQ);
		let charlie = pallet_proof_of_resource::Miners::<Runtime>::get(Charlie.to_account_id()).unwrap();
		assert_eq!(charlie.bond, 1_000 * QQQ, "the recorded bond is what is released");

		// Charlie leaves: after unbonding (7 one-minute eras) he gets his 1 000 QQQ back,
		// all of it, while the bond in force is 2 000.
		assert_ok!(ProofOfResource::deregister(origin(Charlie)));
		run_to_block(10 * (UnbondingEras::get() + 1) + 1);
		let free_before = Balances::free_balance(Charlie.to_account_id());
		assert_ok!(ProofOfResource::withdraw_bond(origin(Charlie)));
		assert_eq!(held_miner_bond(Charlie), 0);
		assert_eq!(Balances::free_balance(Charlie.to_account_id()), free_before + 1_000 * QQQ);
		assert_eq!(held_miner_bond(Dave), 2_000 * QQQ);
	});
}

#[test]
fn a_changed_candidacy_bond_applies_to_the_next_candidate() {
	preset_ext("development").execute_with(|| {
		start_block(1, 1);
		assert_ok!(Parameters::set_parameter(TrackOrigin::NetworkParams.into(), candidacy_bond(25_000 * QAS)));
		register(Bob);
		let usage = ResourceUsage { bandwidth_bytes: 1_000_000, cpu_seconds: 30, storage_gib_hours: 0 };
		assert_ok!(ProofOfResource::submit_proof(origin(Bob), 0, usage, [1; 32]));
		assert_ok!(Supernodes::submit_candidacy(origin(Bob), Perbill::from_percent(10)));
		assert_eq!(held_candidacy_bond(Bob), 25_000 * QAS);

		assert_ok!(Parameters::set_parameter(TrackOrigin::NetworkParams.into(), candidacy_bond(5_000 * QAS)));
		assert_ok!(Supernodes::renounce_candidacy(origin(Bob)));
		assert_eq!(held_candidacy_bond(Bob), 0, "the whole recorded bond comes back");
	});
}

#[test]
fn clearing_a_bond_restores_the_genesis_default() {
	preset_ext("development").execute_with(|| {
		assert_ok!(Parameters::set_parameter(TrackOrigin::NetworkParams.into(), miner_bond(600 * QQQ)));
		assert_eq!(MinerBond::get(), 600 * QQQ);
		let cleared = RuntimeParameters::Bonds(bonds::Parameters::MinerBond(bonds::MinerBond, None));
		assert_ok!(Parameters::set_parameter(TrackOrigin::NetworkParams.into(), cleared));
		assert_eq!(MinerBond::get(), 1_000 * QQQ);
		assert_eq!(pallet_parameters::Parameters::<Runtime>::iter().count(), 0);
	});
}

#[test]
fn a_bond_set_to_zero_stays_at_its_floor() {
	preset_ext("development").execute_with(|| {
		assert_ok!(Parameters::set_parameter(RuntimeOrigin::root(), miner_bond(0)));
		assert_ok!(Parameters::set_parameter(RuntimeOrigin::root(), candidacy_bond(0)));
		// A miner always risks at least the bond it needs to prove.
		assert_eq!(MinerBond::get(), poseidon_runtime::configs::proof_of_resource::MinBondToProve::get());
		assert_eq!(MinerBond::get(), 500 * QQQ);
		assert_eq!(CandidacyBond::get(), poseidon_runtime::configs::tokens::QasExistentialDeposit::get());
		assert!(MinerBond::get() > 0 && CandidacyBond::get() > 0);
	});
}

#[test]
fn only_the_network_params_track_sets_a_bond() {
	preset_ext("development").execute_with(|| {
		start_block(1, 1);
		for origin in [TrackOrigin::RevenueSplit.into(), origin(Bob)] {
			assert_noop!(Parameters::set_parameter(origin, miner_bond(1)), DispatchError::BadOrigin);
		}
		assert_noop!(
			Parameters::set_parameter(TrackOrigin::RevenueSplit.into(), candidacy_bond(1)),
			DispatchError::BadOrigin
		);
		assert_eq!(pallet_parameters::Parameters::<Runtime>::iter().count(), 0);
		assert_eq!(MinerBond::get(), 1_000 * QQQ);
	});
}
