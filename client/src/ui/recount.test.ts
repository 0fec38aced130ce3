import { describe, expect, it } from 'vitest';
import { recountText, shownToTheClass } from './recount';

const none = { removedStudents: 0, hiddenArguments: 0, restoredArguments: 0, withdrawnArguments: 0, erasedStudents: 0 };

describe('the note beside a recount', () => {
  it('says what happened after the count, and that it was counted as at the close', () => {
    expect(recountText({ ...none, removedStudents: 1, hiddenArguments: 1 })).toBe('1 student removed and 1 argument hidden after the count; counted as at the close.');
    expect(recountText({ ...none, removedStudents: 2, hiddenArguments: 1, restoredArguments: 3 })).toBe(
      '2 students removed, 1 argument hidden and 3 arguments restored after the count; counted as at the close.',
    );
  });

  it('says a round was recounted without a student whose data was removed, which the class never saw', () => {
    const erased = { ...none, erasedStudents: 1, withdrawnArguments: 1 };

    expect(recountText(erased)).toBe('1 argument withdrawn after the count; counted as at the close; recounted without 1 student whose data was removed.');
    expect(recountText({ ...none, erasedStudents: 2 })).toBe('Recounted without 2 students whose data was removed.');
    expect([shownToTheClass(erased), shownToTheClass({ ...none, removedStudents: 1 }), shownToTheClass(null)]).toEqual([false, true, true]);
  });
});
