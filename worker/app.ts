/** The Hono application: middleware once, then one module per resource under /api. */
import { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import type { AppEnv } from './app-env';
import { notFoundApi, onError } from './http/on-error';
import { requireSecrets } from './middleware/require-secrets';
import { sameOriginWrites } from './middleware/same-origin-writes';
import { sessionMiddleware } from './middleware/session';
import { formRoutes } from './routes/forms';
import { healthRoutes } from './routes/health';
import { lifecycleRoutes } from './routes/lifecycles';
import { recordRoutes } from './routes/records';
import { sourceImportRoutes } from './routes/source-import';
import { studentRoutes } from './routes/students';
import { studentPrivacyRoutes } from './routes/student-privacy';
import { studentContactRoutes } from './routes/student-contact';
import { passwordResetRoutes } from './routes/password-resets';
import { destinationSettingsRoutes } from './routes/destination-settings';
import { destinationRoutes } from './routes/destinations';
import { statisticsRoutes } from './routes/statistics';
import { dispatchExportRoutes } from './routes/dispatch-export';
import { schoolProfileRoutes } from './routes/school-profile';
import { fileRoutes } from './routes/files';
import { agreementPreviewRoutes } from './routes/agreement-preview';
import { agreementPdfRoutes } from './routes/agreement-pdf';
import { verifyRoutes } from './routes/verify';
import { employerRoutes } from './routes/employers';
import { sessionRoutes } from './routes/session';
import { auditRoutes } from './routes/audit';
import { openApiRoutes } from './routes/openapi';
import { notificationRoutes } from './routes/notifications';
import { notificationOutboxRoutes } from './routes/notification-outbox';

const api = new Hono<AppEnv>()
  .route('/', healthRoutes)
  .route('/', openApiRoutes)
  .route('/', sessionRoutes)
  .route('/', lifecycleRoutes)
  .route('/', formRoutes)
  .route('/', sourceImportRoutes)
  .route('/', studentRoutes)
  .route('/', studentPrivacyRoutes)
  .route('/', studentContactRoutes)
  .route('/', passwordResetRoutes)
  .route('/', dispatchExportRoutes)
  .route('/', destinationSettingsRoutes)
  .route('/', destinationRoutes)
  .route('/', statisticsRoutes)
  .route('/', schoolProfileRoutes)
  .route('/', fileRoutes)
  .route('/', agreementPdfRoutes)
  .route('/', agreementPreviewRoutes)
  .route('/', employerRoutes)
  .route('/', auditRoutes)
  .route('/', notificationRoutes)
  .route('/', notificationOutboxRoutes)
  // generic record routes last: specific paths above win
  .route('/', recordRoutes);

export const app = new Hono<AppEnv>()
  .use(
    '*',
    secureHeaders({
      // The same policy as web/public/_headers, which covers the static app.
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        styleSrc: ["'self'", "'unsafe-inline'"],
      },
      xFrameOptions: 'DENY',
    }),
  )
  // a deployment without its session key answers 503 to everything rather than sign with a guessable one
  .use('*', requireSecrets)
  // every write, whatever its content type, from this site's own pages (or from no browser at all)
  .use('*', sameOriginWrites)
  .use('/api/*', async (c, next) => {
    await next();
    c.header('Cache-Control', c.res.headers.get('Cache-Control') ?? 'no-store');
  })
  .use('/api/*', sessionMiddleware)
  .route('/api', api)
  .route('/', verifyRoutes)
  .notFound(notFoundApi)
  .onError(onError);

export type ApiType = typeof api;
