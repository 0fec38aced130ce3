import { Limits, type Side } from '../contract';
import type { RoomSession } from '../room';
import { olderArguments, type RoomState } from '../state';
import { useAction } from '../store';
import { Notice } from './Notice';

/**
 * What a snapshot left out of a busy round: one "Show older arguments" button per side the server has older ones
 * for. Each press fetches the next page of that side, as this page's audience may see it.
 */
export function OlderArguments({ state, session, roundIndex, sides = ['open', 'closed'] }: { state: RoomState; session: RoomSession; roundIndex: number; sides?: Side[] }) {
  const { busy, error, run } = useAction();
  const older = sides.flatMap((side) => olderArguments(state, roundIndex, side) ?? []);
  if (older.length === 0 && !error) return null;

  async function fetchOlder(side: Side, before: number) {
    const page = await run(() =>
      session.connection.invoke('Arguments', { debateId: state.debate.id, roundIndex, side, before, limit: Limits.argumentsPerPage }),
    );
    if (page) session.dispatch({ type: 'argumentPage', page });
  }

  return (
    <div class="older-arguments">
      {older.map((o) => (
        <button key={o.side} class="button button--small" type="button" disabled={busy} onClick={() => fetchOlder(o.side, o.before)}>
          {busy ? 'Loading…' : `Show older arguments: ${o.count} more from the ${o.side} side`}
        </button>
      ))}
      {error && <Notice kind="error">{error}</Notice>}
    </div>
  );
}
