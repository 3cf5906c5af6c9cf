import helmet from 'helmet';

/**
 * helmet's headers, less `upgrade-insecure-requests`: over plain http on an intranet address (or a first
 * `npm start`) it would make the browser fetch the pages' own scripts over https and show a blank page.
 * Behind TLS it changes nothing, every URL of the pages being relative.
 */
export const securityHeaders = () => helmet({ contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } } });
