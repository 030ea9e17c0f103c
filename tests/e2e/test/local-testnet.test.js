// The four-validator local network of scripts/local-testnet.sh: every node sees the
// other three, they finalize together, and each validator's miner agent proves its work.
// Then a fifth node, not a genesis validator, is elected by QAS holders and becomes a
// validator.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  connect, freePortRange, nodeBinary, repoRoot, startProcess, stopProcess, waitFor,
} from '../lib/node.js';
import { u8aToHex } from '@polkadot/util';
import { devAccounts, finalizedNumber, rpcCall, submit, subscribeUntil } from '../lib/chain.js';
import { QAS, MINER_PROFILE } from '../lib/constants.js';

/** Resolves with the number of the first new block whose author is `address`. */
function firstBlockAuthoredBy(api, address, timeoutMs) {
  return subscribeUntil((callback) => api.derive.chain.subscribeNewHeads(callback),
    (header) => (header.author?.toString() === address ? header.number.toNumber() : undefined),
    timeoutMs, `a block authored by ${address}`);
}

describe('scripts/local-testnet.sh', () => {
  let network;
  let apis = [];
  let dir;
  let base;

  before(async () => {
    base = await freePortRange(301);
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

  // Every election checks again that a candidate is a miner with recent power: the four
  // launch validators are miners from genesis, and the script runs each one's miner agent
  // beside its node, which proves what the machine served.
  test('each launch validator is a miner from genesis and its agent proves its work', async () => {
    const accounts = await devAccounts();
    const api = apis[0];
    const validators = ['alice', 'bob', 'charlie', 'dave'].map((name) => accounts[name].address);
    for (const address of validators) {
      assert.ok((await api.query.proofOfResource.miners(address)).isSome, `${address} is a miner`);
    }
    await waitFor(async () => {
      const era = (await api.query.proofOfResource.era()).unwrap().current.toNumber();
      const eras = [era, era - 1, era - 2].filter((e) => e >= 0);
      const proved = await Promise.all(validators.map(async (address) => {
        const proofs = await Promise.all(eras.map((e) => api.query.proofOfResource.proofs(e, address)));
        return proofs.some((proof) => proof.isSome);
      }));
      return proved.every(Boolean);
    }, 200000, 'every launch validator\'s agent to have a proof accepted');
  });

  // Eve runs a fifth node with keys of its own, proves work as a miner, stands, and
  // Ferdie's 250 000 QAS outvote the 100 000 behind Dave: at the next term's election Eve
  // replaces Dave among the four supernodes, and from the next session she authors blocks.
  test('a miner voted in with QAS becomes a validator and authors blocks', async () => {
    const accounts = await devAccounts();
    const { dave: { address: dave }, eve, ferdie } = accounts;
    const api = apis[0];
    const eveRpcPort = base + 104;
    // Alice's node is the bootnode; it tells its own peer id.
    const alicePeerId = (await api.rpc.system.localPeerId()).toString();
    const eveNode = startProcess(nodeBinary(), [
      '--chain', 'local',
      '--validator',
      '--name', 'eve',
      '--base-path', join(dir, 'eve'),
      '--rpc-port', String(eveRpcPort),
      '--prometheus-port', String(base + 204),
      '--listen-addr', `/ip4/127.0.0.1/tcp/${base + 4}`,
      '--bootnodes', `/ip4/127.0.0.1/tcp/${base}/p2p/${alicePeerId}`,
      '--node-key', '5'.padStart(64, '0'),
      '--no-mdns',
      '--no-telemetry',
    ]);
    let eveApi;
    try {
      eveApi = await connect(`ws://127.0.0.1:${eveRpcPort}`, 90000).catch((error) => {
        throw new Error(`${error.message}; Eve's node said:\n${eveNode.output().slice(-3000)}`);
      });
      await waitFor(async () => (await eveApi.rpc.system.health()).peers.toNumber() >= 4, 60000,
        'Eve\'s node to join the network');
      const finalizedAtStart = await finalizedNumber(api);

      // The node generates its session keys and proves Eve owns them.
      const generated = await rpcCall(eveRpcPort, 'author_rotateKeysWithOwner', [u8aToHex(eve.publicKey)]);
      assert.ok(generated.proof, 'the node proves ownership of the keys');

      // Registered first: a registration sent in an era's last block may only be included
      // in the next era (the first block of an era, a new session, is full), and a miner
      // proves only eras from the one it registered in.
      const registration = await submit(api, api.tx.proofOfResource.registerMiner(MINER_PROFILE), eve);
      assert.equal(registration.error, null);
      const era = (await api.query.proofOfResource.era()).unwrap().current.toNumber();
      const nonce = (await api.rpc.system.accountNextIndex(eve.address)).toNumber();
      const results = await Promise.all([
        submit(api, api.tx.proofOfResource.submitProof(era, { bandwidthBytes: 1_000_000 }, `0x${'55'.repeat(32)}`),
          eve, { nonce }),
        submit(api, api.tx.supernodes.submitCandidacy(100_000_000), eve, { nonce: nonce + 1 }),
        submit(api, api.tx.session.setKeys(generated.keys, generated.proof), eve, { nonce: nonce + 2 }),
        submit(api, api.tx.supernodes.vote([eve.address], 250_000n * QAS), ferdie),
      ]);
      for (const { error } of results) assert.equal(error, null);

      // The election at the start of the next term.
      const elected = await waitFor(async () => {
        const supernodes = (await api.query.supernodes.supernodes()).map((e) => e.who.toString());
        return supernodes.includes(eve.address) && supernodes;
      }, 330000, 'Eve to be elected');
      assert.equal(elected.length, 4);
      assert.ok(!elected.includes(dave), 'Dave, with the least backing, is out');

      // From the next session Eve is a validator and authors blocks.
      await waitFor(async () => (await api.query.session.validators()).map(String).includes(eve.address),
        150000, 'Eve to be a validator');
      const authored = await firstBlockAuthoredBy(api, eve.address, 120000);

      // Finality kept up: every node, Eve's included, finalizes past her first block.
      assert.ok(authored > finalizedAtStart);
      await waitFor(async () => (await finalizedNumber(api)) > authored, 120000, 'finality past Eve\'s block');
      await waitFor(async () => (await Promise.all([...apis, eveApi].map(finalizedNumber))).every((h) => h > authored),
        60000, `every node to finalize past block ${authored}`);
    } finally {
      await eveApi?.disconnect().catch(() => {});
      await stopProcess(eveNode, { graceMs: 15000 });
    }
  });
});
