import type { RankingView, RunoffRoundView } from '../contract';
import type { RoomState } from '../state';
import { excerpt, usePaging } from '../ui/fit';
import { WinsList } from '../ui/MethodWorking';
import { beatsEveryone, itemLabel, methodNames, pairwiseWins } from '../ui/methods';

/** Counts shown per runoff round; the rest, with fewer votes, are summed up in a line. */
const CountsPerRound = 5;

/** How the method decided it, sized for the projector: the deciding runoff rounds, or who beat whom. */
export function Working({ state, ranking }: { state: RoomState; ranking: RankingView }) {
  // Options are short enough to show whole; arguments are cut to a line or two.
  const label = (id: string, given?: string | null) => given ?? excerpt(itemLabel(state, id), 48);
  return (
    <aside class="working-panel reveal-item" style={{ '--i': 7 }}>
      <h3 class="working-panel__title">How the {methodNames[ranking.method]} decided it</h3>
      {ranking.runoff && <Runoff ranking={ranking} label={label} />}
      {ranking.pairwise && <Pairwise ranking={ranking} label={label} />}
    </aside>
  );
}

/** The deciding round first, then the ones before it, as many as fit; earlier rounds are on the phones. */
function Runoff({ ranking, label }: { ranking: RankingView; label: (id: string, given?: string | null) => string }) {
  const runoff = ranking.runoff!;
  const decisive = runoff.rounds.find((r) => r.number === runoff.decisiveRound);
  const upTo = decisive ? runoff.rounds.filter((r) => r.number <= decisive.number) : runoff.rounds;
  const rounds = [...upTo].reverse();
  const paging = usePaging(
    rounds.map((r) => String(r.number)),
    0,
  );
  const round = (r: RunoffRoundView) => <Round key={r.number} round={r} decisive={r === decisive} label={label} />;
  const shown = rounds.slice(0, paging.end);
  const earlier = (shown.at(-1)?.number ?? 1) - 1;
  return (
    <>
      <div class="working-panel__rounds" ref={paging.box}>
        <div class="working-panel__page">{shown.map(round)}</div>
        <div class="measure working-panel__page" ref={paging.measure} style={{ width: `${paging.width}px` }} aria-hidden="true">
          {rounds.map(round)}
        </div>
      </div>
      {earlier > 0 && (
        <p class="working-panel__more">
          {earlier === 1 ? 'Round 1 is' : `Rounds 1–${earlier} are`} on students' phones.
        </p>
      )}
    </>
  );
}

function Round({ round, decisive, label }: { round: RunoffRoundView; decisive: boolean; label: (id: string, given?: string | null) => string }) {
  const counts = [...round.counts].sort((a, b) => b.votes - a.votes);
  const top = Math.max(1, ...counts.map((c) => c.votes));
  const more = counts.length - CountsPerRound;
  const out = round.eliminated.map((id) => `“${label(id, round.counts.find((c) => c.itemId === id)?.label)}”`);
  return (
    <section class={`runoff-round${decisive ? ' runoff-round--decisive' : ''}`}>
      <p class="runoff-round__title">
        Round {round.number}
        {decisive && ' · decided'}
        {round.exhausted > 0 && ` · ${round.exhausted} ${round.exhausted === 1 ? 'ballot has' : 'ballots have'} no choice left`}
      </p>
      {counts.slice(0, CountsPerRound).map((c) => (
        <div class={`runoff-round__count${round.eliminated.includes(c.itemId) ? ' runoff-round__count--out' : ''}`} key={c.itemId}>
          <span class="runoff-round__label">{label(c.itemId, c.label)}</span>
          <span class="runoff-round__track" aria-hidden="true">
            <span class="runoff-round__fill" style={{ width: `${(100 * c.votes) / top}%` }} />
          </span>
          <span class="runoff-round__votes">{c.votes}</span>
        </div>
      ))}
      {more > 0 && (
        <p class="runoff-round__more">
          and {more} more with {counts[CountsPerRound].votes === 0 ? 'no votes' : 'fewer votes'}
        </p>
      )}
      <p class="runoff-round__outcome">
        {decisive
          ? `${label(counts[0].itemId, counts[0].label)} has a majority of the ${round.continuing} ballots still counting.`
          : out.length > 0
            ? `Out: ${out.join(', ')}; ${out.length === 1 ? 'its ballots move' : 'their ballots move'} to their next choice.`
            : ''}
      </p>
    </section>
  );
}

function Pairwise({ ranking, label }: { ranking: RankingView; label: (id: string, given?: string | null) => string }) {
  const wins = pairwiseWins(ranking, 4);
  const name = (id: string) => label(id, ranking.items.find((i) => i.itemId === id)?.label);
  return (
    <div class="pairwise-panel">
      <p>
        {beatsEveryone(ranking)
          ? `${name(ranking.items[0].itemId)} beat every other item head to head.`
          : 'No item beat every other head to head, so the order comes from the strongest chains of wins.'}
      </p>
      <WinsList wins={wins} label={name} />
    </div>
  );
}
