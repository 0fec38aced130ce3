// The plan's simple rules, checked as the instructor types so each message appears at its field before anything is
// sent. The rules are the server's (PlanValidator, docs/protocol.md §5.8): planChecks.cases.json holds plans and the
// errors the server answers for them (written by the server's PlanCheckCasesTests), and the tests hold these checks
// to the same field paths and sentences. The server stays the judge, and what it alone checks (devil's advocate
// needing a pre-debate vote, Unicode cleaning) comes back from a save as errors per field.
import { type DebatePlan, type FieldError, Limits, type RoundPlan } from '../contract';

/** Messages by field path, e.g. `rounds[2].voteSeconds`; the first message for a field wins. */
export type FieldErrors = Record<string, string>;

export function checkPlan(plan: DebatePlan): FieldErrors {
  const errors: FieldError[] = [];
  const add = (field: string, message: string) => errors.push({ field, message });
  const text = (field: string, value: string | null | undefined, max: number, what: string, required = true) => {
    const clean = (value ?? '').trim();
    if (clean.length === 0) {
      if (required) add(field, `${what} can't be empty.`);
    } else if (characters(clean) > max) add(field, `${what} is ${characters(clean)} characters long; the limit is ${max}.`);
  };

  text('motion', plan.motion, Limits.motionMaxLength, 'The motion');
  if (plan.rounds.length === 0) add('rounds', 'A debate needs at least one round.');
  else if (plan.rounds.length > Limits.maxRounds) add('rounds', `A debate may have at most ${Limits.maxRounds} rounds.`);
  const k = plan.settings.maxRankedItems;
  if (!Number.isInteger(k) || k < 1 || k > Limits.maxRankedItemsCap) add('settings.maxRankedItems', `A ballot may rank between 1 and ${Limits.maxRankedItemsCap} items, not ${Number.isFinite(k) ? k : 'that'}.`);
  plan.rounds.forEach((round, i) => checkRound(round, i, add, text));
  if (plan.preReading.length > Limits.preReadingMaxItems) add('preReading', `List at most ${Limits.preReadingMaxItems} pieces of pre-reading.`);
  plan.preReading.forEach((r, i) => {
    text(`preReading[${i}].title`, r.title, Limits.titleMaxLength, `The title of reading ${i + 1}`);
    if (!isWebLink(r.url)) add(`preReading[${i}].url`, `Reading ${i + 1} needs an http or https link.`);
  });
  return byField(errors);
}

type Add = (field: string, message: string) => void;
type Text = (field: string, value: string | null | undefined, max: number, what: string, required?: boolean) => void;

function checkRound(round: RoundPlan, index: number, add: Add, text: Text) {
  const n = index + 1;
  const at = `rounds[${index}]`;
  text(`${at}.title`, round.title, Limits.titleMaxLength, `The title of round ${n}`);
  text(`${at}.prompt`, round.prompt, Limits.promptMaxLength, `The prompt of round ${n}`);
  text(`${at}.openBrief`, round.openBrief, Limits.briefMaxLength, `The open side's brief in round ${n}`, false);
  text(`${at}.closedBrief`, round.closedBrief, Limits.briefMaxLength, `The closed side's brief in round ${n}`, false);
  const duration = (field: string, seconds: number, what: string) => {
    if (!Number.isInteger(seconds) || seconds < Limits.minPhaseSeconds || seconds > Limits.maxPhaseSeconds)
      add(field, `${what} must last between ${Limits.minPhaseSeconds} seconds and ${Limits.maxPhaseSeconds / 3600} hours.`);
  };
  if (round.kind === 'argument') duration(`${at}.argueSeconds`, round.argueSeconds, `The argue phase of round ${n}`);
  duration(`${at}.voteSeconds`, round.voteSeconds, `The vote phase of round ${n}`);
  if (round.resultsSeconds != null) duration(`${at}.resultsSeconds`, round.resultsSeconds, `The results phase of round ${n}`);
  if (round.kind !== 'ranking') return;
  if (round.options.length < Limits.minOptions || round.options.length > Limits.maxOptions)
    add(`${at}.options`, `Ranking round ${n} needs between ${Limits.minOptions} and ${Limits.maxOptions} options.`);
  const seen = new Set<string>();
  round.options.forEach((option, i) => {
    text(`${at}.options[${i}]`, option, Limits.optionMaxLength, `Option ${i + 1} of round ${n}`);
    const key = option.trim().toLowerCase();
    if (key.length > 0 && seen.has(key)) add(`${at}.options[${i}]`, `Ranking round ${n} lists the same option twice.`);
    seen.add(key);
  });
}

export function byField(errors: FieldError[]): FieldErrors {
  const out: FieldErrors = {};
  for (const e of errors) out[e.field] ??= e.message;
  return out;
}

/** How many of the errors belong to round `index` (its own fields and its options). */
export function errorsInRound(errors: FieldErrors, index: number): number {
  return Object.keys(errors).filter((f) => f === `rounds[${index}]` || f.startsWith(`rounds[${index}].`)).length;
}

/** The value at a field path in the plan, as JSON, to tell whether the instructor has changed it since. */
export function valueAt(plan: DebatePlan, field: string): string {
  let value: unknown = plan;
  for (const part of field.split(/[.[\]]/).filter((p) => p.length > 0)) {
    value = value != null && typeof value === 'object' ? (value as Record<string, unknown>)[part] : undefined;
  }
  return JSON.stringify(value ?? null);
}

/** Keeps the server's errors for fields still as they were sent; a field the instructor changed waits for the next save. */
export function stillStanding(errors: FieldErrors, sent: DebatePlan, now: DebatePlan): FieldErrors {
  return Object.fromEntries(Object.entries(errors).filter(([field]) => valueAt(sent, field) === valueAt(now, field)));
}

export function isWebLink(url: string): boolean {
  try {
    const parsed = new URL(url.trim());
    return parsed.protocol === 'http:' || parsed.protocol === 'https:';
  } catch {
    return false;
  }
}

const segmenter = typeof Intl !== 'undefined' && 'Segmenter' in Intl ? new Intl.Segmenter() : null;

/** User-perceived characters, as the server counts them. */
function characters(text: string): number {
  return segmenter ? [...segmenter.segment(text)].length : [...text].length;
}
