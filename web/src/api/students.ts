/** A student's 基本信息 (GET/PUT /api/students/me/contact) and the employer's student lookup, typed from the contract. */
import type * as v from 'valibot';
import type { ContactBodySchema } from '../../../contract/session';
import type { LookupHitSchema, SavedStudentProfileSchema, StudentProfileSchema } from '../../../contract/students';

export type StudentProfile = v.InferOutput<typeof StudentProfileSchema>;
export type SavedStudentProfile = v.InferOutput<typeof SavedStudentProfileSchema>;
export type ContactBody = v.InferInput<typeof ContactBodySchema>;
export type LookupHit = v.InferOutput<typeof LookupHitSchema>;
