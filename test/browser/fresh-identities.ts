/**
 * Identities for one browser test file, valid by construction and unique within the run: the files
 * share one server, so each takes its own birth region for its 身份证号 (disjoint by construction),
 * and draws where to start from the run's seed (TEST_SEED), then counts on.
 */
import { ID_SPACE, creditCodeAt, idNumberAt, mobileAt } from '../../worker/test/fixture-data';
import { randomInt, seededRandom } from '../seed';

/** One birth region per browser test file that makes people (all districts of 南京). */
export const REGION_OF_FILE = {
  'source-record-chain': '320102',
  'form-editor': '320104',
  'employer-registration': '320105',
  'roster-as-typed': '320106',
  'record-timeline': '320111',
  'invitation-terms': '320113',
  'school-profile': '320114',
  'registration-licence': '320117',
  'review-flow': '320115',
  phones: '320116',
  feedback: '320118',
  destination: '320302',
  notifications: '320303',
  statistics: '320305',
  'local-mailbox': '320311',
} as const;

export function freshIdentities(file: keyof typeof REGION_OF_FILE) {
  const region = REGION_OF_FILE[file];
  // a start well inside the space, and a distinct lane of the credit-code and mobile serials per file
  let next = randomInt(seededRandom(`browser:${file}`), ID_SPACE - 100_000);
  const lane = Object.keys(REGION_OF_FILE).indexOf(file);
  const take = () => next++;
  return {
    idNumber: () => idNumberAt(take(), region),
    /** 11 digits; the file's lane keeps it apart from other files' numbers */
    mobile: () => `1${3 + Math.floor(lane / 10)}${lane % 10}${mobileAt(take()).slice(3)}`, // 130–139, then 140–149
    creditCode: () => creditCodeAt(lane * 10_000_000 + (take() % 10_000_000)),
    username: (prefix: string) => `${prefix}${take().toString(36)}`,
  };
}
