// The console's few pages, addressed by path so a reload stays put.
import { useEffect, useState } from 'preact/hooks';

export type Route =
  | { page: 'list' }
  | { page: 'debate'; id: string }
  | { page: 'review'; id: string }
  | { page: 'setup'; token: string };

export function parseRoute(path: string, search: string): Route {
  if (path.startsWith('/setup')) return { page: 'setup', token: new URLSearchParams(search).get('token') ?? '' };
  const review = /^\/instructor\/debates\/([0-9a-f-]{36})\/review\/?$/i.exec(path);
  if (review) return { page: 'review', id: review[1].toLowerCase() };
  const debate = /^\/instructor\/debates\/([0-9a-f-]{36})\/?$/i.exec(path);
  if (debate) return { page: 'debate', id: debate[1].toLowerCase() };
  return { page: 'list' };
}

let leaveGuard: (() => string | null) | null = null;

/**
 * While a page holds something unsaved, it says so here: moving to another console page then asks first, and
 * closing or reloading the tab gets the browser's own warning.
 */
export function guardLeaving(reason: (() => string | null) | null): void {
  leaveGuard = reason;
}

window.addEventListener('beforeunload', (e) => {
  if (leaveGuard?.()) e.preventDefault();
});

export function navigate(path: string): void {
  const reason = leaveGuard?.();
  if (reason && !window.confirm(reason)) return;
  history.pushState(null, '', path);
  window.dispatchEvent(new PopStateEvent('popstate'));
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.pathname, location.search));
  useEffect(() => {
    const onPop = () => setRoute(parseRoute(location.pathname, location.search));
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  return route;
}
