/**
 * What the signed-in account may do, as the session answer lists it (`abilities`, decided by the
 * server from one table its routes enforce): the web offers a button, a filter or a page only when
 * the answer lists its ability, and keeps no role rule of its own.
 */
import type { Ability } from '../../../contract/abilities';
import type { User } from '../api/types';

export type { Ability };

export function can(user: Pick<User, 'abilities'> | null | undefined, ability: Ability): boolean {
  return !!user?.abilities.includes(ability);
}
