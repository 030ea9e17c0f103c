//! Transaction fees: charged in QQQ, 80 % to the company treasury, 20 % to the block
//! author; tips are split the same way.
//!
//! A fee is `base + length × LengthToFee + weight × WeightToFee`, scaled by a multiplier
//! that rises while blocks are fuller than a quarter and falls back (never below 1) when
//! they are emptier, so sustained spam gets dearer while normal use keeps a stable price.

use crate::{
	AccountId, Authorship, Balance, Balances, CompanyTreasury, Runtime, RuntimeEvent,
	MICRO_QQQ,
};
use frame_support::{
	parameter_types,
	traits::{
		fungible::{Balanced, Credit},
		tokens::imbalance::Imbalance,
		ConstU128, ConstU8, OnUnbalanced,
	},
	weights::{
		ConstantMultiplier, WeightToFeeCoefficient, WeightToFeeCoefficients,
		WeightToFeePolynomial,
	},
};
use pallet_transaction_payment::{FungibleAdapter, Multiplier, TargetedFeeAdjustment};
use poseidon_primitives::treasury::TreasuryAccount;
use sp_runtime::{
	traits::{Bounded, One},
	FixedPointNumber, Perbill, Perquintill,
};

/// Share of every fee and tip that goes to the treasury; the author gets the rest.
pub const TREASURY_FEE_SHARE: u32 = 80;
/// Share of every fee and tip that goes to the block author.
pub const AUTHOR_FEE_SHARE: u32 = 20;

/// QQQ base units charged per unit of `ref_time` weight (one picosecond of execution on
/// the machine that measured the weights). A QQQ transfer, with the extrinsic base and
/// its transaction extensions, weighs about 6.3·10⁸ (docs/benchmarks.md) and so costs
/// about 0.03 QQQ.
pub const FEE_PER_REF_TIME: Balance = 50;

/// Converts an extrinsic's weight to its fee: linear in `ref_time`.
pub struct WeightToFee;

impl WeightToFeePolynomial for WeightToFee {
	type Balance = Balance;

	fn polynomial() -> WeightToFeeCoefficients<Balance> {
		smallvec::smallvec![WeightToFeeCoefficient {
			coeff_integer: FEE_PER_REF_TIME,
			coeff_frac: Perbill::zero(),
			negative: false,
			degree: 1,
		}]
	}
}

parameter_types! {
	/// Blocks a quarter full keep the fee multiplier where it is.
	pub const TargetBlockFullness: Perquintill = Perquintill::from_percent(25);
	/// How fast the multiplier follows congestion (the value Polkadot uses).
	pub AdjustmentVariable: Multiplier = Multiplier::saturating_from_rational(75, 1_000_000);
	/// Fees never fall below their nominal value.
	pub MinimumMultiplier: Multiplier = Multiplier::one();
	pub MaximumMultiplier: Multiplier = Bounded::max_value();
}

/// Splits fees and tips between the treasury and the block's author.
pub struct DealWithFees;

impl OnUnbalanced<Credit<AccountId, Balances>> for DealWithFees {
	fn on_unbalanceds(mut fees_then_tips: impl Iterator<Item = Credit<AccountId, Balances>>) {
		let Some(mut fees) = fees_then_tips.next() else { return };
		if let Some(tips) = fees_then_tips.next() {
			tips.merge_into(&mut fees);
		}
		let (mut to_treasury, to_author) = fees.ration(TREASURY_FEE_SHARE, AUTHOR_FEE_SHARE);
		if let Some(author) = Authorship::author() {
			// An author account too poor to exist cannot take a share below the
			// existential deposit; that share goes to the treasury instead.
			if let Err(unpaid) = Balances::resolve(&author, to_author) {
				to_treasury.subsume(unpaid);
			}
		} else {
			to_treasury.subsume(to_author);
		}
		// A new treasury account that does not exist yet cannot take a share below the
		// existential deposit; the keyless fallback treasury account keeps it then, so
		// fees are never burnt. Every preset endows the fallback account (on dev chains it
		// is the treasury) and, keyless, it cannot be emptied by a signed transfer, so it
		// always exists: a share it refused would be a bug, reported, not silently burnt.
		if let Err(unpaid) = Balances::resolve(&CompanyTreasury::treasury_account(), to_treasury) {
			if let Err(lost) = Balances::resolve(&CompanyTreasury::fallback_account(), unpaid) {
				frame_support::defensive!("a fee share was burnt: the fallback treasury account refused it", lost.peek());
			}
		}
	}
}

impl pallet_transaction_payment::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	/// Fees are withdrawn from the payer's QQQ (`Balances`), never from QAS.
	type OnChargeTransaction = FungibleAdapter<Balances, DealWithFees>;
	/// Operational extrinsics get priority as if they paid five times their fee.
	type OperationalFeeMultiplier = ConstU8<5>;
	type WeightToFee = WeightToFee;
	/// One micro-QQQ per byte of the encoded extrinsic.
	type LengthToFee = ConstantMultiplier<Balance, ConstU128<MICRO_QQQ>>;
	type FeeMultiplierUpdate = TargetedFeeAdjustment<
		Self,
		TargetBlockFullness,
		AdjustmentVariable,
		MinimumMultiplier,
		MaximumMultiplier,
	>;
	type WeightInfo = crate::weights::pallet_transaction_payment::WeightInfo<Runtime>;
}
