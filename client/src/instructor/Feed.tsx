import type { RoomSession } from '../room';
import { argumentTotal, threadedArguments, type RoomState } from '../state';
import { ArgumentCard } from '../ui/ArgumentCard';
import { OlderArguments } from '../ui/OlderArguments';

/** The round's arguments as the instructor sees them: every one, hidden ones marked, with moderation. */
export function Feed({
  state,
  session,
  roundIndex,
  onHide,
  onRestore,
}: {
  state: RoomState;
  session: RoomSession;
  roundIndex: number;
  onHide: (argumentId: string) => void;
  onRestore: (argumentId: string) => void;
}) {
  const threads = threadedArguments(state, roundIndex);
  // Every argument of the round, hidden ones too, including the older ones the console hasn't fetched yet.
  const total = argumentTotal(state, roundIndex, 'open') + argumentTotal(state, roundIndex, 'closed');
  const action = (id: string, hidden: boolean) =>
    state.arguments[id]?.withdrawn ? null : hidden ? (
      <button class="button button--small" type="button" onClick={() => onRestore(id)}>
        Restore
      </button>
    ) : (
      <button class="button button--small button--danger" type="button" onClick={() => onHide(id)}>
        Hide
      </button>
    );
  return (
    <section class="feed" aria-label="Arguments">
      <h3>
        Arguments <span class="count">{total}</span>
      </h3>
      <OlderArguments state={state} session={session} roundIndex={roundIndex} />
      {threads.length === 0 && <p class="empty">No arguments yet.</p>}
      {threads.map(({ argument, replies }) => (
        <div class="thread" key={argument.id}>
          <ArgumentCard argument={argument}>{action(argument.id, argument.hidden)}</ArgumentCard>
          {replies.map((r) => (
            <ArgumentCard key={r.id} argument={r} reply>
              {action(r.id, r.hidden)}
            </ArgumentCard>
          ))}
        </div>
      ))}
    </section>
  );
}
