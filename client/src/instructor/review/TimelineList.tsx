import { useState } from 'preact/hooks';
import type { TimelineEntryView } from '../../contract';
import { utcTime } from '../../ui/time';

const filters: { key: string; label: string; kinds: string[] | null }[] = [
  { key: 'all', label: 'Everything', kinds: null },
  { key: 'arguments', label: 'Arguments and rebuttals', kinds: ['argument', 'rebuttal'] },
  { key: 'ballots', label: 'Ballots', kinds: ['ballot'] },
  { key: 'moderation', label: 'Moderation and sides', kinds: ['moderation', 'side', 'lock'] },
  { key: 'phases', label: 'Phases and the clock', kinds: ['phase', 'clock', 'results', 'lobby', 'finished'] },
];

/** Everything that happened, in order, with when and who. */
export function TimelineList({ timeline }: { timeline: TimelineEntryView[] }) {
  const [filter, setFilter] = useState('all');
  const kinds = filters.find((f) => f.key === filter)?.kinds;
  const shown = kinds ? timeline.filter((e) => kinds.includes(e.kind)) : timeline;
  return (
    <section class="card" aria-label="Timeline">
      <div class="comparison__head">
        <h2>Timeline</h2>
        <label class="field field--inline">
          <span>Show</span>
          <select class="input" aria-label="Show in the timeline" value={filter} onChange={(e) => setFilter((e.target as HTMLSelectElement).value)}>
            {filters.map((f) => (
              <option key={f.key} value={f.key}>
                {f.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      <ol class="timeline" tabIndex={0} aria-label="Timeline entries">
        {shown.map((e) => (
          <li key={e.seq} class={`timeline__entry timeline__entry--${e.kind}${e.replyToId ? ' timeline__entry--reply' : ''}`}>
            <time dateTime={e.at}>{utcTime(e.at)}</time>
            <span class="timeline__actor">{e.actor}</span>
            <span class="timeline__text">{e.text}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
