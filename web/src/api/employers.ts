/** 用人单位注册: the public registration form and POST /api/employers. */
import type * as v from 'valibot';
import { api } from './client';
import type { RegisterBodySchema, RegisteredSchema } from '../../../contract/accounts';
import type { LoadedForm } from './forms';

export type Registered = v.InferOutput<typeof RegisteredSchema>;

export function loadRegistrationForm(): Promise<LoadedForm> {
  return api<LoadedForm>('/api/employers/form', { quiet401: true });
}

export function registerEmployer(body: v.InferInput<typeof RegisterBodySchema>): Promise<Registered> {
  return api<Registered>('/api/employers', { method: 'POST', body, quiet401: true });
}
