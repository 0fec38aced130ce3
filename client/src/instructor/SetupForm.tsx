import { useState } from 'preact/hooks';
import { api } from '../api';
import type { Instructor } from '../contract';
import { useAction } from '../store';
import { Notice } from '../ui/Notice';

/** Creates the first instructor with the one-time link the server logs when it has none. */
export function SetupForm({ token, onDone }: { token: string; onDone: (me: Instructor) => void }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const { busy, error, run } = useAction();

  async function submit(event: Event) {
    event.preventDefault();
    const me = await run(() => api.setup(token, email, password));
    if (me) onDone(me);
  }

  return (
    <main class="page page--narrow">
      <h1 class="brand">OpenClosed Debate</h1>
      <form class="card form" onSubmit={submit}>
        <h2>Create the first instructor</h2>
        <p>This link works once. Choose the e-mail and password you will sign in with.</p>
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
