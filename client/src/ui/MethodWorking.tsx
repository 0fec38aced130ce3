import type { RankingView } from '../contract';
import type { RoomState } from '../state';
import { beatsEveryone, itemLabel, pairwiseWins, short } from './methods';

/** The working behind a result, shown so a class can follow it: runoff rounds, or who beat whom. */
export function MethodWorking({ state, ranking, large = false }: { state: RoomState; ranking: RankingView; large?: boolean }) {
  return (
    <div class={`working${large ? ' working--large' : ''}`}>
      {ranking.note && <p class="working__note">{ranking.note}</p>}
      {ranking.runoff && <RunoffSteps state={state} ranking={ranking} large={large} />}
      {ranking.pairwise && <WhoBeatWhom state={state} ranking={ranking} large={large} />}
    </div>
  );
}

function RunoffSteps({ state, ranking, large }: { state: RoomState; ranking: RankingView; large: boolean }) {
  const runoff = ranking.runoff!;
  const upToDecision = runoff.rounds.filter((r) => r.number <= Math.max(runoff.decisiveRound, runoff.rounds[0]?.number ?? 0));
  // The projector has room for the last few rounds; phones and the console list them all.
  const shown = large ? upToDecision.slice(-3) : upToDecision;
  const hidden = upToDecision.length - shown.length;
  return (
    <ol class="runoff" aria-label="Instant-runoff rounds">
      {runoff.summarisedRounds > 0 && (
        <li class="runoff__summary">
          Rounds 1–{runoff.summarisedRounds}: {runoff.summarisedEliminated} items with the fewest votes were eliminated.
        </li>
      )}
      {hidden > 0 && <li class="runoff__summary">{hidden} earlier rounds are on students' phones.</li>}
      {shown.map((round) => {
        const top = Math.max(1, ...round.counts.map((c) => c.votes));
        const decisive = round.number === runoff.decisiveRound;
        return (
          <li key={round.number} class="runoff__round">
            <p class="runoff__title">
              Round {round.number}
              {round.exhausted > 0 && ` · ${round.exhausted} ${round.exhausted === 1 ? 'ballot has' : 'ballots have'} no choice left`}
            </p>
            {round.counts.slice(0, large ? 6 : 8).map((c) => (
              <div class={`bar${round.eliminated.includes(c.itemId) ? ' bar--out' : ''}`} key={c.itemId}>
                <span class="bar__label">{short(itemLabel(state, c.itemId, c.label), large ? 48 : 40)}</span>
                <span class="bar__track">
                  <span class="bar__fill" style={{ width: `${(100 * c.votes) / top}%` }} />
                </span>
                <span class="bar__value">{c.votes}</span>
              </div>
            ))}
            <p class="runoff__outcome">
              {decisive
                ? `${short(itemLabel(state, round.counts[0].itemId, round.counts[0].label), 50)} has a majority of the ${round.continuing} ballots still counting.`
                : round.eliminated.length > 0
                  ? `Out: ${round.eliminated.map((id) => `“${short(itemLabel(state, id, round.counts.find((c) => c.itemId === id)?.label), 40)}”`).join(', ')} — ${round.eliminated.length === 1 ? 'its ballots move' : 'their ballots move'} to their next choice.`
                  : ''}
            </p>
          </li>
        );
      })}
    </ol>
  );
}

function WhoBeatWhom({ state, ranking, large }: { state: RoomState; ranking: RankingView; large: boolean }) {
  const top = large ? 4 : 5;
  const wins = pairwiseWins(ranking, top);
  const label = (id: string) => short(itemLabel(state, id, ranking.items.find((i) => i.itemId === id)?.label), large ? 44 : 36);
  const condorcet = beatsEveryone(ranking);
  return (
    <div class="pairwise">
      <p class="pairwise__title">
        {condorcet
          ? `${label(ranking.items[0].itemId)} beat every other item head to head (a Condorcet winner).`
          : 'No item beat every other head to head, so the order comes from the strongest chains of wins (ties by Borda points).'}
      </p>
      <p class="pairwise__title">Head to head, among the top {Math.min(top, ranking.items.length)}:</p>
      <ul>
        {wins.map((w) => (
          <li key={`${w.winner}-${w.loser}`}>
            <strong>{label(w.winner)}</strong> beat {label(w.loser)}, {w.for} to {w.against}
          </li>
        ))}
      </ul>
    </div>
  );
}
