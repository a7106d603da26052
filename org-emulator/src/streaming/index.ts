// The Streaming API's entry point: the REST side calls `registerStreamingRoutes(app, deps)` once
// and exposes the returned handle's fault hooks on its control endpoints.
import type { RegisterStreamingRoutes, StreamingHandle } from './deps.ts';

export type { StreamingDeps, StreamingHandle, RegisterStreamingRoutes } from './deps.ts';

export const registerStreamingRoutes: RegisterStreamingRoutes = (_app, _deps) => {
  // Placeholder until the Bayeux server lands: the contract is stable, the behaviour is not yet.
  const handle: StreamingHandle = {
    dropClients() {},
    restart() {},
    clientCount: () => 0,
    close: async () => {},
  };
  return handle;
};
