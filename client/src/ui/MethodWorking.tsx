import type { RankingView } from '../contract';
import type { RoomState } from '../state';
import { beatsEveryone, itemLabel, pairwiseWins, short } from './methods';

/** The working behind a result, shown so a class can follow it: runoff rounds, or who beat whom. */
export function MethodWorking({ state, ranking }: { state: RoomState; ranking: RankingView }) {
  return (
    <div class="working">
      {ranking.note && <p class="working__note">{ranking.note}</p>}
      {ranking.runoff && <RunoffSteps state={state} ranking={ranking} />}
      {ranking.pairwise && <WhoBeatWhom state={state} ranking={ranking} />}
    </div>
  );
}

function RunoffSteps({ state, ranking }: { state: RoomState; ranking: RankingView }) {
  const runoff = ranking.runoff!;
  // With no decisive round (no ballot counted for anything), every listed round is shown.
  const upToDecision = runoff.rounds.filter((r) => runoff.decisiveRound === null || r.number <= Math.max(runoff.decisiveRound, runoff.rounds[0]?.number ?? 0));
  const shown = upToDecision;
  return (
    <ol class="runoff" aria-label="Instant-runoff rounds">
      {runoff.summarisedRounds > 0 && (
        <li class="runoff__summary">
          Rounds 1–{runoff.summarisedRounds}: {runoff.summarisedEliminated} items with the fewest votes were eliminated.
        </li>
      )}
      {shown.map((round) => {
        const top = Math.max(1, ...round.counts.map((c) => c.votes));
        const decisive = round.number === runoff.decisiveRound;
        return (
          <li key={round.number} class="runoff__round">
            <p class="runoff__title">
              Round {round.number}
              {round.exhausted > 0 && ` · ${round.exhausted} ${round.exhausted === 1 ? 'ballot has' : 'ballots have'} no choice left`}
            </p>
            {round.counts.slice(0, 8).map((c) => (
              <div class={`bar${round.eliminated.includes(c.itemId) ? ' bar--out' : ''}`} key={c.itemId}>
                <span class="bar__label">{short(itemLabel(state, c.itemId, c.label), 40)}</span>
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
                  : runoff.decisiveRound === null
                    ? 'No ballot counted for any item, so nothing won a majority.'
                    : ''}
            </p>
          </li>
        );
      })}
    </ol>
  );
}

function WhoBeatWhom({ state, ranking }: { state: RoomState; ranking: RankingView }) {
  const top = 5;
  const wins = pairwiseWins(ranking, top);
  const label = (id: string) => short(itemLabel(state, id, ranking.items.find((i) => i.itemId === id)?.label), 36);
  const condorcet = beatsEveryone(ranking);
  return (
    <div class="pairwise">
      <p class="pairwise__title">
        {condorcet
          ? `${label(ranking.items[0].itemId)} beat every other item head to head (a Condorcet winner).`
          : 'No item beat every other head to head, so the order comes from the strongest chains of wins (ties by Borda points).'}
      </p>
      <p class="pairwise__title">Head to head, among the top {Math.min(top, ranking.items.length)}:</p>
      <WinsList wins={wins} label={label} />
    </div>
  );
}

/** Head-to-head wins, one a line: "A beat B, 12 to 8". */
export function WinsList({ wins, label }: { wins: ReturnType<typeof pairwiseWins>; label: (id: string) => string }) {
  return (
    <ul>
      {wins.map((w) => (
        <li key={`${w.winner}-${w.loser}`}>
          <strong>{label(w.winner)}</strong> beat {label(w.loser)}, {w.for} to {w.against}
        </li>
      ))}
    </ul>
  );
}
