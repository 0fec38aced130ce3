import { useState } from 'preact/hooks';
import { Limits } from '../contract';
import { newJoinSecret } from '../connection';
import type { RoomSession } from '../room';
import { useAction } from '../store';
import { Notice } from '../ui/Notice';
import { joinWhenThereIsRoom } from './busyRoom';
import { latestSession, type SavedSession, saveSession } from './sessions';

export function JoinForm({
  session,
  initialCode,
  message,
  onJoined,
  onContinue,
}: {
  session: RoomSession;
  initialCode: string;
  message: string | null;
  onJoined: (saved: SavedSession) => void;
  onContinue: (saved: SavedSession) => void;
}) {
  const [code, setCode] = useState(initialCode);
  const [name, setName] = useState('');
  const { busy, error, run } = useAction();
  const [joinSecret] = useState(newJoinSecret);
  const [busyRoom, setBusyRoom] = useState<string | null>(null);
  const previous = initialCode ? null : latestSession();

  /** A room that many are joining at once says when to try again (roomBusy): the page says so and tries again (busyRoom.ts). */
  async function joinWhenThereIsRoomFor(typed: string) {
    try {
      return await joinWhenThereIsRoom(
        () => session.connection.submit('Join', { code: typed, name, joinSecret }),
        (seconds) =>
          setBusyRoom(`Many students are joining at once. Trying again in ${seconds} ${seconds === 1 ? 'second' : 'seconds'}…`),
      );
    } finally {
      setBusyRoom(null);
    }
  }

  async function join(event: Event) {
    event.preventDefault();
    await run(async () => {
      await session.connection.start();
      const typed = code.replace(/[\s-]/g, '').toUpperCase();
      const result = await session.connection.enter(() => joinWhenThereIsRoomFor(typed), (joined) => joined.snapshot);
      const saved: SavedSession = {
        code: result.snapshot.debate.joinCode,
        debateId: result.debateId,
        participantId: result.participantId,
        token: result.resumeToken,
        name: result.snapshot.you?.displayName ?? name,
        savedAt: Date.now(),
      };
      saveSession(saved);
      session.connection.adopt({ kind: 'student', debateId: saved.debateId, token: saved.token });
      onJoined(saved);
    });
  }

  return (
    <main class="page page--narrow join">
      <h1 class="brand">OpenClosed Debate</h1>
      <form class="card form" onSubmit={join}>
        <h2>Join a debate</h2>
        {busyRoom ? <Notice>{busyRoom}</Notice> : (error ?? message) && <Notice kind="error">{error ?? message}</Notice>}
        <label class="field">
          <span>Join code</span>
          <input
            name="code"
            value={code}
            onInput={(e) => setCode((e.target as HTMLInputElement).value.toUpperCase())}
            autoComplete="off"
            autoCapitalize="characters"
            spellcheck={false}
            inputMode="text"
            maxLength={12}
            required
            placeholder="e.g. K7QP2M"
            class="input input--code"
          />
        </label>
        <label class="field">
          <span>Your name</span>
          <input
            name="name"
            value={name}
            onInput={(e) => setName((e.target as HTMLInputElement).value)}
            maxLength={Limits.displayNameMaxLength}
            autoComplete="nickname"
            required
            class="input"
          />
        </label>
        <button class="button button--primary button--block" type="submit" disabled={busy}>
          {busy ? 'Joining…' : 'Join'}
        </button>
      </form>
      {previous && (
        <p class="join__continue">
          <button class="button button--link" type="button" onClick={() => onContinue(previous)}>
            Continue as {previous.name} in {previous.code}
          </button>
        </p>
      )}
    </main>
  );
}
