//! Benchmark of checking an equivocation proof: two seals verified, two headers hashed.

use super::*;
use frame_benchmarking::v2::*;
use frame_system::pallet_prelude::HeaderFor;
use sp_consensus_slots::Slot;
use sp_runtime::{traits::Header, RuntimeAppPublic};

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn check_equivocation_proof() {
		let offender = T::AuthorityId::generate_pair(None);
		let slot = Slot::from(7u64);
		let header = |number: u32| {
			let mut header = HeaderFor::<T>::new(
				number.into(),
				Default::default(),
				Default::default(),
				Default::default(),
				Default::default(),
			);
			proof::seal(&mut header, slot, |payload| offender.sign(&payload).expect("the key is in the keystore"));
			header
		};
		let equivocation = sp_consensus_slots::EquivocationProof {
			offender: offender.clone(),
			slot,
			first_header: header(1),
			second_header: header(2),
		};
		let valid;

		#[block]
		{
			valid = proof::check_equivocation_proof::<HeaderFor<T>, T::AuthorityId>(equivocation);
		}

		assert!(valid);
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
