
//! Weights for `pallet_aura_equivocation`.
//!
//! Not yet generated: an estimate from the work the benchmark measures (two sr25519
//! signature checks and two header hashes), until `scripts/benchmark.sh
//! pallet_aura_equivocation` regenerates this file.

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use frame_support::{traits::Get, weights::{Weight, constants::ParityDbWeight}};
use core::marker::PhantomData;

/// Weight functions needed by `pallet_aura_equivocation`.
pub trait WeightInfo {
	fn check_equivocation_proof() -> Weight;
}

/// Weights for `pallet_aura_equivocation` using the Substrate node and recommended hardware.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn check_equivocation_proof() -> Weight {
		Weight::from_parts(150_000_000, 0)
	}
}

// For backwards compatibility and tests.
impl WeightInfo for () {
	fn check_equivocation_proof() -> Weight {
		Weight::from_parts(150_000_000, 0)
	}
}
