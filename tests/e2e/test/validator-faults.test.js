// Validator faults on the four-validator local network (the nodes of
// scripts/local-testnet.sh, each started alone with `--node I` so that one can be
// killed and restarted): with one validator killed, blocks and finality go on (GRANDPA
// needs more than two thirds: three of four); with two killed, Aura still authors in the
// slots of the two left but finality stalls; restarted, the two catch up and finality
// reaches the head again.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  connect, freePortRange, nodeBinary, repoRoot, startProcess, stopProcess, waitFor,
} from '../lib/node.js';
import { bestNumber, finalizedNumber } from '../lib/chain.js';

const NAMES = ['alice', 'bob', 'charlie', 'dave'];

describe('validator faults on the four-validator local network', () => {
  let dir;
  let base;
  const nodes = [];

  /** Starts validator `i` (0 = Alice) on its own base path and ports. */
  function startValidator(i) {
    nodes[i] = startProcess('bash', [
      join(repoRoot, 'scripts', 'local-testnet.sh'), '--no-build', '--node', String(i),
      '--base-port', String(base), '--dir', dir,
    ], { env: { ...process.env, POSEIDON_NODE: nodeBinary() } });
  }

  /** Kills validator `i` with SIGKILL (no shutdown: a crash or a power cut). */
  async function killValidator(i) {
    process.kill(nodes[i].child.pid, 'SIGKILL');
    await nodes[i].exited;
  }

  let alice;

  before(async () => {
    base = await freePortRange(301);
    dir = mkdtempSync(join(tmpdir(), 'poseidon-faults-'));
    NAMES.forEach((_, i) => startValidator(i));
    alice = await connect(`ws://127.0.0.1:${base + 100}`, 90000);
    await waitFor(async () => (await alice.rpc.system.health()).peers.toNumber() === 3, 90000,
      'Alice to see the three others');
    await waitFor(async () => (await finalizedNumber(alice)) >= 2, 90000, 'finalized block 2');
  });

  after(async () => {
    await alice?.disconnect().catch(() => {});
    await Promise.all(nodes.map((node) => node && stopProcess(node, { graceMs: 15000 })));
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('with one validator killed, blocks and finality go on', async () => {
    await killValidator(3);
    const best = await bestNumber(alice);
    const finalized = await finalizedNumber(alice);
    await waitFor(async () => (await bestNumber(alice)) >= best + 3, 90000, 'three more blocks');
    await waitFor(async () => (await finalizedNumber(alice)) >= finalized + 3, 90000,
      'finality to advance three blocks');
  });

  test('with two validators killed, blocks go on but finality stalls', async () => {
    await killValidator(2);
    // Votes already cast may still complete the round in flight: let it settle.
    const settled = await bestNumber(alice);
    await waitFor(async () => (await bestNumber(alice)) >= settled + 2, 90000, 'two blocks after the kill');
    const finalized = await finalizedNumber(alice);
    const best = await bestNumber(alice);
    // Alice and Bob author their slots: a block every other slot.
    await waitFor(async () => (await bestNumber(alice)) >= best + 3, 120000, 'three more blocks');
    assert.equal(await finalizedNumber(alice), finalized, 'nothing more was finalized with two of four');
  });

  test('restarted, the two validators catch up and finality reaches the head again', async () => {
    const stalledAt = await finalizedNumber(alice);
    const target = await bestNumber(alice);
    const restartedAt = Date.now();
    startValidator(2);
    startValidator(3);
    await waitFor(async () => (await finalizedNumber(alice)) >= target, 120000,
      `finality to reach block ${target}`);
    const seconds = (Date.now() - restartedAt) / 1000;
    console.log(`finality caught up from block ${stalledAt} to ${target} in ${seconds.toFixed(1)} s after the restart`);
    assert.ok(seconds <= 60, `finality took ${seconds.toFixed(1)} s to catch up (goal: 60 s)`);
    // The restarted nodes follow the same finalized chain.
    const [charlie, dave] = await Promise.all([2, 3].map((i) => connect(`ws://127.0.0.1:${base + 100 + i}`, 60000)));
    try {
      await waitFor(async () => (await Promise.all([charlie, dave].map(finalizedNumber))).every((n) => n >= target),
        60000, 'the restarted nodes to finalize too');
      const hashes = await Promise.all([alice, charlie, dave].map(async (api) => (await api.rpc.chain.getBlockHash(target)).toHex()));
      assert.equal(new Set(hashes).size, 1, `one chain: ${hashes}`);
    } finally {
      await Promise.all([charlie, dave].map((api) => api.disconnect().catch(() => {})));
    }
  });
});
