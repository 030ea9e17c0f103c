// Governance: the referenda, each with its track, the call it would enact in words
// ("split 65/5/10/20 from era 42"), where it stands (preparing, deciding, confirming),
// its tally and support against what its track requires now; voting with conviction in
// QAS, placing a decision deposit, and the account's votes (remove, unlock).

import { eraAtBlock } from '../chain.js';
import { describeCall, describeProposal } from '../calls.js';
import { card, field, h, keyOf, refreshSection, table } from '../dom.js';
import { formatAmount, formatDuration, formatRatio, parseAmount, shortAddress } from '../format.js';

/** Finished referenda listed under the ongoing ones. */
const SHOWN_FINISHED = 10;

/** Conviction: vote multiplier and lock in voting periods (pallet-conviction-voting). */
const CONVICTIONS = [
  { id: 'None', votes: 0.1, periods: 0 },
  { id: 'Locked1x', votes: 1, periods: 1 },
  { id: 'Locked2x', votes: 2, periods: 2 },
  { id: 'Locked3x', votes: 3, periods: 4 },
  { id: 'Locked4x', votes: 4, periods: 8 },
  { id: 'Locked5x', votes: 5, periods: 16 },
  { id: 'Locked6x', votes: 6, periods: 32 },
];

export const governancePage = {
  id: 'governance',
  title: 'Governance',
  mount(root, app) {
    const { api, tokens } = app;
    const tracks = readTracks(api);
    /** index → decoded call, fetched once: a referendum's proposal never changes. */
    const proposals = new Map();
    const ongoingSection = h('div', { testid: 'referenda' });
    const finishedSection = h('div');
    const myVotesSection = h('div');

    const indexSelect = h('select', { testid: 'ref-vote-index' });
    const aye = h('select', { testid: 'ref-vote-aye' }, h('option', { value: 'aye' }, 'Aye'), h('option', { value: 'nay' }, 'Nay'));
    const amount = h('input', { value: '', placeholder: 'e.g. 1 000', inputmode: 'decimal', testid: 'ref-vote-amount' });
    const periodMs = api.consts.convictionVoting.voteLockingPeriod.toNumber() * app.clock.blockMs;
    const conviction = h('select', { testid: 'ref-vote-conviction' }, CONVICTIONS.map((c) =>
      h('option', { value: c.id, selected: c.id === 'Locked1x' },
        c.periods ? `${c.votes}× votes, QAS locked ${c.periods} period(s) (~${formatDuration(c.periods * periodMs)})`
          : '0.1× votes, no lock')));
    const message = h('p', { class: 'form-message', testid: 'ref-vote-message' });
    const form = h('form', { class: 'inline-form', testid: 'ref-vote-form' },
      field('Referendum', indexSelect), field('Vote', aye),
      field(`Amount (${tokens.qas.symbol})`, amount), field('Conviction', conviction),
      h('button', { type: 'submit', testid: 'ref-vote-submit' }, 'Vote'));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      let index;
      app.act(message, () => {
        if (indexSelect.value === '') throw new Error('No referendum is open for votes.');
        index = Number(indexSelect.value);
        const balance = parseAmount(amount.value, tokens.qas);
        const vote = { Standard: { vote: { aye: aye.value === 'aye', conviction: conviction.value }, balance } };
        return [api.tx.convictionVoting.vote(index, vote),
          `Vote ${aye.value} on #${index} with ${formatAmount(balance, tokens.qas)} (${conviction.value})`];
      }, () => `Voted on referendum #${index}.`);
    });

    function act(tx, label) {
      return app.act(message, () => [tx, label], `${label}: done.`);
    }

    root.append(
      card('Referenda in progress', ongoingSection),
      card('Vote with conviction', h('p', { class: 'muted' },
        'Votes are in QAS. Conviction multiplies your votes and locks the QAS after the referendum ends (if it goes your way) '
        + 'for the periods shown. Support counts aye QAS before conviction, as a share of all QAS.'), form, message),
      card('Your votes', myVotesSection),
      card('Decided', finishedSection),
    );

    return {
      async update() {
        const { clock } = app;
        const account = app.account;
        const [entries, qasIssuance, votingEntries] = await Promise.all([
          api.query.referenda.referendumInfoFor.entries(),
          api.query.qasBalances.totalIssuance(),
          account ? api.query.convictionVoting.votingFor.entries(account) : [],
        ]);
        const referenda = entries.map(([key, info]) => ({ index: key.args[0].toNumber(), info: info.unwrap() }))
          .sort((a, b) => b.index - a.index);
        const ongoing = referenda.filter((r) => r.info.isOngoing).map((r) => ({ index: r.index, status: r.info.asOngoing }));
        await Promise.all(ongoing.filter((r) => !proposals.has(r.index)).map(async (r) => {
          const decoded = await describeProposal(api, r.status.proposal, { tokens });
          if (decoded.call || r.status.proposal.isInline) proposals.set(r.index, decoded);
          else r.missing = decoded;
        }));

        const views = ongoing.map((r) => referendumView(api, r, tracks, clock, proposals.get(r.index) ?? r.missing, qasIssuance.toBigInt(), tokens));
        refreshSection(ongoingSection, keyOf(views.map((v) => v.key)), () => (views.length
          ? views.map((v) => v.render(act))
          : h('p', { class: 'muted' }, 'No referendum in progress. Anyone may propose one: note the call’s preimage, '
            + 'submit it on its track and place the decision deposit (polkadot.js apps: Governance → Referenda).')));

        const optionsKey = keyOf(ongoing.map((r) => r.index));
        if (indexSelect.dataset.key !== optionsKey) {
          const chosen = indexSelect.value;
          indexSelect.dataset.key = optionsKey;
          indexSelect.replaceChildren(...ongoing.map((r) => h('option', { value: String(r.index) },
            `#${r.index} (${tracks.get(r.status.track.toNumber())?.name ?? 'track'})`)));
          if (ongoing.some((r) => String(r.index) === chosen)) indexSelect.value = chosen;
        }

        const finished = referenda.filter((r) => !r.info.isOngoing).slice(0, SHOWN_FINISHED);
        refreshSection(finishedSection, keyOf(finished.map((r) => r.info.toJSON())), () => table([
          { label: 'Referendum', cell: (r) => `#${r.index}` },
          { label: 'Outcome', cell: (r) => r.info.type },
          { label: 'At block', class: 'num', cell: (r) => `#${finishedAt(r.info)}` },
          { label: 'Its call', cell: (r) => proposals.get(r.index)?.text ?? '— (a decided referendum keeps no call on chain)' },
        ], finished, { empty: 'None yet.', testid: 'referenda-finished' }));

        const votes = myVotes(votingEntries);
        refreshSection(myVotesSection, keyOf([account, votes, ongoing.map((r) => r.index)]), () => {
          if (!account) return h('p', { class: 'muted' }, 'Choose an account at the top.');
          return [
            table([
              { label: 'Referendum', cell: (v) => `#${v.index}` },
              { label: 'Track', cell: (v) => tracks.get(v.track)?.name ?? String(v.track) },
              { label: 'Vote', cell: (v) => v.text },
              { label: 'Amount', class: 'num', cell: (v) => formatAmount(v.balance, tokens.qas) },
              {
                label: '',
                cell: (v) => h('button', {
                  type: 'button',
                  onclick: () => act(api.tx.convictionVoting.removeVote(v.track, v.index), `Remove vote on #${v.index}`),
                }, 'Remove vote'),
              },
            ], votes, { empty: 'No vote.', testid: 'my-referendum-votes' }),
            votingEntries.length ? h('div', { class: 'inline-form' }, [...new Set(votingEntries.map(([key]) => key.args[1].toNumber()))].map((track) =>
              h('button', {
                type: 'button',
                onclick: () => act(api.tx.convictionVoting.unlock(track, account), `Unlock QAS of track ${tracks.get(track)?.name ?? track}`),
              }, `Unlock expired locks (${tracks.get(track)?.name ?? track})`))) : null,
          ];
        });
      },
    };
  },
};

/** The tracks from the runtime's constants: id → `{ name, info }`. */
function readTracks(api) {
  const tracks = new Map();
  for (const [id, info] of api.consts.referenda.tracks) {
    const raw = typeof info.name.toUtf8 === 'function' ? info.name.toUtf8() : info.name.toString();
    tracks.set(id.toNumber(), { name: raw.replace(/\0+$/, ''), info });
  }
  return tracks;
}

function finishedAt(info) {
  const value = info.value;
  return Array.isArray(value) ? value[0].toNumber() : value.toNumber();
}

/** The account's standard votes from its `votingFor` entries. */
function myVotes(votingEntries) {
  const votes = [];
  for (const [key, voting] of votingEntries) {
    if (!voting.isCasting) continue;
    const track = key.args[1].toNumber();
    for (const [index, accountVote] of voting.asCasting.votes) {
      if (accountVote.isStandard) {
        const { vote, balance } = accountVote.asStandard;
        votes.push({
          index: index.toNumber(),
          track,
          balance: balance.toBigInt(),
          text: `${vote.isAye ? 'aye' : 'nay'}, ${vote.conviction.type}`,
        });
      } else {
        votes.push({ index: index.toNumber(), track, balance: 0n, text: accountVote.type });
      }
    }
  }
  return votes;
}

/**
 * A curve's value (0..1) at `x` (0..1 of the decision period): LinearDecreasing,
 * SteppedDecreasing and Reciprocal, as pallet-referenda computes them.
 */
function curveAt(curve, x) {
  const perbill = (v) => v.toNumber() / 1e9;
  if (curve.isLinearDecreasing) {
    const { length, floor, ceil } = curve.asLinearDecreasing;
    const progress = Math.min(x, perbill(length)) / perbill(length);
    return perbill(ceil) - (perbill(ceil) - perbill(floor)) * progress;
  }
  if (curve.isSteppedDecreasing) {
    const { begin, end, step, period } = curve.asSteppedDecreasing;
    const steps = Math.floor(x / perbill(period));
    return Math.max(perbill(begin) - steps * perbill(step), perbill(end));
  }
  if (curve.isReciprocal) {
    const { factor, xOffset, yOffset } = curve.asReciprocal;
    const fixed = (v) => Number(v.toBigInt()) / 1e18;
    return Math.min(Math.max(fixed(factor) / (x + fixed(xOffset)) + fixed(yOffset), 0), 1);
  }
  return NaN;
}

/** What a referendum card shows, and its key for refreshing. */
function referendumView(api, referendum, tracks, clock, decoded, qasIssuance, tokens) {
  const { index, status } = referendum;
  const trackId = status.track.toNumber();
  const track = tracks.get(trackId);
  const info = track?.info;
  const now = clock.best;
  const deciding = status.deciding.isSome ? status.deciding.unwrap() : null;
  const since = deciding ? deciding.since.toNumber() : null;
  const confirming = deciding && deciding.confirming.isSome ? deciding.confirming.unwrap().toNumber() : null;
  const submitted = status.submitted.toNumber();

  // The earliest block it can pass, and so be enacted; what it changes "from the next
  // era" applies from the era after the one holding the enactment block.
  let approvalBlock = null;
  if (info) {
    if (confirming !== null) approvalBlock = confirming;
    else if (deciding) approvalBlock = Math.max(now, since) + info.confirmPeriod.toNumber();
    else approvalBlock = Math.max(now, submitted + info.preparePeriod.toNumber()) + info.confirmPeriod.toNumber();
  }
  let enactBlock = null;
  if (approvalBlock !== null) {
    const requested = status.enactment.isAt ? status.enactment.asAt.toNumber() : approvalBlock + status.enactment.asAfter.toNumber();
    enactBlock = Math.max(requested, approvalBlock + info.minEnactmentPeriod.toNumber());
  }
  const fromEra = enactBlock === null ? null : eraAtBlock(clock, enactBlock) + 1;
  let text = decoded?.text ?? 'decoding…';
  if (decoded?.call) {
    // Re-describe with the era it would apply from (which moves as time passes).
    text = describeCall(api, decoded.call, { tokens, fromEra });
  }

  const ayes = status.tally.ayes.toBigInt();
  const nays = status.tally.nays.toBigInt();
  const support = status.tally.support.toBigInt();
  const approval = ayes + nays > 0n ? Number((ayes * 1_000_000n) / (ayes + nays)) / 1e6 : 0;
  const supportRatio = qasIssuance > 0n ? Number((support * 1_000_000_000n) / qasIssuance) / 1e9 : 0;
  let needApproval = NaN;
  let needSupport = NaN;
  if (info && deciding) {
    const x = Math.min(Math.max((now - since) / info.decisionPeriod.toNumber(), 0), 1);
    needApproval = curveAt(info.minApproval, x);
    needSupport = curveAt(info.minSupport, x);
  }

  let stage;
  if (!deciding) {
    if (status.decisionDeposit.isNone) stage = `preparing: needs its decision deposit of ${info ? formatAmount(info.decisionDeposit, tokens.qas) : '?'}`;
    else if (status.inQueue.isTrue) stage = 'queued: the track decides as many referenda as it may at once';
    else stage = `preparing until block #${submitted + (info ? info.preparePeriod.toNumber() : 0)}`;
  } else if (confirming !== null) {
    stage = `confirming until block #${confirming}`;
  } else {
    const end = since + (info ? info.decisionPeriod.toNumber() : 0);
    stage = `deciding since block #${since}, until #${end} (~${formatDuration(Math.max(end - now, 0) * clock.blockMs)})`;
  }
  const origin = originText(status.origin);
  const key = keyOf([index, text, stage, ayes, nays, support, needApproval, needSupport, status.decisionDeposit.isSome]);

  return {
    key,
    render(act) {
      return h('article', { class: 'referendum', testid: `referendum-${index}` },
        h('header', {},
          h('span', { class: 'ref-index' }, `#${index}`),
          h('span', { class: 'badge', testid: `referendum-track-${index}` }, track?.name ?? `track ${trackId}`),
          h('span', { class: 'muted' }, `origin ${origin}`)),
        h('p', { class: 'ref-call', testid: `referendum-call-${index}`, title: decoded?.section ? `${decoded.section}.${decoded.method}` : '' }, text),
        decoded?.section === 'revenue' && decoded.method === 'setSplit'
          ? h('p', { class: 'muted small' }, 'miners / supernodes / depositors / treasury, in percent; the earliest era, if it passes now')
          : null,
        h('p', { class: 'muted' }, stage),
        h('div', { class: 'tally', testid: `referendum-tally-${index}` },
          h('div', {}, h('span', { class: 'aye' }, `Aye ${formatAmount(ayes, tokens.qas)}`), ' · ',
            h('span', { class: 'nay' }, `Nay ${formatAmount(nays, tokens.qas)}`),
            h('span', { class: 'muted' }, ' (QAS × conviction)')),
          meter('Approval', approval, needApproval),
          meter('Support', supportRatio, needSupport, `${formatAmount(support, tokens.qas)} aye before conviction, of ${formatAmount(qasIssuance, tokens.qas)}`)),
        status.decisionDeposit.isNone
          ? h('button', {
            type: 'button',
            testid: `decision-deposit-${index}`,
            onclick: () => act(api.tx.referenda.placeDecisionDeposit(index), `Place the decision deposit of #${index}`),
          }, `Place decision deposit (${info ? formatAmount(info.decisionDeposit, tokens.qas) : '?'})`)
          : null);
    },
  };
}

function meter(label, value, needed, hint) {
  const passing = Number.isFinite(needed) ? value >= needed : null;
  return h('div', { class: 'meter', title: hint },
    h('span', { class: 'meter-label' }, label),
    h('span', { class: 'meter-track' },
      h('span', { class: `meter-fill ${passing === false ? 'short' : ''}`, style: `width: ${Math.min(value * 100, 100)}%` }),
      Number.isFinite(needed) ? h('span', { class: 'meter-need', style: `left: ${Math.min(needed * 100, 100)}%` }) : null),
    h('span', { class: 'meter-text' }, `${formatRatio(value)}${Number.isFinite(needed) ? ` (needs ${formatRatio(needed)})` : ''}`));
}

function originText(origin) {
  try {
    const inner = origin.value;
    return inner && inner.type ? inner.type : origin.type;
  } catch {
    return shortAddress(JSON.stringify(origin.toJSON()));
  }
}
