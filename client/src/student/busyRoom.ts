import { HubError } from '../connection';

/**
 * How long a join keeps trying while the room says many are joining at once (roomBusy). The server paces joins
 * so that a room fills in about a minute however large it is (Rooms:JoinFillTime), and students arriving together
 * are all told the same few seconds, so one student may be told to wait many times: the page keeps trying for
 * three minutes before it gives up and shows the refusal.
 */
export const BusyGiveUpMs = 3 * 60_000;

/** The seconds a roomBusy refusal says to wait ("Try again in 4 seconds."), or 5 if it names none. */
export function busyWaitSeconds(message: string): number {
  return Number(/(\d+) seconds?/.exec(message)?.[1] ?? 5);
}

/**
 * Calls `join` until it gets in or is refused for another reason; after each roomBusy it tells `onWait` the seconds
 * it will wait, waits them, and tries again, while the whole wait stays within {@link BusyGiveUpMs}. The same join
 * secret makes every retry the same join.
 */
export async function joinWhenThereIsRoom<T>(
  join: () => Promise<T>,
  onWait: (seconds: number) => void,
  wait: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  now: () => number = Date.now,
): Promise<T> {
  const started = now();
  for (;;) {
    try {
      return await join();
    } catch (e) {
      if (!(e instanceof HubError) || e.code !== 'roomBusy') throw e;
      const seconds = busyWaitSeconds(e.message);
      if (now() - started + seconds * 1000 > BusyGiveUpMs) throw e;
      onWait(seconds);
      await wait(seconds * 1000);
    }
  }
}
