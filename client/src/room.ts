// Ties a page to one room: the connection feeds the reducer, and the stores feed the page.
import { type ConnectionStatus, type HubError, RoomConnection } from './connection';
import { type Action, reduce, type RoomState } from './state';
import { createStore, type Store } from './store';

export interface RoomSession {
  state: Store<RoomState | null>;
  status: Store<ConnectionStatus>;
  bindError: Store<HubError | null>;
  connection: RoomConnection;
  dispatch(action: Action): void;
}

export function createRoomSession(): RoomSession {
  const state = createStore<RoomState | null>(null);
  const status = createStore<ConnectionStatus>('connecting');
  const bindError = createStore<HubError | null>(null);
  const dispatch = (action: Action) => state.set((current) => reduce(current, action));
  const connection = new RoomConnection(
    dispatch,
    (next) => status.set(next),
    (error) => bindError.set(error),
  );
  return { state, status, bindError, connection, dispatch };
}

export { errorText } from './errors';
