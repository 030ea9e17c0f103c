//! Weights for `pallet_revenue`.
//!
//! Placeholder until scripts/benchmark.sh regenerates it with the node's benchmark command.

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use frame_support::{traits::Get, weights::{Weight, constants::ParityDbWeight}};
use core::marker::PhantomData;

/// Weight functions needed by `pallet_revenue`.
pub trait WeightInfo {
	fn pay_for_service() -> Weight;
	fn set_split() -> Weight;
	fn claim_miner_rewards(e: u32) -> Weight;
	fn on_initialize_idle() -> Weight;
	fn on_initialize_era_start() -> Weight;
	fn on_initialize_settlement(m: u32) -> Weight;
	fn prune_claim_records(n: u32) -> Weight;
}

/// Weights for `pallet_revenue`, with the runtime's database costs.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn pay_for_service() -> Weight {
		Weight::from_parts(50_000_000, 10_000)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(4_u64))
	}
	fn set_split() -> Weight {
		Weight::from_parts(50_000_000, 10_000)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(4_u64))
	}
	fn claim_miner_rewards(e: u32) -> Weight {
		Weight::from_parts(50_000_000, 10_000)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(4_u64))
			.saturating_add(Weight::from_parts(10_000_000, 100).saturating_mul(e.into()))
			.saturating_add(T::DbWeight::get().writes(1_u64.saturating_mul(e.into())))
	}
	fn on_initialize_idle() -> Weight {
		Weight::from_parts(50_000_000, 10_000)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(4_u64))
	}
	fn on_initialize_era_start() -> Weight {
		Weight::from_parts(50_000_000, 10_000)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(4_u64))
	}
	fn on_initialize_settlement(m: u32) -> Weight {
		Weight::from_parts(50_000_000, 10_000)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(4_u64))
			.saturating_add(Weight::from_parts(10_000_000, 100).saturating_mul(m.into()))
			.saturating_add(T::DbWeight::get().writes(1_u64.saturating_mul(m.into())))
	}
	fn prune_claim_records(n: u32) -> Weight {
		Weight::from_parts(50_000_000, 10_000)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(4_u64))
			.saturating_add(Weight::from_parts(10_000_000, 100).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().writes(1_u64.saturating_mul(n.into())))
	}
}

// For backwards compatibility and tests.
impl WeightInfo for () {
	fn pay_for_service() -> Weight {
		Weight::from_parts(50_000_000, 10_000)
			.saturating_add(ParityDbWeight::get().reads(4_u64))
			.saturating_add(ParityDbWeight::get().writes(4_u64))
	}
	fn set_split() -> Weight {
		Weight::from_parts(50_000_000, 10_000)
			.saturating_add(ParityDbWeight::get().reads(4_u64))
			.saturating_add(ParityDbWeight::get().writes(4_u64))
	}
	fn claim_miner_rewards(e: u32) -> Weight {
		Weight::from_parts(50_000_000, 10_000)
			.saturating_add(ParityDbWeight::get().reads(4_u64))
			.saturating_add(ParityDbWeight::get().writes(4_u64))
			.saturating_add(Weight::from_parts(10_000_000, 100).saturating_mul(e.into()))
			.saturating_add(ParityDbWeight::get().writes(1_u64.saturating_mul(e.into())))
	}
	fn on_initialize_idle() -> Weight {
		Weight::from_parts(50_000_000, 10_000)
			.saturating_add(ParityDbWeight::get().reads(4_u64))
			.saturating_add(ParityDbWeight::get().writes(4_u64))
	}
	fn on_initialize_era_start() -> Weight {
		Weight::from_parts(50_000_000, 10_000)
			.saturating_add(ParityDbWeight::get().reads(4_u64))
			.saturating_add(ParityDbWeight::get().writes(4_u64))
	}
	fn on_initialize_settlement(m: u32) -> Weight {
		Weight::from_parts(50_000_000, 10_000)
			.saturating_add(ParityDbWeight::get().reads(4_u64))
			.saturating_add(ParityDbWeight::get().writes(4_u64))
			.saturating_add(Weight::from_parts(10_000_000, 100).saturating_mul(m.into()))
			.saturating_add(ParityDbWeight::get().writes(1_u64.saturating_mul(m.into())))
	}
	fn prune_claim_records(n: u32) -> Weight {
		Weight::from_parts(50_000_000, 10_000)
			.saturating_add(ParityDbWeight::get().reads(4_u64))
			.saturating_add(ParityDbWeight::get().writes(4_u64))
			.saturating_add(Weight::from_parts(10_000_000, 100).saturating_mul(n.into()))
			.saturating_add(ParityDbWeight::get().writes(1_u64.saturating_mul(n.into())))
	}
}
