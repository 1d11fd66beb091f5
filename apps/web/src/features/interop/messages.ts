/* The words of the open-data imports (eForms notices), in both languages: i18n/feature-messages.ts merges them. */
const nl = {
  'imports.eforms.title': 'Aankondigingen inlezen (eForms)',
  'imports.eforms.lead':
    'Lees aankondigingen van TenderNed of TED in: één aankondiging (XML) of een ZIP-bestand met aankondigingen, tot 50 MB. Aanbestedingen uit de aankondigingen komen in de lijst van aanbestedingen en doen mee in het zoeken naar kansen voor sociale ondernemingen.',
  'imports.eforms.file': 'Bestand met aankondigingen',
  'imports.eforms.file.help': 'Een eForms-aankondiging (.xml) of een ZIP-bestand met aankondigingen (.zip).',
  'imports.eforms.file.required': 'Kies een bestand.',
  'imports.eforms.file.type': 'Kies een XML- of ZIP-bestand.',
  'imports.eforms.submit': 'Inlezen',
  'imports.eforms.progress': 'Inlezen: {progress}%',
  'imports.eforms.queued': 'Het bestand is ontvangen en wacht op verwerking.',
  'imports.eforms.failed':
    'Het inlezen is mislukt. Het wordt vanzelf nog eens geprobeerd; lukt het niet, probeer het later opnieuw.',
  'imports.eforms.done': 'Klaar: {file} is ingelezen.',
  'imports.eforms.result': 'Resultaat',
  'imports.eforms.notices': 'Aankondigingen in het bestand',
  'imports.eforms.tendersCreated': 'Nieuwe aanbestedingen',
  'imports.eforms.tendersUpdated': 'Bijgewerkte aanbestedingen',
  'imports.eforms.tendersUnchanged': 'Al ingelezen, ongewijzigd',
  'imports.eforms.awards': 'Gunningen',
  'imports.eforms.organisations': 'Aanbestedende diensten',
  'imports.eforms.toTenders': 'Bekijk de aanbestedingen uit aankondigingen',
  'imports.eforms.errors': 'Problemen ({total})',
  'imports.eforms.errors.none': 'Geen problemen gevonden: alle aankondigingen zijn ingelezen.',
  'imports.eforms.errors.lead':
    'Deze aankondigingen of onderdelen ervan zijn niet (helemaal) ingelezen. De melding komt uit de controle tegen de eForms-schema’s en is in het Engels.',
  'imports.eforms.errors.caption': 'Problemen per aankondiging',
  'imports.eforms.errors.notice': 'Aankondiging (bestand)',
  'imports.eforms.errors.path': 'Plaats in het bestand',
  'imports.eforms.errors.message': 'Melding (Engels)',
  'imports.eforms.errors.more': 'en {count} meer',
  'imports.eforms.another': 'Nog een bestand inlezen',
  'apiError.ZIP_TOO_LARGE':
    'Het ZIP-bestand is te groot uitgepakt of bevat te veel bestanden (hoogstens 20.000 bestanden, 512 MB).',
  'apiError.INVALID_ZIP': 'Het ZIP-bestand kan niet worden geopend. Controleer het bestand.',
  'apiError.EMPTY_UPLOAD': 'Het bestand is leeg.',
  'apiError.NO_NOTICES': 'Het ZIP-bestand bevat geen aankondigingen (XML-bestanden).',
  'apiError.UNSUPPORTED_MEDIA_TYPE': 'Kies een XML- of ZIP-bestand.',
} as const;

const en: Record<keyof typeof nl, string> = {
  'imports.eforms.title': 'Import notices (eForms)',
  'imports.eforms.lead':
    'Import notices from TenderNed or TED: one notice (XML) or a ZIP file of notices, up to 50 MB. The tenders of the notices appear in the list of tenders and take part in finding opportunities for social enterprises.',
  'imports.eforms.file': 'File of notices',
  'imports.eforms.file.help': 'An eForms notice (.xml) or a ZIP file of notices (.zip).',
  'imports.eforms.file.required': 'Choose a file.',
  'imports.eforms.file.type': 'Choose an XML or ZIP file.',
  'imports.eforms.submit': 'Import',
  'imports.eforms.progress': 'Importing: {progress}%',
  'imports.eforms.queued': 'The file has been received and is waiting to be processed.',
  'imports.eforms.failed':
    'The import failed. It is tried again by itself; if it keeps failing, try again later.',
  'imports.eforms.done': 'Done: {file} has been imported.',
  'imports.eforms.result': 'Result',
  'imports.eforms.notices': 'Notices in the file',
  'imports.eforms.tendersCreated': 'New tenders',
  'imports.eforms.tendersUpdated': 'Updated tenders',
  'imports.eforms.tendersUnchanged': 'Already imported, unchanged',
  'imports.eforms.awards': 'Awards',
  'imports.eforms.organisations': 'Contracting authorities',
  'imports.eforms.toTenders': 'View the tenders from notices',
  'imports.eforms.errors': 'Problems ({total})',
  'imports.eforms.errors.none': 'No problems found: every notice has been imported.',
  'imports.eforms.errors.lead':
    'These notices, or parts of them, were not (fully) imported. The messages come from the check against the eForms schemas.',
  'imports.eforms.errors.caption': 'Problems by notice',
  'imports.eforms.errors.notice': 'Notice (file)',
  'imports.eforms.errors.path': 'Place in the file',
  'imports.eforms.errors.message': 'Message',
  'imports.eforms.errors.more': 'and {count} more',
  'imports.eforms.another': 'Import another file',
  'apiError.ZIP_TOO_LARGE':
    'The ZIP file is too large unpacked or holds too many files (at most 20,000 files, 512 MB).',
  'apiError.INVALID_ZIP': 'The ZIP file cannot be opened. Check the file.',
  'apiError.EMPTY_UPLOAD': 'The file is empty.',
  'apiError.NO_NOTICES': 'The ZIP file holds no notices (XML files).',
  'apiError.UNSUPPORTED_MEDIA_TYPE': 'Choose an XML or ZIP file.',
};

export const interopMessages = { nl, en };
