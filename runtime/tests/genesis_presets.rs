//! The genesis presets build a valid genesis with the state the README promises.

mod common;

use common::{preset_ext, qqq};
use frame_support::traits::fungible::Inspect;
use poseidon_runtime::{
	genesis_config_presets::{
		dev_treasury_account, preset_names, DEV_ENDOWMENT_QAS, DEV_ENDOWMENT_QQQ,
		TREASURY_ENDOWMENT_QQQ,
	},
	CompanyTreasury, Deposits, Runtime, Supernodes,
};
use poseidon_primitives::treasury::TreasuryAccount;
use sp_keyring::Sr25519Keyring;

#[test]
fn the_runtime_offers_the_development_and_local_presets() {
	assert_eq!(preset_names(), vec!["development".to_string(), "local_testnet".to_string()]);
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
		assert_eq!(supernodes.iter().map(|e| e.who.clone()).collect::<Vec<_>>(), vec![alice]);
		assert_eq!(supernodes[0].support, 400_000 * poseidon_runtime::QAS);
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
	});
}

#[test]
fn presets_endow_every_dev_account_with_both_tokens_and_set_the_treasury() {
	for preset in ["development", "local_testnet"] {
		preset_ext(preset).execute_with(|| {
			let dev_accounts: Vec<_> =
				Sr25519Keyring::well_known().map(|k| k.to_account_id()).collect();
			assert_eq!(dev_accounts.len(), 12);
			for account in &dev_accounts {
				assert_eq!(qqq(account), DEV_ENDOWMENT_QQQ, "{preset}: QQQ of {account}");
				// Validators hold their candidacy bond out of it.
				let qas_total = <pallet_balances::Pallet<Runtime, pallet_balances::Instance2> as Inspect<_>>::total_balance(account);
				assert_eq!(qas_total, DEV_ENDOWMENT_QAS, "{preset}: QAS of {account}");
			}
			let treasury = dev_treasury_account();
			assert_eq!(CompanyTreasury::treasury_account(), treasury);
			assert_eq!(qqq(&treasury), TREASURY_ENDOWMENT_QQQ);
			// The pool accounts settlement pays into exist from genesis.
			assert_eq!(qqq(&Deposits::pool_account()), TREASURY_ENDOWMENT_QQQ);
			assert_eq!(qqq(&Supernodes::pool_account()), TREASURY_ENDOWMENT_QQQ);

			// Each token's issuance is exactly what genesis handed out.
			let qqq_issued = 12 * DEV_ENDOWMENT_QQQ + 3 * TREASURY_ENDOWMENT_QQQ;
			assert_eq!(pallet_balances::Pallet::<Runtime>::total_issuance(), qqq_issued);
			assert_eq!(
				<pallet_balances::Pallet<Runtime, pallet_balances::Instance2> as Inspect<_>>::total_issuance(),
				12 * DEV_ENDOWMENT_QAS
			);
		});
	}
}
