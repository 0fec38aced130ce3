// The REST API, for instructors.
import type { ReviewView, ComparisonView, CreateDebateRequest, DebateDetail, DebateListItem, DebatePlan, FieldError, Instructor, JoinAddressView, Problem, SetupStatus, TemplateView } from './contract';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code?: string,
    /** Every field a refused plan got wrong, keyed by its place in the plan (`rounds[2].voteSeconds`). */
    readonly fields: FieldError[] = [],
  ) {
    super(message);
  }
}

async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(path, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: 'same-origin',
  });
  if (!response.ok) {
    let problem: Partial<Problem> = {};
    try {
      problem = (await response.json()) as Problem;
    } catch {
      // No problem details: fall back to the status.
    }
    const fallback = response.status === 401 ? 'Please sign in.' : `The server answered ${response.status}.`;
    throw new ApiError(response.status, problem.title ?? fallback, problem.code, Array.isArray(problem.errors) ? problem.errors : []);
  }
  return response.status === 204 ? (undefined as T) : ((await response.json()) as T);
}

export const api = {
  me: () => call<Instructor>('GET', '/api/auth/me'),
  signIn: (email: string, password: string) => call<Instructor>('POST', '/api/auth/sign-in', { email, password }),
  signOut: () => call<void>('POST', '/api/auth/sign-out'),
  joinAddress: () => call<JoinAddressView>('GET', '/api/join-address'),
  setupStatus: () => call<SetupStatus>('GET', '/api/auth/setup'),
  setup: (token: string, email: string, password: string) => call<Instructor>('POST', '/api/auth/setup', { token, email, password }),
  templates: () => call<TemplateView[]>('GET', '/api/templates'),
  debates: () => call<DebateListItem[]>('GET', '/api/debates'),
  debate: (id: string) => call<DebateDetail>('GET', `/api/debates/${encodeURIComponent(id)}`),
  create: (request: CreateDebateRequest) => call<DebateDetail>('POST', '/api/debates', request),
  editPlan: (id: string, plan: DebatePlan) => call<DebateDetail>('PUT', `/api/debates/${encodeURIComponent(id)}/plan`, plan),
  duplicate: (id: string) => call<DebateDetail>('POST', `/api/debates/${encodeURIComponent(id)}/duplicate`),
  remove: (id: string) => call<void>('DELETE', `/api/debates/${encodeURIComponent(id)}`),
  review: (id: string) => call<ReviewView>('GET', `/api/debates/${encodeURIComponent(id)}/review`),
  erase: (id: string, participantId: string) => call<void>('POST', `/api/debates/${encodeURIComponent(id)}/participants/${encodeURIComponent(participantId)}/erase`),
  exportUrl: (id: string, file: 'transcript.md' | 'arguments.csv' | 'ballots.csv' | 'debate.json', share: boolean) =>
    `/api/debates/${encodeURIComponent(id)}/export/${file}${share ? '?share=true' : ''}`,
  comparison: (id: string) => call<ComparisonView>('GET', `/api/debates/${encodeURIComponent(id)}/comparison`),
};
