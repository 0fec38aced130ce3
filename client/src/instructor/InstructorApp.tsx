import { useEffect, useState } from 'preact/hooks';
import { api, ApiError } from '../api';
import type { Instructor } from '../contract';
import { DebateList } from './DebateList';
import { DebatePage } from './DebatePage';
import { ReviewPage } from './review/ReviewPage';
import { navigate, useRoute } from './router';
import { SetupForm } from './SetupForm';
import { SignInForm } from './SignInForm';

export function InstructorApp() {
  const route = useRoute();
  const [me, setMe] = useState<Instructor | null | undefined>(undefined);

  useEffect(() => {
    api
      .me()
      .then(setMe)
      .catch((e) => setMe(e instanceof ApiError && e.status === 401 ? null : null));
  }, []);

  if (route.page === 'setup' && !me) {
    return (
      <SetupForm
        token={route.token}
        onDone={(account) => {
          setMe(account);
          navigate('/instructor');
        }}
      />
    );
  }
  if (me === undefined) return <p class="loading">Loading…</p>;
  if (me === null) return <SignInForm onSignedIn={setMe} />;

  async function signOut() {
    await api.signOut();
    setMe(null);
  }

  return (
    <div class="console">
      <header class="topbar topbar--console">
        <a class="brand brand--small" href="/instructor" onClick={(e) => (e.preventDefault(), navigate('/instructor'))}>
          OpenClosed Debate
        </a>
        <span class="topbar__user">
          {me.email}{' '}
          <button class="button button--link" type="button" onClick={signOut}>
            Sign out
          </button>
        </span>
      </header>
      {route.page === 'debate' ? <DebatePage key={route.id} id={route.id} /> : route.page === 'review' ? <ReviewPage key={route.id} id={route.id} /> : <DebateList />}
    </div>
  );
}
