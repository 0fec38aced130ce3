// The address students are shown: never the page's own when that is localhost, which phones can't reach.
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api';
import type { JoinAddressProblem, JoinAddressView } from '../contract';

/** Why the address shown needs the instructor's attention: `localhost` (shown instead of the page's), or why none is known. */
export type JoinWarning = 'localhost' | JoinAddressProblem | 'unknown';

export interface JoinTarget {
  /** Scheme, host and port students join at, or null when no address phones can use is known. */
  origin: string | null;
  /** What to print: the origin's host and port, or the page's when none is known. */
  host: string;
  warning: JoinWarning | null;
  /** This computer's other network addresses, when the first one is shown. */
  others: string[];
}

export interface PageAddress {
  origin: string;
  host: string;
  hostname: string;
}

/** Whether a host name is this computer's own: localhost, *.localhost, 127.0.0.0/8 or ::1. */
export function isLoopback(hostname: string): boolean {
  const name = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  return name === 'localhost' || name.endsWith('.localhost') || name === '::1' || /^127\.\d+\.\d+\.\d+$/.test(name);
}

/** The target for a page at `page`, from the server's answer (null when it couldn't be asked). */
export function joinTarget(view: JoinAddressView | null, page: PageAddress): JoinTarget {
  const at = (origin: string, warning: JoinWarning | null = null, others: string[] = []): JoinTarget => ({ origin, host: new URL(origin).host, warning, others });
  const unknown = (warning: JoinWarning): JoinTarget => ({ origin: null, host: page.host, warning, others: [] });
  if (view?.source === 'publicUrl' && view.url) return at(view.url);
  if (view?.source === 'network' && view.url) return at(view.url, 'localhost', view.networkUrls.filter((u) => u !== view.url));
  if (isLoopback(page.hostname)) return unknown(view?.problem ?? 'unknown');
  return at(page.origin);
}

let asked: Promise<JoinTarget> | null = null;
let known: JoinTarget | null = null;

/** The join target of this page, asked of the server once for every component that shows it; null until it answers. */
export function useJoinTarget(): JoinTarget | null {
  const [target, setTarget] = useState<JoinTarget | null>(known);
  useEffect(() => {
    let live = true;
    asked ??= api
      .joinAddress()
      .catch(() => null)
      .then((view) => (known = joinTarget(view, location)));
    void asked.then((t) => live && setTarget(t));
    return () => {
      live = false;
    };
  }, []);
  return target;
}

/** The link a QR code carries to one debate. */
export function joinLink(target: JoinTarget, code: string): string | null {
  return target.origin && `${target.origin}/j/${encodeURIComponent(code)}`;
}
