//! Weights for `pallet_deposits` (placeholder until scripts/benchmark.sh regenerates it).

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use frame_support::{traits::Get, weights::{Weight, constants::ParityDbWeight}};
use core::marker::PhantomData;

/// Weight functions needed by `pallet_deposits`.
pub trait WeightInfo {
	fn create_plan() -> Weight;
	fn close_plan() -> Weight;
	fn deposit() -> Weight;
	fn claim(n: u32, ) -> Weight;
	fn withdraw() -> Weight;
	fn share_pool(n: u32, ) -> Weight;
	fn send_pool_to_treasury() -> Weight;
}

/// Weights for `pallet_deposits`, with the runtime's database costs.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn create_plan() -> Weight {
		Weight::from_parts(20_000_000, 1_500)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	fn close_plan() -> Weight {
		Weight::from_parts(15_000_000, 1_500)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	fn deposit() -> Weight {
		Weight::from_parts(80_000_000, 5_000)
			.saturating_add(T::DbWeight::get().reads(7_u64))
			.saturating_add(T::DbWeight::get().writes(6_u64))
	}
	fn claim(_n: u32, ) -> Weight {
		Weight::from_parts(150_000_000, 20_000)
			.saturating_add(T::DbWeight::get().reads(20_u64))
			.saturating_add(T::DbWeight::get().writes(20_u64))
	}
	fn withdraw() -> Weight {
		Weight::from_parts(100_000_000, 6_000)
			.saturating_add(T::DbWeight::get().reads(8_u64))
			.saturating_add(T::DbWeight::get().writes(8_u64))
	}
	fn share_pool(_n: u32, ) -> Weight {
		Weight::from_parts(40_000_000, 3_000)
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().writes(6_u64))
	}
	fn send_pool_to_treasury() -> Weight {
		Weight::from_parts(40_000_000, 3_000)
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().writes(6_u64))
	}
}

impl WeightInfo for () {
	fn create_plan() -> Weight {
		Weight::from_parts(20_000_000, 1_500)
			.saturating_add(ParityDbWeight::get().reads(2_u64))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
	}
	fn close_plan() -> Weight {
		Weight::from_parts(15_000_000, 1_500)
			.saturating_add(ParityDbWeight::get().reads(1_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn deposit() -> Weight {
		Weight::from_parts(80_000_000, 5_000)
			.saturating_add(ParityDbWeight::get().reads(7_u64))
			.saturating_add(ParityDbWeight::get().writes(6_u64))
	}
	fn claim(_n: u32, ) -> Weight {
		Weight::from_parts(150_000_000, 20_000)
			.saturating_add(ParityDbWeight::get().reads(20_u64))
			.saturating_add(ParityDbWeight::get().writes(20_u64))
	}
	fn withdraw() -> Weight {
		Weight::from_parts(100_000_000, 6_000)
			.saturating_add(ParityDbWeight::get().reads(8_u64))
			.saturating_add(ParityDbWeight::get().writes(8_u64))
	}
	fn share_pool(_n: u32, ) -> Weight {
		Weight::from_parts(40_000_000, 3_000)
			.saturating_add(ParityDbWeight::get().reads(6_u64))
			.saturating_add(ParityDbWeight::get().writes(6_u64))
	}
	fn send_pool_to_treasury() -> Weight {
		Weight::from_parts(40_000_000, 3_000)
			.saturating_add(ParityDbWeight::get().reads(6_u64))
			.saturating_add(ParityDbWeight::get().writes(6_u64))
	}
}
