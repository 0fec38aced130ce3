import { useRef } from 'preact/hooks';
import type { RoundView } from '../contract';
import type { RoomState } from '../state';
import { useFittedText } from '../ui/fit';

const kindNames = { argument: 'Argument round', ranking: 'Ranking', motionVote: 'Vote on the motion' } as const;

/** The round's number, title and (while arguing and voting) its prompt, the same in every phase. */
export function RoundHead({ state, round, showPrompt }: { state: RoomState; round: RoundView; showPrompt: boolean }) {
  return (
    <header class="projector__head">
      <p class="projector__number">
        Round {round.index + 1} of {state.debate.rounds.length} · {kindNames[round.kind]}
      </p>
      <h2 class="projector__title">{round.title}</h2>
      {showPrompt && <Prompt text={round.prompt} />}
      {showPrompt && round.scenario && <p class="projector__scenario">Scenario: {round.scenario.description}</p>}
    </header>
  );
}

function Prompt({ text }: { text: string }) {
  const element = useRef<HTMLParagraphElement>(null);
  const shown = useFittedText(element, text, '(The whole prompt is on your phones.)');
  return (
    <p class="projector__prompt" ref={element}>
      {shown}
    </p>
  );
}
