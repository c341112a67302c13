// Texts of a letter's actions and deadlines, mounted under `letterActions` in i18n/da.ts and i18n/en.ts.

export const letterActionsDa = {
  region: 'Handlinger i brevet',
  pay: 'Betal',
  selfService: 'Gå til selvbetjening',
  appointment: 'Aftale',
  other: 'Handling',
  addToCalendar: 'Tilføj til kalender',
  addToCalendarFor: 'Tilføj til kalender: {{label}}',
  calendarSaved: 'Aftalen er gemt som kalenderfil.',
  calendarDownloading: 'Kalenderfilen hentes.',
  when: 'Tid',
  where: 'Sted',
  status: 'Status',
  deadline: 'Frist {{date}}',
  noLink: 'Linket er ikke en sikker https-adresse og kan ikke åbnes.',
  deadlinesFolder: 'Frister',
  deadlinesFolderHint: 'Breve med kommende frister, snarest først',
};

export const letterActionsEn: typeof letterActionsDa = {
  region: 'Actions in the letter',
  pay: 'Pay',
  selfService: 'Go to self-service',
  appointment: 'Appointment',
  other: 'Action',
  addToCalendar: 'Add to calendar',
  addToCalendarFor: 'Add to calendar: {{label}}',
  calendarSaved: 'The appointment was saved as a calendar file.',
  calendarDownloading: 'The calendar file is being downloaded.',
  when: 'Time',
  where: 'Place',
  status: 'Status',
  deadline: 'Due {{date}}',
  noLink: 'The link is not a secure https address and cannot be opened.',
  deadlinesFolder: 'Deadlines',
  deadlinesFolderHint: 'Letters with upcoming deadlines, soonest first',
};
