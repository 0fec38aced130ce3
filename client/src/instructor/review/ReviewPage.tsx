import { useEffect, useMemo, useState } from 'preact/hooks';
import { api } from '../../api';
import type { ReviewView } from '../../contract';
import { createRoomSession, errorText } from '../../room';
import { useStore } from '../../store';
import { Notice } from '../../ui/Notice';
import { PersuasionBlock } from '../../ui/ResultsPanel';
import { methodNames } from '../../ui/methods';
import { recountText } from '../../ui/recount';
import { utcTime } from '../../ui/time';
import { navigate } from '../router';
import { Exports } from './Exports';
import { ParticipationTable } from './ParticipationTable';
import { RoundReview } from './RoundReview';
import { TimelineList } from './TimelineList';

/** The instructor's review of one debate. A running debate's review follows it live. */
export function ReviewPage({ id }: { id: string }) {
  const [review, setReview] = useState<ReviewView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const session = useMemo(createRoomSession, [id]);
  const live = useStore(session.state);

  async function load() {
    try {
      setReview(await api.review(id));
      setError(null);
    } catch (e) {
      setError(errorText(e));
    }
  }

  useEffect(() => {
    void load();
    void session.connection.bind({ kind: 'instructor', debateId: id });
  }, [id]);

  // While the debate runs, every change in the room refreshes the review, at most once a second.
  useEffect(() => {
    if (!live || live.debate.status === 'finished' || !review) return;
    const timer = window.setTimeout(() => void load(), 1000);
    return () => window.clearTimeout(timer);
  }, [live]);

  if (!review) return <main class="page">{error ? <Notice kind="error">{error}</Notice> : <p class="loading">Loading the review…</p>}</main>;

  const d = review.debate;
  return (
    <main class="page page--wide review">
      <p>
        <a href={`/instructor/debates/${id}`} onClick={(e) => (e.preventDefault(), navigate(`/instructor/debates/${id}`))}>
          ← Back to the debate
        </a>
      </p>
      <header class="review__header">
        <h1 class="motion motion--console">{d.motion}</h1>
        <p class="review__meta">
          <span class={`status status--${d.status}`}>{d.status}</span> · code <span class="mono">{d.joinCode}</span> ·{' '}
          {utcTime(d.startedAt ?? d.createdAt)} · {d.students} students · counted by {methodNames[d.tallyMethod]}
          {d.status === 'running' && ' · updates live'}
        </p>
      </header>
      {error && <Notice kind="error">{error}</Notice>}
      <Exports id={id} />
      {review.persuasion && (
        <section class="card">
          <h2>The motion vote</h2>
          {review.persuasionRecountNote && <p class="notice recount-note">{recountText(review.persuasionRecountNote)}</p>}
          <PersuasionBlock persuasion={review.persuasion} />
        </section>
      )}
      <ParticipationTable review={review} onErase={async (participantId) => {
        try {
          await api.erase(id, participantId);
          await load();
        } catch (e) {
          setError(errorText(e));
        }
      }} />
      <section aria-label="Rounds">
        <h2>Rounds</h2>
        {review.rounds.map((round) => (
          <RoundReview key={round.index} round={round} />
        ))}
      </section>
      <TimelineList timeline={review.timeline} />
    </main>
  );
}
