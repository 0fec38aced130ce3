import type { ArgumentView, Side } from '../contract';
import { argumentTotal, byPosting, type RoomState } from '../state';
import { excerpt, usePaging } from '../ui/fit';

/** How long each page of older arguments stays up before the next. */
const PageMs = 12_000;

/** The newest arguments per side the projector pages through; older ones are on the phones (and measuring thousands would slow it). */
const MostPerSide = 50;

/** Both sides' arguments while the class argues: the newest that fit, then older ones a page at a time. */
export function ArgueBody({ state, roundIndex }: { state: RoomState; roundIndex: number }) {
  const args = Object.values(state.arguments)
    .filter((a) => a.roundIndex === roundIndex)
    .sort((a, b) => byPosting(b, a));
  const hiddenUntilVote = state.debate.settings.visibility !== 'everyone';
  return (
    <div class="projector__feed">
      {(['open', 'closed'] as const).map((side) => (
        <Column
          key={side}
          side={side}
          args={args.filter((a) => a.side === side)}
          total={argumentTotal(state, roundIndex, side)}
          state={state}
          hiddenUntilVote={hiddenUntilVote}
        />
      ))}
    </div>
  );
}

/** One side's column: `total` counts the older arguments the server didn't send (the phones can fetch them). */
function Column({
  side,
  args: all,
  total,
  state,
  hiddenUntilVote,
}: {
  side: Side;
  args: ArgumentView[];
  total: number;
  state: RoomState;
  hiddenUntilVote: boolean;
}) {
  const args = all.slice(0, MostPerSide);
  const paging = usePaging(
    args.map((a) => a.id),
    PageMs,
  );
  const card = (a: ArgumentView) => <Card key={a.id} argument={a} state={state} />;
  return (
    <section class={`projector__column projector__column--${side}`} aria-label={`${side === 'open' ? 'Open' : 'Closed'} side's arguments`} data-page={paging.page}>
      <h3 class="projector__column-head">
        <span>{side === 'open' ? 'OPEN' : 'CLOSED'}</span>
        {!hiddenUntilVote && (
          <span class="projector__column-count">
            {total} {total === 1 ? 'argument' : 'arguments'}
            {total > args.length && `, the newest ${args.length} here`}
            {paging.pages > 1 && ` · ${paging.page === 0 ? 'newest' : 'older'}, page ${paging.page + 1} of ${paging.pages}`}
          </span>
        )}
      </h3>
      <div class="projector__cards" ref={paging.box}>
        {args.length === 0 && (
          <p class="projector__empty">{hiddenUntilVote ? "Each side's arguments stay on its own phones until voting opens." : 'No arguments yet.'}</p>
        )}
        <div class="projector__page" key={paging.page}>
          {args.slice(paging.start, paging.end).map(card)}
        </div>
        <div class="measure" ref={paging.measure} style={{ width: `${paging.width}px` }} aria-hidden="true">
          {args.map(card)}
        </div>
      </div>
    </section>
  );
}

function Card({ argument, state }: { argument: ArgumentView; state: RoomState }) {
  const target = argument.replyToId ? state.arguments[argument.replyToId] : undefined;
  return (
    <blockquote class="projector__argument">
      <p>{argument.text}</p>
      <footer>
        {argument.authorName}
        {argument.replyToId && (target ? ` · rebuts ${target.authorName}: “${excerpt(target.text, 40)}”` : ' · rebuttal')}
      </footer>
    </blockquote>
  );
}
