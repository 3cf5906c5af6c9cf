import { RatingTicket } from './rating-ticket.entity.js';

/** The tables this module owns, registered by the composition root (src/schema.ts). */
export const ratingTicketsEntities = [RatingTicket];
