import { WebhookDelivery } from './webhook-delivery.entity.js';
import { WebhookSubscription } from './webhook-subscription.entity.js';

/** The tables this module owns, registered by the composition root (src/schema.ts). */
export const webhooksEntities = [WebhookSubscription, WebhookDelivery];
