import Sortable, { type SortableEvent } from 'sortablejs';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { newRequestId } from '../connection';
import type { RoomSession } from '../room';
import { ballotChoices, type RoomState } from '../state';
import { useAction } from '../store';
import { Notice } from '../ui/Notice';
import { OlderArguments } from '../ui/OlderArguments';
import { keepRankingDraft, rankingDraft } from './drafts';
import { tracked } from './outbox';
import { SideBadge } from '../ui/SideBadge';
import { Receipt } from './MotionPanel';
import { addAt, move, short } from './ranking';

/**
 * Rank up to K items: drag between the two lists, or use the buttons, or focus a ranked item and
 * press the arrow keys (Delete removes it). Submitting sends the whole ranking; it can be revised
 * until voting closes.
 */
export function BallotPanel({ state, session, roundIndex }: { state: RoomState; session: RoomSession; roundIndex: number }) {
  const round = state.debate.rounds[roundIndex];
  const max = round.maxRanked;
  const choices = ballotChoices(state, roundIndex);
  const byId = new Map(choices.map((c) => [c.id, c]));
  const saved = state.ballots[roundIndex];
  const debateId = state.debate.id;
  const [ranking, setRanking] = useState<string[]>(() => rankingDraft(debateId, roundIndex) ?? saved?.ranking ?? []);
  const [announcement, setAnnouncement] = useState('');
  const [focusId, setFocusId] = useState<string | null>(null);
  const { busy: sending, error, run } = useAction();
  const rankedList = useRef<HTMLOListElement>(null);
  const availableList = useRef<HTMLUListElement>(null);

  const ranked = ranking.filter((id) => byId.has(id));
  const available = choices.filter((c) => !ranked.includes(c.id));
  const full = ranked.length >= max;
  const unsaved = !saved || saved.ranking.join('\n') !== ranked.join('\n');
  const latest = useRef({ ranked, max });
  latest.current = { ranked, max };

  // A ranking not yet submitted is kept on the phone; once it is the ballot the server has, it is forgotten.
  // Kept in the same task as the change (a layout effect), so a reload straight after finds it.
  useLayoutEffect(() => keepRankingDraft(debateId, roundIndex, unsaved && ranked.length > 0 ? ranked : null), [ranked.join('\n'), saved?.revision]);

  function change(next: string[], message: string, focus: string | null) {
    setRanking(next);
    setAnnouncement(message);
    setFocusId(focus);
  }

  useEffect(() => {
    const onEnd = (evt: SortableEvent) => {
      const id = evt.item.dataset.id!;
      const fromRanked = evt.from === rankedList.current;
      const toRanked = evt.to === rankedList.current;
      // Put the element back where it was: Preact, not Sortable, owns the DOM.
      evt.from.insertBefore(evt.item, evt.from.children[evt.oldIndex ?? 0] ?? null);
      const { ranked: current, max: limit } = latest.current;
      if (toRanked) {
        const without = current.filter((x) => x !== id);
        if (!fromRanked && without.length >= limit) return;
        change(addAt(without, id, evt.newIndex ?? without.length), `${short(labelOf(id))} is now number ${(evt.newIndex ?? 0) + 1}.`, null);
      } else if (fromRanked) {
        change(
          current.filter((x) => x !== id),
          `${short(labelOf(id))} removed from your ranking.`,
          null,
        );
      }
    };
    const options: Sortable.Options = { group: 'ballot', animation: 150, forceFallback: true, fallbackTolerance: 4, onEnd };
    const lists = [Sortable.create(rankedList.current!, options), Sortable.create(availableList.current!, options)];
    return () => lists.forEach((l) => l.destroy());
  }, []);

  useEffect(() => {
    if (!focusId) return;
    rankedList.current?.querySelector<HTMLElement>(`[data-id="${CSS.escape(focusId)}"]`)?.focus();
  }, [focusId, ranking]);

  function labelOf(id: string) {
    return byId.get(id)?.label ?? '';
  }

  function moveItem(id: string, by: number) {
    const next = move(ranked, id, by);
    if (next !== ranked) change(next, `${short(labelOf(id))} is now number ${next.indexOf(id) + 1}.`, id);
  }

  function remove(id: string) {
    change(
      ranked.filter((x) => x !== id),
      `${short(labelOf(id))} removed from your ranking.`,
      null,
    );
  }

  function add(id: string) {
    if (full) return;
    change([...ranked, id], `${short(labelOf(id))} added as number ${ranked.length + 1}.`, null);
  }

  function onRankedKey(event: KeyboardEvent, id: string) {
    if (event.target !== event.currentTarget) return;
    if (event.key === 'ArrowUp') moveItem(id, -1);
    else if (event.key === 'ArrowDown') moveItem(id, 1);
    else if (event.key === 'Delete' || event.key === 'Backspace') remove(id);
    else return;
    event.preventDefault();
  }

  async function submit() {
    const ack = await run(() => tracked('ballot', () => session.connection.submit('SubmitBallot', { requestId: newRequestId(), roundIndex, ranking: ranked })));
    if (!ack) return;
    session.dispatch({ type: 'ballotAcknowledged', ballot: ack.ballot });
    setAnnouncement('Your ballot was received.');
  }

  return (
    <section class="card ballot">
      <h3>
        Rank your top {max} {round.kind === 'argument' ? (max === 1 ? 'argument' : 'arguments') : 'choices'}
      </h3>
      <p class="hint">
        Drag items into your ranking, or use the buttons.<span class="hint--keyboard"> On a ranked item, the arrow keys move it and Delete removes it.</span>
      </p>
      <h4 id={`ranked-${roundIndex}`}>
        Your ranking ({ranked.length}/{max})
      </h4>
      <ol class="rank-list" ref={rankedList} aria-labelledby={`ranked-${roundIndex}`} data-list="ranked">
        {ranked.map((id, i) => {
          const choice = byId.get(id)!;
          return (
            <li
              key={id}
              data-id={id}
              class="rank"
              tabIndex={0}
              aria-label={`Number ${i + 1}: ${choice.label}`}
              onKeyDown={(e) => onRankedKey(e, id)}
            >
              <span class="rank__place" aria-hidden="true">
                {i + 1}
              </span>
              <span class="rank__label">
                {choice.side && <SideBadge side={choice.side} />} {choice.label}
              </span>
              <span class="rank__buttons">
                <button type="button" class="icon-button" aria-label={`Move up: ${short(choice.label)}`} disabled={i === 0} onClick={() => moveItem(id, -1)}>
                  ↑
                </button>
                <button
                  type="button"
                  class="icon-button"
                  aria-label={`Move down: ${short(choice.label)}`}
                  disabled={i === ranked.length - 1}
                  onClick={() => moveItem(id, 1)}
                >
                  ↓
                </button>
                <button type="button" class="icon-button" aria-label={`Remove: ${short(choice.label)}`} onClick={() => remove(id)}>
                  ✕
                </button>
              </span>
            </li>
          );
        })}
      </ol>
      {ranked.length === 0 && <p class="empty">Nothing ranked yet.</p>}

      <h4 id={`choices-${roundIndex}`}>To choose from</h4>
      <ul class="choice-list" ref={availableList} aria-labelledby={`choices-${roundIndex}`} data-list="available">
        {available.map((c) => (
          <li key={c.id} data-id={c.id} class="choice">
            <span class="choice__label">
              {c.side && <SideBadge side={c.side} />} {c.label}
            </span>
            <button type="button" class="button button--small" aria-label={`Add: ${short(c.label)}`} disabled={full} onClick={() => add(c.id)}>
              Add
            </button>
          </li>
        ))}
      </ul>
      {choices.length === 0 && <p class="empty">There is nothing to rank in this round.</p>}
      {round.kind === 'argument' && <OlderArguments state={state} session={session} roundIndex={roundIndex} />}

      <p class="visually-hidden" aria-live="polite">
        {announcement}
      </p>
      {error && <Notice kind="error">{error}</Notice>}
      <button class="button button--primary button--block" type="button" disabled={sending || ranked.length === 0 || !unsaved || state.clock.paused} onClick={submit}>
        {sending ? 'Sending…' : saved ? 'Update my ballot' : 'Submit my ballot'}
      </button>
      {saved && !unsaved && <Receipt receipt={saved.receipt} revision={saved.revision} />}
      {saved && unsaved && <p class="hint">You have changes that aren't submitted yet; they are kept on this phone.</p>}
    </section>
  );
}
