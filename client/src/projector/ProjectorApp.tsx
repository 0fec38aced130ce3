import { useEffect } from 'preact/hooks';
import { createRoomSession } from '../room';
import { currentRound, type RoomState } from '../state';
import { useStore } from '../store';
import { ConnectionBadge } from '../ui/ConnectionBadge';
import { Countdown } from '../ui/Countdown';
import { QrCode } from '../ui/QrCode';
import { MethodWorking } from '../ui/MethodWorking';
import { methodNames } from '../ui/methods';
import { ResultChart } from './ResultChart';

const session = createRoomSession();

function codeFromPath(): string {
  return decodeURIComponent(/^\/projector\/([^/]+)/.exec(location.pathname)?.[1] ?? '').toUpperCase();
}

export function ProjectorApp() {
  const code = codeFromPath();
  const state = useStore(session.state);
  const status = useStore(session.status);
  const bindError = useStore(session.bindError);

  useEffect(() => {
    void session.connection.bind({ kind: 'projector', code });
  }, []);

  if (bindError) return <main class="projector projector--message"><p>{bindError.message}</p></main>;
  if (!state) return <main class="projector projector--message"><p>Connecting to {code}…</p></main>;

  return (
    <main class="projector">
      <header class="projector__bar">
        <h1 class="projector__motion">{state.debate.motion}</h1>
        <div class="projector__join">
          <span>{location.host}</span> <strong class="mono">{state.debate.joinCode}</strong>
        </div>
        <ConnectionBadge status={status} />
      </header>
      {state.debate.status === 'lobby' || state.debate.status === 'draft' ? (
        <Lobby state={state} />
      ) : state.debate.status === 'finished' ? (
        <Finished state={state} />
      ) : (
        <Running state={state} />
      )}
    </main>
  );
}

function Counts({ state }: { state: RoomState }) {
  return (
    <div class="projector__counts">
      <span class="tally-pill tally-pill--open">
        OPEN <strong>{state.counts.open}</strong>
      </span>
      <span class="tally-pill tally-pill--closed">
        CLOSED <strong>{state.counts.closed}</strong>
      </span>
      {state.counts.unassigned > 0 && (
        <span class="tally-pill">
          No side yet <strong>{state.counts.unassigned}</strong>
        </span>
      )}
    </div>
  );
}

function Lobby({ state }: { state: RoomState }) {
  const link = `${location.origin}/j/${state.debate.joinCode}`;
  return (
    <section class="projector__lobby">
      <div>
        <p class="projector__instruction">Join at</p>
        <p class="projector__host">{location.host}</p>
        <p class="projector__instruction">with the code</p>
        <p class="projector__code mono">{state.debate.joinCode}</p>
        <Counts state={state} />
        {state.locked && <p class="projector__locked">The room is locked.</p>}
      </div>
      <QrCode url={link} size={420} />
    </section>
  );
}

function Running({ state }: { state: RoomState }) {
  const round = currentRound(state)!;
  const phase = state.clock.phase;
  const result = state.results[round.index];
  const args = Object.values(state.arguments)
    .filter((a) => a.roundIndex === round.index)
    .sort((a, b) => b.postedAt.localeCompare(a.postedAt));
  return (
    <section class="projector__round">
      <div class="projector__head">
        <div>
          <p class="projector__number">
            Round {round.index + 1} of {state.debate.rounds.length}
          </p>
          <h2 class="projector__title">{round.title}</h2>
          <p class="projector__prompt">{round.prompt}</p>
          {round.scenario && <p class="projector__scenario">Scenario: {round.scenario.description}</p>}
        </div>
        <div class="projector__clock">
          <Countdown clock={state.clock} offset={state.offset} large />
          <Counts state={state} />
        </div>
      </div>
      {phase === 'argue' && (
        <div class="projector__feed">
          {(['open', 'closed'] as const).map((side) => (
            <div class={`projector__column projector__column--${side}`} key={side}>
              <h3>{side === 'open' ? 'OPEN' : 'CLOSED'}</h3>
              {args
                .filter((a) => a.side === side)
                .slice(0, 6)
                .map((a) => (
                  <blockquote class="projector__argument" key={a.id}>
                    <p>{a.text}</p>
                    <footer>
                      {a.authorName}
                      {a.replyToId ? ' · rebuttal' : ''}
                    </footer>
                  </blockquote>
                ))}
            </div>
          ))}
        </div>
      )}
      {phase === 'vote' && (
        <div class="projector__voting">
          <p class="projector__big">Voting is open</p>
          <p>
            {state.counts.ballots} {state.counts.ballots === 1 ? 'ballot' : 'ballots'} so far. Results appear when voting closes.
          </p>
        </div>
      )}
      {phase === 'results' &&
        (result ? (
          <div class="projector__results">
            <ResultChart state={state} result={result} />
            {result.ranking && (result.ranking.runoff || result.ranking.pairwise) && (
              <aside class="projector__working">
                <p class="projector__method">{methodNames[result.ranking.method]}</p>
                <MethodWorking state={state} ranking={result.ranking} large />
              </aside>
            )}
          </div>
        ) : (
          <p class="projector__big">Counting…</p>
        ))}
    </section>
  );
}

function Finished({ state }: { state: RoomState }) {
  const results = Object.values(state.results).sort((a, b) => a.roundIndex - b.roundIndex);
  const last = results.at(-1);
  const verdict = last?.persuasion?.winner;
  return (
    <section class="projector__finished">
      <p class="projector__big">
        {verdict === 'for' ? 'The motion carries' : verdict === 'against' ? 'The motion falls' : last?.persuasion ? 'A draw' : 'The debate is over'}
      </p>
      {last && <p class="projector__number">{state.debate.rounds[last.roundIndex]?.title}</p>}
      {last && <ResultChart state={state} result={last} />}
    </section>
  );
}
