//! The genesis presets build a valid genesis with the state the README promises.

use crate::common::{preset_ext, qqq};
use frame_support::traits::fungible::Inspect;
use poseidon_runtime::{
	genesis_config_presets::{
		dev_treasury_account, preset_names, DEV_ENDOWMENT_QAS, DEV_ENDOWMENT_QQQ,
		TREASURY_ENDOWMENT_QQQ,
	},
	CompanyTreasury, Deposits, Revenue, Runtime, Supernodes,
};
use poseidon_primitives::treasury::TreasuryAccount;
use sp_keyring::Sr25519Keyring;

#[test]
fn the_runtime_offers_the_development_local_and_production_presets() {
	assert_eq!(
		preset_names(),
		vec!["development".to_string(), "local_testnet".to_string(), "production".to_string()]
	);
	assert!(poseidon_runtime::genesis_config_presets::get_preset(&"no-such-preset".into()).is_none());
}

#[test]
fn development_has_alice_as_the_only_validator_and_sudo() {
	preset_ext("development").execute_with(|| {
		let aura = pallet_aura::Authorities::<Runtime>::get();
		assert_eq!(aura.into_inner(), vec![Sr25519Keyring::Alice.public().into()]);
		let grandpa = pallet_grandpa::Pallet::<Runtime>::grandpa_authorities();
		assert_eq!(grandpa.len(), 1);
		assert_eq!(pallet_sudo::Key::<Runtime>::get(), Some(Sr25519Keyring::Alice.to_account_id()));
		// Alice is also the supernode the genesis election chose, backed by her stash.
		let alice = Sr25519Keyring::Alice.to_account_id();
		assert_eq!(pallet_session::Validators::<Runtime>::get(), vec![alice.clone()]);
		let supernodes = pallet_supernodes::Supernodes::<Runtime>::get();
		assert_eq!(supernodes.iter().map(|e| e.who.clone()).collect::<Vec<_>>(), vec![alice.clone()]);
		assert_eq!(supernodes[0].support, 400_000 * poseidon_runtime::QAS);
		assert_launch_validators_are_miners(&[alice]);
	});
}

#[test]
fn local_testnet_has_four_validators() {
	preset_ext("local_testnet").execute_with(|| {
		let expected: Vec<sp_consensus_aura::sr25519::AuthorityId> = [
			Sr25519Keyring::Alice,
			Sr25519Keyring::Bob,
			Sr25519Keyring::Charlie,
			Sr25519Keyring::Dave,
		]
		.iter()
		.map(|k| k.public().into())
		.collect();
		assert_eq!(pallet_aura::Authorities::<Runtime>::get().into_inner(), expected);
		assert_eq!(pallet_grandpa::Pallet::<Runtime>::grandpa_authorities().len(), 4);
		// The four validators are the four supernodes, in order of backing.
		let supernodes: Vec<_> =
			pallet_supernodes::Supernodes::<Runtime>::get().into_iter().map(|e| e.who).collect();
		let validators: Vec<_> = [
			Sr25519Keyring::Alice,
			Sr25519Keyring::Bob,
			Sr25519Keyring::Charlie,
			Sr25519Keyring::Dave,
		]
		.iter()
		.map(|k| k.to_account_id())
		.collect();
		assert_eq!(supernodes, validators);
		assert_eq!(pallet_session::Validators::<Runtime>::get(), validators);
		assert_launch_validators_are_miners(&validators);
	});
}

/// Each of `validators` is a miner from genesis, registered with the launch profile and
/// holding the miner bond in force, and no other account is.
fn assert_launch_validators_are_miners(validators: &[poseidon_runtime::AccountId]) {
	use frame_support::traits::{fungible::InspectHold, Get};
	use poseidon_runtime::genesis_config_presets::LAUNCH_MINER_PROFILE;
	let bond = poseidon_runtime::configs::parameters::MinerBond::get();
	for who in validators {
		let miner = pallet_proof_of_resource::Miners::<Runtime>::get(who).expect("a launch validator is a miner");
		assert_eq!((miner.profile, miner.bond), (LAUNCH_MINER_PROFILE, bond));
		let reason = poseidon_runtime::RuntimeHoldReason::ProofOfResource(pallet_proof_of_resource::HoldReason::MinerBond);
		assert_eq!(poseidon_runtime::Balances::balance_on_hold(&reason, who), bond);
	}
	assert_eq!(pallet_proof_of_resource::Miners::<Runtime>::count() as usize, validators.len());
}

#[test]
fn presets_endow_every_dev_account_with_both_tokens_and_set_the_treasury() {
	for preset in ["development", "local_testnet"] {
		preset_ext(preset).execute_with(|| {
			let dev_accounts: Vec<_> =
				Sr25519Keyring::well_known().map(|k| k.to_account_id()).collect();
			assert_eq!(dev_accounts.len(), 12);
			for account in &dev_accounts {
				// Validators hold their miner bond out of it.
				let qqq_total = <pallet_balances::Pallet<Runtime> as Inspect<_>>::total_balance(account);
				assert_eq!(qqq_total, DEV_ENDOWMENT_QQQ, "{preset}: QQQ of {account}");
				// Validators hold their candidacy bond out of it.
				let qas_total = <pallet_balances::Pallet<Runtime, pallet_balances::Instance2> as Inspect<_>>::total_balance(account);
				assert_eq!(qas_total, DEV_ENDOWMENT_QAS, "{preset}: QAS of {account}");
			}
			let treasury = dev_treasury_account();
			assert_eq!(CompanyTreasury::treasury_account(), treasury);
			assert_eq!(qqq(&treasury), TREASURY_ENDOWMENT_QQQ);
			// The revenue pot and the pool accounts settlement pays into exist from genesis.
			assert_eq!(qqq(&Revenue::pot()), TREASURY_ENDOWMENT_QQQ);
			assert_eq!(qqq(&Deposits::pool_account()), TREASURY_ENDOWMENT_QQQ);
			assert_eq!(qqq(&Supernodes::pool_account()), TREASURY_ENDOWMENT_QQQ);

			// Each token's issuance is exactly what genesis handed out.
			let qqq_issued = 12 * DEV_ENDOWMENT_QQQ + 4 * TREASURY_ENDOWMENT_QQQ;
			assert_eq!(pallet_balances::Pallet::<Runtime>::total_issuance(), qqq_issued);
			assert_eq!(
				<pallet_balances::Pallet<Runtime, pallet_balances::Instance2> as Inspect<_>>::total_issuance(),
				12 * DEV_ENDOWMENT_QAS
			);
		});
	}
}

/// The production template: no sudo, the real network's periods, exactly the SPEC's
/// supply, and launch validators whose keys are placeholders, not dev keys.
#[test]
fn production_has_no_sudo_and_the_spec_supply_and_periods() {
	use poseidon_runtime::{
		configs::parameters::{CandidacyBond, MinerBond},
		genesis_config_presets::{
			production_company_account, LAUNCH_BACKING_QAS, LAUNCH_VALIDATORS, LAUNCH_VALIDATOR_QAS,
			PRODUCTION_QAS_SUPPLY, PRODUCTION_QQQ_SUPPLY,
		},
		QasBalances, QAS, QQQ,
	};
	use frame_support::traits::Get;

	preset_ext("production").execute_with(|| {
		assert_eq!(pallet_sudo::Key::<Runtime>::get(), None, "a production chain has no sudo key");
		assert_eq!(pallet_balances::Pallet::<Runtime>::total_issuance(), PRODUCTION_QQQ_SUPPLY);
		assert_eq!(<QasBalances as Inspect<_>>::total_issuance(), PRODUCTION_QAS_SUPPLY);
		assert_eq!(PRODUCTION_QQQ_SUPPLY, 1_000_000_000 * QQQ);
		assert_eq!(PRODUCTION_QAS_SUPPLY, 100_000_000 * QAS);

		// One-day eras, weekly terms, 30/90/180-day plans (the referendum periods are the
		// runtime build's: production_periods.rs).
		assert_eq!(pallet_proof_of_resource::Pallet::<Runtime>::era_state().length, 14_400);
		let params = pallet_supernodes::Params::<Runtime>::get();
		assert_eq!(
			(params.term_length, params.desired_supernodes, params.min_validators),
			(7, LAUNCH_VALIDATORS, LAUNCH_VALIDATORS)
		);
		let plans: Vec<_> = (0..3)
			.map(|id| pallet_deposits::Plans::<Runtime>::get(id).expect("a genesis plan").lock_eras)
			.collect();
		assert_eq!(plans, vec![30, 90, 180]);
		assert_eq!((MinerBond::get(), CandidacyBond::get()), (1_000 * QQQ, 10_000 * QAS));

		// The launch validators are the genesis supernodes and the session's validators;
		// none of them, nor the company, is a well-known dev account.
		let validators = pallet_session::Validators::<Runtime>::get();
		assert_eq!(validators.len(), LAUNCH_VALIDATORS as usize);
		let supernodes: Vec<_> =
			pallet_supernodes::Supernodes::<Runtime>::get().into_iter().map(|e| e.who).collect();
		assert_eq!(supernodes, validators);
		assert_launch_validators_are_miners(&validators);
		assert_eq!(pallet_aura::Authorities::<Runtime>::get().len(), LAUNCH_VALIDATORS as usize);
		let dev: Vec<_> = Sr25519Keyring::well_known().map(|k| k.to_account_id()).collect();
		let company = production_company_account();
		assert!(validators.iter().chain([&company]).all(|who| !dev.contains(who)));
		let dev_aura: Vec<sp_consensus_aura::sr25519::AuthorityId> =
			Sr25519Keyring::well_known().map(|k| k.public().into()).collect();
		assert!(pallet_aura::Authorities::<Runtime>::get().iter().all(|key| !dev_aura.contains(key)));

		// Each validator stands with its QAS as bond; the company holds the rest and backs
		// the four with one vote, 1 000 000 QAS behind each.
		for who in &validators {
			assert_eq!(<QasBalances as Inspect<_>>::total_balance(who), LAUNCH_VALIDATOR_QAS);
		}
		let company_vote = pallet_supernodes::Voters::<Runtime>::get(&company).expect("the company votes");
		assert_eq!(company_vote.amount, LAUNCH_VALIDATORS as u128 * LAUNCH_BACKING_QAS);
		assert_eq!(company_vote.stake_per_target, LAUNCH_BACKING_QAS);
		let mut backed: Vec<_> = company_vote.targets.iter().map(|t| t.candidate.clone()).collect();
		let mut launch_set = validators.clone();
		backed.sort();
		launch_set.sort();
		assert_eq!(backed, launch_set);
		// Phragmén gives each the company's share (to within the rounding of its u64 votes).
		for elected in pallet_supernodes::Supernodes::<Runtime>::get() {
			assert!(elected.support.abs_diff(LAUNCH_BACKING_QAS) <= QAS, "{elected:?}");
		}
		assert_eq!(CompanyTreasury::treasury_account(), company);
		assert_eq!(
			<QasBalances as Inspect<_>>::balance(&company),
			PRODUCTION_QAS_SUPPLY - LAUNCH_VALIDATORS as u128 * LAUNCH_VALIDATOR_QAS
		);
		assert!(qqq(&company) > 999_990_000 * QQQ);
		// The revenue pot, both pool accounts and the fallback treasury account (where fees
		// go that a new treasury account cannot take yet) start with exactly their
		// existential deposit, out of the supply.
		for account in [
			poseidon_runtime::Revenue::pot(),
			poseidon_runtime::Deposits::pool_account(),
			poseidon_runtime::Supernodes::pool_account(),
			CompanyTreasury::fallback_account(),
		] {
			assert_eq!(qqq(&account), QQQ);
		}
	});
}

/// On the production chain, governance may name a treasury account that does not exist
/// yet: a fee share below the existential deposit then goes to the keyless fallback
/// account, which exists from genesis, and no fee is burnt.
#[test]
fn production_fees_are_never_burnt_when_the_treasury_is_a_new_account() {
	use frame_support::traits::{
		fungible::Balanced,
		tokens::{Fortitude, Precision, Preservation},
		OnUnbalanced,
	};
	use poseidon_runtime::{configs::fees::DealWithFees, genesis_config_presets::production_company_account, AccountId};
	preset_ext("production").execute_with(|| {
		let fresh = AccountId::from([42u8; 32]);
		assert_eq!(qqq(&fresh), 0);
		assert!(CompanyTreasury::set_treasury_account(poseidon_runtime::RuntimeOrigin::root(), fresh.clone()).is_ok());
		let fallback = CompanyTreasury::fallback_account();
		let (issuance, fallback_before) = (pallet_balances::Pallet::<Runtime>::total_issuance(), qqq(&fallback));
		// A fee below QQQ's existential deposit (1 milli-QQQ), with no block author.
		let fee = poseidon_primitives::tokens::MILLI_QQQ / 2;
		let credit = <poseidon_runtime::Balances as Balanced<AccountId>>::withdraw(
			&production_company_account(),
			fee,
			Precision::Exact,
			Preservation::Preserve,
			Fortitude::Polite,
		)
		.expect("the company can pay");
		DealWithFees::on_unbalanceds(core::iter::once(credit));
		assert_eq!(qqq(&fresh), 0, "too little to open the new account");
		assert_eq!(qqq(&fallback), fallback_before + fee);
		assert_eq!(pallet_balances::Pallet::<Runtime>::total_issuance(), issuance);
	});
}
