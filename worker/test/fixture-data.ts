/**
 * Test identities, valid by construction: the n-th student of a space of 2,013,984 gets an
 * 18-character 身份证号 (GB 11643, whose check character may be `X`), and every other identifier
 * is derived from n itself, so a field that must hold digits only ever holds digits.
 * No randomness here: callers choose n (see `fixtures.ts`, which draws it from the run's seed).
 */
import { creditCodeCheckChar, idNumberCheckChar } from '../../forms/engine';

const DAYS = 6 * 12 * 28;
/** Sequence codes 001–999 of one birth day: 000 is never issued (the import template's example uses it). */
export const PER_DAY = 999;

/** How many distinct students `idNumberAt` can make: 6 birth years × 12 months × 28 days × 999. */
export const ID_SPACE = DAYS * PER_DAY;

/** The n-th valid ID number (n in [0, ID_SPACE)): n → birth day (2000-01-01 …) and sequence. */
export function idNumberAt(n: number, region = '320106'): string {
  const i = ((n % ID_SPACE) + ID_SPACE) % ID_SPACE;
  const dayIndex = Math.floor(i / PER_DAY) % DAYS;
  const year = 2000 + Math.floor(dayIndex / 336);
  const month = String(1 + Math.floor((dayIndex % 336) / 28)).padStart(2, '0');
  const day = String(1 + (dayIndex % 28)).padStart(2, '0');
  const body = `${region}${year}${month}${day}${String((i % PER_DAY) + 1).padStart(3, '0')}`;
  return body + idNumberCheckChar(body);
}

/** The n that `idNumberAt` made an ID number from (its inverse, for tests of uniqueness). */
export function indexOfIdNumber(idNumber: string): number {
  const year = Number(idNumber.slice(6, 10)),
    month = Number(idNumber.slice(10, 12)),
    day = Number(idNumber.slice(12, 14));
  const dayIndex = (year - 2000) * 336 + (month - 1) * 28 + (day - 1);
  return dayIndex * PER_DAY + Number(idNumber.slice(14, 17)) - 1;
}

/** 7 digits naming n (ID_SPACE < 10^7): the part of every derived identifier that makes it unique. */
const serial = (n: number) => String(((n % ID_SPACE) + ID_SPACE) % ID_SPACE).padStart(7, '0');

/** 考生号: 14 digits — year 23, the first digits of region 320106, then the whole 7-digit serial, so it stays unique. */
export function examNoAt(n: number): string {
  return `2332010${serial(n)}`;
}

/** 学号: the enrolment year and the serial (11 digits). */
export function studentNoAt(n: number): string {
  return `2023${serial(n)}`;
}

/** A mobile number of the 139 range: 11 digits, unique per n. */
export function mobileAt(n: number): string {
  return `1390${serial(n)}`;
}

/** The source record (生源信息) of the n-th student, as a school imports it. */
export function sourceDataAt(n: number, region = '320106') {
  const idNumber = idNumberAt(n, region);
  return {
    name: '测试学生',
    idNumber,
    gender: Number(idNumber[16]) % 2 === 1 ? '1' : '2',
    mobile: mobileAt(n),
    cohort: 2027,
    college: '计算机科学与技术学院',
    major: '软件工程',
    education: '31',
    studentNo: studentNoAt(n),
    examNo: examNoAt(n),
    originRegion: region,
  };
}

/** A valid 统一社会信用代码 for the n-th test employer (n < 10^8). */
export function creditCodeAt(n: number): string {
  const first17 = `913201${String(n % 1e8).padStart(8, '0')}000`;
  return first17 + creditCodeCheckChar(first17)!;
}
