import { useState } from 'preact/hooks';
import { api } from '../api';
import { type DebateDetail, type DebatePlan, Limits, type OpennessScenario, type RoundKind, type RoundPlan, type TallyMethod } from '../contract';
import { methodHelp, methodNames } from '../ui/methods';
import { useAction } from '../store';
import { Notice } from '../ui/Notice';
import { moveRound, newRound, removeRound, replaceRound } from './plans';

const scenarios: { key: OpennessScenario; label: string }[] = [
  { key: 'architectureOnly', label: 'Architecture only' },
  { key: 'architectureAndWeights', label: 'Architecture + weights' },
  { key: 'everythingPublished', label: 'Everything published' },
  { key: 'otherCombination', label: 'Another combination' },
  { key: 'closed', label: 'Closed (nothing published)' },
];

const kinds: { key: RoundKind; label: string }[] = [
  { key: 'argument', label: 'Argument round' },
  { key: 'ranking', label: 'Ranking round' },
  { key: 'motionVote', label: 'Motion vote' },
];

/** Edits the motion, the settings and the rounds; saving sends the whole plan, which the server checks. */
export function PlanEditor({ id, initial, onSaved }: { id: string; initial: DebatePlan; onSaved: (detail: DebateDetail) => void }) {
  const [plan, setPlan] = useState(initial);
  const [saved, setSaved] = useState(false);
  const { busy, error, run } = useAction();
  const dirty = JSON.stringify(plan) !== JSON.stringify(initial);
  const s = plan.settings;
  const setSettings = (change: Partial<DebatePlan['settings']>) => setPlan({ ...plan, settings: { ...s, ...change } });

  async function save() {
    setSaved(false);
    const detail = await run(() => api.editPlan(id, plan));
    if (!detail) return;
    setPlan(detail.plan);
    onSaved(detail);
    setSaved(true);
  }

  return (
    <section class="editor" aria-label="Debate plan">
      <label class="field">
        <span>Motion</span>
        <input class="input" value={plan.motion} maxLength={Limits.motion} onInput={(e) => setPlan({ ...plan, motion: (e.target as HTMLInputElement).value })} />
      </label>

      <fieldset class="card settings">
        <legend>Settings</legend>
        <label class="field">
          <span>Sides</span>
          <select class="input" aria-label="Sides" value={s.sideAssignment} onChange={(e) => setSettings({ sideAssignment: (e.target as HTMLSelectElement).value as never })}>
            <option value="balancedRandom">Balanced random</option>
            <option value="alternating">Alternating by join order</option>
            <option value="manual">I assign them</option>
            <option value="devilsAdvocate">Devil's advocate (opposite of the pre-debate vote)</option>
          </select>
        </label>
        <label class="field">
          <span>Arguments visible while arguing</span>
          <select class="input" aria-label="Arguments visible while arguing" value={s.visibility} onChange={(e) => setSettings({ visibility: (e.target as HTMLSelectElement).value as never })}>
            <option value="everyone">To everyone (needed for rebuttals)</option>
            <option value="ownSide">Only to the same side</option>
            <option value="ownOnly">Only to their author</option>
          </select>
        </label>
        <label class="field">
          <span>How ballots are counted</span>
          <select class="input" aria-label="How ballots are counted" value={s.tallyMethod} onChange={(e) => setSettings({ tallyMethod: (e.target as HTMLSelectElement).value as TallyMethod })}>
            {(Object.keys(methodNames) as TallyMethod[]).map((m) => (
              <option key={m} value={m}>
                {methodNames[m]}
              </option>
            ))}
          </select>
          <small class="hint">{methodHelp[s.tallyMethod]} The instructor's comparison always shows all three.</small>
        </label>
        <label class="field">
          <span>Items a ballot may rank (K)</span>
          <input
            class="input input--short"
            type="number"
            min={1}
            max={Limits.maxRankedItems}
            value={s.maxRankedItems}
            onInput={(e) => setSettings({ maxRankedItems: Number((e.target as HTMLInputElement).value) })}
          />
        </label>
        <label class="check">
          <input type="checkbox" checked={s.allowRankingOwnArgument} onChange={(e) => setSettings({ allowRankingOwnArgument: (e.target as HTMLInputElement).checked })} />
          Students may rank their own argument
        </label>
        <label class="check">
          <input type="checkbox" checked={s.swapSidesEachRound} onChange={(e) => setSettings({ swapSidesEachRound: (e.target as HTMLInputElement).checked })} />
          Swap sides every argument round
        </label>
        <label class="check">
          <input type="checkbox" checked={s.anonymous} onChange={(e) => setSettings({ anonymous: (e.target as HTMLInputElement).checked })} />
          Anonymous: students see pseudonyms for each other
        </label>
      </fieldset>

      <h3>Rounds</h3>
      <ol class="rounds-editor">
        {plan.rounds.map((round, i) => (
          <li class="card round-editor" key={i}>
            <RoundEditor round={round} index={i} onChange={(r) => setPlan(replaceRound(plan, i, r))} />
            <div class="round-editor__tools">
              <button class="button button--small" type="button" disabled={i === 0} onClick={() => setPlan(moveRound(plan, i, -1))}>
                Move up
              </button>
              <button class="button button--small" type="button" disabled={i === plan.rounds.length - 1} onClick={() => setPlan(moveRound(plan, i, 1))}>
                Move down
              </button>
              <button class="button button--small button--danger" type="button" disabled={plan.rounds.length === 1} onClick={() => setPlan(removeRound(plan, i))}>
                Remove round
              </button>
            </div>
          </li>
        ))}
      </ol>
      <div class="editor__add">
        {kinds.map((k) => (
          <button key={k.key} class="button" type="button" disabled={plan.rounds.length >= Limits.maxRounds} onClick={() => setPlan({ ...plan, rounds: [...plan.rounds, newRound(k.key, plan.rounds.length)] })}>
            Add {k.label.toLowerCase()}
          </button>
        ))}
      </div>
      {error && <Notice kind="error">{error}</Notice>}
      {saved && !dirty && <Notice kind="success">Saved.</Notice>}
      <button class="button button--primary" type="button" disabled={!dirty || busy} onClick={save}>
        {busy ? 'Saving…' : 'Save the plan'}
      </button>
    </section>
  );
}

function RoundEditor({ round, index, onChange }: { round: RoundPlan; index: number; onChange: (round: RoundPlan) => void }) {
  const set = (change: Partial<RoundPlan>) => onChange({ ...round, ...change });
  const text = (e: Event) => (e.target as HTMLInputElement).value;
  return (
    <div class="round-editor__fields">
      <div class="row">
        <label class="field">
          <span>Round {index + 1} title</span>
          <input class="input" value={round.title} maxLength={Limits.title} onInput={(e) => set({ title: text(e) })} />
        </label>
        <label class="field">
          <span>Kind</span>
          <select class="input" aria-label={`Round ${index + 1} kind`} value={round.kind} onChange={(e) => onChange({ ...newRound(text(e) as RoundKind, index), title: round.title, prompt: round.prompt })}>
            {kinds.map((k) => (
              <option key={k.key} value={k.key}>
                {k.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      <label class="field">
        <span>Prompt</span>
        <textarea class="input input--area" rows={2} value={round.prompt} maxLength={Limits.prompt} onInput={(e) => set({ prompt: text(e) })} />
      </label>
      {round.kind === 'argument' && (
        <div class="row">
          <label class="field">
            <span>The open side argues…</span>
            <textarea class="input input--area" rows={2} value={round.openBrief ?? ''} maxLength={Limits.brief} onInput={(e) => set({ openBrief: text(e) })} />
          </label>
          <label class="field">
            <span>The closed side argues…</span>
            <textarea class="input input--area" rows={2} value={round.closedBrief ?? ''} maxLength={Limits.brief} onInput={(e) => set({ closedBrief: text(e) })} />
          </label>
        </div>
      )}
      {round.kind === 'argument' && (
        <label class="field">
          <span>Openness scenario</span>
          <select class="input" aria-label={`Round ${index + 1} openness scenario`} value={round.scenario ?? ''} onChange={(e) => set({ scenario: (text(e) || null) as OpennessScenario | null })}>
            <option value="">None</option>
            {scenarios.map((s) => (
              <option key={s.key} value={s.key}>
                {s.label}
              </option>
            ))}
          </select>
        </label>
      )}
      {round.kind === 'ranking' && (
        <fieldset class="options">
          <legend>Options to rank</legend>
          {round.options.map((o, i) => (
            <div class="row" key={i}>
              <input
                class="input"
                aria-label={`Option ${i + 1}`}
                value={o}
                maxLength={Limits.option}
                onInput={(e) => set({ options: round.options.map((x, j) => (j === i ? text(e) : x)) })}
              />
              <button class="button button--small" type="button" disabled={round.options.length <= Limits.minOptions} onClick={() => set({ options: round.options.filter((_, j) => j !== i) })}>
                Remove
              </button>
            </div>
          ))}
          <button class="button button--small" type="button" disabled={round.options.length >= Limits.maxOptions} onClick={() => set({ options: [...round.options, `Option ${round.options.length + 1}`] })}>
            Add option
          </button>
        </fieldset>
      )}
      <div class="row durations">
        {round.kind === 'argument' && <Seconds label="Arguing (s)" value={round.argueSeconds} onChange={(v) => set({ argueSeconds: v })} />}
        <Seconds label="Voting (s)" value={round.voteSeconds} onChange={(v) => set({ voteSeconds: v })} />
        <label class="field">
          <span>Results (s, empty = until I move on)</span>
          <input
            class="input input--short"
            type="number"
            min={Limits.minPhaseSeconds}
            max={Limits.maxPhaseSeconds}
            value={round.resultsSeconds ?? ''}
            onInput={(e) => set({ resultsSeconds: text(e) === '' ? null : Number(text(e)) })}
          />
        </label>
      </div>
    </div>
  );
}

function Seconds({ label, value, onChange }: { label: string; value: number; onChange: (v: number) => void }) {
  return (
    <label class="field">
      <span>{label}</span>
      <input
        class="input input--short"
        type="number"
        min={Limits.minPhaseSeconds}
        max={Limits.maxPhaseSeconds}
        value={value}
        onInput={(e) => onChange(Number((e.target as HTMLInputElement).value))}
      />
    </label>
  );
}
