// Chain helpers for the end-to-end tests: dev accounts, balances of both tokens, and
// submitting a transaction the way a wallet does and reading its outcome.

import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';

/** The well-known dev accounts (sr25519). */
export async function devAccounts() {
  await cryptoWaitReady();
  const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
  const names = ['Alice', 'Bob', 'Charlie', 'Dave', 'Eve', 'Ferdie'];
  return Object.fromEntries(names.map((n) => [n.toLowerCase(), keyring.addFromUri(`//${n}`)]));
}

/** Free QQQ (native `Balances`) of `address`, as a BigInt in base units. */
export async function qqq(api, address, at) {
  const query = at ? await api.at(at) : api;
  const { data } = await query.query.system.account(address);
  return data.free.toBigInt();
}

/** Free QAS (`QasBalances`) of `address`, as a BigInt in base units. */
export async function qas(api, address, at) {
  const query = at ? await api.at(at) : api;
  const account = await query.query.qasBalances.account(address);
  return account.free.toBigInt();
}

/**
 * Signs and submits `tx` from `signer`, waits until it is in a block, and returns the
 * block hash, the extrinsic's events, and its dispatch error (or null when it
 * succeeded): `{ kind: 'Module', section, name }` decoded from the metadata, or
 * `{ kind: 'Token', name }` for the fungible-token errors pallet-balances returns.
 */
export function submit(api, tx, signer, options = {}) {
  return new Promise((resolveResult, reject) => {
    let unsubscribe;
    let done = false;
    const finish = () => { done = true; unsubscribe?.(); };
    tx.signAndSend(signer, options, (result) => {
      if (done) return;
      const { status, events, dispatchError } = result;
      if (status.isInvalid || status.isDropped || status.isUsurped) {
        finish();
        reject(new Error(`transaction ${status.type}`));
        return;
      }
      if (!status.isInBlock) return;
      finish();
      let error = null;
      if (dispatchError) {
        if (dispatchError.isModule) {
          const meta = api.registry.findMetaError(dispatchError.asModule);
          error = { kind: 'Module', section: meta.section, name: meta.name };
        } else if (dispatchError.isToken) {
          error = { kind: 'Token', name: dispatchError.asToken.type };
        } else {
          error = { kind: dispatchError.type };
        }
      }
      resolveResult({ blockHash: status.asInBlock.toHex(), events, error });
    }).then((u) => {
      unsubscribe = u;
      if (done) u();
    }, reject);
  });
}

/** The `(actualFee, tip)` of the `TransactionFeePaid` event among `events`. */
export function feePaid(api, events) {
  const record = events.find(({ event }) => api.events.transactionPayment.TransactionFeePaid.is(event));
  if (!record) throw new Error('no TransactionFeePaid event');
  const [, actualFee, tip] = record.event.data;
  return { fee: actualFee.toBigInt(), tip: tip.toBigInt() };
}

/**
 * Calls JSON-RPC `method` over HTTP (the node serves HTTP and WebSocket on one port),
 * bypassing @polkadot/api's own encoding, so a test can send what a wallet never would.
 * Returns the result; throws an Error carrying the node's error `code` and message.
 */
export async function rpcCall(port, method, params) {
  const response = await fetch(`http://127.0.0.1:${port}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }),
  });
  const { result, error } = await response.json();
  if (error) throw Object.assign(new Error(`${method}: ${error.message}`), { code: error.code, data: error.data });
  return result;
}

/** Number of the best block. */
export async function bestNumber(api) {
  return (await api.rpc.chain.getHeader()).number.toNumber();
}

/** Number of the finalized block. */
export async function finalizedNumber(api) {
  const hash = await api.rpc.chain.getFinalizedHead();
  return (await api.rpc.chain.getHeader(hash)).number.toNumber();
}

/**
 * The one subscribe-and-wait helper: subscribes with `subscribe(callback)` (a
 * @polkadot/api subscription, resolving to its unsubscribe function), feeds each value
 * to `check`, and resolves with the first result of `check` that is not `undefined`,
 * then unsubscribes. Gives up after `timeoutMs`, naming `what` it waited for.
 */
export function subscribeUntil(subscribe, check, timeoutMs, what) {
  return new Promise((resolveResult, reject) => {
    let unsubscribe;
    let done = false;
    const finish = () => { done = true; clearTimeout(timer); unsubscribe?.(); };
    const timer = setTimeout(() => { finish(); reject(new Error(`timed out waiting for ${what}`)); }, timeoutMs);
    subscribe(async (value) => {
      if (done) return;
      try {
        const result = await check(value);
        if (result !== undefined && !done) {
          finish();
          resolveResult(result);
        }
      } catch (error) {
        finish();
        reject(error);
      }
    }).then((u) => {
      unsubscribe = u;
      if (done) u();
    }, (error) => { finish(); reject(error); });
  });
}

/**
 * Waits for the first block (from the best head on) holding an event that `matches`;
 * returns `{ blockHash, event }`. Gives up after `timeoutMs`.
 */
export function waitForEvent(api, matches, timeoutMs, what = 'event') {
  return subscribeUntil((callback) => api.rpc.chain.subscribeNewHeads(callback), async (header) => {
    const blockHash = header.hash.toHex();
    const events = await (await api.at(blockHash)).query.system.events();
    const record = events.find(({ event }) => matches(event));
    return record ? { blockHash, event: record.event } : undefined;
  }, timeoutMs, what);
}

/** The first event `section.method` among a block's or a transaction's `events`, or undefined. */
export function findEvent(api, events, section, method) {
  return events.find(({ event }) => api.events[section][method].is(event))?.event;
}

/**
 * The keyless account of pallet `section`, from the pallet id the runtime announces in
 * its constants (`modl` ++ id, zero padded), as polkadot.js apps derives it.
 */
export function palletAccount(api, section) {
  const id = api.consts[section].palletId.toU8a();
  const bytes = new Uint8Array(32);
  bytes.set(new TextEncoder().encode('modl'));
  bytes.set(id, 4);
  return api.createType('AccountId32', bytes).toString();
}
