// Seat capture on a real dev node (docs/security.md, attack 9). Bob registers as a miner,
// proves one byte, stands, backs himself with 10 000 QAS and sets session keys whose
// secrets no node here holds. Alice, the dev chain's launch validator, is no miner; were
// she left out of the election for it, Bob would be the only validator from the session
// after the first election, and the chain would stop there for good. She keeps her seat
// (nobody out-backs her stash's 400 000 QAS), and blocks go on through the first era that
// the elected set validates.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Keyring } from '@polkadot/keyring';
import { stringToU8a, u8aConcat, u8aToHex } from '@polkadot/util';
import { mnemonicGenerate } from '@polkadot/util-crypto';
import { startDevChain, waitFor } from '../lib/node.js';
import { bestNumber, submit } from '../lib/chain.js';
import { QAS, MINER_PROFILE } from '../lib/constants.js';

/** Session keys generated away from every node: `{ keys, proof }` for `session.setKeys`. */
function keysKeptElsewhere(owner) {
  const keyring = new Keyring();
  const mnemonic = mnemonicGenerate();
  const aura = keyring.addFromUri(mnemonic, {}, 'sr25519');
  const grandpa = keyring.addFromUri(mnemonic, {}, 'ed25519');
  // Each key signs "POP_" followed by the owner's account id.
  const statement = u8aConcat(stringToU8a('POP_'), owner.publicKey);
  return {
    keys: u8aToHex(u8aConcat(aura.publicKey, grandpa.publicKey)),
    proof: u8aToHex(u8aConcat(aura.sign(statement), grandpa.sign(statement))),
  };
}

async function supernodes(api) {
  return (await api.query.supernodes.supernodes()).map((elected) => elected.who.toString());
}

describe('seat capture on poseidon-node --dev', () => {
  let node;
  let api;
  let accounts;
  before(async () => ({ node, api, accounts } = await startDevChain()));
  after(async () => node?.stop());

  test('a self-backed miner with dead keys does not replace Alice; blocks go on under the elected set',
    async () => {
      const { alice, bob } = accounts;
      const { keys, proof } = keysKeptElsewhere(bob);
      const era = (await api.query.proofOfResource.era()).unwrap().current.toNumber();
      const nonce = (await api.rpc.system.accountNextIndex(bob.address)).toNumber();
      const results = await Promise.all([
        submit(api, api.tx.proofOfResource.registerMiner(MINER_PROFILE), bob, { nonce }),
        submit(api, api.tx.proofOfResource.submitProof(era, { bandwidthBytes: 1 }, `0x${'77'.repeat(32)}`), bob,
          { nonce: nonce + 1 }),
        submit(api, api.tx.supernodes.submitCandidacy(0), bob, { nonce: nonce + 2 }),
        submit(api, api.tx.supernodes.vote([bob.address], 10_000n * QAS), bob, { nonce: nonce + 3 }),
        submit(api, api.tx.session.setKeys(keys, proof), bob, { nonce: nonce + 4 }),
      ]);
      for (const { error } of results) assert.equal(error, null);
      assert.ok((await api.query.supernodes.candidates(bob.address)).isSome, 'Bob stands');

      // Terms are three one-minute eras: the first election is at the start of era 3, and
      // the set it elects is queued at once and validates from the next era on
      // (runtime/src/configs/session.rs).
      await waitFor(async () => (await api.query.supernodes.currentTerm()).toNumber() >= 1, 300000,
        'the first election');
      assert.deepEqual(await supernodes(api), [alice.address]);
      const electionEra = (await api.query.proofOfResource.era()).unwrap().current.toNumber();
      await waitFor(async () => (await api.query.proofOfResource.era()).unwrap().current.toNumber() > electionEra,
        120000, 'the first era of the elected set');
      const atFirstEraOfTheSet = await bestNumber(api);
      // A whole era of the elected set later, Alice still validates alone and blocks keep
      // coming: had Bob's dead keys been elected, no block would follow.
      await waitFor(async () => (await bestNumber(api)) >= atFirstEraOfTheSet + 12, 120000,
        'blocks under the elected set');
      assert.deepEqual((await api.query.session.validators()).map(String), [alice.address]);
      assert.deepEqual(await supernodes(api), [alice.address]);
    });
});
