// The dashboard's shell: the endpoint and the connection, the wallet and the selected
// account, the tabs, the transaction log, and the block subscription that refreshes the
// page shown.
//
// Each page is a module exporting `{ id, title, mount(root, app) → { update() } }`:
// `mount` builds the page's fixed parts (forms) once, `update` reads the chain and
// refreshes the parts that show data; the shell calls it on every new block and when the
// account changes.

import './style.css';
import { connect, DEFAULT_ENDPOINT, readClock } from './chain.js';
import { h } from './dom.js';
import { formatAmount, shortAddress } from './format.js';
import { openWallet, signAndWatch } from './wallet.js';
import { overviewPage } from './pages/overview.js';
import { minersPage } from './pages/miners.js';
import { supernodesPage } from './pages/supernodes.js';
import { depositsPage } from './pages/deposits.js';
import { governancePage } from './pages/governance.js';

const PAGES = [overviewPage, minersPage, supernodesPage, depositsPage, governancePage];
const params = new URLSearchParams(window.location.search);
const devMode = params.get('dev') === '1';
const endpoint = params.get('rpc') || localStorage.getItem('poseidon.endpoint') || DEFAULT_ENDPOINT;

const elements = {
  endpointInput: document.getElementById('endpoint'),
  endpointForm: document.getElementById('endpoint-form'),
  connection: document.getElementById('connection'),
  accountSelect: document.getElementById('account'),
  accountBalances: document.getElementById('account-balances'),
  walletNote: document.getElementById('wallet-note'),
  nav: document.getElementById('tabs'),
  page: document.getElementById('page'),
  transactions: document.getElementById('transactions'),
};

/** What the pages get: the api, the tokens, the latest clock, the account, `send`, `act`. */
const app = {
  api: null,
  tokens: null,
  clock: null,
  wallet: null,
  account: null,
  endpoint,
  devMode,
  /** Signs `tx` with the selected account and logs it; resolves with the outcome. */
  async send(tx, label) {
    if (!app.account) throw new Error('Choose an account first (top right).');
    const entry = logTransaction(label);
    try {
      const result = await signAndWatch(app.api, app.wallet, tx, app.account, (text) => entry.progress(text));
      if (result.error) entry.fail(`failed in block #${result.blockNumber}: ${result.error}`);
      else entry.succeed(`in block #${result.blockNumber}`);
      scheduleUpdate();
      return result;
    } catch (error) {
      entry.fail(error.message);
      throw error;
    }
  },
  /**
   * What a page's button or form does: clears `message`, lets `prepare()` read the
   * inputs and build `[tx, label]` (it throws on bad input), sends the transaction and
   * shows in `message` the chain's error or `success` (a text, or a function of the
   * result); any thrown error (bad input, a refused signature) is shown the same way.
   */
  async act(message, prepare, success) {
    message.textContent = '';
    try {
      const [tx, label] = prepare();
      const result = await app.send(tx, label);
      message.textContent = result.error ?? (typeof success === 'function' ? success(result) : success);
    } catch (error) {
      message.textContent = error.message;
    }
  },
  /** Shows a page, e.g. from a link in another page. */
  go(pageId, query = {}) {
    const search = new URLSearchParams(query).toString();
    window.location.hash = `#/${pageId}${search ? `?${search}` : ''}`;
  },
  /** The query of the current tab's hash (`#/miners?who=…`). */
  pageQuery() {
    const [, query = ''] = window.location.hash.split('?');
    return new URLSearchParams(query);
  },
};

let current = null;
let updating = false;
let updateAgain = false;

elements.endpointInput.value = endpoint;
elements.endpointForm.addEventListener('submit', (event) => {
  event.preventDefault();
  const next = new URLSearchParams(window.location.search);
  next.set('rpc', elements.endpointInput.value.trim());
  localStorage.setItem('poseidon.endpoint', elements.endpointInput.value.trim());
  window.location.search = next.toString();
});

function setConnection(text, state) {
  elements.connection.textContent = text;
  elements.connection.dataset.state = state;
}

/** Runs the shown page's `update`, never two at once; a block arriving meanwhile reruns it. */
async function scheduleUpdate() {
  if (!current || !app.api) return;
  if (updating) {
    updateAgain = true;
    return;
  }
  updating = true;
  try {
    do {
      updateAgain = false;
      const page = current;
      try {
        await page.instance.update();
        page.root.querySelector('.page-error')?.remove();
      } catch (error) {
        console.error(error);
        if (page === current && !page.root.querySelector('.page-error')) {
          page.root.prepend(h('p', { class: 'page-error' }, `Could not read the chain: ${error.message}`));
        }
      }
    } while (updateAgain);
  } finally {
    updating = false;
  }
}

function showPage() {
  const [path] = window.location.hash.replace(/^#\/?/, '').split('?');
  const page = PAGES.find((p) => p.id === path) ?? PAGES[0];
  for (const link of elements.nav.querySelectorAll('a')) {
    link.classList.toggle('active', link.dataset.page === page.id);
  }
  if (current?.page === page && current.hash === window.location.hash) return;
  if (current?.page === page) {
    // Same page, other query (e.g. another miner): let the page read it.
    current.hash = window.location.hash;
    scheduleUpdate();
    return;
  }
  const root = h('div', { class: 'page', testid: `page-${page.id}` });
  elements.page.replaceChildren(root);
  current = { page, root, hash: window.location.hash, instance: page.mount(root, app) };
  scheduleUpdate();
}

function logTransaction(label) {
  const status = h('span', { class: 'tx-status' }, 'preparing');
  const item = h('li', { class: 'tx', testid: 'tx', dataset: { state: 'pending' } }, h('strong', {}, label), ' ', status);
  elements.transactions.hidden = false;
  elements.transactions.querySelector('ul').prepend(item);
  // The log shows while transactions are under way, and a little after the last ends:
  // each form also reports its own outcome, and the log must not cover the figures.
  const hideLater = () => setTimeout(() => {
    if (!elements.transactions.querySelector('.tx[data-state="pending"]')) elements.transactions.hidden = true;
  }, 12000);
  return {
    progress(text) { status.textContent = text; },
    succeed(text) { item.dataset.state = 'ok'; status.textContent = text; hideLater(); },
    fail(text) { item.dataset.state = 'failed'; status.textContent = text; hideLater(); },
  };
}

async function refreshAccountBalances() {
  if (!app.account) {
    elements.accountBalances.textContent = '';
    return;
  }
  const [qqq, qas] = await Promise.all([
    app.api.query.system.account(app.account),
    app.api.query.qasBalances.account(app.account),
  ]);
  elements.accountBalances.textContent =
    `${formatAmount(qqq.data.free, app.tokens.qqq)} · ${formatAmount(qas.free, app.tokens.qas)}`;
  elements.accountBalances.title = 'free balances: QQQ (fees, payments, rewards) and QAS (votes, deposits)';
}

function fillAccounts() {
  const { accounts } = app.wallet;
  const saved = localStorage.getItem('poseidon.account');
  elements.accountSelect.replaceChildren(
    h('option', { value: '' }, accounts.length ? '— choose an account —' : '— no account —'),
    ...accounts.map((a) => h('option', { value: a.address }, `${a.name ?? 'account'} (${shortAddress(a.address)})`)),
  );
  const chosen = accounts.find((a) => a.address === saved) ? saved : '';
  elements.accountSelect.value = chosen;
  app.account = chosen || null;
  elements.walletNote.textContent = app.wallet.mode === 'dev'
    ? 'dev keyring: public test keys, for dev chains only'
    : (app.wallet.problem ?? 'signing with your browser extension');
  elements.walletNote.dataset.mode = app.wallet.mode;
  elements.accountSelect.addEventListener('change', () => {
    app.account = elements.accountSelect.value || null;
    localStorage.setItem('poseidon.account', app.account ?? '');
    refreshAccountBalances().catch(() => {});
    scheduleUpdate();
  });
}

async function start() {
  elements.nav.replaceChildren(...PAGES.map((p) =>
    h('a', { href: `#/${p.id}`, dataset: { page: p.id }, testid: `tab-${p.id}` }, p.title)));
  setConnection(`connecting to ${endpoint}…`, 'connecting');
  let connection;
  try {
    connection = await connect(endpoint);
  } catch (error) {
    setConnection(`not connected: ${error instanceof Error ? error.message : 'the node did not answer'}`, 'error');
    elements.page.replaceChildren(h('div', { class: 'card' },
      h('h2', {}, 'No connection'),
      h('p', {}, `The dashboard could not reach a Poseidon node at ${endpoint}.`),
      h('p', {}, 'Start one (scripts/run-dev.sh serves ws://127.0.0.1:9944), or enter another endpoint above. '
        + 'A node on another machine needs --rpc-external --rpc-cors all.')));
    return;
  }
  Object.assign(app, connection);
  app.wallet = await openWallet({ dev: devMode, ss58Format: app.api.registry.chainSS58 ?? 42 });
  fillAccounts();
  app.clock = await readClock(app.api);
  setConnection(`${app.chainName} · block #${app.clock.best}`, 'connected');
  window.addEventListener('hashchange', showPage);
  showPage();
  refreshAccountBalances().catch(() => {});

  app.api.on('disconnected', () => setConnection(`connection to ${endpoint} lost, reconnecting…`, 'error'));
  await app.api.rpc.chain.subscribeNewHeads(async () => {
    try {
      app.clock = await readClock(app.api);
      setConnection(`${app.chainName} · block #${app.clock.best} · finalized #${app.clock.finalized}`, 'connected');
    } catch { /* the next block retries */ }
    refreshAccountBalances().catch(() => {});
    scheduleUpdate();
  });
}

start();
