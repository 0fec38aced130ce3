import type { ReviewArgumentView, ReviewRoundView } from '../../contract';
import { methodNames, motionSummary, scoreText, short } from '../../ui/methods';
import { recountText, shownToTheClass } from '../../ui/recount';
import { SideBadge } from '../../ui/SideBadge';
import { BallotList } from './BallotList';

/** One round: its arguments by side with rebuttals threaded, its results under every method, and its ballots. */
export function RoundReview({ round }: { round: ReviewRoundView }) {
  const labels = new Map<string, string>();
  const collect = (a: ReviewArgumentView) => {
    labels.set(a.id, a.withdrawn ? '(withdrawn)' : `${a.author}: ${a.text}`);
    a.replies.forEach(collect);
  };
  [...round.open, ...round.closed].forEach(collect);

  return (
    <details class="card round-review" open>
      <summary>
        Round {round.index + 1}: {round.title}
      </summary>
      <p class="round__prompt">{round.prompt}</p>
      {round.kind === 'argument' && (
        <div class="round-review__sides">
          {(['open', 'closed'] as const).map((side) => {
            const list = side === 'open' ? round.open : round.closed;
            return (
              <div key={side}>
                <h3>
                  <SideBadge side={side} /> {side === 'open' ? round.openBrief : round.closedBrief}
                </h3>
                {list.length === 0 ? <p class="empty">No arguments.</p> : <ul class="thread-list">{list.map((a) => <Thread key={a.id} argument={a} />)}</ul>}
              </div>
            );
          })}
        </div>
      )}
      {round.recountNote && <p class="notice recount-note">{recountText(round.recountNote)}</p>}
      {round.results.length > 0 && (
        <div class="comparison__methods">
          {round.results.map((r, i) =>
            r.ranking ? (
              <div key={r.ranking.method}>
                <p class="comparison__method">
                  {methodNames[r.ranking.method]}
                  {i === 0 && (shownToTheClass(round.recountNote) ? ' (shown to the class)' : ' (recounted)')}
                </p>
                <ol>
                  {r.ranking.items.slice(0, 5).map((item) => (
                    <li key={item.itemId}>
                      {short(item.label ?? labels.get(item.itemId) ?? item.itemId, 70)} <span class="hint">({scoreText(r.ranking!.method, item.score)})</span>
                    </li>
                  ))}
                </ol>
                {r.ranking.note && <p class="hint">{r.ranking.note}</p>}
              </div>
            ) : (
              r.motion && <p key="motion">{motionSummary(r)}</p>
            ),
          )}
        </div>
      )}
      <BallotList round={round} labels={labels} />
    </details>
  );
}

function Thread({ argument }: { argument: ReviewArgumentView }) {
  return (
    <li class={`thread-item${argument.withdrawn || argument.hidden ? ' thread-item--hidden' : ''}`}>
      <p>
        <strong>{argument.author}</strong> <span class="hint">{argument.words} words</span>
        {argument.withdrawn && <span class="tag">withdrawn</span>}
        {argument.hidden && <span class="tag">hidden: {argument.hiddenReason}</span>}
      </p>
      {!argument.withdrawn && <p class="argument__text">{argument.text}</p>}
      {argument.replies.length > 0 && (
        <ul class="thread-list">
          {argument.replies.map((r) => (
            <Thread key={r.id} argument={r} />
          ))}
        </ul>
      )}
    </li>
  );
}
