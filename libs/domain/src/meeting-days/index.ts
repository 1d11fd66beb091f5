export * from './candidates';
export * from './day-slots';
export * from './meeting-day-schedule.service';
export * from './meeting-days.errors';
export * from './meeting-days.module';
export * from './meeting-days.service';
export * from './ical';
export * from './scheduler';
