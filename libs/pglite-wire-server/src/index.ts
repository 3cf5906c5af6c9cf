export { PGliteWireServer, type WireServerOptions } from './pglite-wire-server.js';
