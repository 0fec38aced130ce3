import { useState } from 'preact/hooks';
import { api } from '../api';
import type { Instructor } from '../contract';
import { useAction } from '../store';
import { Notice } from '../ui/Notice';

export function SignInForm({ onSignedIn }: { onSignedIn: (me: Instructor) => void }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const { busy, error, run } = useAction();

  async function submit(event: Event) {
    event.preventDefault();
    const me = await run(() => api.signIn(email, password));
    if (me) onSignedIn(me);
  }

  return (
    <main class="page page--narrow">
      <h1 class="brand">OpenClosed Debate</h1>
      <form class="card form" onSubmit={submit}>
        <h2>Instructor sign-in</h2>
        {error && <Notice kind="error">{error}</Notice>}
        <label class="field">
          <span>E-mail</span>
          <input class="input" type="email" name="email" autoComplete="username" value={email} onInput={(e) => setEmail((e.target as HTMLInputElement).value)} required />
        </label>
        <label class="field">
          <span>Password</span>
          <input
            class="input"
            type="password"
            name="password"
            autoComplete="current-password"
            value={password}
            onInput={(e) => setPassword((e.target as HTMLInputElement).value)}
            required
          />
        </label>
        <button class="button button--primary button--block" type="submit" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
      <p class="hint">
        Students don't need an account: they join at <strong>{location.host}</strong> with the code you show them.
      </p>
    </main>
  );
}
