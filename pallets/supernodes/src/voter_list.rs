//! The voters sorted (approximately) by the QAS they lock, so that a full voter set lets a
//! larger newcomer in by evicting one of the smallest voters.
//!
//! Without it, [`Config::MaxVoters`] voters of [`Config::MinVote`] each (10 000 × 10 QAS
//! in the runtime: 0.1 % of the supply) would lock every other QAS holder out of the
//! election. As in `pallet-bags-list`, voters sit in *bags* by amount, each bag a doubly
//! linked list kept in storage; a bag covers a quarter of a power of two of
//! `amount / MinVote` (bag `4k + j` holds amounts from `(4 + j) · 2ᵏ⁻²` up to the next
//! bag's start, so two voters of one bag differ by less than 25 %). A bitmap of the
//! non-empty bags finds the lowest in O(1), and the voter evicted is the oldest of that
//! bag: one of the smallest, within 25 %. Inserting, removing and evicting each touch a
//! constant number of records, whatever the number of voters.

use crate::pallet::*;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::traits::Get;
use scale_info::TypeInfo;
use sp_runtime::traits::UniqueSaturatedInto;

/// Number of a bag: the higher, the larger the votes in it.
pub type BagIndex = u8;

/// The highest bag: a `u128` bitmap has a bit for each bag up to it.
pub const MAX_BAG: BagIndex = 127;

/// A voter's place in its bag.
#[derive(Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct ListNode<AccountId> {
	/// The bag it is in.
	pub bag: BagIndex,
	/// The voter before it in the bag (inserted earlier).
	pub prev: Option<AccountId>,
	/// The voter after it in the bag.
	pub next: Option<AccountId>,
}

/// The first and last voter of a non-empty bag.
#[derive(Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct Bag<AccountId> {
	/// The oldest voter in the bag: the one a full voter set evicts first.
	pub head: AccountId,
	/// The newest voter in the bag.
	pub tail: AccountId,
}

/// The bag of a vote of `amount` base units when the smallest vote is `min_vote`.
pub fn bag_of(amount: u128, min_vote: u128) -> BagIndex {
	let units = (amount / min_vote.max(1)).max(1);
	let power = 127 - units.leading_zeros();
	let quarter = if power >= 2 { (units >> (power - 2)) & 3 } else { (units << (2 - power)) & 3 };
	(power * 4 + quarter as u32).min(MAX_BAG as u32) as BagIndex
}

impl<T: Config> Pallet<T> {
	fn bag_for(amount: QasOf<T>) -> BagIndex {
		bag_of(amount.unique_saturated_into(), T::MinVote::get().unique_saturated_into())
	}

	/// Puts `who`, voting `amount`, at the end of its bag.
	pub(crate) fn list_insert(who: &T::AccountId, amount: QasOf<T>) {
		let bag = Self::bag_for(amount);
		let prev = VoterBags::<T>::get(bag).map(|b| b.tail);
		match &prev {
			Some(tail) => {
				VoterListNodes::<T>::mutate(tail, |node| {
					if let Some(node) = node {
						node.next = Some(who.clone());
					}
				});
				VoterBags::<T>::mutate(bag, |b| {
					if let Some(b) = b {
						b.tail = who.clone();
					}
				});
			},
			None => {
				VoterBags::<T>::insert(bag, Bag { head: who.clone(), tail: who.clone() });
				NonEmptyBags::<T>::mutate(|bits| *bits |= 1u128 << bag);
			},
		}
		VoterListNodes::<T>::insert(who, ListNode { bag, prev, next: None });
	}

	/// Takes `who` out of its bag.
	pub(crate) fn list_remove(who: &T::AccountId) {
		let Some(node) = VoterListNodes::<T>::take(who) else { return };
		if let Some(prev) = &node.prev {
			VoterListNodes::<T>::mutate(prev, |n| {
				if let Some(n) = n {
					n.next = node.next.clone();
				}
			});
		}
		if let Some(next) = &node.next {
			VoterListNodes::<T>::mutate(next, |n| {
				if let Some(n) = n {
					n.prev = node.prev.clone();
				}
			});
		}
		VoterBags::<T>::mutate_exists(node.bag, |maybe_bag| match (&node.prev, &node.next) {
			(None, None) => *maybe_bag = None,
			(None, Some(next)) => {
				if let Some(bag) = maybe_bag {
					bag.head = next.clone();
				}
			},
			(Some(prev), None) => {
				if let Some(bag) = maybe_bag {
					bag.tail = prev.clone();
				}
			},
			(Some(_), Some(_)) => {},
		});
		if node.prev.is_none() && node.next.is_none() {
			NonEmptyBags::<T>::mutate(|bits| *bits &= !(1u128 << node.bag));
		}
	}

	/// The voter list holds every voter once, in the bag of its amount, and the bitmap
	/// marks exactly the non-empty bags.
	#[cfg(any(feature = "try-runtime", test))]
	pub(crate) fn check_voter_list() -> Result<(), sp_runtime::TryRuntimeError> {
		use frame_support::ensure;
		let mut listed = 0u32;
		let mut bits = 0u128;
		for (bag, ends) in VoterBags::<T>::iter() {
			bits |= 1u128 << bag;
			let mut at = Some(ends.head.clone());
			let mut prev: Option<T::AccountId> = None;
			while let Some(who) = at {
				let node = VoterListNodes::<T>::get(&who).ok_or("a listed voter has no node")?;
				let voter = Voters::<T>::get(&who).ok_or("a listed account does not vote")?;
				ensure!(node.bag == bag && Self::bag_for(voter.amount) == bag, "a voter is in the wrong bag");
				ensure!(node.prev == prev, "a voter's previous link is wrong");
				listed += 1;
				ensure!(listed <= Voters::<T>::count(), "the voter list has a cycle");
				if node.next.is_none() {
					ensure!(who == ends.tail, "a bag's tail is wrong");
				}
				prev = Some(who);
				at = node.next;
			}
		}
		ensure!(listed == Voters::<T>::count(), "a voter is missing from the voter list");
		ensure!(bits == NonEmptyBags::<T>::get(), "the non-empty bag bitmap is wrong");
		Ok(())
	}

	/// One of the smallest voters: the oldest of the lowest non-empty bag.
	pub fn smallest_voter() -> Option<T::AccountId> {
		let bits = NonEmptyBags::<T>::get();
		if bits == 0 {
			return None;
		}
		VoterBags::<T>::get(bits.trailing_zeros() as BagIndex).map(|bag| bag.head)
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn bags_rise_with_the_amount_in_quarters_of_a_power_of_two() {
		let bags: alloc::vec::Vec<_> = [10, 19, 20, 29, 30, 40, 50, 60, 70, 80, 160].iter().map(|a| bag_of(*a, 10)).collect();
		assert_eq!(bags, [0, 0, 4, 4, 6, 8, 9, 10, 11, 12, 16]);
		assert_eq!(bag_of(0, 10), 0);
		assert_eq!(bag_of(u128::MAX, 1), MAX_BAG);
		// Within one bag amounts differ by less than 25 %.
		assert_eq!(bag_of(80, 10), bag_of(99, 10));
		assert_ne!(bag_of(80, 10), bag_of(100, 10));
	}
}
