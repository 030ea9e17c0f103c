
//! Weights for `pallet_supernodes`.
//!
//! Provisional, to be replaced by the output of scripts/benchmark.sh.

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use frame_support::{traits::Get, weights::{Weight, constants::ParityDbWeight}};
use core::marker::PhantomData;

/// Weight functions needed by `pallet_supernodes`.
pub trait WeightInfo {
	fn submit_candidacy() -> Weight;
	fn renounce_candidacy() -> Weight;
	fn set_commission() -> Weight;
	fn vote(n: u32, ) -> Weight;
	fn remove_voter(n: u32, ) -> Weight;
	fn claim_rewards(n: u32, ) -> Weight;
	fn set_election_params() -> Weight;
	fn on_initialize_no_election() -> Weight;
	fn elect(c: u32, v: u32, ) -> Weight;
	fn share_pool(s: u32, ) -> Weight;
}

/// Weights for `pallet_supernodes`, with the runtime's database costs.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn submit_candidacy() -> Weight {
		Weight::from_parts(100_000_000, 6000)
			.saturating_add(T::DbWeight::get().reads(8_u64))
			.saturating_add(T::DbWeight::get().writes(4_u64))
	}
	fn renounce_candidacy() -> Weight {
		Weight::from_parts(100_000_000, 6000)
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
	fn set_commission() -> Weight {
		Weight::from_parts(30_000_000, 3000)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	fn vote(n: u32, ) -> Weight {
		Weight::from_parts(100_000_000, 6000)
			.saturating_add(Weight::from_parts(30_000_000, 2600).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().reads((2_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(5_u64))
			.saturating_add(T::DbWeight::get().writes((2_u64).saturating_mul(n.into())))
	}
	fn remove_voter(n: u32, ) -> Weight {
		Weight::from_parts(100_000_000, 6000)
			.saturating_add(Weight::from_parts(20_000_000, 2600).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(5_u64))
			.saturating_add(T::DbWeight::get().writes((1_u64).saturating_mul(n.into())))
	}
	fn claim_rewards(n: u32, ) -> Weight {
		Weight::from_parts(100_000_000, 6000)
			.saturating_add(Weight::from_parts(20_000_000, 2600).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
	fn set_election_params() -> Weight {
		Weight::from_parts(10_000_000, 0)
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	fn on_initialize_no_election() -> Weight {
		Weight::from_parts(5_000_000, 1500)
			.saturating_add(T::DbWeight::get().reads(2_u64))
	}
	fn elect(c: u32, v: u32, ) -> Weight {
		Weight::from_parts(10_000_000, 1500)
			.saturating_add(Weight::from_parts(50_000, 2600).saturating_mul(c.into()))
			.saturating_add(Weight::from_parts(30_000_000, 1200).saturating_mul(v.into()))
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(c.into())))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(v.into())))
			.saturating_add(T::DbWeight::get().writes(4_u64))
	}
	fn share_pool(s: u32, ) -> Weight {
		Weight::from_parts(30_000_000, 1500)
			.saturating_add(Weight::from_parts(15_000_000, 2600).saturating_mul(s.into()))
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().reads((2_u64).saturating_mul(s.into())))
			.saturating_add(T::DbWeight::get().writes(3_u64))
			.saturating_add(T::DbWeight::get().writes((2_u64).saturating_mul(s.into())))
	}
}

// For tests and chains without their own measurements.
impl WeightInfo for () {
	fn submit_candidacy() -> Weight {
		Weight::from_parts(100_000_000, 6000)
			.saturating_add(ParityDbWeight::get().reads(8_u64))
			.saturating_add(ParityDbWeight::get().writes(4_u64))
	}
	fn renounce_candidacy() -> Weight {
		Weight::from_parts(100_000_000, 6000)
			.saturating_add(ParityDbWeight::get().reads(5_u64))
			.saturating_add(ParityDbWeight::get().writes(5_u64))
	}
	fn set_commission() -> Weight {
		Weight::from_parts(30_000_000, 3000)
			.saturating_add(ParityDbWeight::get().reads(1_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn vote(n: u32, ) -> Weight {
		Weight::from_parts(100_000_000, 6000)
			.saturating_add(Weight::from_parts(30_000_000, 2600).saturating_mul(n.into()))
			.saturating_add(ParityDbWeight::get().reads(6_u64))
			.saturating_add(ParityDbWeight::get().reads((2_u64).saturating_mul(n.into())))
			.saturating_add(ParityDbWeight::get().writes(5_u64))
			.saturating_add(ParityDbWeight::get().writes((2_u64).saturating_mul(n.into())))
	}
	fn remove_voter(n: u32, ) -> Weight {
		Weight::from_parts(100_000_000, 6000)
			.saturating_add(Weight::from_parts(20_000_000, 2600).saturating_mul(n.into()))
			.saturating_add(ParityDbWeight::get().reads(5_u64))
			.saturating_add(ParityDbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(ParityDbWeight::get().writes(5_u64))
			.saturating_add(ParityDbWeight::get().writes((1_u64).saturating_mul(n.into())))
	}
	fn claim_rewards(n: u32, ) -> Weight {
		Weight::from_parts(100_000_000, 6000)
			.saturating_add(Weight::from_parts(20_000_000, 2600).saturating_mul(n.into()))
			.saturating_add(ParityDbWeight::get().reads(5_u64))
			.saturating_add(ParityDbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(ParityDbWeight::get().writes(5_u64))
	}
	fn set_election_params() -> Weight {
		Weight::from_parts(10_000_000, 0)
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn on_initialize_no_election() -> Weight {
		Weight::from_parts(5_000_000, 1500)
			.saturating_add(ParityDbWeight::get().reads(2_u64))
	}
	fn elect(c: u32, v: u32, ) -> Weight {
		Weight::from_parts(10_000_000, 1500)
			.saturating_add(Weight::from_parts(50_000, 2600).saturating_mul(c.into()))
			.saturating_add(Weight::from_parts(30_000_000, 1200).saturating_mul(v.into()))
			.saturating_add(ParityDbWeight::get().reads(6_u64))
			.saturating_add(ParityDbWeight::get().reads((1_u64).saturating_mul(c.into())))
			.saturating_add(ParityDbWeight::get().reads((1_u64).saturating_mul(v.into())))
			.saturating_add(ParityDbWeight::get().writes(4_u64))
	}
	fn share_pool(s: u32, ) -> Weight {
		Weight::from_parts(30_000_000, 1500)
			.saturating_add(Weight::from_parts(15_000_000, 2600).saturating_mul(s.into()))
			.saturating_add(ParityDbWeight::get().reads(5_u64))
			.saturating_add(ParityDbWeight::get().reads((2_u64).saturating_mul(s.into())))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
			.saturating_add(ParityDbWeight::get().writes((2_u64).saturating_mul(s.into())))
	}
}
