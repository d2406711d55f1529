/** Every route of the HTTP API, in the order the worker matches them (specific paths before `/api/:kind…`). */
import { agreementRoutes } from './agreements';
import { destinationRoutes } from './destinations';
import { notificationRoutes } from './notifications';
import { accountRoutes } from './accounts';
import { fileRoutes } from './files';
import { formRoutes } from './forms';
import { lifecycleRoutes } from './lifecycles';
import { recordRoutes } from './records';
import type { RouteContract } from './route';
import { schoolRoutes } from './schools';
import { sessionRoutes } from './session';
import { sourceImportRoutes } from './source-import';
import { statisticsRoutes } from './statistics';
import { studentRoutes } from './students';
import { systemRoutes } from './system';

export const ROUTES: readonly RouteContract[] = [
  ...systemRoutes,
  ...sessionRoutes,
  ...lifecycleRoutes,
  ...formRoutes,
  ...sourceImportRoutes,
  ...studentRoutes,
  ...accountRoutes,
  ...schoolRoutes,
  ...fileRoutes,
  ...agreementRoutes,
  ...destinationRoutes,
  ...statisticsRoutes,
  ...notificationRoutes,
  ...recordRoutes,
];
