//! Signed transfers of QQQ and QAS apply through `Executive` like in a real block; fees
//! are paid in QQQ only and split 80 % treasury / 20 % block author.

use crate::common::{last_fee_paid_by, preset_ext, qas, qqq, signed, start_block};
use frame_support::traits::fungible::Inspect;
use poseidon_runtime::{
	genesis_config_presets::dev_treasury_account, Executive, Runtime, RuntimeCall, RuntimeEvent,
	QAS, QQQ,
};
use sp_keyring::Sr25519Keyring::{Alice, Bob, Charlie};
use sp_runtime::{DispatchError, TokenError};

type QasBalancesCall = pallet_balances::Call<Runtime, pallet_balances::Instance2>;

fn qqq_issuance() -> u128 {
	pallet_balances::Pallet::<Runtime>::total_issuance()
}

#[test]
fn a_qqq_transfer_moves_the_amount_and_splits_fee_and_tip_80_20() {
	preset_ext("development").execute_with(|| {
		start_block(1, 1);
		let (alice, bob, charlie) = (Alice.to_account_id(), Bob.to_account_id(), Charlie.to_account_id());
		let treasury = dev_treasury_account();
		let before = (qqq(&alice), qqq(&bob), qqq(&charlie), qqq(&treasury), qqq_issuance());

		let tip = QQQ / 100;
		let call = RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
			dest: charlie.clone().into(),
			value: 25 * QQQ,
		});
		let result = Executive::apply_extrinsic(signed(call, Bob, 0, tip));
		assert_eq!(result, Ok(Ok(())));

		let (fee, paid_tip) = last_fee_paid_by(&bob);
		assert_eq!(paid_tip, tip);
		assert!(fee > tip, "the fee includes the tip and a non-zero base fee");

		let treasury_share = fee * 80 / 100;
		let author_share = fee - treasury_share;
		assert_eq!(qqq(&bob), before.1 - 25 * QQQ - fee);
		assert_eq!(qqq(&charlie), before.2 + 25 * QQQ);
		assert_eq!(qqq(&treasury), before.3 + treasury_share);
		// Alice authored the block (the only dev validator) and gets the rest.
		assert_eq!(qqq(&alice), before.0 + author_share);
		// Fees are redistributed, not burnt.
		assert_eq!(qqq_issuance(), before.4);

		assert!(frame_system::Pallet::<Runtime>::events().iter().any(|r| matches!(
			&r.event,
			RuntimeEvent::Balances(pallet_balances::Event::Transfer { from, to, amount })
				if from == &bob && to == &charlie && *amount == 25 * QQQ
		)));
	});
}

#[test]
fn a_qas_transfer_moves_qas_and_charges_the_fee_in_qqq_only() {
	preset_ext("development").execute_with(|| {
		start_block(1, 1);
		let (bob, charlie) = (Bob.to_account_id(), Charlie.to_account_id());
		let before = (qqq(&bob), qas(&bob), qas(&charlie));
		let qas_issuance =
			<pallet_balances::Pallet<Runtime, pallet_balances::Instance2> as Inspect<_>>::total_issuance();

		let call = RuntimeCall::QasBalances(QasBalancesCall::transfer_allow_death {
			dest: charlie.clone().into(),
			value: 7 * QAS,
		});
		assert_eq!(Executive::apply_extrinsic(signed(call, Bob, 0, 0)), Ok(Ok(())));

		let (fee, _) = last_fee_paid_by(&bob);
		assert!(fee > 0);
		assert_eq!(qas(&bob), before.1 - 7 * QAS, "no QAS is taken for the fee");
		assert_eq!(qas(&charlie), before.2 + 7 * QAS);
		assert_eq!(qqq(&bob), before.0 - fee, "the fee is paid in QQQ");
		assert_eq!(
			<pallet_balances::Pallet<Runtime, pallet_balances::Instance2> as Inspect<_>>::total_issuance(),
			qas_issuance
		);
		assert!(frame_system::Pallet::<Runtime>::events().iter().any(|r| matches!(
			&r.event,
			RuntimeEvent::QasBalances(pallet_balances::Event::Transfer { from, to, amount })
				if from == &bob && to == &charlie && *amount == 7 * QAS
		)));
	});
}

#[test]
fn a_transfer_above_the_balance_fails_with_the_pallet_error_and_moves_nothing() {
	preset_ext("development").execute_with(|| {
		start_block(1, 1);
		let (bob, charlie) = (Bob.to_account_id(), Charlie.to_account_id());
		let before = (qqq(&bob), qqq(&charlie), qas(&bob), qas(&charlie));

		let too_much = before.0 * 2;
		let call = RuntimeCall::Balances(pallet_balances::Call::transfer_allow_death {
			dest: charlie.clone().into(),
			value: too_much,
		});
		// pallet-balances refuses what it cannot withdraw with the fungible-token error.
		let result = Executive::apply_extrinsic(signed(call, Bob, 0, 0));
		assert_eq!(result, Ok(Err(DispatchError::Token(TokenError::FundsUnavailable))));

		// The failed call still paid its fee, and nothing else moved.
		let (fee, _) = last_fee_paid_by(&bob);
		assert_eq!(qqq(&bob), before.0 - fee);
		assert_eq!(qqq(&charlie), before.1);

		let call = RuntimeCall::QasBalances(QasBalancesCall::transfer_allow_death {
			dest: charlie.clone().into(),
			value: before.2 + 1,
		});
		let result = Executive::apply_extrinsic(signed(call, Bob, 1, 0));
		assert_eq!(result, Ok(Err(DispatchError::Token(TokenError::FundsUnavailable))));
		assert_eq!(qas(&bob), before.2);
		assert_eq!(qas(&charlie), before.3);
	});
}

#[test]
fn a_transaction_signed_for_another_nonce_is_rejected_before_paying() {
	preset_ext("development").execute_with(|| {
		start_block(1, 1);
		let bob = Bob.to_account_id();
		let before = qqq(&bob);
		let call = RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
			dest: Charlie.to_account_id().into(),
			value: QQQ,
		});
		let result = Executive::apply_extrinsic(signed(call, Bob, 5, 0));
		assert!(result.is_err(), "a future nonce is invalid in a block: {result:?}");
		assert_eq!(qqq(&bob), before);
	});
}

/// On a real network session keys are secrets of their own: the author's 20 % goes to
/// the validator account that registered the Aura key that sealed the block, not to an
/// account made of the key's bytes.
#[test]
fn the_author_share_goes_to_the_validator_that_owns_the_blocks_session_key() {
	use sp_runtime::BuildStorage;
	let mut config = crate::common::preset_config("development");
	// Alice validates with keys that are not her account's: Ferdie's key pairs.
	let ferdie = sp_keyring::Sr25519Keyring::Ferdie;
	let keys = &mut config.session.keys[0];
	assert_eq!(keys.0, Alice.to_account_id());
	keys.2 = poseidon_runtime::opaque::SessionKeys {
		aura: ferdie.public().into(),
		grandpa: sp_keyring::Ed25519Keyring::Ferdie.public().into(),
	};
	let storage = config.build_storage().expect("the patched preset builds");
	sp_io::TestExternalities::new(storage).execute_with(|| {
		start_block(1, 1);
		assert_eq!(pallet_aura::Authorities::<Runtime>::get().to_vec(), vec![ferdie.public().into()]);
		let (alice, key_bytes_account) = (Alice.to_account_id(), ferdie.to_account_id());
		let before = (qqq(&alice), qqq(&key_bytes_account));
		let call = RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
			dest: Charlie.to_account_id().into(),
			value: QQQ,
		});
		assert_eq!(Executive::apply_extrinsic(signed(call, Bob, 0, 0)), Ok(Ok(())));
		let (fee, _) = last_fee_paid_by(&Bob.to_account_id());
		assert_eq!(qqq(&alice), before.0 + (fee - fee * 80 / 100));
		assert_eq!(qqq(&key_bytes_account), before.1);
	});
}

/// The README's figures: a QQQ transfer costs about 0.03 QQQ, a QAS transfer about 0.04
/// QQQ (it reads and writes the QAS account map as well as the QQQ account that pays).
#[test]
fn a_qqq_transfer_costs_about_three_hundredths_of_a_qqq_and_a_qas_transfer_four() {
	preset_ext("development").execute_with(|| {
		start_block(1, 1);
		let qqq_transfer = RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
			dest: Charlie.to_account_id().into(),
			value: QQQ,
		});
		let qas_transfer = RuntimeCall::QasBalances(QasBalancesCall::transfer_keep_alive {
			dest: Charlie.to_account_id().into(),
			value: QAS,
		});
		let expected = [(qqq_transfer, QQQ / 40..=QQQ * 35 / 1000), (qas_transfer, QQQ * 35 / 1000..=QQQ * 45 / 1000)];
		for (nonce, (call, range)) in expected.into_iter().enumerate() {
			assert_eq!(Executive::apply_extrinsic(signed(call, Bob, nonce as u32, 0)), Ok(Ok(())));
			let (fee, _) = last_fee_paid_by(&Bob.to_account_id());
			assert!(range.contains(&fee), "transfer {nonce} cost {fee} base units, expected {range:?}");
		}
	});
}
