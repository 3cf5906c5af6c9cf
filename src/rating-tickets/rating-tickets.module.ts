import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module.js';
import { RatingTicketsController } from './rating-tickets.controller.js';
import { RatingTicketsService } from './rating-tickets.service.js';

/** 差评 整改 (好差评 follow-up): owns `rating_ticket`. The rating path opens tickets through RatingTicketsService. */
@Module({
  imports: [CalendarModule],
  controllers: [RatingTicketsController],
  providers: [RatingTicketsService],
  exports: [RatingTicketsService],
})
export class RatingTicketsModule {}
