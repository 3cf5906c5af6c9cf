import { Global, Injectable, Module } from '@nestjs/common';

/**
 * The one source of "now" for case events, so that time is a dependency: the engine itself reads no
 * clock, and tests of time limits (a correction that waited three working days) can set the time.
 */
@Injectable()
export class ClockService {
  now(): Date {
    return new Date();
  }
}

@Global()
@Module({ providers: [ClockService], exports: [ClockService] })
export class ClockModule {}
