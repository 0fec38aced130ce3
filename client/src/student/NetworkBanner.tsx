import { useEffect, useRef, useState } from 'preact/hooks';
import type { ConnectionStatus } from '../connection';
import { useStore } from '../store';
import { useOnline } from '../ui/online';
import { describe, outbox } from './outbox';

const BackFor = 8000;

function capital(text: string) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * Says plainly when the phone is offline (the browser's own events, not only the connection's slow
 * timeout), what is waiting to be sent, and once it is back, that what waited was saved.
 */
export function NetworkBanner({ status }: { status: ConnectionStatus }) {
  const online = useOnline();
  const box = useStore(outbox);
  const down = !online || status === 'offline' || status === 'reconnecting';
  const waited = useRef(new Set<number>());
  const [back, setBack] = useState(false);
  const wasDown = useRef(false);

  if (down) for (const w of box.waiting) waited.current.add(w.id);
  const stillWaiting = box.waiting.filter((w) => waited.current.has(w.id));
  const saved = box.saved.filter((s) => waited.current.has(s.id));

  useEffect(() => {
    if (down) {
      wasDown.current = true;
      setBack(false);
    } else if (wasDown.current && status === 'connected') {
      wasDown.current = false;
      setBack(true);
    }
  }, [down, status]);

  useEffect(() => {
    if (!back || stillWaiting.length > 0) return;
    const timer = window.setTimeout(() => {
      setBack(false);
      waited.current.clear();
    }, BackFor);
    return () => window.clearTimeout(timer);
  }, [back, stillWaiting.length]);

  if (down) {
    const waiting = box.waiting;
    const headline = online ? 'Reconnecting to the debate…' : "You're offline.";
    const what =
      waiting.length > 0
        ? `${capital(describe(waiting))} ${waiting.length === 1 ? 'is' : 'are'} waiting to be sent, and will go as soon as you're back.`
        : "Anything you write is kept on this phone until you're back.";
    return (
      <div class="net-banner net-banner--down" role="status" data-network="down">
        <strong>{headline}</strong> {what}
      </div>
    );
  }
  if (back) {
    const what =
      stillWaiting.length > 0
        ? `Sending ${describe(stillWaiting)}…`
        : saved.length > 0
          ? `${capital(describe(saved))} ${saved.length === 1 ? 'was' : 'were'} saved.`
          : 'Nothing was lost.';
    return (
      <div class="net-banner net-banner--back" role="status" data-network="back">
        <strong>Back online.</strong> {what}
      </div>
    );
  }
  return null;
}
