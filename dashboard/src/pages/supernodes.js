// Supernodes: the elected supernodes and runners-up with the QAS behind them and their
// commission, every candidate, when the next election is; the vote form (QAS locked
// behind up to 16 candidates), the account's vote, and its QQQ rewards to claim.

import { card, field, h, keyOf, refreshSection, stats, table } from '../dom.js';
import {
  formatAmount, formatCount, formatDuration, formatPerbill, parseAmount, shortAddress,
} from '../format.js';

export const supernodesPage = {
  id: 'supernodes',
  title: 'Supernodes',
  mount(root, app) {
    const { api, tokens } = app;
    const electionSection = h('div');
    const electedSection = h('div');
    const candidatesSection = h('div');
    const myVoteSection = h('div', { testid: 'my-vote' });
    const rewardsSection = h('div');
    /** Candidates ticked in the table, kept across refreshes. */
    const selected = new Set();
    let prefilledFor = null;

    const amount = h('input', { value: '', placeholder: 'e.g. 1 000', inputmode: 'decimal', testid: 'vote-amount' });
    const voteMessage = h('p', { class: 'form-message', testid: 'vote-message' });
    const voteForm = h('form', { class: 'inline-form', testid: 'vote-form' },
      field(`Amount to lock (${tokens.qas.symbol})`, amount,
        `at least ${formatAmount(api.consts.supernodes.minVote, tokens.qas)}; the QAS stays yours, locked until you remove the vote`),
      h('button', { type: 'submit', testid: 'vote-submit' }, 'Vote for the ticked candidates'));
    voteForm.addEventListener('submit', (event) => {
      event.preventDefault();
      app.act(voteMessage, () => {
        const targets = [...selected];
        const max = api.consts.supernodes.maxVotesPerVoter.toNumber();
        if (!targets.length) throw new Error('Tick at least one candidate in the table above.');
        if (targets.length > max) throw new Error(`A vote names at most ${max} candidates.`);
        const value = parseAmount(amount.value, tokens.qas);
        return [api.tx.supernodes.vote(targets, value),
          `Vote ${formatAmount(value, tokens.qas)} for ${targets.length} candidate(s)`];
      }, 'Voted: the QAS is locked, and the vote earns from the next era.');
    });

    const removeButton = h('button', { type: 'button', testid: 'vote-remove' }, 'Remove my vote');
    removeButton.addEventListener('click', () => app.act(voteMessage,
      () => [api.tx.supernodes.removeVoter(), 'Remove supernode vote'], 'Vote removed: the QAS is unlocked.'));

    const claimMessage = h('p', { class: 'form-message' });
    const claimButton = h('button', { type: 'button', testid: 'supernode-claim' }, 'Claim rewards');
    claimButton.addEventListener('click', () => app.act(claimMessage,
      () => [api.tx.supernodes.claimRewards(), 'Claim supernode rewards'], 'Claimed.'));

    root.append(
      card(null, electionSection),
      card('Elected this term', electedSection),
      card('Candidates', candidatesSection),
      card('Your vote', myVoteSection, voteForm, h('div', { class: 'inline-form' }, removeButton), voteMessage),
      card('Your supernode rewards', rewardsSection, h('div', { class: 'inline-form' }, claimButton), claimMessage),
    );

    return {
      async update() {
        const { clock } = app;
        const state = await readElection(api);
        const account = app.account;
        const [vote, pending, qasAccount] = account
          ? await Promise.all([
            api.query.supernodes.voters(account),
            api.call.supernodesApi.pendingRewards(account),
            api.query.qasBalances.account(account),
          ])
          : [null, null, null];

        // The first time an account is shown, tick the candidates it votes for.
        if (account !== prefilledFor) {
          prefilledFor = account;
          selected.clear();
          if (vote?.isSome) vote.unwrap().targets.forEach((t) => selected.add(t.candidate.toString()));
        }

        const erasToElection = state.nextElectionEra - clock.era;
        const blocksToElection = Math.max(clock.blocksLeft + (erasToElection - 1) * clock.length, 0);
        refreshSection(electionSection, keyOf([state.summary, clock.era, clock.blocksLeft]), () => stats([
          { label: 'Term', value: String(state.summary.term), testid: 'term' },
          {
            label: 'Next election',
            value: erasToElection <= 0 ? 'this block' : `era ${state.nextElectionEra} · ~${formatDuration(blocksToElection * clock.blockMs)}`,
            testid: 'next-election',
            hint: `held at the start of era ${state.nextElectionEra}; terms last ${state.summary.termLength} eras`,
          },
          { label: 'Seats', value: `${state.summary.desired} supernodes + ${state.summary.runnersUp} runners-up` },
          { label: 'Candidates', value: formatCount(state.summary.candidates), testid: 'candidate-count' },
          { label: 'Voters', value: formatCount(state.summary.voters), testid: 'voter-count' },
          { label: 'Least backing for a seat', value: formatAmount(api.consts.supernodes.minBacking, tokens.qas) },
        ]));

        refreshSection(electedSection, keyOf([state.elected, state.runnersUp, [...state.validators], [...state.candidates.values()]]), () => [
          table([
            { label: '#', cell: (e) => String(e.rank) },
            { label: 'Supernode', cell: (e) => accountCell(e.who, state.validators) },
            { label: 'Support (Phragmén)', class: 'num', cell: (e) => formatAmount(e.support, tokens.qas) },
            { label: 'Commission', class: 'num', cell: (e) => commissionCell(state.candidates.get(e.who)) },
          ], state.elected, { empty: 'No supernode elected.', testid: 'supernodes-elected' }),
          h('h3', {}, 'Runners-up'),
          table([
            { label: '#', cell: (e) => String(e.rank) },
            { label: 'Runner-up', cell: (e) => accountCell(e.who, state.validators) },
            { label: 'Support', class: 'num', cell: (e) => formatAmount(e.support, tokens.qas) },
            { label: 'Commission', class: 'num', cell: (e) => commissionCell(state.candidates.get(e.who)) },
          ], state.runnersUp, { empty: 'No runner-up.', testid: 'supernodes-runners-up' }),
        ]);

        const candidates = [...state.candidates.values()];
        refreshSection(candidatesSection, keyOf([candidates, account, [...state.validators]]), () => [
          h('p', { class: 'muted' }, 'Tick the candidates to vote for, then fill in the amount under “Your vote”. '
            + 'Backing is the QAS of the votes naming each candidate, divided among the candidates each vote names.'),
          table([
            {
              label: 'Vote',
              cell: (c) => h('input', {
                type: 'checkbox',
                checked: selected.has(c.who),
                testid: `vote-target-${c.who}`,
                'aria-label': `vote for ${c.who}`,
                onchange: (event) => (event.target.checked ? selected.add(c.who) : selected.delete(c.who)),
              }),
            },
            { label: 'Candidate', cell: (c) => accountCell(c.who, state.validators) },
            { label: 'Role', cell: (c) => c.role },
            { label: 'Commission', class: 'num', cell: (c) => commissionCell(c) },
            { label: 'Bond', class: 'num', cell: (c) => formatAmount(c.bond, tokens.qas) },
            { label: 'Backing', class: 'num', cell: (c) => formatAmount(c.backing, tokens.qas) },
            { label: 'Votes', class: 'num', cell: (c) => formatCount(c.voters) },
          ], candidates, { empty: 'No candidate stands.', testid: 'candidates' }),
        ]);

        const voteData = vote?.isSome ? vote.unwrap() : null;
        removeButton.disabled = !voteData;
        refreshSection(myVoteSection, keyOf([account, voteData?.toJSON(), qasAccount?.toJSON()]), () => {
          if (!account) return h('p', { class: 'muted' }, 'Choose an account at the top to vote.');
          const balances = h('p', { class: 'muted' },
            `QAS of this account: ${formatAmount(qasAccount.free, tokens.qas)} free, of which `
            + `${formatAmount(qasAccount.frozen, tokens.qas)} locked by votes; `
            + `${formatAmount(qasAccount.reserved, tokens.qas)} held (deposits, bonds).`);
          if (!voteData) return [h('p', {}, 'You have no supernode vote.'), balances];
          return [
            h('p', { testid: 'my-vote-summary' },
              h('strong', {}, formatAmount(voteData.amount, tokens.qas)), ' locked for ',
              voteData.targets.map((t) => shortAddress(t.candidate.toString())).join(', '),
              `, earning from era ${voteData.earnsFrom.toNumber()}.`),
            balances,
          ];
        });

        claimButton.disabled = !pending || pending.isZero();
        refreshSection(rewardsSection, keyOf([account, pending?.toString()]), () => (account
          ? h('p', { testid: 'supernode-pending' }, 'Waiting to be claimed: ',
            h('strong', {}, formatAmount(pending, tokens.qqq)),
            ' (commission as a supernode, and what your vote earned).')
          : h('p', { class: 'muted' }, 'Choose an account at the top.')));
      },
    };
  },
};

function accountCell(address, validators) {
  return h('span', { title: address, class: 'account-cell' }, shortAddress(address),
    validators.has(address) ? h('span', { class: 'badge', title: 'in the current validator set' }, 'validator') : null);
}

function commissionCell(candidate) {
  if (!candidate) return '—';
  const text = formatPerbill(candidate.commission);
  return candidate.pendingCommission
    ? `${text} (→ ${formatPerbill(candidate.pendingCommission.value)} from term ${candidate.pendingCommission.term})`
    : text;
}

/** Everything about the election the page shows. */
async function readElection(api) {
  const [params, term, nextElectionEra, elected, runnersUp, candidateEntries, voterCount, validators] = await Promise.all([
    api.query.supernodes.params(),
    api.query.supernodes.currentTerm(),
    api.query.supernodes.nextElectionEra(),
    api.query.supernodes.supernodes(),
    api.query.supernodes.runnersUp(),
    api.query.supernodes.candidates.entries(),
    api.query.supernodes.counterForVoters(),
    api.query.session.validators(),
  ]);
  const accounts = candidateEntries.map(([key]) => key.args[0].toString());
  const [backings, pendingCommissions] = await Promise.all([
    api.query.supernodes.backings.multi(accounts),
    api.query.supernodes.pendingCommission.multi(accounts),
  ]);
  // Votes cast this era wait in cohorts before they earn; they back the candidate all
  // the same.
  const waitingKeys = [];
  backings.forEach((b, i) => {
    if (b.isSome) b.unwrap().waiting.forEach((era) => waitingKeys.push([accounts[i], era]));
  });
  const cohorts = waitingKeys.length ? await api.query.supernodes.backingCohorts.multi(waitingKeys) : [];
  const waitingStake = new Map();
  cohorts.forEach((c, i) => {
    if (c.isNone) return;
    const who = waitingKeys[i][0].toString();
    waitingStake.set(who, (waitingStake.get(who) ?? 0n) + c.unwrap().stake.toBigInt());
  });

  const electedList = elected.map((e, i) => ({ rank: i + 1, who: e.who.toString(), support: e.support.toBigInt() }));
  const runnersList = runnersUp.map((e, i) => ({ rank: i + 1, who: e.who.toString(), support: e.support.toBigInt() }));
  const role = (who) => {
    if (electedList.some((e) => e.who === who)) return 'supernode';
    if (runnersList.some((e) => e.who === who)) return 'runner-up';
    return 'candidate';
  };
  const candidates = new Map();
  candidateEntries.forEach(([, value], i) => {
    const who = accounts[i];
    const candidate = value.unwrap();
    const backing = backings[i].isSome ? backings[i].unwrap() : null;
    const pending = pendingCommissions[i].isSome ? pendingCommissions[i].unwrap() : null;
    candidates.set(who, {
      who,
      role: role(who),
      bond: candidate.bond.toBigInt(),
      commission: candidate.commission.toNumber(),
      pendingCommission: pending ? { term: pending[0].toNumber(), value: pending[1].toNumber() } : null,
      backing: (backing ? backing.stake.toBigInt() : 0n) + (waitingStake.get(who) ?? 0n),
      voters: backing ? backing.voters.toNumber() : 0,
    });
  });
  const order = { supernode: 0, 'runner-up': 1, candidate: 2 };
  const sorted = new Map([...candidates.entries()].sort(([, a], [, b]) =>
    order[a.role] - order[b.role] || (b.backing > a.backing ? 1 : b.backing < a.backing ? -1 : 0)));
  return {
    summary: {
      term: term.toNumber(),
      termLength: params.termLength.toNumber(),
      desired: params.desiredSupernodes.toNumber(),
      runnersUp: params.desiredRunnersUp.toNumber(),
      candidates: candidateEntries.length,
      voters: voterCount.toNumber(),
    },
    nextElectionEra: nextElectionEra.toNumber(),
    elected: electedList,
    runnersUp: runnersList,
    candidates: sorted,
    validators: new Set(validators.map(String)),
  };
}
