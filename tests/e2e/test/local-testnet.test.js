// The four-validator local network of scripts/local-testnet.sh: every node sees the
// other three, and they finalize together.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  connect, freePortRange, nodeBinary, repoRoot, startProcess, stopProcess, waitFor,
} from '../lib/node.js';
import { finalizedNumber } from '../lib/chain.js';

describe('scripts/local-testnet.sh', () => {
  let network;
  let apis = [];
  let dir;

  before(async () => {
    const base = await freePortRange(301);
    dir = mkdtempSync(join(tmpdir(), 'poseidon-local-'));
    network = startProcess('bash', [
      join(repoRoot, 'scripts', 'local-testnet.sh'), '--no-build', '--base-port', String(base), '--dir', dir,
    ], { env: { ...process.env, POSEIDON_NODE: nodeBinary() }, detached: true });
    apis = await Promise.all([0, 1, 2, 3].map((i) => connect(`ws://127.0.0.1:${base + 100 + i}`, 90000)));
  });

  after(async () => {
    await Promise.all(apis.map((api) => api.disconnect().catch(() => {})));
    // The script stops its four nodes on SIGTERM; stopProcess then kills whatever is
    // left of its process group.
    if (network) await stopProcess(network, { graceMs: 20000 });
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('each of the four validators is connected to the other three', async () => {
    for (const [i, api] of apis.entries()) {
      await waitFor(async () => (await api.rpc.system.health()).peers.toNumber() === 3, 60000,
        `node ${i} to see three peers`);
    }
    const roles = await Promise.all(apis.map((api) => api.rpc.system.nodeRoles()));
    for (const role of roles) assert.equal(role.map(String).join(), 'Authority');
  });

  test('all four validators are authorities and finality advances', async () => {
    const authorities = await apis[0].query.aura.authorities();
    assert.equal(authorities.length, 4);
    await waitFor(async () => (await finalizedNumber(apis[0])) >= 3, 90000, 'finalized block 3');
    const finalized = await finalizedNumber(apis[0]);
    await waitFor(async () => (await finalizedNumber(apis[0])) > finalized, 60000, 'finality to advance');
    // Every node agrees on what is final.
    const heads = await Promise.all(apis.map(finalizedNumber));
    for (const head of heads) assert.ok(head >= finalized, `a node is behind: ${heads}`);
  });
});
