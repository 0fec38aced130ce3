/**
 * A live region for screen readers: whatever text it is given is read out when it changes. It is
 * visually hidden; the screen shows the same news in its own way.
 */
export function Announcer({ text }: { text: string }) {
  return (
    <p class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
      {text}
    </p>
  );
}
