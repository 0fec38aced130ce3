import type { ComponentChildren } from 'preact';

export function Notice({ kind = 'info', children }: { kind?: 'info' | 'error' | 'warning' | 'success'; children: ComponentChildren }) {
  return (
    <div class={`notice notice--${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}
