// Accounts and signing.
//
// Normally the accounts and signatures come from the polkadot.js browser extension (or
// any wallet that injects itself the same way: Talisman, SubWallet), through
// @polkadot/extension-dapp: the dashboard never sees a secret key.
//
// With `?dev=1` the page instead signs with the well-known development accounts (Alice …
// Ferdie, derived from the public dev seed), as polkadot.js apps' development keyring
// does. That is only for dev and test chains, where these accounts are endowed: their
// keys are public, so the page says so in its header.

import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { web3Accounts, web3Enable, web3FromAddress } from '@polkadot/extension-dapp';

const DEV_NAMES = ['Alice', 'Bob', 'Charlie', 'Dave', 'Eve', 'Ferdie'];
const APP_NAME = 'Poseidon dashboard';

/** A wallet: `{ mode, accounts: [{ address, name }], sign(tx, address, onStatus) }`. */
export async function openWallet({ dev, ss58Format }) {
  return dev ? openDevWallet(ss58Format) : openExtensionWallet(ss58Format);
}

async function openDevWallet(ss58Format) {
  await cryptoWaitReady();
  const keyring = new Keyring({ type: 'sr25519', ss58Format });
  const pairs = DEV_NAMES.map((name) => keyring.addFromUri(`//${name}`, { name }));
  return {
    mode: 'dev',
    accounts: pairs.map((pair) => ({ address: pair.address, name: pair.meta.name })),
    sign(tx, address, onStatus) {
      const pair = pairs.find((p) => p.address === address);
      if (!pair) throw new Error(`${address} is not a dev account`);
      return tx.signAndSend(pair, onStatus);
    },
  };
}

async function openExtensionWallet(ss58Format) {
  const extensions = await web3Enable(APP_NAME);
  if (!extensions.length) {
    return {
      mode: 'extension',
      accounts: [],
      problem: 'No wallet extension found, or access was refused. Install the polkadot.js extension '
        + '(or Talisman, SubWallet), allow this page, and reload.',
      sign() { throw new Error('no wallet extension'); },
    };
  }
  const accounts = await web3Accounts({ ss58Format });
  return {
    mode: 'extension',
    accounts: accounts.map((a) => ({ address: a.address, name: a.meta.name ?? a.meta.source })),
    problem: accounts.length ? null : 'The wallet extension shares no account with this page.',
    async sign(tx, address, onStatus) {
      const injector = await web3FromAddress(address);
      return tx.signAndSend(address, { signer: injector.signer }, onStatus);
    },
  };
}

/**
 * Signs and submits `tx` from `address` with `wallet`; reports progress through
 * `onProgress(text)` and resolves, once the transaction is in a block, with
 * `{ blockHash, blockNumber, events, error }`, `error` being a readable dispatch error
 * ("deposits.BelowPlanMinimum: The amount is below the plan's minimum.") or null.
 */
export function signAndWatch(api, wallet, tx, address, onProgress = () => {}) {
  return new Promise((resolve, reject) => {
    let unsubscribe;
    let done = false;
    const finish = () => {
      done = true;
      unsubscribe?.();
    };
    onProgress('waiting for the signature');
    Promise.resolve()
      .then(() => wallet.sign(tx, address, async (result) => {
        if (done) return;
        const { status, events, dispatchError } = result;
        if (status.isReady || status.isBroadcast) onProgress('submitted');
        if (status.isInvalid || status.isDropped || status.isUsurped) {
          finish();
          reject(new Error(`the transaction was ${status.type.toLowerCase()}`));
          return;
        }
        if (!status.isInBlock) return;
        finish();
        const blockHash = status.asInBlock.toHex();
        let blockNumber = null;
        try {
          blockNumber = (await api.rpc.chain.getHeader(blockHash)).number.toNumber();
        } catch { /* the number is only for display */ }
        resolve({ blockHash, blockNumber, events, error: dispatchError ? describeError(api, dispatchError) : null });
      }))
      .then((u) => {
        unsubscribe = u;
        if (done) u();
      }, (error) => {
        finish();
        reject(error);
      });
  });
}

/** A dispatch error as "section.Name: its documentation". */
export function describeError(api, dispatchError) {
  if (dispatchError.isModule) {
    const meta = api.registry.findMetaError(dispatchError.asModule);
    const docs = meta.docs.join(' ').trim();
    return `${meta.section}.${meta.name}${docs ? `: ${docs}` : ''}`;
  }
  if (dispatchError.isToken) return `token error: ${dispatchError.asToken.type}`;
  if (dispatchError.isArithmetic) return `arithmetic error: ${dispatchError.asArithmetic.type}`;
  return dispatchError.type;
}
