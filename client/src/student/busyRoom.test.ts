import { describe, expect, it } from 'vitest';
import { HubError } from '../connection';
import { BusyGiveUpMs, busyWaitSeconds, joinWhenThereIsRoom } from './busyRoom';

const busy = (seconds: number) => new HubError('roomBusy', `Many students are joining at once. Try again in ${seconds} ${seconds === 1 ? 'second' : 'seconds'}.`);

/** A fake clock: waiting moves it on, nothing sleeps. */
function clock() {
  let at = 0;
  return { now: () => at, wait: async (ms: number) => void (at += ms) };
}

describe('joinWhenThereIsRoom', () => {
  it('keeps trying past six refusals while the room fills, waiting what each refusal says', async () => {
    // A lecture hall arriving together: the same student is told "1 second" again and again (the load generator
    // saw 204 of 400 students refused six times or more), and gets in on the twentieth try.
    const time = clock();
    let tries = 0;
    const waits: number[] = [];
    const joined = await joinWhenThereIsRoom(
      async () => {
        tries++;
        if (tries < 20) throw busy(1);
        return 'in';
      },
      (seconds) => waits.push(seconds),
      time.wait,
      time.now,
    );
    expect(joined).toBe('in');
    expect(tries).toBe(20);
    expect(waits).toEqual(Array(19).fill(1));
    expect(time.now()).toBe(19_000);
  });

  it('gives up with the refusal once waiting longer would pass three minutes in all', async () => {
    const time = clock();
    let tries = 0;
    const refusal = joinWhenThereIsRoom(
      async () => {
        tries++;
        throw busy(50);
      },
      () => {},
      time.wait,
      time.now,
    );
    await expect(refusal).rejects.toMatchObject({ code: 'roomBusy' });
    // 0, 50, 100 and 150 s: a fifth try would start at 200 s, past the three minutes.
    expect(tries).toBe(4);
    expect(time.now()).toBeLessThanOrEqual(BusyGiveUpMs);
  });

  it('passes any other refusal straight on, without waiting', async () => {
    const time = clock();
    const waits: number[] = [];
    const refusal = joinWhenThereIsRoom(
      async () => {
        throw new HubError('roomFull', 'This room is full: it takes 150 students. Ask your instructor to make room.');
      },
      (seconds) => waits.push(seconds),
      time.wait,
      time.now,
    );
    await expect(refusal).rejects.toMatchObject({ code: 'roomFull' });
    expect(waits).toEqual([]);
    expect(time.now()).toBe(0);
  });
});

describe('busyWaitSeconds', () => {
  it('reads the seconds the refusal names, in the singular too, and assumes 5 when it names none', () => {
    expect(busyWaitSeconds('Many students are joining at once. Try again in 4 seconds.')).toBe(4);
    expect(busyWaitSeconds('Many students are joining at once. Try again in 1 second.')).toBe(1);
    expect(busyWaitSeconds('Many students are joining at once.')).toBe(5);
  });
});
