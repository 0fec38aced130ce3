import type { ConnectionStatus } from '../connection';
import { useOnline } from './online';

const labels: Record<ConnectionStatus, string> = {
  connecting: 'Connecting…',
  connected: 'Live',
  reconnecting: 'Reconnecting…',
  offline: 'Offline',
};

/** The live connection's state; the browser's own word that it is offline wins at once. */
export function ConnectionBadge({ status }: { status: ConnectionStatus }) {
  const shown = useOnline() ? status : 'offline';
  return (
    <span class={`connection connection--${shown}`} role="status" aria-live="polite" data-status={shown}>
      <span class="connection__dot" aria-hidden="true" />
      {labels[shown]}
    </span>
  );
}
