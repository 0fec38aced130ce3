import { useState } from 'preact/hooks';
import { api } from '../../api';

const files = [
  { file: 'transcript.md', label: 'Transcript (Markdown)' },
  { file: 'arguments.csv', label: 'Arguments (CSV)' },
  { file: 'ballots.csv', label: 'Ballots (CSV)' },
  { file: 'debate.json', label: 'Everything (JSON)' },
] as const;

/** Download links. "For sharing" swaps every student's name for their pseudonym. */
export function Exports({ id }: { id: string }) {
  const [share, setShare] = useState(false);
  return (
    <section class="card exports" aria-label="Exports">
      <h2>Export</h2>
      <div class="exports__links">
        {files.map((f) => (
          <a key={f.file} class="button" href={api.exportUrl(id, f.file, share)} download>
            {f.label}
          </a>
        ))}
      </div>
      <label class="check">
        <input type="checkbox" checked={share} onChange={(e) => setShare((e.target as HTMLInputElement).checked)} />
        For sharing with the class: pseudonyms instead of names
      </label>
    </section>
  );
}
