import { useEffect, useState } from 'preact/hooks';
import { createRoomSession } from '../room';
import { useStore } from '../store';
import { JoinForm } from './JoinForm';
import { RoomPage } from './RoomPage';
import { forgetSession, type SavedSession, savedSession } from './sessions';

const session = createRoomSession();

function codeFromPath(): string {
  const match = /^\/j\/([^/]+)\/?$/.exec(location.pathname);
  return match ? decodeURIComponent(match[1]).toUpperCase() : '';
}

export function StudentApp() {
  const code = codeFromPath();
  const [seat, setSeat] = useState<SavedSession | null>(() => (code ? savedSession(code) : null));
  const [message, setMessage] = useState<string | null>(null);
  const bindError = useStore(session.bindError);

  useEffect(() => {
    if (seat) void session.connection.bind({ kind: 'student', debateId: seat.debateId, token: seat.token });
    else void session.connection.start();
  }, []);

  // The saved seat no longer works (removed, left, expired): forget it and offer to join again.
  useEffect(() => {
    if (!bindError || !seat) return;
    forgetSession(seat.code);
    setMessage(bindError.message);
    setSeat(null);
    session.state.set(null);
    session.bindError.set(null);
  }, [bindError]);

  function enter(saved: SavedSession) {
    if (location.pathname !== `/j/${saved.code}`) history.replaceState(null, '', `/j/${saved.code}`);
    setSeat(saved);
    setMessage(null);
  }

  if (!seat) {
    return (
      <JoinForm
        session={session}
        initialCode={code}
        message={message}
        onJoined={enter}
        onContinue={(saved) => {
          enter(saved);
          void session.connection.bind({ kind: 'student', debateId: saved.debateId, token: saved.token });
        }}
      />
    );
  }
  return (
    <RoomPage
      session={session}
      seat={seat}
      onLeft={() => {
        forgetSession(seat.code);
        setSeat(null);
        session.state.set(null);
      }}
    />
  );
}
