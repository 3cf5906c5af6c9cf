import { CertificateEvent } from './certificate-event.entity.js';
import { Certificate } from './certificate.entity.js';

/** The tables this module owns, registered by the composition root (src/schema.ts). */
export const certificatesEntities = [Certificate, CertificateEvent];
