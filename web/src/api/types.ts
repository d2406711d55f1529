/**
 * Shapes of the API's answers (docs/architecture.md, the HTTP API), inferred from the route
 * contract in contract/: a change of a schema there changes these types.
 */
import type * as v from 'valibot';
import type { Role } from '../../../forms/engine/types';
import type { StateToneSchema } from '../../../contract/common';
import type { CreateEntrySchema, CreateOfferSchema, LifecycleInfoSchema } from '../../../contract/lifecycles';
import type {
  CreatableFromSchema,
  ListItemSchema,
  ListPageSchema,
  RecordActionSchema,
  RecordViewSchema,
  TimelineEventSchema,
} from '../../../contract/records';
import type { UserSchema, UserScopeSchema } from '../../../contract/session';
import type { UploadedFileSchema } from '../../../contract/files';

export type { Role };

// the kinds are defined once, for the worker and the web app alike
export { KINDS, type Kind } from '../../../contract/kinds';

export type UserScope = v.InferOutput<typeof UserScopeSchema>;
export type User = v.InferOutput<typeof UserSchema>;

/** Where a new record starts (the server's `create.entry`): a form with links, the lookup, or another record. */
export type CreateEntry = v.InferOutput<typeof CreateEntrySchema>;
/** Whether the signed-in user can create one now; when not, the server's reason. */
export type CreateOffer = v.InferOutput<typeof CreateOfferSchema>;
export type LifecycleInfo = v.InferOutput<typeof LifecycleInfoSchema>;
export type Lifecycles = Partial<Record<string, LifecycleInfo>>;
export type StateTone = v.InferOutput<typeof StateToneSchema>;

export type ListItem = v.InferOutput<typeof ListItemSchema>;
export type ListPage = v.InferOutput<typeof ListPageSchema>;
export type RecordAction = v.InferOutput<typeof RecordActionSchema>;
/** A record the viewer may start from the one shown: the button's label and its create page's links. */
export type CreatableFrom = v.InferOutput<typeof CreatableFromSchema>;
export type TimelineEvent = v.InferOutput<typeof TimelineEventSchema>;
export type RecordView = v.InferOutput<typeof RecordViewSchema>;

export interface FormResponse<D = unknown> {
  key: string;
  version: number;
  definition: D;
}

export type UploadedFile = v.InferOutput<typeof UploadedFileSchema>;
