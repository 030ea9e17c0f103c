//! Checking an Aura equivocation proof: what the two headers must show.
//!
//! An Aura block header carries its slot in a pre-runtime digest and, as its last digest
//! item, a seal: the author's signature of the hash of the header without the seal. Two
//! headers prove an equivocation when they are different blocks, both name the reported
//! slot, and both seals verify under the offender's key.

use sp_consensus_aura::digests::CompatibleDigestItem;
use sp_consensus_slots::{EquivocationProof, Slot};
use sp_runtime::{
	traits::Header,
	RuntimeAppPublic,
};

/// Whether `proof` shows `proof.offender` sealing two different headers for `proof.slot`.
pub fn check_equivocation_proof<H, Id>(proof: EquivocationProof<H, Id>) -> bool
where
	H: Header,
	Id: RuntimeAppPublic,
	Id::Signature: codec::Codec,
{
	if proof.first_header.hash() == proof.second_header.hash() {
		return false;
	}
	[proof.first_header, proof.second_header]
		.into_iter()
		.all(|header| sealed_for_slot(header, proof.slot, &proof.offender))
}

/// Whether `header` names `slot` and its seal is `author`'s signature of the rest of it.
fn sealed_for_slot<H: Header, Id>(mut header: H, slot: Slot, author: &Id) -> bool
where
	Id: RuntimeAppPublic,
	Id::Signature: codec::Codec,
{
	let named_slot = header
		.digest()
		.logs()
		.iter()
		.find_map(|log| CompatibleDigestItem::<Id::Signature>::as_aura_pre_digest(log));
	if named_slot != Some(slot) {
		return false;
	}
	let Some(seal) = header.digest_mut().pop() else { return false };
	let Some(signature) = CompatibleDigestItem::<Id::Signature>::as_aura_seal(&seal) else { return false };
	let pre_hash = header.hash();
	author.verify(&pre_hash.as_ref(), &signature)
}

/// Seals `header` for `slot` as an Aura author would, with `sign` (tests and
/// benchmarks build proofs with it).
#[cfg(any(test, feature = "runtime-benchmarks"))]
pub fn seal<H: Header, Signature: codec::Codec>(
	header: &mut H,
	slot: Slot,
	sign: impl FnOnce(&[u8]) -> Signature,
) {
	use sp_runtime::DigestItem;
	header.digest_mut().push(<DigestItem as CompatibleDigestItem<Signature>>::aura_pre_digest(slot));
	let pre_hash = header.hash();
	let signature = sign(pre_hash.as_ref());
	header.digest_mut().push(<DigestItem as CompatibleDigestItem<Signature>>::aura_seal(signature));
}
