import { useState } from 'preact/hooks';
import { Limits, type HubMethod, type Moderation } from '../contract';
import type { RoomSession } from '../room';
import { byPosting, type RoomState } from '../state';
import { useAction } from '../store';
import { ArgumentCard } from '../ui/ArgumentCard';
import { Notice } from '../ui/Notice';
import { Ask, type AskRequest } from './Ask';

const Modes: { mode: Moderation; label: string; hint: string }[] = [
  { mode: 'off', label: 'Show arguments at once', hint: 'Off: new arguments go straight to the class and the projector.' },
  { mode: 'beforeProjector', label: 'Approve before the projector', hint: 'Classmates see a new argument at once; the projector only once you approve it.' },
  { mode: 'beforeEveryone', label: 'Approve before everyone', hint: 'Only its author sees a new argument until you approve it.' },
];

/**
 * Moderation before the wall: the pre-moderation switch, the queue of held arguments (oldest first, Approve or
 * Reject with a reason) and the names the word filter held. Tab moves through the buttons in queue order.
 */
export function ModerationPanel({ state, session }: { state: RoomState; session: RoomSession }) {
  const { error, run: act } = useAction();
  const [ask, setAsk] = useState<AskRequest | null>(null);
  const id = state.debate.id;
  const run = (method: HubMethod, ...rest: unknown[]) =>
    act(() => (session.connection.invoke as (m: HubMethod, ...a: unknown[]) => Promise<unknown>)(method, id, ...rest));
  const moderation = state.debate.moderation;
  const queue = Object.values(state.arguments)
    .filter((a) => a.held !== null && !a.hidden)
    .sort(byPosting);
  const names = Object.values(state.roster).filter((p) => p.nameHeld && !p.kicked && !p.left);
  const clock = state.clock;
  const votingOn = clock.phase === 'vote' || clock.phase === 'results' ? clock.roundIndex : null;
  const offBallot = votingOn === null ? 0 : queue.filter((a) => a.roundIndex === votingOn).length;

  return (
    <section class="moderation card" aria-labelledby="moderation-title">
      <div class="moderation__head">
        <h3 id="moderation-title">
          Moderation <span class="count" aria-label={`${queue.length} arguments waiting`}>{queue.length}</span>
        </h3>
        <div class="moderation__modes" role="group" aria-label="Pre-moderation">
          {Modes.map((m) => (
            <button
              key={m.mode}
              class="button button--small"
              type="button"
              aria-pressed={moderation === m.mode}
              onClick={() => moderation !== m.mode && run('SetModeration', m.mode)}
            >
              {m.label}
            </button>
          ))}
        </div>
      </div>
      {error && <Notice kind="error">{error}</Notice>}
      <p class="hint">{Modes.find((m) => m.mode === moderation)?.hint} The word filter holds arguments with listed words whatever you choose.</p>
      {offBallot > 0 && (
        <p class="notice notice--warning" role="status">
          {offBallot === 1 ? '1 argument of this round is' : `${offBallot} arguments of this round are`} still waiting: not on the ballot. Approved now, they are shown but stay off
          this vote.
        </p>
      )}
      {queue.length === 0 ? (
        <p class="hint">No arguments are waiting for approval.</p>
      ) : (
        <ol class="moderation__queue" aria-label="Arguments waiting for approval, oldest first">
          {queue.map((a) => (
            <li key={a.id} class="moderation__item">
              <ArgumentCard argument={a}>
                <span class="hint">
                  Round {a.roundIndex + 1} · {a.held === 'wordFilter' ? 'matched the word filter' : 'pre-moderation'}
                </span>
                <button class="button button--small button--primary" type="button" onClick={() => run('ApproveArgument', a.id)} aria-label={`Approve the argument by ${a.authorName}`}>
                  Approve
                </button>
                <button
                  class="button button--small button--danger"
                  type="button"
                  aria-label={`Reject the argument by ${a.authorName}`}
                  onClick={() =>
                    setAsk({
                      title: 'Reject this argument',
                      label: 'Reason (its author sees it; kept in the transcript)',
                      confirm: 'Reject',
                      maxLength: Limits.reasonMaxLength,
                      onAnswer: (reason) => void run('HideArgument', a.id, reason),
                    })
                  }
                >
                  Reject…
                </button>
              </ArgumentCard>
            </li>
          ))}
        </ol>
      )}
      {names.length > 0 && (
        <div class="moderation__names">
          <h4>Names held by the word filter</h4>
          <p class="hint">The class sees these students under their pseudonym until you approve the name or rename them.</p>
          <ul class="entry__list">
            {names.map((p) => (
              <li key={p.id} class="entry__student">
                <span class="moderation__name">
                  {p.displayName} <span class="hint">(shown as {p.pseudonym})</span>
                </span>
                <button class="button button--small" type="button" onClick={() => run('ApproveName', p.id)}>
                  Approve name
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      <Ask request={ask} onClose={() => setAsk(null)} />
    </section>
  );
}
