//! Proven power: how much work each miner proved in an era.
//!
//! The proof-of-resource pallet owns it; the revenue pallet reads it to share each era's
//! miner pool pro rata to power.

use crate::era::EraIndex;

/// Power of a proof: Σ usageᵢ × resource weightᵢ, in abstract units.
pub type Power = u128;

/// Accepted power per era, read-only.
///
/// Values of an era are final once the era's window has closed
/// ([`crate::era::EraClock::is_era_final`]): no proof can be added or rejected.
pub trait ProvenPower<AccountId> {
	/// Sum of the accepted power of all miners in `era`, kept as a running total so that
	/// reading it costs the same whatever the number of miners.
	fn total_power(era: EraIndex) -> Power;

	/// Accepted power of `miner` in `era`; zero without a proof or after rejection.
	fn miner_power(era: EraIndex, miner: &AccountId) -> Power;

	/// Whether `who` is a registered miner now (working, not leaving).
	fn is_registered_miner(who: &AccountId) -> bool;

	/// Eras after its own for which an era's power stays readable: [`Self::miner_power`]
	/// and [`Self::total_power`] answer for `era` while the current era is at most
	/// `era + power_history_depth()`; older power is forgotten (and reads as zero).
	/// A reader that needs an era's power later (reward claims) checks it against this
	/// in its `integrity_test`.
	fn power_history_depth() -> EraIndex;

	/// Records `power` as `miner`'s accepted power in `era` (and in the era's total).
	#[cfg(feature = "runtime-benchmarks")]
	fn set_power_for_benchmark(era: EraIndex, miner: &AccountId, power: Power);

	/// Registers `count` miners, so that benchmarks can show a cost does not depend on it.
	#[cfg(feature = "runtime-benchmarks")]
	fn register_miners_for_benchmark(count: u32);

	/// Registers `who` as a working miner.
	#[cfg(feature = "runtime-benchmarks")]
	fn register_miner_for_benchmark(who: &AccountId);
}
