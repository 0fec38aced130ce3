import type { PersuasionView } from '../contract';

/**
 * The one wording of the persuasion verdict, for the phone, projector, console and review. The server decides
 * the verdict from the counts; nothing here compares the rounded gains. (The exports word it the same way in
 * src/OpenClosedDebate.Server/Transcripts/ResultWords.cs.)
 */
export function verdictHeadline(p: PersuasionView): string {
  switch (p.verdict) {
    case 'for':
      return 'The motion carries';
    case 'against':
      return 'The motion falls';
    case 'draw':
      return 'A draw';
    default:
      return 'No verdict';
  }
}

/** The headline with its reason, e.g. "A draw: both sides gained the same share of the vote." */
export function verdictSentence(p: PersuasionView): string {
  const reason = {
    for: 'the side for it gained more support.',
    against: 'the side against it gained more support.',
    draw: 'both sides gained the same share of the vote.',
    noVotes: "a vote with no ballots can't show a change of mind.",
  }[p.verdict];
  return `${verdictHeadline(p)}: ${reason}`;
}

/** A gain in percentage points as the server rounded it for display, signed: "+16.7 pts"; a dash when there is none. */
export function gainText(points: number | null): string {
  if (points === null) return '—';
  return `${points > 0 ? '+' : ''}${points.toFixed(1)} pts`;
}
