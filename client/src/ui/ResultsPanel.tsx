import type { MotionView, PersuasionView, ResultView } from '../contract';
import type { RoomState } from '../state';
import { MethodWorking } from './MethodWorking';
import { methodNames, scoreText } from './methods';
import { sideName } from './SideBadge';
import { gainText, verdictSentence } from './verdict';

/** A round's result as bars, for phones and the console; the projector has its own (projector/ResultShow). */
export function ResultsPanel({ state, result }: { state: RoomState; result: ResultView }) {
  const round = state.debate.rounds[result.roundIndex];
  return (
    <section class="results" aria-label={`Results of ${round?.title ?? 'the round'}`}>
      <p class="results__meta">
        {result.ballotCount} {result.ballotCount === 1 ? 'ballot' : 'ballots'}
        {result.ranking && ` · ${methodNames[result.ranking.method]}`}
      </p>
      {result.persuasion && <PersuasionBlock persuasion={result.persuasion} />}
      {!result.persuasion && result.motion && <MotionBars motion={result.motion} />}
      {result.sides && (
        <div class="results__sides">
          {result.sides.map((s) => (
            <div class={`bar bar--${s.side}`} key={s.side}>
              <span class="bar__label">{sideName(s.side)} side</span>
              <span class="bar__track">
                <span class="bar__fill" style={{ width: `${Math.round(s.share * 100)}%` }} />
              </span>
              <span class="bar__value">
                {s.points} pts · {Math.round(s.share * 100)}%
              </span>
            </div>
          ))}
        </div>
      )}
      {result.ranking && (
        <ol class="results__ranking">
          {result.ranking.items.slice(0, 10).map((item) => {
            const argument = state.arguments[item.itemId];
            const label = item.label ?? argument?.text ?? 'An argument that is no longer shown';
            return (
              <li key={item.itemId} class={argument ? `results__item results__item--${argument.side}` : 'results__item'}>
                <span class="results__place">{item.place}</span>
                <span class="results__label">{label}</span>
                <span class="results__score">
                  {scoreText(result.ranking!.method, item.score)} · {item.firstPreferences} first {item.firstPreferences === 1 ? 'choice' : 'choices'}
                  {item.tieBroken && item.score > 0 ? ' · tie broken' : ''}
                </span>
              </li>
            );
          })}
        </ol>
      )}
      {result.ranking && (result.ranking.runoff || result.ranking.pairwise || result.ranking.note) && (
        <details class="results__working" open={result.ranking.method !== 'borda'}>
          <summary>How the {methodNames[result.ranking.method]} decided it</summary>
          <MethodWorking state={state} ranking={result.ranking} />
        </details>
      )}
    </section>
  );
}

function MotionBars({ motion }: { motion: MotionView }) {
  const rows: [string, number, number][] = [
    ['For', motion.for, motion.forPercent],
    ['Against', motion.against, motion.againstPercent],
    ['Undecided', motion.undecided, motion.undecidedPercent],
  ];
  return (
    <div class="results__motion">
      {rows.map(([label, count, percent]) => (
        <div class={`bar bar--${label.toLowerCase()}`} key={label}>
          <span class="bar__label">{label}</span>
          <span class="bar__track">
            <span class="bar__fill" style={{ width: `${percent}%` }} />
          </span>
          <span class="bar__value">
            {percent}% ({count})
          </span>
        </div>
      ))}
    </div>
  );
}

export function PersuasionBlock({ persuasion }: { persuasion: PersuasionView }) {
  return (
    <div class="persuasion">
      <p class="persuasion__verdict">{verdictSentence(persuasion)}</p>
      <table class="persuasion__table">
        <thead>
          <tr>
            <th scope="col" />
            <th scope="col">Before</th>
            <th scope="col">After</th>
            <th scope="col">Change</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">For</th>
            <td>{persuasion.before.forPercent}%</td>
            <td>{persuasion.after.forPercent}%</td>
            <td>{gainText(persuasion.forGain)}</td>
          </tr>
          <tr>
            <th scope="row">Against</th>
            <td>{persuasion.before.againstPercent}%</td>
            <td>{persuasion.after.againstPercent}%</td>
            <td>{gainText(persuasion.againstGain)}</td>
          </tr>
          <tr>
            <th scope="row">Undecided</th>
            <td>{persuasion.before.undecidedPercent}%</td>
            <td>{persuasion.after.undecidedPercent}%</td>
            <td />
          </tr>
        </tbody>
      </table>
    </div>
  );
}
