import { useState } from 'preact/hooks';
import { type HubMethod, Limits } from '../contract';
import type { RoomSession } from '../room';
import { currentRound, type RoomState } from '../state';
import { useAction } from '../store';
import { Countdown } from '../ui/Countdown';
import { Notice } from '../ui/Notice';
import { ResultsPanel } from '../ui/ResultsPanel';
import { Ask, type AskRequest } from './Ask';
import { Comparison } from './Comparison';
import { Feed } from './Feed';
import { ModerationPanel } from './ModerationPanel';
import { EntryPanel } from './EntryPanel';
import { Roster } from './Roster';
import { inRoom, votedLine } from './roster';

/** The console while the debate runs: the clock and its controls, the live tally, the feed and the roster. */
export function RunPanel({ state, session }: { state: RoomState; session: RoomSession }) {
  const { error, run: act } = useAction();
  const [ask, setAsk] = useState<AskRequest | null>(null);
  const round = currentRound(state);
  const id = state.debate.id;
  const clock = state.clock;
  const last = clock.roundIndex === state.debate.rounds.length - 1;

  const run = (method: HubMethod, ...rest: unknown[]) =>
    act(() => (session.connection.invoke as (m: HubMethod, ...a: unknown[]) => Promise<unknown>)(method, id, ...rest));

  const next =
    clock.phase === 'argue' ? 'End arguing, start voting' : clock.phase === 'vote' ? 'Close voting, show results' : last ? 'Finish the debate' : 'Next round';
  const inTheRoom = Object.values(state.roster).filter(inRoom);
  const connected = inTheRoom.filter((p) => p.connected).length;
  const { counts } = state;

  return (
    <>
      <section class="run card">
        <div class="run__round">
          <p class="round__number">
            Round {(clock.roundIndex ?? 0) + 1} of {state.debate.rounds.length} · {round?.kind === 'argument' ? 'Argument round' : round?.kind === 'ranking' ? 'Ranking' : 'Motion vote'}
          </p>
          <h2 class="round__title">{round?.title}</h2>
          <p class="round__prompt">{round?.prompt}</p>
        </div>
        <div class="run__clock">
          <Countdown clock={clock} offset={state.offset} large />
          <div class="run__controls" role="group" aria-label="Clock controls">
            {clock.deadline || clock.paused ? (
              clock.paused ? (
                <button class="button" type="button" onClick={() => run('ResumeClock')}>
                  Resume
                </button>
              ) : (
                <button class="button" type="button" onClick={() => run('Pause')}>
                  Pause
                </button>
              )
            ) : null}
            {(clock.deadline || clock.paused) && (
              <>
                <button class="button" type="button" onClick={() => run('Extend', 30)}>
                  +30 s
                </button>
                <button class="button" type="button" onClick={() => run('Extend', 60)}>
                  +1 min
                </button>
              </>
            )}
            {clock.resultsPending && (
              <button class="button button--primary button--reveal" type="button" onClick={() => run('RevealResults')}>
                Reveal the results
              </button>
            )}
            <button class={`button${clock.resultsPending ? '' : ' button--primary'}`} type="button" onClick={() => run('Skip')}>
              {next}
            </button>
            <button class="button button--danger" type="button" onClick={() => confirm('End the debate now for everyone?') && run('End')}>
              End debate
            </button>
          </div>
        </div>
      </section>
      {error && <Notice kind="error">{error}</Notice>}

      <div class="run__grid">
        <div>
          {clock.phase === 'vote' && (
            <section class="card tally" aria-label="Live tally">
              <h3>
                Live tally <span class="hint">(only you see this)</span>
              </h3>
              <p class="tally__voted">{votedLine(counts.voted, counts.open + counts.closed + counts.unassigned, connected, counts.ballots - counts.voted)}</p>
              {state.tally && <ResultsPanel state={state} result={state.tally} />}
            </section>
          )}
          {clock.phase === 'results' && state.results[clock.roundIndex ?? -1] && (
            <section class="card">
              <h3>
                Results{' '}
                {clock.resultsPending && <span class="hint">(only you see them until you reveal them)</span>}
              </h3>
              <ResultsPanel state={state} result={state.results[clock.roundIndex!]} />
            </section>
          )}
          <ModerationPanel state={state} session={session} />
          {round?.kind === 'argument' && (
            <Feed
              state={state}
              session={session}
              roundIndex={clock.roundIndex!}
              onHide={(argumentId) =>
                setAsk({
                  title: 'Hide this argument',
                  label: 'Reason (kept in the transcript)',
                  confirm: 'Hide',
                  maxLength: Limits.reasonMaxLength,
                  onAnswer: (reason) => void run('HideArgument', argumentId, reason),
                })
              }
              onRestore={(argumentId) => run('RestoreArgument', argumentId)}
            />
          )}
          {Object.keys(state.results).length > 0 && <Comparison state={state} />}
        </div>
        <div>
          <Roster state={state} session={session} />
          <EntryPanel state={state} session={session} />
        </div>
      </div>
      <Ask request={ask} onClose={() => setAsk(null)} />
    </>
  );
}
