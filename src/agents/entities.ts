import { AgentAuthorisation } from './agent-authorisation.entity.js';

/** The tables this module owns, registered by the composition root (src/schema.ts). */
export const agentsEntities = [AgentAuthorisation];
