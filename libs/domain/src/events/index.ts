export * from './candidates';
export * from './day-slots';
export * from './event-schedule.service';
export * from './events.errors';
export * from './events.module';
export * from './events.service';
export * from './ical';
export * from './scheduler';
