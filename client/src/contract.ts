// The client's view of the server's wire contract. Every type of it is generated from the server's OpenAPI document
// (client/contract/generate.mjs writes ./generated/contract.ts; the server's tests keep the document current), so
// nothing here repeats a shape the server defines. JSON names are camelCase; enums are camelCase strings.
// docs/protocol.md explains the rules.
import type * as Wire from './generated/contract';

export type * from './generated/contract';
export { Limits } from './generated/contract';

/**
 * A plan as the server sends it, with every field present. A plan sent to the server may leave out the fields that
 * have defaults (the document marks only the others required); the client always sends the whole plan it was given.
 */
export type RoundPlan = Required<Wire.RoundPlan>;
export type DebateSettings = Required<Wire.DebateSettings>;
export type DebatePlan = Required<Omit<Wire.DebatePlan, 'rounds' | 'settings'>> & { rounds: RoundPlan[]; settings: DebateSettings };
export type TemplateView = Omit<Wire.TemplateView, 'plan'> & { plan: DebatePlan };
export type DebateDetail = Omit<Wire.DebateDetail, 'plan'> & { plan: DebatePlan };

/** Hub methods the client calls, by wire name, with their arguments and results (null: none). */
export type HubMethods = Wire.HubMethods;

export type HubMethod = keyof HubMethods;

/** Methods the server calls on the client, by wire name, as handlers of their one argument. */
export type ClientMethods = { [K in keyof Wire.ClientMethods]: (argument: Wire.ClientMethods[K]['args'][0]) => void };

export const HubPath = '/hubs/debate';

export const MotionItems: Record<Wire.MotionChoice, string> = { for: 'for', against: 'against', undecided: 'undecided' };
