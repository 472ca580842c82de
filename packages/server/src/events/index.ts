/** The event log: its store and purge, the backend query, the SDK telemetry sink and the dev page. */
export { eventRoutes } from './routes.js';
export { startEventPurger, type EventInput } from './store.js';
export { createEventWriter, EVENT_FLUSH_MS, type EventWriter } from './writer.js';
