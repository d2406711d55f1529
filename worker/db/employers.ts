import { and, eq, ne } from 'drizzle-orm';
import { sameUsername } from './accounts';
import type { Write } from './batch';
import type { Db } from './client';
import { accounts, employers } from './schema';

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

type EmployerColumns = Omit<typeof employers.$inferInsert, 'id' | 'createdAt' | 'verified'>;

/** The write updating an employer's company details and whether the centre has verified them. */
export function updateEmployer(db: Db, employerId: string, columns: EmployerColumns & { verified: boolean }): Write {
  return db.update(employers).set(columns).where(eq(employers.id, employerId));
}

/** The writes of a self-registered employer: its row, not yet verified, and its account. */
export function insertRegisteredEmployer(
  db: Db,
  employer: EmployerColumns & { id: string; createdAt: string },
  account: Pick<typeof accounts.$inferInsert, 'id' | 'username' | 'passwordHash' | 'displayName' | 'phone'>,
): Write[] {
  return [
    db.insert(employers).values({ ...employer, verified: false }),
    db.insert(accounts).values({ ...account, role: 'employer', employerId: employer.id, createdAt: employer.createdAt }),
  ];
}
