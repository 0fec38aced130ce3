import type { ReviewRoundView } from '../../contract';
import { short } from '../../ui/methods';
import { utcTime } from '../../ui/time';

/**
 * A round's final ballots, folded away until asked for. A removed (kicked) student's ballot is marked, with whether
 * it counts: a student removed after the close still counts there, as the class's result did (docs/protocol.md §6.5).
 */
export function BallotList({ round, labels }: { round: ReviewRoundView; labels: Map<string, string> }) {
  const removed = round.ballots.filter((b) => b.voterRemoved);
  const counted = removed.filter((b) => b.counted).length;
  const notCounted = removed.length - counted;
  const options = new Map(round.options.map((o) => [o.id, o.label]));
  if (round.ballots.length === 0) return <p class="hint ballots">No ballots.</p>;
  return (
    <details class="ballots">
      <summary>
        {round.ballots.length} {round.ballots.length === 1 ? 'ballot' : 'ballots'}
        {counted > 0 && `; ${counted} from ${counted === 1 ? 'a student' : 'students'} removed after the count, still counted as at the close`}
        {notCounted > 0 && `; ${notCounted} from ${notCounted === 1 ? 'a student' : 'students'} removed before the count, not counted`}
      </summary>
      <div class="table-scroll" tabIndex={0} role="region" aria-label={`Ballots of round ${round.index + 1}`}>
          <table class="table ballots__table">
            <thead>
              <tr>
                <th scope="col">Voter</th>
                <th scope="col">Choices, first preference first</th>
                <th scope="col">Receipt</th>
                <th scope="col">Cast</th>
              </tr>
            </thead>
            <tbody>
              {round.ballots.map((b) => (
                <tr key={b.participantId} class={b.voterRemoved ? 'ballots__row--removed' : ''}>
                  <td>
                    {b.voter}
                    {b.voterRemoved && <span class="tag">{b.counted ? 'removed, counted' : 'removed, not counted'}</span>}
                  </td>
                  <td>
                    <ol class="ballots__choices">
                      {b.ranking.map((id) => (
                        <li key={id}>{short(options.get(id) ?? labels.get(id) ?? id, 60)}</li>
                      ))}
                    </ol>
                  </td>
                  <td class="mono">{b.receipt}</td>
                  <td>
                    <time dateTime={b.castAt}>{utcTime(b.castAt)}</time>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
      </div>
    </details>
  );
}
