import { app } from './app';

export default {
  fetch: app.fetch,
  async scheduled(_controller, _env, _ctx) {
    // Sweeps (expired invitations, orphan uploads) register here as their flows land.
  },
} satisfies ExportedHandler<Env>;
