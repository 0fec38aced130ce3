import { useEffect, useState } from 'preact/hooks';
import { api } from '../api';
import type { Instructor } from '../contract';
import { useAction } from '../store';
import { Notice } from '../ui/Notice';

/** Creates the first instructor with the one-time link the server logs when it has none. */
export function SetupForm({ token, onDone }: { token: string; onDone: (me: Instructor) => void }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const { busy, error, run } = useAction();
  // Asked at once, so a used or stale link says so before anyone types a password.
  const [needed, setNeeded] = useState<boolean | null>(null);
  useEffect(() => {
    api
      .setupStatus()
      .then((status) => setNeeded(status.needed))
      .catch(() => setNeeded(true));
  }, []);

  async function submit(event: Event) {
    event.preventDefault();
    const me = await run(() => api.setup(token, email, password));
    if (me) onDone(me);
  }

  if (needed === false) {
    return (
      <main class="page page--narrow">
        <h1 class="brand">OpenClosed Debate</h1>
        <section class="card form">
          <h2>Setup is already done</h2>
          <p>An instructor account exists, so this link no longer works. Sign in instead; another instructor can be added from the command line.</p>
          <a class="button button--primary button--block" href="/instructor">
            Go to sign-in
          </a>
        </section>
      </main>
    );
  }

  return (
    <main class="page page--narrow">
      <h1 class="brand">OpenClosed Debate</h1>
      <form class="card form" onSubmit={submit}>
        <h2>Create the first instructor</h2>
        <p>This link works once. Choose the e-mail and password you will sign in with.</p>
        {!token && <Notice kind="error">This link has no token. Use the whole link the server printed when it started.</Notice>}
        {error && <Notice kind="error">{error}</Notice>}
        <label class="field">
          <span>E-mail</span>
          <input class="input" type="email" name="email" autoComplete="username" value={email} onInput={(e) => setEmail((e.target as HTMLInputElement).value)} required />
        </label>
        <label class="field">
          <span>Password (at least 10 characters)</span>
          <input
            class="input"
            type="password"
            name="password"
            autoComplete="new-password"
            minLength={10}
            value={password}
            onInput={(e) => setPassword((e.target as HTMLInputElement).value)}
            required
          />
        </label>
        <button class="button button--primary button--block" type="submit" disabled={busy}>
          Create account
        </button>
      </form>
    </main>
  );
}
