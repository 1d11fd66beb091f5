// Meeting days (one chunk): the public list and day page with the registrant's part, and the host's screens.
export { DaySheetPage } from './DaySheetPage';
export { MeetingDayPage } from './MeetingDayPage';
export { MeetingDayResultsPage } from './MeetingDayResultsPage';
export { MeetingDaysPage } from './MeetingDaysPage';
export { OfficerMeetingDayPage } from './OfficerMeetingDayPage';
export { NewMeetingDayPage, OfficerMeetingDaysPage } from './OfficerMeetingDaysPage';
