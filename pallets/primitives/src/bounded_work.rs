//! Work spread over blocks: how much of it fits in the weight a hook has left.
//!
//! Hooks that clean up after themselves (`on_idle` removing expired records) never
//! iterate over everything; each removes as many items as the remaining weight allows
//! and leaves the rest for the next block.

use sp_runtime::Weight;

/// How many items costing `per_item` each fit in `budget`, counting both the time and
/// the proof size an item takes. A dimension an item costs nothing in does not limit
/// the count; an item that costs nothing at all fits `u32::MAX` times.
pub fn items_within(budget: Weight, per_item: Weight) -> u32 {
	let by_time = budget.ref_time().checked_div(per_item.ref_time()).unwrap_or(u64::MAX);
	let by_size = budget.proof_size().checked_div(per_item.proof_size()).unwrap_or(u64::MAX);
	u32::try_from(by_time.min(by_size)).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn the_scarcer_dimension_decides_how_many_items_fit() {
		let budget = Weight::from_parts(1_000, 100);
		assert_eq!(items_within(budget, Weight::from_parts(10, 10)), 10);
		assert_eq!(items_within(budget, Weight::from_parts(100, 1)), 10);
		assert_eq!(items_within(budget, Weight::from_parts(2_000, 1)), 0);
	}

	#[test]
	fn a_dimension_an_item_does_not_use_does_not_limit() {
		let budget = Weight::from_parts(1_000, 0);
		assert_eq!(items_within(budget, Weight::from_parts(10, 0)), 100);
		assert_eq!(items_within(Weight::from_parts(0, 50), Weight::from_parts(0, 5)), 10);
		assert_eq!(items_within(budget, Weight::zero()), u32::MAX);
	}

	#[test]
	fn the_count_saturates_at_u32_max() {
		assert_eq!(items_within(Weight::MAX, Weight::from_parts(1, 1)), u32::MAX);
	}
}
