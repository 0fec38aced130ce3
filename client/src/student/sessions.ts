// Where a student's seat is kept: the resume token for each debate, in this browser only.
export interface SavedSession {
  code: string;
  debateId: string;
  participantId: string;
  token: string;
  name: string;
  savedAt: number;
}

const Key = 'ocd.sessions';
const KeepFor = 24 * 60 * 60 * 1000;

function readAll(): Record<string, SavedSession> {
  try {
    const all = JSON.parse(localStorage.getItem(Key) ?? '{}') as Record<string, SavedSession>;
    const fresh: Record<string, SavedSession> = {};
    for (const [code, s] of Object.entries(all)) if (Date.now() - s.savedAt < KeepFor) fresh[code] = s;
    return fresh;
  } catch {
    return {};
  }
}

export function savedSession(code: string): SavedSession | null {
  return readAll()[code] ?? null;
}

export function latestSession(): SavedSession | null {
  return Object.values(readAll()).sort((a, b) => b.savedAt - a.savedAt)[0] ?? null;
}

export function saveSession(session: SavedSession): void {
  localStorage.setItem(Key, JSON.stringify({ ...readAll(), [session.code]: session }));
}

export function forgetSession(code: string): void {
  const all = readAll();
  delete all[code];
  localStorage.setItem(Key, JSON.stringify(all));
}
