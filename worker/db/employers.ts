import { and, eq, ne } from 'drizzle-orm';
import { sameUsername } from './accounts';
import type { Db } from './client';
import { employers } from './schema';

/** Another employer already registered with this 统一社会信用代码 (the employer's identity). */
export async function creditCodeTaken(db: Db, creditCode: string, exceptEmployerId = ''): Promise<boolean> {
  const row = await db.query.employers.findFirst({
    columns: { id: true },
    where: and(eq(employers.creditCode, creditCode), ne(employers.id, exceptEmployerId)),
  });
  return row !== undefined;
}

/** Any account already has this username, ignoring letter case (`Admin` is taken by `admin`). */
export async function usernameTaken(db: Db, username: string): Promise<boolean> {
  const row = await db.query.accounts.findFirst({ columns: { id: true }, where: sameUsername(username) });
  return row !== undefined;
}
