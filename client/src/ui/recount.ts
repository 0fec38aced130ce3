import type { RecountNoteView } from '../contract';

/**
 * The one wording of the note beside a recount (the console's comparison and the review), e.g.
 * "1 student removed and 1 argument hidden after the count; counted as at the close." The exports word it the
 * same way in src/OpenClosedDebate.Server/Transcripts/ResultWords.cs.
 */
export function recountText(note: RecountNoteView): string {
  const count = (n: number, noun: string, what?: string) => (n === 0 ? null : `${n} ${noun}${n === 1 ? '' : 's'}${what ? ` ${what}` : ''}`);
  const since = [
    count(note.removedStudents, 'student', 'removed'),
    count(note.hiddenArguments, 'argument', 'hidden'),
    count(note.restoredArguments, 'argument', 'restored'),
    count(note.withdrawnArguments, 'argument', 'withdrawn'),
  ].filter((part): part is string => part !== null);
  const parts: string[] = [];
  if (since.length > 0) {
    const list = since.length === 1 ? since[0] : `${since.slice(0, -1).join(', ')} and ${since.at(-1)}`;
    parts.push(`${list} after the count; counted as at the close`);
  }
  if (note.erasedStudents > 0) parts.push(`recounted without ${count(note.erasedStudents, 'student')} whose data was removed`);
  const text = parts.join('; ');
  return text ? `${text[0].toUpperCase()}${text.slice(1)}.` : '';
}

/** Whether the recount under the debate's method is still what the class saw: true unless ballots were erased. */
export function shownToTheClass(note: RecountNoteView | null): boolean {
  return !note || note.erasedStudents === 0;
}
