// The motion and how the debate runs: sides, visibility, counting, revealing, K and the switches.
import { type DebatePlan, Limits, type ResultReveal, type TallyMethod } from '../contract';
import { methodHelp, methodNames } from '../ui/methods';
import type { FieldErrors } from './planChecks';
import { Field } from './PlanFields';

type Settings = DebatePlan['settings'];

export function SettingsEditor({ plan, errors, onChange }: { plan: DebatePlan; errors: FieldErrors; onChange: (plan: DebatePlan) => void }) {
  const s = plan.settings;
  const set = (change: Partial<Settings>) => onChange({ ...plan, settings: { ...s, ...change } });
  const value = (e: Event) => (e.target as HTMLInputElement | HTMLSelectElement).value;
  const check = (e: Event) => (e.target as HTMLInputElement).checked;
  return (
    <section class="card editor__section" aria-labelledby="plan-settings-heading">
      <h3 id="plan-settings-heading">Motion and settings</h3>
      <Field path="motion" label="Motion" error={errors.motion}>
        {(p) => <input {...p} class="input" value={plan.motion} maxLength={Limits.motionMaxLength} onInput={(e) => onChange({ ...plan, motion: value(e) })} />}
      </Field>
      <div class="settings-grid">
        <Field path="settings.sideAssignment" label="Sides" error={errors['settings.sideAssignment']}>
          {(p) => (
            <select {...p} class="input" value={s.sideAssignment} onChange={(e) => set({ sideAssignment: value(e) as Settings['sideAssignment'] })}>
              <option value="balancedRandom">Balanced random</option>
              <option value="alternating">Alternating by join order</option>
              <option value="manual">I assign them</option>
              <option value="devilsAdvocate">Devil's advocate (opposite of the pre-debate vote)</option>
            </select>
          )}
        </Field>
        <Field path="settings.visibility" label="Arguments visible while arguing" error={errors['settings.visibility']}>
          {(p) => (
            <select {...p} class="input" value={s.visibility} onChange={(e) => set({ visibility: value(e) as Settings['visibility'] })}>
              <option value="everyone">To everyone (needed for rebuttals)</option>
              <option value="ownSide">Only to the same side</option>
              <option value="ownOnly">Only to their author</option>
            </select>
          )}
        </Field>
        <Field path="settings.tallyMethod" label="How ballots are counted" error={errors['settings.tallyMethod']} hint={<>{methodHelp[s.tallyMethod]} The instructor's comparison always shows all three.</>}>
          {(p) => (
            <select {...p} class="input" value={s.tallyMethod} onChange={(e) => set({ tallyMethod: value(e) as TallyMethod })}>
              {(Object.keys(methodNames) as TallyMethod[]).map((m) => (
                <option key={m} value={m}>
                  {methodNames[m]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          path="settings.revealResults"
          label="Show each round's results"
          error={errors['settings.revealResults']}
          hint="Revealing on a click lets you build up to the result; the projector shows it with a short animation."
        >
          {(p) => (
            <select {...p} class="input" value={s.revealResults ?? 'atOnce'} onChange={(e) => set({ revealResults: value(e) as ResultReveal })}>
              <option value="atOnce">At once, when voting closes</option>
              <option value="onClick">When I click “Reveal the results”</option>
            </select>
          )}
        </Field>
        <Field path="settings.maxRankedItems" label="Items a ballot may rank (K)" error={errors['settings.maxRankedItems']}>
          {(p) => (
            <input
              {...p}
              class="input input--short"
              type="number"
              min={1}
              max={Limits.maxRankedItemsCap}
              value={Number.isFinite(s.maxRankedItems) ? s.maxRankedItems : ''}
              onInput={(e) => set({ maxRankedItems: value(e) === '' ? Number.NaN : Number(value(e)) })}
            />
          )}
        </Field>
        <div class="settings-grid__checks">
          <label class="check">
            <input type="checkbox" checked={s.allowRankingOwnArgument} onChange={(e) => set({ allowRankingOwnArgument: check(e) })} />
            Students may rank their own argument
          </label>
          <label class="check">
            <input type="checkbox" checked={s.swapSidesEachRound} onChange={(e) => set({ swapSidesEachRound: check(e) })} />
            Swap sides every argument round
          </label>
          <label class="check">
            <input type="checkbox" checked={s.anonymous} onChange={(e) => set({ anonymous: check(e) })} />
            Anonymous: students see pseudonyms for each other
          </label>
        </div>
      </div>
    </section>
  );
}
