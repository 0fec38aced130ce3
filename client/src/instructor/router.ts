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

export function navigate(path: string): void {
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
