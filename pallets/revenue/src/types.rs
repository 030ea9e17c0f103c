//! The pallet's domain types: the revenue split and a settled era's miner pool.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use poseidon_primitives::power::Power;
use scale_info::TypeInfo;
use sp_runtime::Percent;

/// How an era's revenue is shared. The treasury takes what the three shares leave, plus
/// the rounding dust of all of them.
///
/// Shares are whole percents so a governance voter types "65" in polkadot.js apps.
#[derive(
	Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Clone, Copy, PartialEq, Eq,
	Debug, serde::Serialize, serde::Deserialize,
)]
pub struct RevenueSplit {
	/// Shared by miners pro rata to their accepted power.
	pub miners: Percent,
	/// Shared by the elected supernodes and their backers.
	pub supernodes: Percent,
	/// Shared by QAS depositors pro rata to their deposit weight.
	pub depositors: Percent,
}

impl Default for RevenueSplit {
	/// SPEC §6: 70 % miners; the 30 % QAS side as 15 % treasury, 10 % depositors and 5 %
	/// supernodes.
	fn default() -> Self {
		Self {
			miners: Percent::from_percent(70),
			supernodes: Percent::from_percent(5),
			depositors: Percent::from_percent(10),
		}
	}
}

impl RevenueSplit {
	/// Sum of the three shares in percent (the treasury gets 100 minus this).
	pub fn shares_sum(&self) -> u16 {
		u16::from(self.miners.deconstruct()) +
			u16::from(self.supernodes.deconstruct()) +
			u16::from(self.depositors.deconstruct())
	}

	/// The treasury's share in percent.
	pub fn treasury_share(&self) -> u16 {
		100u16.saturating_sub(self.shares_sum())
	}
}

/// The miner pool of a settled era, kept while its rewards are claimable.
#[derive(
	Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Clone, Copy, PartialEq, Eq,
	Debug,
)]
pub struct EraReward<Balance> {
	/// QQQ for the era's miners (their share of the era's revenue plus any carried-over
	/// pool of earlier eras without power).
	pub miner_pool: Balance,
	/// The era's total accepted power, snapshotted at settlement.
	pub total_power: Power,
	/// Paid out so far.
	pub claimed: Balance,
}
