import type { ConnectionStatus } from '../connection';

const labels: Record<ConnectionStatus, string> = {
  connecting: 'Connecting…',
  connected: 'Live',
  reconnecting: 'Reconnecting…',
  offline: 'Offline — retrying',
};

export function ConnectionBadge({ status }: { status: ConnectionStatus }) {
  return (
    <span class={`connection connection--${status}`} role="status" aria-live="polite" data-status={status}>
      <span class="connection__dot" aria-hidden="true" />
      {labels[status]}
    </span>
  );
}
