// The live connection. It reconnects forever with backoff, and after every (re)connection binds
// again (resume, attach or watch) so the page is rebuilt from a fresh snapshot; it binds again in the
// same way when the room's numbered broadcasts show that one never arrived (feed.ts). Submissions carry
// a request id and are retried with the same id until the server acknowledges them, so a flaky
// network never loses or duplicates one.
import { HubConnectionBuilder, HubConnectionState, type HubConnection, LogLevel } from '@microsoft/signalr';
import { HubPath, type ClientMethods, type HubMethod, type HubMethods, type RoomSnapshot } from './contract';
import { FeedTracker } from './feed';
import type { Action } from './state';

export type ConnectionStatus = 'connecting' | 'connected' | 'reconnecting' | 'offline';

export type Binding =
  | { kind: 'student'; debateId: string; token: string }
  | { kind: 'instructor'; debateId: string }
  | { kind: 'projector'; code: string };

/** A refusal from the server: a code to branch on and a sentence to show. */
export class HubError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Turns SignalR's error text ("... HubException: code: sentence") into a HubError; other errors are transport failures. */
export function parseHubError(error: unknown): HubError | null {
  const text = error instanceof Error ? error.message : String(error);
  const match = /HubException: ([A-Za-z]+): ([\s\S]*)$/.exec(text);
  if (match) return new HubError(match[1], match[2].trim());
  if (/Failed to invoke|InvalidDataException|error on the server/i.test(text)) {
    return new HubError('serverError', 'The server could not handle that request.');
  }
  return null;
}

export function newRequestId(): string {
  return crypto.randomUUID();
}

/** A join secret: 256 random bits, base64url. It becomes the resume token, so a retried join gets the same seat. */
export function newJoinSecret(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

const retryDelays = [0, 500, 1000, 2000, 4000, 8000];

/**
 * What to apply, in order, of the messages held while entering a room, once the entry's snapshot (at `version`) is
 * installed: every update (the reducer skips the events the snapshot holds), and a resync snapshot only if it is
 * not older. `version` is -1 when the entry failed and there is no snapshot.
 */
export function replayAfterEntry(held: readonly Action[], version: number): Action[] {
  return held.filter((action) => action.type !== 'snapshot' || action.snapshot.version >= version);
}

export class RoomConnection {
  private readonly hub: HubConnection;
  private binding: Binding | null = null;
  private bound: Binding | null = null;
  private started: Promise<void> | null = null;
  /** Connected and bound again after the last (re)connection: submissions may go. */
  private ready = false;
  /** Messages received while entering a room, for after its snapshot; null when not entering. */
  private held: Action[] | null = null;
  /** Resolves a retry's wait early, when the browser says the network is back. */
  private wake: (() => void) | null = null;
  /** Where this connection stands in the room's numbered broadcasts. */
  private readonly feed = new FeedTracker();
  /** A bind to repair a missed broadcast is on its way. */
  private resyncing = false;

  constructor(
    private readonly dispatch: (action: Action) => void,
    private readonly onStatus: (status: ConnectionStatus) => void,
    private readonly onBindFailed: (error: HubError) => void,
  ) {
    this.hub = new HubConnectionBuilder()
      .withUrl(HubPath)
      .withAutomaticReconnect({
        nextRetryDelayInMilliseconds: (ctx) => retryDelays[Math.min(ctx.previousRetryCount, retryDelays.length - 1)] + Math.random() * 500,
      })
      .configureLogging(LogLevel.Warning)
      .build();
    this.hub.serverTimeoutInMilliseconds = 30_000;
    const handlers: ClientMethods = {
      Update: (update) => this.receive({ type: 'update', update, receivedAt: Date.now() }),
      Snapshot: (snapshot) => this.receive({ type: 'snapshot', snapshot, receivedAt: Date.now() }),
      Heartbeat: (heartbeat) => {
        if (!this.held && this.feed.missedBy(heartbeat)) this.resync();
      },
    };
    for (const [method, handler] of Object.entries(handlers)) this.hub.on(method, handler);
    this.hub.onreconnecting(() => {
      this.ready = false;
      this.onStatus('reconnecting');
    });
    this.hub.onreconnected(() => void this.rebind());
    this.hub.onclose(() => {
      this.ready = false;
      this.onStatus('offline');
      this.started = null;
      if (navigator.onLine) window.setTimeout(() => void this.start(), 3000);
    });
    // A phone that loses its network would otherwise look live until the server timeout (30 s) runs out:
    // the browser knows at once, so drop the connection then, and connect again as soon as it is back.
    window.addEventListener('offline', () => {
      this.ready = false;
      this.onStatus('offline');
      void this.hub.stop();
    });
    window.addEventListener('online', () => {
      this.wake?.();
      if (this.hub.state === HubConnectionState.Disconnected) void this.start();
    });
  }

  /** Connects, retrying until it succeeds. */
  start(): Promise<void> {
    this.started ??= (async () => {
      this.onStatus('connecting');
      for (let attempt = 0; ; attempt++) {
        try {
          await this.hub.start();
          break;
        } catch {
          this.onStatus('offline');
          await new Promise<void>((resolve) => {
            this.wake = resolve;
            window.setTimeout(resolve, retryDelays[Math.min(attempt + 1, retryDelays.length - 1)] + Math.random() * 500);
          });
          this.wake = null;
        }
      }
      await this.rebind();
    })();
    return this.started;
  }

  /** Calls a hub method once. Refusals come back as HubError; transport failures as plain errors. */
  async invoke<M extends HubMethod>(method: M, ...args: HubMethods[M]['args']): Promise<HubMethods[M]['result']> {
    try {
      return (await this.hub.invoke(method, ...args)) as HubMethods[M]['result'];
    } catch (error) {
      throw parseHubError(error) ?? error;
    }
  }

  /**
   * Sends a submission until the server answers. A refusal is thrown at once; a lost connection
   * waits for the next one and sends again with the same request id, which the server recognises.
   */
  async submit<M extends HubMethod>(method: M, ...args: HubMethods[M]['args']): Promise<HubMethods[M]['result']> {
    const giveUpAt = Date.now() + 120_000;
    for (let attempt = 0; ; attempt++) {
      await this.whenConnected(giveUpAt);
      try {
        return await this.invoke(method, ...args);
      } catch (error) {
        if (error instanceof HubError || Date.now() > giveUpAt) throw error;
        await delay(retryDelays[Math.min(attempt + 1, retryDelays.length - 1)]);
      }
    }
  }

  /**
   * Enters a room (Join, Resume, Watch or Attach) and installs the snapshot it answers with. The server puts the
   * connection in the room's audience before it takes that snapshot, so updates can arrive before the answer
   * (protocol §4.6): they are held meanwhile and replayed after the snapshot, where those it already holds
   * (seq ≤ its version) are skipped, as is a resync snapshot older than it.
   */
  async enter<T>(call: () => Promise<T>, snapshotOf: (result: T) => RoomSnapshot): Promise<T> {
    const held: Action[] = [];
    this.held = held;
    let version = -1;
    try {
      const result = await call();
      const snapshot = snapshotOf(result);
      version = snapshot.version;
      this.dispatch({ type: 'snapshot', snapshot, receivedAt: Date.now() });
      this.feed.entered(snapshot);
      return result;
    } finally {
      if (this.held === held) this.held = null;
      for (const action of replayAfterEntry(held, version)) this.apply(action);
    }
  }

  private receive(action: Action): void {
    if (this.held) this.held.push(action);
    else this.apply(action);
  }

  /** Applies a message from the room, and binds again if it shows that an earlier one never arrived. */
  private apply(action: Action): void {
    this.dispatch(action);
    if (action.type === 'snapshot') this.feed.resnapshot(action.snapshot);
    else if (action.type === 'update' && this.feed.missedBefore(action.update)) this.resync();
  }

  /** Binds again for a fresh snapshot, once at a time, while the connection is up and bound. */
  private resync(): void {
    if (this.resyncing || !this.ready || !this.binding || this.hub.state !== HubConnectionState.Connected) return;
    this.resyncing = true;
    void this.rebind().finally(() => {
      this.resyncing = false;
    });
  }

  /** Remembers who this connection speaks for and binds now; every reconnection binds again. */
  async bind(binding: Binding): Promise<void> {
    this.binding = binding;
    await this.start();
    if (this.bound !== binding && this.hub.state === HubConnectionState.Connected) await this.rebind();
  }

  /** Binds after the first connection, without repeating a bind just made by start(). */
  adopt(binding: Binding): void {
    this.binding = binding;
    this.bound = binding;
  }

  private async rebind(): Promise<void> {
    const binding = this.binding;
    if (!binding) {
      this.ready = true;
      this.onStatus('connected');
      return;
    }
    try {
      await this.enter(
        () =>
          binding.kind === 'student'
            ? this.invoke('Resume', { debateId: binding.debateId, token: binding.token })
            : binding.kind === 'instructor'
              ? this.invoke('Attach', binding.debateId)
              : this.invoke('Watch', { code: binding.code }),
        (snapshot) => snapshot,
      );
      this.bound = binding;
      this.ready = true;
      this.onStatus('connected');
    } catch (error) {
      if (error instanceof HubError) {
        this.binding = null;
        this.ready = true;
        this.onStatus('connected');
        this.onBindFailed(error);
      } else {
        this.onStatus('reconnecting');
      }
    }
  }

  /** Waits until the connection is up and speaks for its binding again, so a submission isn't refused as "join first". */
  private async whenConnected(giveUpAt: number): Promise<void> {
    while (this.hub.state !== HubConnectionState.Connected || !this.ready || !navigator.onLine) {
      if (Date.now() > giveUpAt) throw new Error('You are offline.');
      await delay(250);
    }
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => window.setTimeout(resolve, ms));
}
