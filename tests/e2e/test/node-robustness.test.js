// A dev node under hostile input and a crash: malformed extrinsic bytes sent over RPC
// are refused with an error and block production goes on; a node killed with SIGKILL
// while it authors blocks restarts on the same database with the same finalized chain
// and keeps producing.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { compactAddLength, u8aToHex } from '@polkadot/util';
import { startDevChain, waitFor } from '../lib/node.js';
import { bestNumber, finalizedNumber, qqq, rpcCall, submit } from '../lib/chain.js';
import { QQQ } from '../lib/constants.js';

describe('a dev node under hostile input and a crash', () => {
  let node;
  let accounts;

  before(async () => {
    ({ node, accounts } = await startDevChain());
  });

  after(async () => {
    await node?.stop();
  });

  test('refuses malformed extrinsic bytes over RPC and keeps producing blocks', async () => {
    const { api } = node;
    const { alice, bob } = accounts;
    const nonce = (await api.rpc.system.accountNextIndex(alice.address)).toNumber();
    const valid = await api.tx.balances.transferKeepAlive(bob.address, QQQ).signAsync(alice, { nonce });
    // The extrinsic without its length prefix: version byte, signer, signature,
    // extensions, call.
    const bare = valid.toU8a(true);
    const withBytes = (edit) => {
      const copy = bare.slice();
      edit(copy);
      return u8aToHex(compactAddLength(copy));
    };
    const signer = bare.findIndex((_, i) => alice.publicKey.every((byte, j) => bare[i + j] === byte));
    assert.ok(signer > 0, 'the signer is in the extrinsic');
    const hostile = {
      empty: '0x',
      'one zero byte': '0x00',
      'random bytes': u8aToHex(randomBytes(200)),
      'a length prefix promising 256 MiB': `0xfeffffff${'00'.repeat(16)}`,
      'a signed transfer cut in half': u8aToHex(compactAddLength(bare.slice(0, bare.length >> 1))),
      'a signed transfer with a trailing byte': u8aToHex(compactAddLength(new Uint8Array([...bare, 0]))),
      'an unknown extrinsic version': withBytes((copy) => { copy[0] = 0x8f; }),
      // After the signer's 32 bytes, the signature's variant byte, then its 64 bytes.
      'a signature with one byte flipped': withBytes((copy) => { copy[signer + 32 + 10] ^= 0xff; }),
      'a call with one byte flipped': withBytes((copy) => { copy[copy.length - 3] ^= 0xff; }),
      '1 MiB of random bytes': u8aToHex(randomBytes(1 << 20)),
    };
    const before = await bestNumber(api);
    for (const [what, hex] of Object.entries(hostile)) {
      await assert.rejects(rpcCall(node.rpcPort, 'author_submitExtrinsic', [hex]),
        (error) => typeof error.code === 'number' && error.code !== 0,
        `${what} is refused with an RPC error`);
    }
    // Nothing of it reached the pool.
    assert.deepEqual((await api.rpc.author.pendingExtrinsics()).map(String), []);
    // The node keeps producing, and a well-formed transaction still lands.
    await waitFor(async () => (await bestNumber(api)) >= before + 2, 60000, 'two more blocks');
    const bobBefore = await qqq(api, bob.address);
    const { error } = await submit(api, api.tx.balances.transferKeepAlive(bob.address, QQQ), alice);
    assert.equal(error, null);
    assert.equal(await qqq(api, bob.address), bobBefore + QQQ);
  });

  test('restarts after SIGKILL on the same finalized chain and keeps producing', async () => {
    let { api } = node;
    await waitFor(async () => (await finalizedNumber(api)) >= 3, 60000, 'finalized block 3');
    const finalizedHash = (await api.rpc.chain.getFinalizedHead()).toHex();
    const finalizedHeader = await api.rpc.chain.getHeader(finalizedHash);
    const best = await bestNumber(api);
    // Kill it half way through a slot, while it authors.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    await node.crash();

    api = await node.restart();
    // The finalized block survived the crash: same number, hash and state root.
    const restartedFinalized = await finalizedNumber(api);
    assert.ok(restartedFinalized >= finalizedHeader.number.toNumber(),
      `finalized ${restartedFinalized} after the restart, ${finalizedHeader.number} before`);
    const sameNumber = await api.rpc.chain.getBlockHash(finalizedHeader.number.toNumber());
    assert.equal(sameNumber.toHex(), finalizedHash);
    const reread = await api.rpc.chain.getHeader(finalizedHash);
    assert.equal(reread.stateRoot.toHex(), finalizedHeader.stateRoot.toHex());
    // And it goes on producing and finalizing past where it was killed.
    await waitFor(async () => (await bestNumber(api)) > best + 1, 60000, `block ${best + 2}`);
    await waitFor(async () => (await finalizedNumber(api)) > best, 60000, `finality past block ${best}`);
  });
});
