import { useState } from 'preact/hooks';
import type { MotionChoice } from '../contract';
import { newRequestId } from '../connection';
import { errorText, type RoomSession } from '../room';
import type { RoomState } from '../state';
import { Notice } from '../ui/Notice';
import { tracked } from './outbox';

const choices: { id: MotionChoice; label: string }[] = [
  { id: 'for', label: 'For' },
  { id: 'against', label: 'Against' },
  { id: 'undecided', label: 'Undecided' },
];

export function MotionPanel({ state, session, roundIndex }: { state: RoomState; session: RoomSession; roundIndex: number }) {
  const saved = state.ballots[roundIndex];
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState<MotionChoice | null>(null);

  async function vote(choice: MotionChoice) {
    setSending(choice);
    setError(null);
    try {
      const ack = await tracked('vote', () => session.connection.submit('SubmitBallot', { requestId: newRequestId(), roundIndex, ranking: [choice] }));
      session.dispatch({ type: 'ballotAcknowledged', ballot: ack.ballot });
    } catch (e) {
      setError(errorText(e));
    } finally {
      setSending(null);
    }
  }

  return (
    <section class="card motion-vote">
      <h3>Where do you stand on the motion?</h3>
      <p class="motion-vote__motion">{state.debate.motion}</p>
      <div class="motion-vote__choices" role="group" aria-label="Your vote on the motion">
        {choices.map((c) => (
          <button
            key={c.id}
            type="button"
            class={`button button--choice button--${c.id}`}
            aria-pressed={saved?.ranking[0] === c.id}
            disabled={sending !== null || state.clock.paused}
            onClick={() => vote(c.id)}
          >
            {c.label}
          </button>
        ))}
      </div>
      {error && <Notice kind="error">{error}</Notice>}
      {saved && <Receipt revision={saved.revision} receipt={saved.receipt} />}
      <p class="hint">You can change your vote until time runs out. Results appear when voting closes.</p>
    </section>
  );
}

export function Receipt({ receipt, revision }: { receipt: string; revision: number }) {
  return (
    <Notice kind="success">
      Your vote is saved; this code proves it: <strong class="receipt">{receipt}</strong>
      {revision > 1 && ` (change ${revision - 1})`}
    </Notice>
  );
}
