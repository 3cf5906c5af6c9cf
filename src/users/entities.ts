import { User } from './user.entity.js';

/** The tables this module owns, registered by the composition root (src/schema.ts). */
export const usersEntities = [User];
