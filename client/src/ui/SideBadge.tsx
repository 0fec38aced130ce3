import type { Side } from '../contract';

/** A side's badge; with no side, `none` says why (by default "No side yet"). */
export function SideBadge({ side, large = false, none = 'No side yet' }: { side: Side | null; large?: boolean; none?: string }) {
  if (!side) return <span class="side side--none">{none}</span>;
  return (
    <span class={`side side--${side}${large ? ' side--large' : ''}`} data-side={side}>
      {side === 'open' ? 'OPEN' : 'CLOSED'}
    </span>
  );
}

export function sideName(side: Side): string {
  return side === 'open' ? 'Open' : 'Closed';
}
