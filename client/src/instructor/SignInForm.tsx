import { useEffect, useState } from 'preact/hooks';
import { api } from '../api';
import type { Instructor } from '../contract';
import { useAction } from '../store';
import { useJoinTarget } from '../ui/joinAddress';
import { Notice } from '../ui/Notice';

export function SignInForm({ onSignedIn }: { onSignedIn: (me: Instructor) => void }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const { busy, error, run } = useAction();
  const [firstAccount, setFirstAccount] = useState(false);
  const target = useJoinTarget();
  useEffect(() => {
    api
      .setupStatus()
      .then((status) => setFirstAccount(status.needed))
      .catch(() => undefined);
  }, []);

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
        {firstAccount && (
          <Notice kind="info">
            <strong>No instructor account exists yet.</strong> Create the first one with the one-time setup link the server printed when it started (
            <code>/setup?token=…</code>), or on the server's computer run <code>dotnet run --project src/OpenClosedDebate.Server -- instructor add you@school.edu</code>{' '}
            (the README's "The first instructor").
          </Notice>
        )}
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
        Students don't need an account: they join {target?.origin ? <>at <strong>{target.host}</strong> </> : ''}with the code you show them.
      </p>
    </main>
  );
}
