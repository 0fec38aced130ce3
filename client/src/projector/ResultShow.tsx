import { useEffect, useState } from 'preact/hooks';
import type { MotionView, PersuasionView, RankedItemView, RankingView, ResultView, SideScoreView } from '../contract';
import type { RoomState } from '../state';
import { excerpt, usePaging } from '../ui/fit';
import { itemLabel, methodNames, scoreText } from '../ui/methods';
import { gainText, verdictHeadline } from '../ui/verdict';
import { sideName } from '../ui/SideBadge';
import { Working } from './Working';

/** How long each page of places stays up before the next. */
const PlacesMs = 10_000;

/**
 * A round's result for the back of the room, drawn as text and bars (so labels wrap and nothing is
 * too small to read). A result the projector sees arrive is revealed with a short animation, once;
 * the stylesheet leaves it out under prefers-reduced-motion.
 */
export function ResultShow({ state, result, known }: { state: RoomState; result: ResultView; known: Set<number> }) {
  const [reveal] = useState(() => !known.has(result.roundIndex));
  useEffect(() => {
    known.add(result.roundIndex);
  }, [result.roundIndex]);
  const cls = `projector__results${reveal ? ' reveal' : ''}`;
  if (result.persuasion) {
    return (
      <div class={cls}>
        <Persuasion persuasion={result.persuasion} ballots={result.ballotCount} />
      </div>
    );
  }
  if (result.motion) {
    return (
      <div class={cls}>
        <MotionBars motion={result.motion} ballots={result.ballotCount} />
      </div>
    );
  }
  return (
    <div class={cls}>
      {result.sides && <SidesBar sides={result.sides} />}
      {result.ranking && <Ranking state={state} ranking={result.ranking} ballots={result.ballotCount} />}
    </div>
  );
}

const choiceRows = [
  ['for', 'For'],
  ['against', 'Against'],
  ['undecided', 'Undecided'],
] as const;

function count(m: MotionView, choice: (typeof choiceRows)[number][0]): [number, number] {
  return choice === 'for' ? [m.for, m.forPercent] : choice === 'against' ? [m.against, m.againstPercent] : [m.undecided, m.undecidedPercent];
}

function votes(n: number) {
  return `${n} ${n === 1 ? 'vote' : 'votes'}`;
}

function MotionBars({ motion, ballots }: { motion: MotionView; ballots: number }) {
  const top = Math.max(1, ...choiceRows.map(([c]) => count(motion, c)[1]));
  return (
    <div class="motion-result">
      {choiceRows.map(([choice, label], i) => {
        const [n, percent] = count(motion, choice);
        return (
          <div class={`motion-result__row motion-result__row--${choice} reveal-item`} style={{ '--i': i }} key={choice}>
            <span class="motion-result__label">{label}</span>
            <span class="motion-result__track">
              <span class="motion-result__fill reveal-bar" style={{ width: `${(100 * percent) / top}%` }} />
            </span>
            <span class="motion-result__value">
              {percent}% · {votes(n)}
            </span>
          </div>
        );
      })}
      <p class="projector__meta">
        {ballots} {ballots === 1 ? 'ballot' : 'ballots'}
      </p>
    </div>
  );
}

function Persuasion({ persuasion: p, ballots }: { persuasion: PersuasionView; ballots: number }) {
  return (
    <div class="persuasion-result">
      <p class="persuasion-result__verdict reveal-item reveal-item--last" style={{ '--i': 4 }}>
        {verdictHeadline(p)}
      </p>
      <p class="persuasion-result__gains reveal-item reveal-item--last" style={{ '--i': 4 }}>
        For {gainText(p.forGain)} · Against {gainText(p.againstGain)}
      </p>
      <div class="persuasion-result__rows">
        {choiceRows.map(([choice, label], i) => {
          const [before, beforePercent] = count(p.before, choice);
          const [after, afterPercent] = count(p.after, choice);
          return (
            <div class={`persuasion-result__row motion-result__row--${choice} reveal-item`} style={{ '--i': i }} key={choice}>
              <span class="persuasion-result__label">{label}</span>
              <span class="persuasion-result__bars">
                <span class="persuasion-result__bar persuasion-result__bar--before">
                  <span class="motion-result__fill motion-result__fill--before reveal-bar" style={{ width: `${beforePercent}%` }} />
                  <span class="persuasion-result__value">
                    Before {beforePercent}% · {votes(before)}
                  </span>
                </span>
                <span class="persuasion-result__bar">
                  <span class="motion-result__fill reveal-bar" style={{ width: `${afterPercent}%` }} />
                  <span class="persuasion-result__value">
                    After {afterPercent}% · {votes(after)}
                  </span>
                </span>
              </span>
            </div>
          );
        })}
      </div>
      <p class="projector__meta">{ballots} {ballots === 1 ? 'ballot' : 'ballots'} after the debate</p>
    </div>
  );
}

function SidesBar({ sides }: { sides: SideScoreView[] }) {
  const open = sides.find((s) => s.side === 'open');
  const closed = sides.find((s) => s.side === 'closed');
  if (!open || !closed) return null;
  const pct = (s: SideScoreView) => Math.round(s.share * 100);
  return (
    <div class="sides-result reveal-item" style={{ '--i': 0 }}>
      <span class="sides-result__side sides-result__side--open">
        OPEN {pct(open)}% · {open.points} pts
      </span>
      <span class="sides-result__track" aria-hidden="true">
        <span class="sides-result__fill sides-result__fill--open reveal-bar" style={{ width: `${pct(open)}%` }} />
        <span class="sides-result__fill sides-result__fill--closed reveal-bar" style={{ width: `${100 - pct(open)}%` }} />
      </span>
      <span class="sides-result__side sides-result__side--closed">
        CLOSED {pct(closed)}% · {closed.points} pts
      </span>
    </div>
  );
}

function Ranking({ state, ranking, ballots }: { state: RoomState; ranking: RankingView; ballots: number }) {
  const [winner, ...rest] = ranking.items;
  const top = Math.max(1, ...ranking.items.map((i) => i.score));
  const paging = usePaging(
    rest.map((i) => i.itemId),
    PlacesMs,
  );
  const shown = rest.slice(paging.start, paging.end);
  const place = (item: RankedItemView, i: number) => <Place key={item.itemId} state={state} ranking={ranking} item={item} top={top} order={i + 1} />;
  const working = ranking.runoff || ranking.pairwise;
  return (
    <div class={`ranking-result${working ? ' ranking-result--working' : ''}`}>
      <div class="ranking-result__list">
        {winner ? <Winner state={state} ranking={ranking} item={winner} /> : <p class="projector__big">No ballots were cast.</p>}
        {rest.length > 0 && (
          <p class="ranking-result__places">
            {shown.length > 0 && (shown.length === 1 ? `Place ${shown[0].place}` : `Places ${shown[0].place}–${shown.at(-1)!.place}`)} of {ranking.itemCount}
          </p>
        )}
        <div class="ranking-result__rest" ref={paging.box}>
          <div class="ranking-result__page" key={paging.page}>
            {shown.map(place)}
          </div>
          <div class="measure ranking-result__page" ref={paging.measure} style={{ width: `${paging.width}px` }} aria-hidden="true">
            {rest.map(place)}
          </div>
        </div>
        <p class="projector__meta">
          {ballots} {ballots === 1 ? 'ballot' : 'ballots'} · {methodNames[ranking.method]}
          {ranking.note && ` · ${ranking.note}`}
        </p>
      </div>
      {working && <Working state={state} ranking={ranking} />}
    </div>
  );
}

/** What an item says on the big screen: an option's label in full, an argument's author and (cut to `max`) its text. */
function Label({ state, item, max }: { state: RoomState; item: RankedItemView; max: number }) {
  const argument = item.label === null ? state.arguments[item.itemId] : undefined;
  if (item.label !== null) return <span class="item-label item-label--option">{item.label}</span>;
  return (
    <span class="item-label">
      {argument && <span class={`item-label__author item-label__author--${argument.side}`}>{sideName(argument.side).toUpperCase()} · {argument.authorName}</span>}
      <span class="item-label__text">{excerpt(itemLabel(state, item.itemId), max)}</span>
    </span>
  );
}

function Winner({ state, ranking, item }: { state: RoomState; ranking: RankingView; item: RankedItemView }) {
  const long = item.label === null;
  return (
    <div class={`ranking-result__winner${long ? ' ranking-result__winner--argument' : ''} reveal-item reveal-item--last`} style={{ '--i': 6 }}>
      <p class="ranking-result__winner-head">
        <span class="ranking-result__badge">1</span>
        <span>Winner</span>
        <span class="ranking-result__score">
          {scoreText(ranking.method, item.score)}
          {item.tieBroken && item.score > 0 ? ' · tie broken' : ''}
        </span>
      </p>
      <Label state={state} item={item} max={1000} />
    </div>
  );
}

function Place({ state, ranking, item, top, order }: { state: RoomState; ranking: RankingView; item: RankedItemView; top: number; order: number }) {
  const side = item.label === null ? state.arguments[item.itemId]?.side : undefined;
  return (
    <div class={`place${side ? ` place--${side}` : ''} reveal-item`} style={{ '--i': Math.max(0, 5 - order) }}>
      <span class="place__number">{item.place}</span>
      <span class="place__body">
        <Label state={state} item={item} max={140} />
        <span class="place__track" aria-hidden="true">
          <span class="place__fill reveal-bar" style={{ width: `${(100 * item.score) / top}%` }} />
        </span>
      </span>
      <span class="place__score">
        {scoreText(ranking.method, item.score)}
        {item.tieBroken && item.score > 0 ? ' · tie broken' : ''}
      </span>
    </div>
  );
}
