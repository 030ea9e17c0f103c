//! The pallets whose benchmarks the node's `benchmark pallet` command can run.
//!
//! `define_benchmarks!` expands to the `list_benchmarks!` and `add_benchmarks!` macros
//! used by the `Benchmark` runtime API in `apis.rs`, where `BaselineBench`, `SystemBench`
//! and `SystemExtensionsBench` are in scope.

frame_benchmarking::define_benchmarks!(
	[frame_benchmarking, BaselineBench::<crate::Runtime>]
	[frame_system, SystemBench::<crate::Runtime>]
	[frame_system_extensions, SystemExtensionsBench::<crate::Runtime>]
	[pallet_balances, crate::Balances]
	[pallet_balances, crate::QasBalances]
	[pallet_transaction_payment, crate::TransactionPayment]
	[pallet_timestamp, crate::Timestamp]
	[pallet_sudo, crate::Sudo]
	[pallet_company_treasury, crate::CompanyTreasury]
	[pallet_proof_of_resource, crate::ProofOfResource]
	[pallet_revenue, crate::Revenue]
	[pallet_deposits, crate::Deposits]
	[pallet_supernodes, crate::Supernodes]
	[pallet_aura_equivocation, crate::AuraEquivocation]
	[pallet_parameters, crate::Parameters]
	[pallet_preimage, crate::Preimage]
	[pallet_scheduler, crate::Scheduler]
	[pallet_referenda, crate::Referenda]
	[pallet_conviction_voting, crate::ConvictionVoting]
);
