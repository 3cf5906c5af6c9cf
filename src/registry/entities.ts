import { RegistryChange } from './registry-change.entity.js';
import { RegistryEnterprise } from './registry-enterprise.entity.js';
import { RegistryImport } from './registry-import.entity.js';
import { RegistryPerson } from './registry-person.entity.js';

/** The tables this module owns, registered by the composition root (src/schema.ts). */
export const registryEntities = [RegistryImport, RegistryPerson, RegistryEnterprise, RegistryChange];
