/** Query options shared by several screens (one key, one fetch, whoever asks first). */
import { queryOptions } from '@tanstack/react-query';
import { loadLifecycles } from './lifecycles';
import { queryKeys } from './query-keys';

/** The signed-in user's lifecycles (an admin has none to ask for: the home and header use `{}`). */
export function lifecyclesQuery(userId: string | undefined, enabled = true) {
  return queryOptions({ queryKey: queryKeys.lifecycles(userId), queryFn: () => loadLifecycles(), enabled: enabled && !!userId });
}
