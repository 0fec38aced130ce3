import { useLayoutEffect, useState } from 'preact/hooks';
import { type ArgumentView, Limits } from '../contract';
import { newRequestId } from '../connection';
import type { RoomSession } from '../room';
import { threadedArguments, type RoomState } from '../state';
import { useAction } from '../store';
import { ArgumentCard } from '../ui/ArgumentCard';
import { Notice } from '../ui/Notice';
import { OlderArguments } from '../ui/OlderArguments';
import { useOnline } from '../ui/online';
import { argumentDraft, keepArgumentDraft } from './drafts';
import { tracked } from './outbox';

export function ArguePanel({ state, session, roundIndex }: { state: RoomState; session: RoomSession; roundIndex: number }) {
  const you = state.you!;
  const debateId = state.debate.id;
  // A draft kept from before a reload comes back with its request id, so sending it again can't post it twice.
  const [draft] = useState(() => argumentDraft(debateId, roundIndex));
  const [text, setText] = useState(draft?.text ?? '');
  // The argument being rebutted is kept by id and looked up in the state, so a draft restored before
  // the arguments have arrived still finds its target once they do.
  const [replyToId, setReplyToId] = useState<string | null>(draft?.replyToId ?? null);
  const replyTo: ArgumentView | null = replyToId ? (state.arguments[replyToId] ?? null) : null;
  const { busy: sending, error, run } = useAction();
  // One request id per draft: a retry of the same draft is the same submission.
  const [requestId, setRequestId] = useState(() => draft?.requestId ?? newRequestId());
  const online = useOnline();

  // Kept in the same task as the keystroke (a layout effect, not a deferred one), so a reload straight
  // after typing finds the draft.
  useLayoutEffect(() => keepArgumentDraft(debateId, roundIndex, { text, replyToId, requestId }), [text, replyToId, requestId]);
  const threads = threadedArguments(state, roundIndex);
  const canPost = !you.muted && you.side !== null && !state.clock.paused;

  async function post(event: Event) {
    event.preventDefault();
    const ack = await run(() =>
      tracked(replyTo ? 'rebuttal' : 'argument', () => session.connection.submit('PostArgument', { requestId, text, replyToId: replyTo?.id ?? null })),
    );
    if (!ack) return;
    session.dispatch({ type: 'argumentAcknowledged', argument: ack.argument });
    keepArgumentDraft(debateId, roundIndex, null);
    setText('');
    setReplyToId(null);
    setRequestId(newRequestId());
  }

  return (
    <>
      <form class="card compose" onSubmit={post}>
        {replyTo && (
          <div class="compose__reply">
            <span>Rebutting {replyTo.authorName}:</span>
            <q>{replyTo.text.length > 120 ? `${replyTo.text.slice(0, 120)}…` : replyTo.text}</q>
            <button class="button button--link" type="button" onClick={() => setReplyToId(null)}>
              Cancel rebuttal
            </button>
          </div>
        )}
        <label class="field">
          <span>{replyTo ? 'Your rebuttal' : 'Your argument'}</span>
          <textarea
            name="argument"
            class="input input--area"
            value={text}
            onInput={(e) => setText((e.target as HTMLTextAreaElement).value)}
            maxLength={Limits.argumentMaxLength}
            rows={4}
            disabled={!canPost}
            required
          />
        </label>
        <div class="compose__footer">
          <span class="compose__count">
            {text.length}/{Limits.argumentMaxLength}
            {text.length > 0 && ' · draft kept on this phone'}
          </span>
          <button class="button button--primary" type="submit" disabled={!canPost || sending || text.trim().length === 0}>
            {sending ? (online ? 'Posting…' : 'Waiting for the network…') : replyTo ? 'Post rebuttal' : 'Post argument'}
          </button>
        </div>
        {error && <Notice kind="error">{error}</Notice>}
      </form>

      <section class="feed" aria-label="Arguments">
        <OlderArguments state={state} session={session} roundIndex={roundIndex} />
        {threads.length === 0 && <p class="empty">No arguments yet. Be the first!</p>}
        {threads.map(({ argument, replies }) => (
          <div class="thread" key={argument.id}>
            <ArgumentCard argument={argument} mine={argument.authorId === you.participantId}>
              {canPost && argument.side !== you.side && argument.held === null && (
                <button class="button button--small" type="button" onClick={() => setReplyToId(argument.id)}>
                  Rebut
                </button>
              )}
            </ArgumentCard>
            {replies.map((r) => (
              <ArgumentCard key={r.id} argument={r} reply mine={r.authorId === you.participantId}>
                {canPost && r.side !== you.side && r.held === null && (
                  <button class="button button--small" type="button" onClick={() => setReplyToId(r.id)}>
                    Rebut
                  </button>
                )}
              </ArgumentCard>
            ))}
          </div>
        ))}
      </section>
    </>
  );
}
