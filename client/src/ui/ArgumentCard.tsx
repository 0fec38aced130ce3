import type { ComponentChildren } from 'preact';
import type { ArgumentView } from '../contract';
import { SideBadge } from './SideBadge';

/** One argument. Its text is always rendered as text, never as HTML. */
export function ArgumentCard({
  argument,
  mine = false,
  reply = false,
  children,
}: {
  argument: ArgumentView;
  mine?: boolean;
  reply?: boolean;
  children?: ComponentChildren;
}) {
  return (
    <article
      class={`argument argument--${argument.side}${reply ? ' argument--reply' : ''}${argument.hidden ? ' argument--hidden' : ''}${argument.held && !argument.hidden ? ' argument--held' : ''}`}
      data-argument-id={argument.id}
    >
      <header class="argument__meta">
        <SideBadge side={argument.side} />
        <span class="argument__author">{argument.authorName}</span>
        {mine && <span class="argument__mine">you</span>}
        {reply && <span class="argument__kind">rebuttal</span>}
        {argument.withdrawn ? (
          <span class="argument__hidden">withdrawn: the author's data was removed</span>
        ) : (
          argument.hidden && <span class="argument__hidden">hidden: {argument.hiddenReason}</span>
        )}
        {argument.offBallot && <span class="argument__kind">approved after voting opened: not on the ballot</span>}
      </header>
      {argument.held && !argument.hidden && (
        <p class="argument__held" role="status">
          {mine ? "Waiting for your instructor's approval" : 'Waiting for the instructor’s approval'}
          {argument.held === 'wordFilter' && mine ? ': it contains a word the class filter holds back.' : '.'}
        </p>
      )}
      <p class="argument__text">{argument.text}</p>
      {children && <div class="argument__actions">{children}</div>}
    </article>
  );
}
