// The network dashboard (dashboard/) in a real browser against a real dev node: the
// system's Chromium, driven by playwright-core, opens the built page with the dev keyring
// (`?dev=1`), and every action taken on the page is checked over RPC: the overview's era
// advances, a payment, a supernode vote and a deposit made through the page land on
// chain, and referenda created over RPC appear with their calls decoded; a conviction
// vote cast on the page lands too.
//
// Needs dashboard/dist (`cd dashboard && npm ci && npm run build`, which scripts/test.sh
// does) and Chromium (`/usr/bin/chromium`, or POSEIDON_CHROMIUM). With
// POSEIDON_DASHBOARD_SCREENSHOT=<file.png> it also lets a few eras of revenue accumulate
// and saves a screenshot of the overview there (docs/dashboard.png is made that way).

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { repoRoot, sleep, startDevChain, waitFor } from '../lib/node.js';
import { submit, waitForEvent } from '../lib/chain.js';
import { MINER_PROFILE, QAS, QQQ } from '../lib/constants.js';
import { startStaticServer } from '../../../dashboard/serve.js';

const distDir = join(repoRoot, 'dashboard', 'dist');
const chromiumPath = process.env.POSEIDON_CHROMIUM ?? '/usr/bin/chromium';
const screenshotPath = process.env.POSEIDON_DASHBOARD_SCREENSHOT;

describe('network dashboard in Chromium on poseidon-node --dev', () => {
  let node;
  let api;
  let accounts;
  let server;
  let browser;
  let page;
  const pageErrors = [];

  before(async () => {
    if (!existsSync(join(distDir, 'index.html'))) {
      throw new Error(`${distDir} is missing: run (cd dashboard && npm ci && npm run build) first`);
    }
    if (!existsSync(chromiumPath)) {
      throw new Error(`no Chromium at ${chromiumPath}: apt-get install chromium, or set POSEIDON_CHROMIUM`);
    }
    ({ node, api, accounts } = await startDevChain());
    server = await startStaticServer(distDir);
    browser = await chromium.launch({
      executablePath: chromiumPath,
      // Root (CI) cannot use Chromium's sandbox; the page is our own, served on loopback.
      args: ['--no-sandbox', '--disable-dev-shm-usage'],
    });
    page = await browser.newPage({ viewport: { width: 1320, height: 900 } });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(`${server.url}?rpc=ws://127.0.0.1:${node.rpcPort}&dev=1#/overview`);
  });

  after(async () => {
    await browser?.close().catch(() => {});
    await server?.close();
    await node?.stop();
  });

  /** The text of `testid` once it matches `pattern` (polls; the page refreshes every block). */
  async function textOf(testid, pattern, timeoutMs = 30000) {
    const locator = page.getByTestId(testid).first();
    let last = '';
    await waitFor(async () => {
      if (!(await locator.count())) return false;
      last = (await locator.innerText()).trim();
      return pattern.test(last);
    }, timeoutMs, `${testid} to match ${pattern} (last: "${last}")`);
    return last;
  }

  /** Opens a tab of the dashboard. */
  async function openTab(id) {
    await page.getByTestId(`tab-${id}`).click();
    await page.getByTestId(`page-${id}`).waitFor({ timeout: 10000 });
  }

  const qasOf = (units) => units * QAS;

  test('the overview shows the chain live and the era advancing', async () => {
    const firstEra = Number(await textOf('era', /^\d+$/, 60000));
    const chainEra = (await api.query.proofOfResource.era()).unwrap().current.toNumber();
    assert.ok(Math.abs(chainEra - firstEra) <= 1, `page era ${firstEra}, chain era ${chainEra}`);
    assert.match(await textOf('best-block', /^#\d/), /^#\d/);
    assert.match(await textOf('finalized-block', /^#\d/), /^#\d/);
    assert.equal(await textOf('split-current', /\d/), '70/5/10/15');
    // Eras of 10 six-second blocks: the next one is at most a minute away.
    const nextEra = Number(await textOf('era', new RegExp(`^(?!${firstEra}$)\\d+$`), 90000));
    assert.equal(nextEra, firstEra + 1);
    assert.match(await textOf('era-time-left', /blocks/), /^\d+ blocks · ~/);
  });

  test('a customer payment made on the page counts in the era’s revenue', async () => {
    await page.getByTestId('account').selectOption(accounts.charlie.address);
    await page.getByTestId('pay-amount').fill('250');
    await page.getByTestId('pay-order').fill('dashboard-order-1');
    const before = (await api.query.revenue.totalRevenue()).toBigInt();
    await page.getByTestId('pay-form').getByRole('button').click();
    await waitFor(async () => (await api.query.revenue.totalRevenue()).toBigInt() === before + 250n * QQQ,
      60000, 'the payment on chain');
    await textOf('total-revenue', /^250 QQQ$/);
  });

  test('a vote for a supernode made on the page lands on chain', async () => {
    const { alice, bob } = accounts;
    await page.getByTestId('account').selectOption(bob.address);
    await openTab('supernodes');
    // Alice is the dev chain's genesis candidate and supernode.
    await textOf('supernodes-elected', /supernode|Support/i);
    const target = page.getByTestId(`vote-target-${alice.address}`);
    await target.waitFor({ timeout: 20000 });
    await target.check();
    await page.getByTestId('vote-amount').fill('1 234.5');
    await page.getByTestId('vote-submit').click();
    await textOf('vote-message', /^Voted/, 60000);

    const voter = await api.query.supernodes.voters(bob.address);
    assert.ok(voter.isSome, 'Bob votes');
    assert.equal(voter.unwrap().amount.toBigInt(), qasOf(1234n) + QAS / 2n);
    assert.deepEqual(voter.unwrap().targets.map((t) => t.candidate.toString()), [alice.address]);
    const freezes = await api.query.qasBalances.freezes(bob.address);
    const lock = freezes.find((f) => JSON.stringify(f.id.toJSON()).includes('ote'));
    assert.ok(lock, `a vote lock among ${JSON.stringify(freezes.toJSON())}`);
    assert.equal(lock.amount.toBigInt(), qasOf(1234n) + QAS / 2n);
    // The page shows the vote, in QAS.
    await textOf('my-vote-summary', /^1 234\.5 QAS locked for /);
  });

  test('a deposit made on the page lands on chain', async () => {
    const { bob } = accounts;
    await openTab('deposits');
    await page.getByTestId('deposit-plan').selectOption('1');
    await page.getByTestId('deposit-amount').fill('150');
    await page.getByTestId('deposit-submit').click();
    await textOf('deposit-message', /^Deposited/, 60000);

    const positions = await api.query.deposits.positions(bob.address);
    assert.equal(positions.length, 1);
    const [position] = positions;
    assert.equal(position.plan.toNumber(), 1);
    assert.equal(position.amount.toBigInt(), qasOf(150n));
    const plan = (await api.query.deposits.plans(1)).unwrap();
    assert.equal(position.maturityEra.toNumber(), position.startEra.toNumber() + plan.lockEras.toNumber());
    const holds = await api.query.qasBalances.holds(bob.address);
    const held = holds.find((hold) => JSON.stringify(hold.id.toJSON()).includes('eposit'));
    assert.ok(held, `a deposit hold among ${JSON.stringify(holds.toJSON())}`);
    assert.equal(held.amount.toBigInt(), qasOf(150n));
    // The page lists the position with its maturity era.
    const row = await textOf(`position-${position.id.toNumber()}`, /150 QAS/);
    assert.match(row, new RegExp(`era ${position.maturityEra.toNumber()}`));
  });

  let splitReferendum;
  test('referenda created over RPC appear with their calls decoded', async () => {
    const { charlie, dave } = accounts;
    // revenue.setSplit as a noted preimage (Lookup) on the revenue_split track…
    const split = api.tx.revenue.setSplit({ miners: 65, supernodes: 5, depositors: 10 });
    const noted = await submit(api, api.tx.preimage.notePreimage(split.method.toHex()), charlie);
    assert.equal(noted.error, null);
    const submitted = await submit(api, api.tx.referenda.submit(
      { Origins: 'RevenueSplit' },
      { Lookup: { hash: split.method.hash.toHex(), len: split.method.encodedLength } },
      { After: 1 },
    ), charlie);
    assert.equal(submitted.error, null);
    splitReferendum = submitted.events.find(({ event }) => api.events.referenda.Submitted.is(event)).event.data.index.toNumber();
    assert.equal((await submit(api, api.tx.referenda.placeDecisionDeposit(splitReferendum), charlie)).error, null);
    // …and a new deposit plan inline on network_params, left without a decision deposit.
    const plan = api.tx.deposits.createPlan(5, 120, 200n * QAS);
    const inline = await submit(api, api.tx.referenda.submit(
      { Origins: 'NetworkParams' }, { Inline: plan.method.toHex() }, { After: 1 }), dave);
    assert.equal(inline.error, null);
    const planReferendum = inline.events.find(({ event }) => api.events.referenda.Submitted.is(event)).event.data.index.toNumber();

    await openTab('governance');
    const eraNow = (await api.query.proofOfResource.era()).unwrap().current.toNumber();
    const splitText = await textOf(`referendum-call-${splitReferendum}`, /^split /, 30000);
    const [, fromEra] = splitText.match(/^split 65\/5\/10\/20 from era (\d+)$/) ?? [];
    assert.ok(fromEra, `decoded split: "${splitText}"`);
    assert.ok(Number(fromEra) > eraNow, `from era ${fromEra}, now ${eraNow}`);
    assert.equal(await textOf(`referendum-track-${splitReferendum}`, /\w/), 'revenue_split');
    assert.equal(await textOf(`referendum-call-${planReferendum}`, /^new deposit plan/),
      'new deposit plan: 5 eras at ×1.2, from 200 QAS');
    assert.equal(await textOf(`referendum-track-${planReferendum}`, /\w/), 'network_params');
    await page.getByTestId(`decision-deposit-${planReferendum}`).waitFor({ timeout: 10000 });
  });

  test('a conviction vote cast on the page lands on chain', async () => {
    const { bob } = accounts;
    await page.getByTestId('ref-vote-index').selectOption(String(splitReferendum));
    await page.getByTestId('ref-vote-aye').selectOption('aye');
    await page.getByTestId('ref-vote-amount').fill('2 000');
    await page.getByTestId('ref-vote-conviction').selectOption('Locked2x');
    await page.getByTestId('ref-vote-submit').click();
    await textOf('ref-vote-message', /^Voted/, 60000);

    const voting = await api.query.convictionVoting.votingFor(bob.address, 1);
    assert.ok(voting.isCasting);
    const vote = voting.asCasting.votes.find(([index]) => index.toNumber() === splitReferendum);
    assert.ok(vote, 'Bob’s vote on the split referendum');
    const standard = vote[1].asStandard;
    assert.equal(standard.balance.toBigInt(), qasOf(2000n));
    assert.ok(standard.vote.isAye);
    assert.equal(standard.vote.conviction.type, 'Locked2x');
    // 2 000 QAS × 2 in the tally, shown in QAS.
    await textOf(`referendum-tally-${splitReferendum}`, /Aye 4 000 QAS/);
  });

  test('screenshot of the overview for the README (only with POSEIDON_DASHBOARD_SCREENSHOT)', { skip: !screenshotPath }, async () => {
    const { alice, eve, ferdie } = accounts;
    // A miner that proves, and a few eras of payments, so the charts have something to show.
    assert.equal((await submit(api, api.tx.proofOfResource.registerMiner(MINER_PROFILE), eve)).error, null);
    for (const amount of [400n, 900n, 650n, 1200n]) {
      const era = (await api.query.proofOfResource.era()).unwrap().current.toNumber();
      await Promise.all([
        submit(api, api.tx.revenue.payForService(amount * QQQ, `order-${era}`), ferdie),
        submit(api, api.tx.proofOfResource.submitProof(era, { bandwidthBytes: 500_000_000, cpuSeconds: 60 }, `0x${'ab'.repeat(32)}`), eve)
          .catch(() => {}),
      ]);
      await waitForEvent(api, (event) => api.events.proofOfResource.EraStarted.is(event), 90000, 'the next era');
    }
    await submit(api, api.tx.revenue.payForService(300n * QQQ, 'order-now'), alice);
    await page.getByTestId('account').selectOption(accounts.bob.address);
    await openTab('overview');
    await sleep(8000);
    await page.screenshot({ path: screenshotPath, fullPage: true });
  });

  test('the page raised no script error', () => {
    assert.deepEqual(pageErrors, []);
  });
});
