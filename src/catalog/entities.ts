import { Bundle } from './bundle.entity.js';
import { Department } from './department.entity.js';
import { ServiceItem } from './service-item.entity.js';

/** The tables this module owns, registered by the composition root (src/schema.ts). */
export const catalogEntities = [Department, ServiceItem, Bundle];
