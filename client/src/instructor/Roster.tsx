import { useCallback, useMemo, useRef, useState } from 'preact/hooks';
import { Limits, type ParticipantView, type Side } from '../contract';
import type { RoomSession } from '../room';
import type { RoomState } from '../state';
import { useAction } from '../store';
import { Notice } from '../ui/Notice';
import { Ask, type AskRequest } from './Ask';
import { inRoom, type RosterFilter, type RosterQuery, type RosterRow, type RosterSort, rowOf, summarise, visibleRows } from './roster';
import { type MenuItem, RowMenu } from './RowMenu';
import { useVirtualRows } from './useVirtualRows';

const rowHeight = 40;
/** Up to this many rows are all rendered (the browser's find works on them); past it, only those in view. */
const windowFrom = 80;
const goneShown = 12;
const sideNames: Record<Side, string> = { open: 'Open', closed: 'Closed' };
const columns: { sort: RosterSort; title: string }[] = [
  { sort: 'name', title: 'Name' },
  { sort: 'side', title: 'Side' },
  { sort: 'connected', title: 'Online' },
  { sort: 'voted', title: 'Voted' },
  { sort: 'posts', title: 'Posts' },
];

/**
 * The students in the room as one compact list: search by name, sort by any column, filter to who hasn't voted or
 * posted in this round or isn't connected, and act on a student from their row's menu (move, mute, rename, remove).
 * Past 80 rows only those in view are rendered, so it stays quick with hundreds or thousands of students.
 */
export function Roster({ state, session }: { state: RoomState; session: RoomSession }) {
  const [ask, setAsk] = useState<AskRequest | null>(null);
  const [query, setQuery] = useState<RosterQuery>({ search: '', filter: 'all', sort: 'name', descending: false });
  const [menu, setMenu] = useState<{ participant: ParticipantView; trigger: HTMLElement } | null>(null);
  const { error, run: act } = useAction();
  const scroller = useRef<HTMLDivElement>(null);

  const roundIndex = state.clock.roundIndex;
  const everyone = useMemo(() => Object.values(state.roster), [state.roster]);
  const rows = useMemo(() => everyone.filter(inRoom).map((p) => rowOf(p, roundIndex)), [everyone, roundIndex]);
  const summary = useMemo(() => summarise(rows), [rows]);
  const shown = useMemo(() => visibleRows(rows, query), [rows, query]);
  const gone = useMemo(() => everyone.filter((p) => p.kicked || p.left), [everyone]);
  const virtual = useVirtualRows(shown.length, rowHeight, () => scroller.current);
  const closeMenu = useCallback((refocus: boolean) => {
    setMenu((open) => {
      if (refocus) open?.trigger.focus();
      return null;
    });
  }, []);

  const id = state.debate.id;
  const hub = session.connection;
  const running = state.debate.status === 'running';
  const set = (change: Partial<RosterQuery>) => setQuery((q) => ({ ...q, ...change }));
  const sortBy = (sort: RosterSort) => set(query.sort === sort ? { descending: !query.descending } : { sort, descending: false });

  const menuItems = (p: ParticipantView): MenuItem[] => [
    ...(['open', 'closed'] as const)
      .filter((side) => side !== p.side)
      .map((side) => ({ label: `Move to ${side}`, run: () => void act(() => hub.invoke('MoveStudent', id, p.id, side)) })),
    { label: p.muted ? 'Unmute' : 'Mute', run: () => void act(() => hub.invoke('SetMuted', id, p.id, !p.muted)) },
    {
      label: 'Rename…',
      run: () =>
        setAsk({
          title: `Rename ${p.displayName}`,
          label: 'New name',
          initial: p.displayName,
          confirm: 'Rename',
          maxLength: Limits.displayNameMaxLength,
          onAnswer: (name) => void act(() => hub.invoke('Rename', id, p.id, name)),
        }),
    },
    {
      label: 'Remove…',
      danger: true,
      run: () => {
        if (confirm(`Remove ${p.displayName} from the debate? They won't be able to rejoin under this name.`)) void act(() => hub.invoke('Kick', id, p.id));
      },
    },
  ];

  const filters: { filter: RosterFilter; label: string; count: number }[] = [
    { filter: 'all', label: 'All', count: summary.inRoom },
    ...(running
      ? [
          { filter: 'notVoted' as const, label: "Haven't voted", count: summary.notVoted },
          { filter: 'notPosted' as const, label: "Haven't posted", count: summary.notPosted },
        ]
      : []),
    { filter: 'offline', label: 'Offline', count: summary.offline },
  ];
  const filter = running || (query.filter !== 'notVoted' && query.filter !== 'notPosted') ? query.filter : 'all';
  const items = shown.length > windowFrom ? virtual.getVirtualItems() : shown.map((_, index) => ({ index, start: index * rowHeight }));
  const anonymous = state.debate.settings.anonymous;
  // Before the start there is no round to have voted or posted in.
  const shownColumns = running ? columns : columns.filter((c) => c.sort !== 'voted' && c.sort !== 'posts');

  return (
    <section class="roster card" aria-label="Students">
      <div class="roster__head">
        <h3>
          Students <span class="count">{summary.inRoom}</span>
        </h3>
        <p class="roster__summary">
          <span class="side-count side-count--open">Open {summary.open}</span>
          <span class="side-count side-count--closed">Closed {summary.closed}</span>
          {summary.unassigned > 0 && <span class="side-count">No side {summary.unassigned}</span>}
          <span>{summary.connected} connected</span>
        </p>
      </div>
      {error && <Notice kind="error">{error}</Notice>}
      {rows.length > 0 && (
        <>
          <div class="roster__tools">
            <input
              class="roster__search"
              type="search"
              aria-label="Search students by name"
              placeholder="Search by name"
              value={query.search}
              onInput={(e) => set({ search: (e.target as HTMLInputElement).value })}
            />
            <div class="roster__filters" role="group" aria-label="Show">
              {filters.map((f) => (
                <button
                  key={f.filter}
                  type="button"
                  class="chip"
                  aria-pressed={filter === f.filter}
                  onClick={() => set({ filter: f.filter })}
                >
                  {f.label} <span class="chip__count">{f.count}</span>
                </button>
              ))}
            </div>
          </div>
          {shown.length > 0 && (
            <div class={`roster__table${running ? '' : ' roster__table--lobby'}`} role="table" aria-label="Students in the room" aria-rowcount={shown.length + 1}>
              <div role="rowgroup">
                <div class="roster__row roster__row--head" role="row" aria-rowindex={1}>
                  {shownColumns.map((c) => (
                    <div
                      key={c.sort}
                      role="columnheader"
                      class={`roster__cell roster__cell--${c.sort}`}
                      aria-sort={query.sort === c.sort ? (query.descending ? 'descending' : 'ascending') : 'none'}
                    >
                      <button type="button" class="roster__sort" onClick={() => sortBy(c.sort)}>
                        {c.title}
                        <span aria-hidden="true" class="roster__arrow">
                          {query.sort === c.sort ? (query.descending ? '▼' : '▲') : ''}
                        </span>
                      </button>
                    </div>
                  ))}
                  <div role="columnheader" class="roster__cell roster__cell--menu">
                    <span class="visually-hidden">Actions</span>
                  </div>
                </div>
              </div>
              <div ref={scroller} class="roster__scroll" role={shown.length > 0 ? 'rowgroup' : undefined} style={{ height: `${shown.length * rowHeight + 2}px` }}>
                <div style={{ height: `${shown.length * rowHeight}px`, position: 'relative' }}>
                  {items.map((item) => {
                    const row = shown[item.index]!;
                    return (
                      <StudentRow
                        key={row.participant.id}
                        row={row}
                        index={item.index}
                        top={item.start}
                        anonymous={anonymous}
                        running={running}
                        menuOpen={menu?.participant.id === row.participant.id}
                        onMenu={(trigger) => setMenu(menu?.participant.id === row.participant.id ? null : { participant: row.participant, trigger })}
                      />
                    );
                  })}
                </div>
              </div>
            </div>
          )}
        </>
      )}
      {shown.length === 0 && (
        <p class="roster__empty">{rows.length === 0 ? `No students yet. They join with the code ${state.debate.joinCode}.` : 'No student matches.'}</p>
      )}
      {gone.length > 0 && (
        <p class="hint">
          Gone: {gone.slice(0, goneShown).map((p) => `${p.displayName}${p.kicked ? ' (removed)' : ' (left)'}`).join(', ')}
          {gone.length > goneShown && ` and ${gone.length - goneShown} more`}
        </p>
      )}
      {menu && <RowMenu trigger={menu.trigger} label={`Actions for ${menu.participant.displayName}`} items={menuItems(menu.participant)} onClose={closeMenu} />}
      <Ask request={ask} onClose={() => setAsk(null)} />
    </section>
  );
}

function StudentRow({ row, index, top, anonymous, running, menuOpen, onMenu }: {
  row: RosterRow;
  index: number;
  top: number;
  anonymous: boolean;
  running: boolean;
  menuOpen: boolean;
  onMenu: (trigger: HTMLElement) => void;
}) {
  const p = row.participant;
  return (
    <div
      class="roster__row roster__student"
      role="row"
      aria-rowindex={index + 2}
      data-participant-id={p.id}
      style={{ transform: `translateY(${top}px)`, height: `${rowHeight}px` }}
    >
      <div role="cell" class="roster__cell roster__cell--name">
        <span class="roster__name">{p.displayName}</span>
        {anonymous && <span class="roster__pseudonym"> ({p.pseudonym})</span>}
        {p.nameHeld && (
          <span class="tag" title={`The class sees ${p.pseudonym} until you approve this name (Moderation)`}>
            name held
          </span>
        )}
        {p.muted && <span class="tag">muted</span>}
      </div>
      <div role="cell" class="roster__cell roster__cell--side">
        <span class={`side-dot side-dot--${p.side ?? 'none'}`}>{p.side ? sideNames[p.side] : 'None'}</span>
      </div>
      <div role="cell" class="roster__cell roster__cell--connected">
        <span class={`presence presence--${p.connected ? 'on' : 'off'}`} aria-hidden="true" />
        <span class="visually-hidden">{p.connected ? 'connected' : 'not connected'}</span>
      </div>
      {running && (
        <>
          <div role="cell" class="roster__cell roster__cell--voted">
            {row.voted ? <span class="mark mark--yes">✓<span class="visually-hidden">voted</span></span> : <span class="mark">–<span class="visually-hidden">not voted</span></span>}
          </div>
          <div role="cell" class="roster__cell roster__cell--posts">
            <span class={row.posts > 0 ? 'mark mark--yes' : 'mark'}>{row.posts}</span>
          </div>
        </>
      )}
      <div role="cell" class="roster__cell roster__cell--menu">
        <button
          type="button"
          class="roster__menu-button"
          aria-haspopup="menu"
          aria-expanded={menuOpen}
          aria-label={`Actions for ${p.displayName}`}
          onClick={(e) => onMenu(e.currentTarget)}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
              e.preventDefault();
              if (!menuOpen) onMenu(e.currentTarget);
            }
          }}
        >
          ⋯
        </button>
      </div>
    </div>
  );
}
