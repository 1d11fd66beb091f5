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
    'Deze aankondigingen of onderdelen ervan zijn niet (helemaal) ingelezen. Namen van XML-elementen staan zoals in het bestand.',
  'imports.eforms.errors.caption': 'Problemen per aankondiging',
  'imports.eforms.errors.notice': 'Aankondiging (bestand)',
  'imports.eforms.errors.path': 'Plaats in het bestand',
  'imports.eforms.errors.message': 'Wat er mis is',
  'imports.eforms.errors.more': 'en {count} meer',
  // One problem, worded from its code and params; XML names ({element}, <name>…</name>) are shown as code.
  'imports.eforms.problem.SCHEMA_UNEXPECTED_ELEMENT': 'Het element {element} hoort hier niet.',
  'imports.eforms.problem.SCHEMA_MISSING_ELEMENT': 'In {element} ontbreekt een verplicht element.',
  'imports.eforms.problem.SCHEMA_INVALID_VALUE': 'De waarde {value} is niet toegestaan in {element}.',
  'imports.eforms.problem.SCHEMA_INVALID_VALUE.noValue': 'De waarde van {element} is niet toegestaan.',
  'imports.eforms.problem.SCHEMA_INVALID_ATTRIBUTE':
    'Het attribuut {attribute} is niet toegestaan bij {element}.',
  'imports.eforms.problem.SCHEMA_MISSING_ATTRIBUTE':
    'Bij {element} ontbreekt het verplichte attribuut {attribute}.',
  'imports.eforms.problem.SCHEMA_TEXT_NOT_ALLOWED':
    'In {element} staat tekst, waar alleen elementen mogen staan.',
  'imports.eforms.problem.SCHEMA_ERROR': 'Het schema keurt het element {element} af.',
  'imports.eforms.problem.unknown': 'Het schema keurt dit onderdeel af: {path}.',
  'imports.eforms.problem.expected': 'Verwacht: {expected}.',
  'imports.eforms.problem.expectedMore': 'Verwacht: {expected} of een van {count} andere.',
  'imports.eforms.problem.type': 'Verwacht type: {type}.',
  'imports.eforms.problem.NOT_XML_FILE': 'Dit is geen XML-bestand; alleen .xml-bestanden worden ingelezen.',
  'imports.eforms.problem.NUL_CHARACTER': 'Het bestand bevat een NUL-teken en is dus geen XML-tekst.',
  'imports.eforms.problem.NOT_XML': 'Het bestand is geen geldige XML en is niet ingelezen.',
  'imports.eforms.problem.DOCTYPE_REFUSED':
    'De aankondiging bevat een documenttype- of entiteitdeclaratie (<name>DOCTYPE</name>, <name>ENTITY</name>). Dat is om veiligheidsredenen niet toegestaan; de aankondiging is niet gelezen.',
  'imports.eforms.problem.UNSUPPORTED_NOTICE':
    'Dit is geen aankondiging die kan worden ingelezen ({root}). Ingelezen worden: {expected}.',
  'imports.eforms.problem.EMPTY_IDENTIFIER':
    'Een kenmerk (<name>cbc:ID</name>) is leeg; de aankondiging is niet ingelezen.',
  'imports.eforms.problem.MISSING_PROCEDURE_ID':
    'Het kenmerk van de procedure (<name>cbc:ContractFolderID</name>) ontbreekt; de aankondiging is niet ingelezen.',
  'imports.eforms.problem.MISSING_NOTICE_TYPE':
    'De soort aankondiging (<name>cbc:NoticeTypeCode</name>) ontbreekt; de aankondiging is niet ingelezen.',
  'imports.eforms.problem.MISSING_BUYER_NAME':
    'De naam van de aanbestedende dienst ontbreekt; de aankondiging is niet ingelezen.',
  'imports.eforms.problem.MISSING_TITLE': 'De titel ontbreekt; de aankondiging is niet ingelezen.',
  'imports.eforms.problem.UNKNOWN_CPV_CODE': 'De CPV-code {code} bestaat niet en is weggelaten.',
  'imports.eforms.problem.LOT_WITHOUT_CPV':
    'Het perceel heeft geen CPV-code; de aankondiging is niet ingelezen.',
  'imports.eforms.problem.UNKNOWN_RESERVED_CODE':
    'De code {code} voor een voorbehouden opdracht is onbekend en is niet gebruikt.',
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
    'These notices, or parts of them, were not (fully) imported. XML element names are shown as in the file.',
  'imports.eforms.errors.caption': 'Problems by notice',
  'imports.eforms.errors.notice': 'Notice (file)',
  'imports.eforms.errors.path': 'Place in the file',
  'imports.eforms.errors.message': 'What is wrong',
  'imports.eforms.errors.more': 'and {count} more',
  'imports.eforms.problem.SCHEMA_UNEXPECTED_ELEMENT': 'The element {element} does not belong here.',
  'imports.eforms.problem.SCHEMA_MISSING_ELEMENT': 'A required element is missing in {element}.',
  'imports.eforms.problem.SCHEMA_INVALID_VALUE': 'The value {value} is not allowed in {element}.',
  'imports.eforms.problem.SCHEMA_INVALID_VALUE.noValue': 'The value of {element} is not allowed.',
  'imports.eforms.problem.SCHEMA_INVALID_ATTRIBUTE': 'The attribute {attribute} is not allowed on {element}.',
  'imports.eforms.problem.SCHEMA_MISSING_ATTRIBUTE':
    'The required attribute {attribute} is missing on {element}.',
  'imports.eforms.problem.SCHEMA_TEXT_NOT_ALLOWED':
    'There is text in {element}, where only elements are allowed.',
  'imports.eforms.problem.SCHEMA_ERROR': 'The schema rejects the element {element}.',
  'imports.eforms.problem.unknown': 'The schema rejects this part: {path}.',
  'imports.eforms.problem.expected': 'Expected: {expected}.',
  'imports.eforms.problem.expectedMore': 'Expected: {expected} or one of {count} more.',
  'imports.eforms.problem.type': 'Expected type: {type}.',
  'imports.eforms.problem.NOT_XML_FILE': 'This is not an XML file; only .xml files are imported.',
  'imports.eforms.problem.NUL_CHARACTER': 'The file contains a NUL character, so it is not XML text.',
  'imports.eforms.problem.NOT_XML': 'The file is not well-formed XML and has not been imported.',
  'imports.eforms.problem.DOCTYPE_REFUSED':
    'The notice contains a document type or entity declaration (<name>DOCTYPE</name>, <name>ENTITY</name>). For safety that is not allowed; the notice has not been read.',
  'imports.eforms.problem.UNSUPPORTED_NOTICE':
    'This is not a notice that can be imported ({root}). Imported are: {expected}.',
  'imports.eforms.problem.EMPTY_IDENTIFIER':
    'An identifier (<name>cbc:ID</name>) is empty; the notice has not been imported.',
  'imports.eforms.problem.MISSING_PROCEDURE_ID':
    'The procedure identifier (<name>cbc:ContractFolderID</name>) is missing; the notice has not been imported.',
  'imports.eforms.problem.MISSING_NOTICE_TYPE':
    'The notice type (<name>cbc:NoticeTypeCode</name>) is missing; the notice has not been imported.',
  'imports.eforms.problem.MISSING_BUYER_NAME':
    'The name of the contracting authority is missing; the notice has not been imported.',
  'imports.eforms.problem.MISSING_TITLE': 'The title is missing; the notice has not been imported.',
  'imports.eforms.problem.UNKNOWN_CPV_CODE': 'The CPV code {code} does not exist and has been left out.',
  'imports.eforms.problem.LOT_WITHOUT_CPV': 'The lot has no CPV code; the notice has not been imported.',
  'imports.eforms.problem.UNKNOWN_RESERVED_CODE':
    'The reserved-contract code {code} is unknown and has not been used.',
  'imports.eforms.another': 'Import another file',
  'apiError.ZIP_TOO_LARGE':
    'The ZIP file is too large unpacked or holds too many files (at most 20,000 files, 512 MB).',
  'apiError.INVALID_ZIP': 'The ZIP file cannot be opened. Check the file.',
  'apiError.EMPTY_UPLOAD': 'The file is empty.',
  'apiError.NO_NOTICES': 'The ZIP file holds no notices (XML files).',
  'apiError.UNSUPPORTED_MEDIA_TYPE': 'Choose an XML or ZIP file.',
};

export const interopMessages = { nl, en };
