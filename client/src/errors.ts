// Turning any failure into a sentence a person can read.
import { HubError } from './connection';

export function errorText(error: unknown): string {
  if (error instanceof HubError) return error.message;
  if (error instanceof Error && error.message) return error.message;
  return 'Something went wrong. Please try again.';
}
