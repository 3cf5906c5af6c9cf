import { Injectable, Logger, SetMetadata, type OnModuleInit } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import type { BusinessCalendar } from '@app/business-calendar';
import { decoratedMethods } from '../discovery/decorated-methods.js';

/** What changed in the calendar, handed to every listener inside the transaction that changes it. */
export interface CalendarChangeEvent {
  kind: 'official-year' | 'override-set' | 'override-removed';
  /** The first and last date whose working-day status or provisional mark may differ now. */
  from: string;
  to: string;
  /** The calendar version this change creates (see CalendarChange). */
  version: number;
  previous: BusinessCalendar;
  /** The calendar with the change, before it commits; CalendarService answers with it too within the transaction. */
  current: BusinessCalendar;
  /** The admin; null for a notice the application loaded at start-up. */
  actorId: string | null;
}

/** A listener answers how many cases it recomputed; throwing rolls the whole change back. */
export type CalendarChangeListener = (event: CalendarChangeEvent) => Promise<number>;

const CALENDAR_CHANGE_LISTENER = Symbol('CALENDAR_CHANGE_LISTENER');

/**
 * Marks a provider method `(event: CalendarChangeEvent) => Promise<number>` to be called whenever the
 * calendar changes, inside the same transaction (write through TransactionHost, as usual). The cases
 * module recomputes the deadlines of open cases whose counting touched [from, to], records it in each
 * case's history and notifies applicants whose dates moved; its count is `recomputedCases`.
 */
export const OnCalendarChange = () => SetMetadata(CALENDAR_CHANGE_LISTENER, true);

/** Finds every @OnCalendarChange method at start-up and calls them, in order, for each change. */
@Injectable()
export class CalendarListeners implements OnModuleInit {
  private readonly logger = new Logger(CalendarListeners.name);
  private listeners: { name: string; listener: CalendarChangeListener }[] = [];

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
  ) {}

  onModuleInit(): void {
    this.listeners = decoratedMethods<true, CalendarChangeListener>({ discovery: this.discovery, scanner: this.scanner, reflector: this.reflector }, CALENDAR_CHANGE_LISTENER).map(({ owner, method }) => ({ name: owner, listener: method }));
    this.logger.log(`${this.listeners.length} calendar change listener(s): ${this.listeners.map((l) => l.name).join(', ') || 'none'}`);
  }

  /** The cases recomputed by all listeners together. Sequential: they share one transaction and its connection. */
  async notify(event: CalendarChangeEvent): Promise<number> {
    let recomputed = 0;
    for (const { listener } of this.listeners) recomputed += await listener(event);
    return recomputed;
  }
}
