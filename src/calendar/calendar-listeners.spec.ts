import { Injectable } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import { describe, expect, it } from 'vitest';
import { CalendarListeners, OnCalendarChange, type CalendarChangeEvent } from './calendar-listeners.js';

const seen: string[] = [];

@Injectable()
class CaseDeadlines {
  @OnCalendarChange()
  async recompute(event: CalendarChangeEvent): Promise<number> {
    seen.push(`cases ${event.from}..${event.to}`);
    return 3;
  }

  async unrelated(): Promise<number> {
    seen.push('unrelated');
    return 100;
  }
}

@Injectable()
class TaskDeadlines {
  @OnCalendarChange()
  async recompute(): Promise<number> {
    seen.push('tasks');
    return 2;
  }
}

describe('CalendarListeners', () => {
  it('finds every @OnCalendarChange method and sums what they recomputed', async () => {
    const module = await Test.createTestingModule({ imports: [DiscoveryModule], providers: [CalendarListeners, CaseDeadlines, TaskDeadlines] }).compile();
    await module.init();
    const event = { kind: 'official-year', from: '2027-01-01', to: '2027-12-31' } as CalendarChangeEvent;
    expect(await module.get(CalendarListeners).notify(event)).toBe(5);
    expect(seen.sort()).toEqual(['cases 2027-01-01..2027-12-31', 'tasks']);
    await module.close();
  });

  it('answers 0 with no listeners', async () => {
    const module = await Test.createTestingModule({ imports: [DiscoveryModule], providers: [CalendarListeners] }).compile();
    await module.init();
    expect(await module.get(CalendarListeners).notify({} as CalendarChangeEvent)).toBe(0);
    await module.close();
  });
});
