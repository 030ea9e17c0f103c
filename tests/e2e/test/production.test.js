// The production template, launched the way README.md tells operators to: export it
// with `build-spec --chain production`, replace its placeholder accounts and session keys
// with real ones (here: keys generated for the test), build the raw spec, insert each
// validator's keys with `key insert`, and start the validators. Three of the four launch
// validators run: the fourth stays down, and the chain still produces and finalizes.
// There is no sudo key; the company account moves its genesis QAS.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Keyring } from '@polkadot/keyring';
import { u8aToHex } from '@polkadot/util';
import { cryptoWaitReady, mnemonicGenerate } from '@polkadot/util-crypto';
import {
  connect, freePortRange, nodeBinary, startProcess, stopProcess, waitFor,
} from '../lib/node.js';
import { finalizedNumber, qas, submit } from '../lib/chain.js';

const QAS = 10n ** 12n;
// The network key 0x…01 gives the first validator's node this peer id.
const FIRST_PEER_ID = '12D3KooWEyoppNCUx8Yx66oV9fJnriXwCcXwDDUA2kj6vnc6iDEp';

/** Runs `poseidon-node` with `args` and returns its standard output. */
function nodeCli(args) {
  // A spec carries the runtime's Wasm: megabytes of output.
  return execFileSync(nodeBinary(), args, {
    encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024,
  });
}

/** A fresh secret phrase, and the sr25519 account/Aura key and ed25519 GRANDPA key it gives. */
function newValidatorKeys() {
  const phrase = mnemonicGenerate();
  const sr = new Keyring({ type: 'sr25519', ss58Format: 42 }).addFromUri(phrase);
  const ed = new Keyring({ type: 'ed25519', ss58Format: 42 }).addFromUri(phrase);
  return { phrase, account: sr.address, aura: sr.address, auraPublic: u8aToHex(sr.publicKey), grandpa: ed.address };
}

describe('the production template', () => {
  let dir;
  let base;
  let validators;
  let company;
  let nodes = [];
  let api;

  before(async () => {
    await cryptoWaitReady();
    dir = mkdtempSync(join(tmpdir(), 'poseidon-production-'));
    base = await freePortRange(203);
  });

  after(async () => {
    await api?.disconnect().catch(() => {});
    await Promise.all(nodes.map((node) => stopProcess(node)));
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('the exported template has no sudo key and only placeholder accounts', () => {
    const template = nodeCli(['build-spec', '--chain', 'production', '--disable-default-bootnode']);
    const spec = JSON.parse(template);
    assert.equal(spec.id, 'poseidon');
    assert.equal(spec.chainType, 'Live');
    const { patch } = spec.genesis.runtimeGenesis;
    assert.equal(patch.sudo?.key ?? null, null, 'no sudo key');
    assert.equal(patch.proofOfResource.eraLength, 14400);
    assert.equal(patch.origins?.shortTrackPeriods ?? false, false);
    assert.equal(patch.session.keys.length, 4);

    // Replace every placeholder, as text: the balances are u128 numbers that a JSON
    // round trip through JavaScript numbers would corrupt.
    let edited = template;
    const replace = (placeholder, real) => {
      assert.ok(edited.includes(placeholder), `${placeholder} is in the template`);
      edited = edited.replaceAll(placeholder, real);
    };
    validators = patch.session.keys.map(([account, , keys]) => {
      const real = newValidatorKeys();
      replace(account, real.account);
      replace(keys.aura, real.aura);
      replace(keys.grandpa, real.grandpa);
      return real;
    });
    company = new Keyring({ type: 'sr25519', ss58Format: 42 }).addFromUri(mnemonicGenerate());
    replace(patch.companyTreasury.treasuryAccount, company.address);

    const specFile = join(dir, 'production.json');
    writeFileSync(specFile, edited);
    writeFileSync(join(dir, 'production-raw.json'),
      nodeCli(['build-spec', '--chain', specFile, '--raw', '--disable-default-bootnode']));
  });

  test('three of the four launch validators produce and finalize blocks', async () => {
    const rawSpec = join(dir, 'production-raw.json');
    for (const [i, keys] of validators.slice(0, 3).entries()) {
      const basePath = join(dir, `validator-${i}`);
      for (const [type, scheme] of [['aura', 'sr25519'], ['gran', 'ed25519']]) {
        nodeCli(['key', 'insert', '--chain', rawSpec, '--base-path', basePath,
          '--key-type', type, '--scheme', scheme, '--suri', keys.phrase]);
      }
      nodes.push(startProcess(nodeBinary(), [
        '--chain', rawSpec,
        '--validator',
        '--name', `validator-${i}`,
        '--base-path', basePath,
        '--rpc-port', String(base + 100 + i),
        '--prometheus-port', String(base + 200 + i),
        '--listen-addr', `/ip4/127.0.0.1/tcp/${base + i}`,
        '--node-key', String(i + 1).padStart(64, '0'),
        ...(i === 0 ? [] : ['--bootnodes', `/ip4/127.0.0.1/tcp/${base}/p2p/${FIRST_PEER_ID}`]),
        // A Live chain ignores private addresses unless told otherwise.
        '--allow-private-ip',
        '--no-mdns',
        '--no-telemetry',
      ]));
    }
    api = await connect(`ws://127.0.0.1:${base + 100}`, 90000);

    assert.equal((await api.rpc.system.chainType()).toString(), 'Live');
    assert.ok((await api.query.sudo.key()).isNone, 'a production chain has no sudo key');
    assert.equal((await api.query.proofOfResource.era()).unwrap().length.toNumber(), 14400);
    // The four launch validators, in the order the genesis election ranked them.
    const authorities = (await api.query.aura.authorities()).map((key) => key.toHex());
    assert.deepEqual(authorities.sort(), validators.map((v) => v.auraPublic).sort());

    // GRANDPA needs three of four votes: the three running validators finalize alone.
    await waitFor(async () => (await finalizedNumber(api)) >= 3, 120000, 'finalized block 3');
  });

  test('the company account holds the undistributed QAS and can move it', async () => {
    const bob = new Keyring({ type: 'sr25519', ss58Format: 42 }).addFromUri(mnemonicGenerate());
    const before = await qas(api, company.address);
    assert.equal(before, 100_000_000n * QAS - 4n * 10_000n * QAS);
    const { error } = await submit(api, api.tx.qasBalances.transferKeepAlive(bob.address, 1_000n * QAS), company);
    assert.equal(error, null);
    assert.equal(await qas(api, bob.address), 1_000n * QAS);
  });
});
