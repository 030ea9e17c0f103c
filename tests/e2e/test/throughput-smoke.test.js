// The throughput harness in its smoke size, so that it cannot rot: every phase's
// extrinsics are all included and succeed, and the figures it reports are consistent.
// The full measurement (3 000 accounts) is scripts/throughput.sh.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Keyring } from '@polkadot/keyring';
import { startDevChain } from '../lib/node.js';
import { formatTable, runThroughput } from '../throughput/harness.js';

describe('the throughput harness (smoke size)', () => {
  let node;
  let api;
  let devPairs;
  before(async () => {
    ({ node, api } = await startDevChain());
    const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
    devPairs = ['Alice', 'Bob', 'Charlie'].map((name) => keyring.addFromUri(`//${name}//stash`));
  });
  after(async () => node?.stop());

  test('forty accounts: every extrinsic of every phase is included and succeeds', async () => {
    const phases = await runThroughput(api, devPairs, 40);
    console.log(formatTable(phases));
    assert.equal(phases.length, 5);
    for (const p of phases) {
      assert.equal(p.refused, 0, `${p.name}: ${p.firstRefusal}`);
      assert.equal(p.included, 40, p.name);
      assert.equal(p.failed, 0, p.name);
      assert.ok(p.fullest >= 1 && p.fullest <= p.ceiling, `${p.name}: fullest ${p.fullest} within ${p.ceiling}`);
      assert.ok(p.ceiling > 40, `${p.name}: a block holds more than forty (${p.ceiling})`);
    }
    const proofs = phases[4];
    assert.equal(proofs.acceptedInEra, 40, 'every proof landed in its era');
  });
});
