import { dayDate, parseTime, slotCount, slotTimes, timeOf } from './format';

describe('meeting-day times', () => {
  it('reads a time as a person types it, 24 hours', () => {
    expect(['9:00', '09:00', '09.30', '1405', '930', '23:59'].map(parseTime)).toEqual([
      '09:00',
      '09:00',
      '09:30',
      '14:05',
      '09:30',
      '23:59',
    ]);
    expect(['', '24:00', '9', '9:60', '9:00 AM', 'negen'].map(parseTime)).toEqual([
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
  });

  it('counts the whole slots between two times, as the API does', () => {
    expect(slotCount('09:00', '10:00', 20)).toBe(3);
    expect(slotCount('09:00', '10:10', 20)).toBe(3);
    expect(slotCount('09:00', '09:15', 20)).toBe(0);
    expect(slotCount('10:00', '09:00', 20)).toBe(0);
    expect(slotCount('09:00', '10:00', 0)).toBe(0);
  });

  it('names the slots of a day and the local time of a meeting', () => {
    expect(slotTimes({ startTime: '09:00', slotMinutes: 20, slots: 3 })).toEqual([
      { start: '09:00', end: '09:20' },
      { start: '09:20', end: '09:40' },
      { start: '09:40', end: '10:00' },
    ]);
    expect(timeOf('2027-06-11T09:20:00+02:00')).toBe('09:20');
  });

  it('writes the day with its weekday in Dutch and English', () => {
    expect(dayDate('2027-06-11', 'nl')).toBe('vrijdag 11 juni 2027');
    expect(dayDate('2027-06-11', 'en')).toMatch(/^Friday,? 11 June 2027$/);
  });
});
