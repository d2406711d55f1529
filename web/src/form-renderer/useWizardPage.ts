/** The wizard's page, kept in the URL (?page=2) so a refresh stays on it. */
import { useCallback } from 'react';
import { setQueryParam, useLocation } from '../router';

export function useWizardPage(wizard: boolean, pageCount: number) {
  const { query } = useLocation();
  const pageParam = Number(query.get('page') ?? '1');
  const current = wizard ? Math.min(Math.max(Number.isInteger(pageParam) ? pageParam - 1 : 0, 0), pageCount - 1) : 0;
  const goTo = useCallback((i: number) => setQueryParam('page', i === 0 ? null : String(i + 1)), []);
  return { current, goTo };
}
