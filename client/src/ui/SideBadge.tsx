import type { Side } from '../contract';

export function SideBadge({ side, large = false }: { side: Side | null; large?: boolean }) {
  if (!side) return <span class="side side--none">No side yet</span>;
  return (
    <span class={`side side--${side}${large ? ' side--large' : ''}`} data-side={side}>
      {side === 'open' ? 'OPEN' : 'CLOSED'}
    </span>
  );
}

export function sideName(side: Side): string {
  return side === 'open' ? 'Open' : 'Closed';
}
