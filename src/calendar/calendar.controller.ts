import { Body, Controller, Delete, Get, Param, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Public, Roles, type Caller } from '../auth/auth.decorators.js';
import { PageQuery, type Page } from '../http/pagination.js';
import { CalendarAdminService } from './calendar-admin.service.js';
import { AddWorkingDaysQuery, DateParam, DaysQuery, YearParam } from './calendar-params.dto.js';
import {
  CalendarChangePage,
  CalendarDaysView,
  CalendarYearsView,
  DayChangeView,
  LoadYearView,
  WorkingDayView,
  type CalendarChangeView,
} from './calendar-views.dto.js';
import { LoadYearDto, SetDayDto } from './calendar-write.dto.js';
import { CalendarService } from './calendar.service.js';

const BEYOND_HORIZON = { status: 422, description: '`calendar.beyond_horizon`: a date outside the loaded years and the two provisional ones; `year` names it' };

/** Reads are public (the portal shows deadlines and holidays); writes are the admin's. */
@ApiTags('calendar')
@Controller('calendar')
export class CalendarController {
  constructor(
    private readonly calendar: CalendarService,
    private readonly admin: CalendarAdminService,
  ) {}

  @Public()
  @Get('add-working-days')
  @ApiOkResponse({ type: WorkingDayView })
  @ApiResponse(BEYOND_HORIZON)
  @ApiOperation({ summary: 'The date a number of working days after another' })
  addWorkingDays(@Query() { from, days }: AddWorkingDaysQuery): Promise<WorkingDayView> {
    return this.calendar.addWorkingDays(from, days);
  }

  @Public()
  @Get('days')
  @ApiOkResponse({ type: CalendarDaysView })
  @ApiResponse(BEYOND_HORIZON)
  @ApiOperation({ summary: 'The days of a range: working or rest, and why' })
  days(@Query() { from, to }: DaysQuery): Promise<CalendarDaysView> {
    return this.calendar.days(from, to);
  }

  @Public()
  @Get('years')
  @ApiOkResponse({ type: CalendarYearsView, description: 'The years whose notice is loaded, and the provisional ones after them' })
  @ApiOperation({ summary: 'The years whose official notice is loaded, and the provisional ones' })
  years(): Promise<CalendarYearsView> {
    return this.calendar.years();
  }

  @Put('years/:year')
  @Roles('admin')
  @ApiBearerAuth()
  @ApiOkResponse({ type: LoadYearView, description: "Replaces the year's official days; recomputes the open cases they affect" })
  @ApiResponse({ status: 422, description: '`calendar.year_out_of_order`: before the first year, or a year after the next one' })
  @ApiOperation({ summary: "Load a year's official holiday notice" })
  loadYear(@Param() { year }: YearParam, @Body() body: LoadYearDto, @CurrentUser() caller: Caller): Promise<LoadYearView> {
    return this.admin.loadOfficialYear(year, body, caller.id);
  }

  @Put('days/:date')
  @Roles('admin')
  @ApiBearerAuth()
  @ApiOkResponse({ type: DayChangeView, description: 'The day as it now is' })
  @ApiResponse(BEYOND_HORIZON)
  @ApiOperation({ summary: 'Set a local change for one day (working or rest)' })
  setDay(@Param() { date }: DateParam, @Body() body: SetDayDto, @CurrentUser() caller: Caller): Promise<DayChangeView> {
    return this.admin.setOverride(date, body, caller.id);
  }

  @Delete('days/:date')
  @Roles('admin')
  @ApiBearerAuth()
  @ApiOkResponse({ type: DayChangeView, description: 'Removes the local change; the day as it now is' })
  @ApiResponse({ status: 404, description: '`calendar.no_override`: the day has no local change' })
  @ApiOperation({ summary: "Remove one day's local change" })
  removeDayOverride(@Param() { date }: DateParam, @CurrentUser() caller: Caller): Promise<DayChangeView> {
    return this.admin.removeOverride(date, caller.id);
  }

  @Get('changes')
  @Roles('admin')
  @ApiBearerAuth()
  @ApiOkResponse({ type: CalendarChangePage, description: 'Every change to the calendar, newest first; `version` numbers them' })
  @ApiOperation({ summary: "The calendar's changes, newest first" })
  changes(@Query() query: PageQuery): Promise<Page<CalendarChangeView>> {
    return this.admin.changes(query);
  }
}
