import { useEffect, useRef, useState } from 'preact/hooks';

export interface AskRequest {
  title: string;
  label: string;
  initial?: string;
  confirm: string;
  maxLength: number;
  onAnswer: (answer: string) => void;
}

/** A small modal that asks for one line of text (a reason, a new name), built on <dialog>. */
export function Ask({ request, onClose }: { request: AskRequest | null; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [value, setValue] = useState('');

  useEffect(() => {
    if (request) {
      setValue(request.initial ?? '');
      if (!dialog.current?.open) dialog.current?.showModal();
    } else {
      dialog.current?.close();
    }
  }, [request]);

  return (
    <dialog ref={dialog} class="ask" onClose={onClose} aria-labelledby="ask-title">
      {request && (
        <form
          method="dialog"
          onSubmit={(e) => {
            e.preventDefault();
            if (value.trim()) request.onAnswer(value.trim());
            onClose();
          }}
        >
          <h2 id="ask-title">{request.title}</h2>
          <label class="field">
            <span>{request.label}</span>
            <input class="input" value={value} maxLength={request.maxLength} onInput={(e) => setValue((e.target as HTMLInputElement).value)} required autoFocus />
          </label>
          <div class="ask__buttons">
            <button class="button" type="button" onClick={onClose}>
              Cancel
            </button>
            <button class="button button--primary" type="submit">
              {request.confirm}
            </button>
          </div>
        </form>
      )}
    </dialog>
  );
}
