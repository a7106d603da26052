// The parts `sync-service run` plugs into the service beyond planning and tasks: the dispatcher
// and the one-click unsubscribe route (issue 8 wires them here). Kept apart from the command so
// the command stays the same as parts are added.
import type { ServiceConfig } from '../config/index.ts';
import type { ServiceExtensions } from './serviceContext.ts';

export async function defaultExtensions(_config: ServiceConfig): Promise<ServiceExtensions> {
  return {};
}
