import { term } from '@glossary';
import { formatDate, type Locale } from '../i18n/format';
import type { ApiError, InvalidParam } from './client';

/*
 * The API's errors in the reader's language, from their codes only: the problem's `code`, and for each bad field
 * its `invalidParams[].code` and `name`. The API's `detail` and `reason` are English sentences for developers and
 * are never shown. To word a new code, add it to ERROR_WORDS (both languages); a new validation rule goes in
 * RULE_WORDS, a new field name in FIELD_WORDS. A feature may also word a code in its messages (`apiError.<CODE>`):
 * useT() looks there first.
 */

type Words = Record<string, string>;

/** The problem's `code` → one sentence. `{reason}`, `{start}`, `{end}` are filled from the problem's members. */
export const ERROR_WORDS: Record<Locale, Words> = {
  nl: {
    VALIDATION_FAILED: 'Niet alle velden zijn goed ingevuld.',
    MALFORMED_JSON: 'Het verzoek kon niet worden gelezen. Laad de pagina opnieuw en probeer het nog eens.',
    UNAUTHORIZED: 'U bent uitgelogd. Log opnieuw in om verder te gaan.',
    INVALID_ACCESS_TOKEN: 'U bent uitgelogd. Log opnieuw in om verder te gaan.',
    INVALID_CREDENTIALS: 'Het e-mailadres of wachtwoord klopt niet.',
    FORBIDDEN: 'Dit mag niet met uw account.',
    NOT_OWNER: 'Dit mag niet met uw account.',
    NOT_FOUND: 'Dit bestaat niet (meer), of u heeft er geen toegang toe.',
    RATE_LIMITED: 'Te veel verzoeken achter elkaar. Wacht een minuut en probeer het opnieuw.',
    SERVICE_UNAVAILABLE: 'De dienst is even niet beschikbaar. Probeer het zo opnieuw.',
    INTERNAL_ERROR: 'Er ging iets mis aan onze kant. Probeer het later opnieuw.',
    PAYLOAD_TOO_LARGE: 'Wat u verstuurt is te groot.',
    WRITE_CONFLICT: 'Iemand anders wijzigde dit tegelijk met u. Probeer het opnieuw.',
    ILLEGAL_TRANSITION: 'Dit kan niet in de huidige status. Laad de pagina opnieuw voor de laatste stand.',
    TENDER_NOT_EDITABLE: 'Deze aanbesteding kan in deze status niet meer worden gewijzigd.',
    TENDER_READ_ONLY: 'Deze aanbesteding komt uit open data (OCDS) en kan hier niet worden gewijzigd.',
    TENDER_NOT_ACTIVE: 'Deze aanbesteding loopt niet (meer).',
    TENDER_NOT_AWARDED: 'Deze aanbesteding is nog niet gegund.',
    POLICY_ALREADY_PUBLISHED: 'Een gepubliceerd beleid verandert niet meer. Maak een nieuwe versie.',
    POLICY_NOT_PUBLISHED: 'Alleen een gepubliceerd beleid kan aan een aanbesteding worden gekoppeld.',
    POLICY_VERSION_TAKEN: 'Dit beleid heeft al een versie met die naam.',
    POLICY_INVALID: 'Het beleid klopt niet: controleer de bouwblokken en percentages.',
    QUOTE_EXPIRED: 'Deze offerte is verlopen.',
    DUPLICATE_INVOICE: 'Een factuur met dit nummer is al opgevoerd.',
    INVOICE_DATE_IN_FUTURE:
      'De factuurdatum ligt na vandaag: een factuur telt vanaf de dag dat ze is verstuurd.',
    INVOICE_DATE_IN_FUTURE_DATES:
      'De factuurdatum ({date}) ligt na vandaag ({today}): een factuur telt vanaf de dag dat ze is verstuurd.',
    ALREADY_REVIEWED: 'Deze bijdrage is al beoordeeld.',
    OBLIGATION_WAIVED: 'Deze verplichting is kwijtgescholden.',
    VERIFIED_VALUE_TOO_HIGH: 'De goedgekeurde waarde kan niet hoger zijn dan de opgevoerde waarde.',
    NOT_COUNTABLE: 'Deze bijdrage telt niet mee onder het beleid van deze aanbesteding: {reason}.',
    NOT_COUNTABLE_PERIOD:
      'Deze bijdrage telt niet mee: de datum valt buiten de contractperiode ({start} tot en met {end}).',
    PERSON_ALREADY_COUNTED: 'Deze persoon telt in deze periode al (voltijds) mee.',
    PERSON_TOKEN_LOOKS_PERSONAL: 'Gebruik een pseudoniem: geen BSN, naam of e-mailadres.',
    CONTRIBUTION_INVALID: 'Deze bijdrage is niet volledig of klopt niet.',
    UNKNOWN_CPV_CODE: 'Deze code staat niet in de CPV-lijst.',
    INVALID_CPV_CODE: 'Deze code staat niet in de CPV-lijst.',
    UNKNOWN_POSTCODE: 'Deze postcode is niet bekend.',
    RADIUS_WITHOUT_POSTCODE: 'Vul een postcode in om op afstand te zoeken.',
    DISTANCE_SORT_WITHOUT_POSTCODE: 'Vul een postcode in om op afstand te sorteren.',
    REPORT_NOT_READY: 'Het rapport is nog niet klaar. Probeer het zo opnieuw.',
    INVALID_PERIOD: 'De einddatum mag niet voor de begindatum liggen.',
    INVALID_DEADLINE: 'Kies een datum in de toekomst.',
    EMAIL_TAKEN: 'Er is al een account met dit e-mailadres.',
    KVK_NUMBER_TAKEN: 'Er is al een organisatie met dit KvK-nummer.',
    ALREADY_EXISTS: 'Dit bestaat al.',
    NOT_A_SOCIAL_ENTERPRISE: 'Deze organisatie is geen sociale onderneming.',
    CERTIFICATION_NOT_ALLOWED: 'Deze organisatie kan dit certificaat niet vastleggen.',
    ROLE_NOT_ALLOWED_FOR_ORGANISATION: 'Deze rol past niet bij deze soort organisatie.',
    FTE_INCONSISTENT: 'Het aantal fte uit de doelgroep kan niet groter zijn dan het totaal.',
    INVALID_CURSOR: 'De lijst is intussen veranderd. Laad de pagina opnieuw.',
    IMPORT_REJECTED: 'Het bestand kon niet worden ingelezen.',
    INVALID_RELEASE_PACKAGE: 'Dit is geen geldig OCDS-bestand.',
    UNSUBSCRIBE_TOKEN_EXPIRED: 'Deze afmeldlink is verlopen. Log in om uw e-mailinstellingen te wijzigen.',
    UNSUBSCRIBE_TOKEN_INVALID: 'Deze afmeldlink klopt niet. Log in om uw e-mailinstellingen te wijzigen.',
    NOTHING_TO_MARK: 'Er is niets om als gelezen te markeren.',
  },
  en: {
    VALIDATION_FAILED: 'Not every field is filled in correctly.',
    MALFORMED_JSON: 'The request could not be read. Reload the page and try again.',
    UNAUTHORIZED: 'You have been signed out. Sign in again to continue.',
    INVALID_ACCESS_TOKEN: 'You have been signed out. Sign in again to continue.',
    INVALID_CREDENTIALS: 'The email address or password is not right.',
    FORBIDDEN: 'Your account is not allowed to do this.',
    NOT_OWNER: 'Your account is not allowed to do this.',
    NOT_FOUND: 'This does not exist (any more), or you have no access to it.',
    RATE_LIMITED: 'Too many requests in a row. Wait a minute and try again.',
    SERVICE_UNAVAILABLE: 'The service is briefly unavailable. Please try again shortly.',
    INTERNAL_ERROR: 'Something went wrong on our side. Please try again later.',
    PAYLOAD_TOO_LARGE: 'What you are sending is too large.',
    WRITE_CONFLICT: 'Someone else changed this at the same time. Please try again.',
    ILLEGAL_TRANSITION: 'This is not possible in the current status. Reload the page for the latest state.',
    TENDER_NOT_EDITABLE: 'This tender can no longer be changed in its current status.',
    TENDER_READ_ONLY: 'This tender was imported from open data (OCDS) and cannot be changed here.',
    TENDER_NOT_ACTIVE: 'This tender is not active (any more).',
    TENDER_NOT_AWARDED: 'This tender has not been awarded yet.',
    POLICY_ALREADY_PUBLISHED: 'A published policy does not change. Create a new version.',
    POLICY_NOT_PUBLISHED: 'Only a published policy can be attached to a tender.',
    POLICY_VERSION_TAKEN: 'This policy already has a version with that name.',
    POLICY_INVALID: 'The policy is not valid: check its building blocks and percentages.',
    QUOTE_EXPIRED: 'This quote has expired.',
    DUPLICATE_INVOICE: 'An invoice with this number has already been recorded.',
    INVOICE_DATE_IN_FUTURE: 'The invoice date is after today: an invoice counts from the day it is sent.',
    INVOICE_DATE_IN_FUTURE_DATES:
      'The invoice date ({date}) is after today ({today}): an invoice counts from the day it is sent.',
    ALREADY_REVIEWED: 'This contribution has already been reviewed.',
    OBLIGATION_WAIVED: 'This obligation was waived.',
    VERIFIED_VALUE_TOO_HIGH: 'The verified value cannot be higher than the claimed value.',
    NOT_COUNTABLE: "This contribution does not count under this tender's policy: {reason}.",
    NOT_COUNTABLE_PERIOD:
      'This contribution does not count: its date is outside the contract period ({start} to {end}).',
    PERSON_ALREADY_COUNTED: 'This person already counts (full time) in this period.',
    PERSON_TOKEN_LOOKS_PERSONAL: 'Use a pseudonym: no BSN, name or email address.',
    CONTRIBUTION_INVALID: 'This contribution is incomplete or not valid.',
    UNKNOWN_CPV_CODE: 'This code is not in the CPV list.',
    INVALID_CPV_CODE: 'This code is not in the CPV list.',
    UNKNOWN_POSTCODE: 'This postcode is not known.',
    RADIUS_WITHOUT_POSTCODE: 'Enter a postcode to search by distance.',
    DISTANCE_SORT_WITHOUT_POSTCODE: 'Enter a postcode to sort by distance.',
    REPORT_NOT_READY: 'The report is not ready yet. Please try again shortly.',
    INVALID_PERIOD: 'The end date must not be before the start date.',
    INVALID_DEADLINE: 'Choose a date in the future.',
    EMAIL_TAKEN: 'There already is an account with this email address.',
    KVK_NUMBER_TAKEN: 'There already is an organisation with this KvK number.',
    ALREADY_EXISTS: 'This already exists.',
    NOT_A_SOCIAL_ENTERPRISE: 'This organisation is not a social enterprise.',
    CERTIFICATION_NOT_ALLOWED: 'This organisation cannot record this certificate.',
    ROLE_NOT_ALLOWED_FOR_ORGANISATION: 'This role does not fit this kind of organisation.',
    FTE_INCONSISTENT: 'The FTE from the target group cannot be more than the total.',
    INVALID_CURSOR: 'The list has changed in the meantime. Reload the page.',
    IMPORT_REJECTED: 'The file could not be read.',
    INVALID_RELEASE_PACKAGE: 'This is not a valid OCDS file.',
    UNSUBSCRIBE_TOKEN_EXPIRED: 'This unsubscribe link has expired. Sign in to change your email settings.',
    UNSUBSCRIBE_TOKEN_INVALID: 'This unsubscribe link is not valid. Sign in to change your email settings.',
    NOTHING_TO_MARK: 'There is nothing to mark as read.',
  },
};

/** A code no table words, by its shape: `*_NOT_FOUND`, `*_TAKEN`, `ALREADY_*`, `INVALID_*`. */
const SHAPES: Record<Locale, [RegExp, string][]> = {
  nl: [
    [/_NOT_FOUND$/, 'Dit bestaat niet (meer), of u heeft er geen toegang toe. Laad de pagina opnieuw.'],
    [/(_TAKEN$|^ALREADY_)/, 'Dit bestaat al of is al gedaan.'],
    [/^(INVALID_|UNKNOWN_)/, 'Een van de ingevulde waarden klopt niet.'],
    [/_(CLOSED|LOCKED|NOT_EDITABLE)$/, 'Dit kan niet meer: het is gesloten of vastgelegd.'],
  ],
  en: [
    [/_NOT_FOUND$/, 'This does not exist (any more), or you have no access to it. Reload the page.'],
    [/(_TAKEN$|^ALREADY_)/, 'This already exists or has already been done.'],
    [/^(INVALID_|UNKNOWN_)/, 'One of the values you entered is not valid.'],
    [/_(CLOSED|LOCKED|NOT_EDITABLE)$/, 'This is no longer possible: it is closed or fixed.'],
  ],
};

/** The sentence for a code nothing words: the request id is shown beside it (ErrorAlert). */
export const UNKNOWN_ERROR: Record<Locale, string> = {
  nl: 'Dit lukte niet. Controleer wat u heeft ingevuld en probeer het opnieuw; blijft het misgaan, neem dan contact op met de helpdesk.',
  en: 'This did not work. Check what you entered and try again; if it keeps failing, contact the helpdesk.',
};

/**
 * A validation rule (class-validator's name, `isNotEmpty`, or the API's own, `is_cpv_code`; matched in snake_case)
 * → the message at the field. `{n}` is the rule's number (a length, a minimum), when the API states one.
 */
export const RULE_WORDS: Record<Locale, Words> = {
  nl: {
    is_not_empty: 'Dit veld is verplicht',
    is_defined: 'Dit veld is verplicht',
    is_email: 'Vul een geldig e-mailadres in',
    iso_date: 'Vul een geldige datum in',
    is_date_string: 'Vul een geldige datum in',
    is_int: 'Vul een heel getal in',
    is_number: 'Vul een getal in',
    is_in: 'Kies een van de mogelijkheden',
    is_enum: 'Kies een van de mogelijkheden',
    is_cpv_code: 'Kies een code uit de CPV-lijst',
    is_uuid: 'Kies een bestaande organisatie of een item uit de lijst',
    is_string: 'Vul tekst in',
    is_boolean: 'Kies ja of nee',
    is_array: 'Kies een of meer mogelijkheden',
    is_object: 'Dit veld is niet goed ingevuld',
    is_url: 'Vul een geldig webadres in, zoals https://www.voorbeeld.nl',
    max_length: 'Maximaal {n} tekens',
    min_length: 'Minstens {n} tekens',
    min: 'Minstens {n}',
    max: 'Hoogstens {n}',
    array_min_size: 'Kies er minstens {n}',
    array_max_size: 'Hoogstens {n}',
    array_unique: 'Elke waarde mag maar één keer voorkomen',
    array_not_empty: 'Kies er minstens één',
    matches: 'Deze waarde heeft niet de juiste vorm',
    equals: 'Deze waarde is niet toegestaan',
    unknown_field: 'Dit veld hoort niet bij dit formulier',
    unpaired_surrogate: 'Deze tekst bevat een teken dat niet kan worden opgeslagen',
    nul_character: 'Deze tekst bevat een teken dat niet kan worden opgeslagen',
    invalid_text: 'Deze tekst bevat een teken dat niet kan worden opgeslagen',
    too_deep: 'Dit veld is niet goed ingevuld',
    not_an_object: 'Dit veld is niet goed ingevuld',
    unreadable: 'Deze waarde kon niet worden gelezen',
    amount_out_of_range: 'Dit bedrag is te groot of te klein',
    invalid_period: 'De einddatum mag niet voor de begindatum liggen',
    invalid: 'Deze waarde klopt niet',
  },
  en: {
    is_not_empty: 'This field is required',
    is_defined: 'This field is required',
    is_email: 'Enter a valid email address',
    iso_date: 'Enter a valid date',
    is_date_string: 'Enter a valid date',
    is_int: 'Enter a whole number',
    is_number: 'Enter a number',
    is_in: 'Choose one of the options',
    is_enum: 'Choose one of the options',
    is_cpv_code: 'Choose a code from the CPV list',
    is_uuid: 'Choose an existing organisation or an item from the list',
    is_string: 'Enter text',
    is_boolean: 'Choose yes or no',
    is_array: 'Choose one or more options',
    is_object: 'This field is not filled in correctly',
    is_url: 'Enter a valid web address, such as https://www.example.com',
    max_length: 'At most {n} characters',
    min_length: 'At least {n} characters',
    min: 'At least {n}',
    max: 'At most {n}',
    array_min_size: 'Choose at least {n}',
    array_max_size: 'At most {n}',
    array_unique: 'Each value may appear only once',
    array_not_empty: 'Choose at least one',
    matches: 'This value does not have the right form',
    equals: 'This value is not allowed',
    unknown_field: 'This field does not belong to this form',
    unpaired_surrogate: 'This text holds a character that cannot be stored',
    nul_character: 'This text holds a character that cannot be stored',
    invalid_text: 'This text holds a character that cannot be stored',
    too_deep: 'This field is not filled in correctly',
    not_an_object: 'This field is not filled in correctly',
    unreadable: 'This value could not be read',
    amount_out_of_range: 'This amount is too large or too small',
    invalid_period: 'The end date must not be before the start date',
    invalid: 'This value is not valid',
  },
};

/** Rules without a number in their words, when the API's reason states none. */
const RULE_WITHOUT_NUMBER: Record<Locale, Words> = {
  nl: {
    max_length: 'Deze tekst is te lang',
    min_length: 'Deze tekst is te kort',
    min: 'Deze waarde is te laag',
    max: 'Deze waarde is te hoog',
    array_min_size: 'Kies er meer',
    array_max_size: 'Dit zijn er te veel',
  },
  en: {
    max_length: 'This text is too long',
    min_length: 'This text is too short',
    min: 'This value is too low',
    max: 'This value is too high',
    array_min_size: 'Choose more',
    array_max_size: 'These are too many',
  },
};

/**
 * A field's name as the forms label it: by its path without positions (`items[].description`), else by its last
 * member (`description`). A position becomes "(regel 1)" after the name.
 */
export const FIELD_WORDS: Record<Locale, Words> = {
  nl: {
    title: 'Titel',
    name: 'Naam',
    description: 'Omschrijving',
    'items[].description': 'Omschrijving',
    'items[].cpvCode': 'CPV-code',
    items: 'Onderdelen',
    cpvCode: 'CPV-code',
    cpvCodes: 'CPV-codes',
    mainProcurementCategory: 'Soort opdracht',
    estimatedValueCents: 'Geschatte waarde',
    deliveryPostcode: 'Uitvoeringslocatie',
    tenderPeriodEnd: 'Inschrijven tot',
    contractPeriod: 'Looptijd',
    'contractPeriod.startDate': 'Begindatum',
    'contractPeriod.endDate': 'Einddatum',
    labourShare: 'Loonaandeel',
    sroi: 'Social return',
    'sroi.policyId': 'SROI-beleid',
    'sroi.percentage': 'Percentage',
    policyId: 'SROI-beleid',
    percentage: 'Percentage',
    version: 'Versie',
    validFrom: 'Geldig vanaf',
    validUntil: 'Geldig tot en met',
    blocks: 'Bouwblokken',
    'blocks[].code': 'Code van het bouwblok',
    'blocks[].unit': 'Eenheid',
    'blocks[].valueCents': 'Waarde',
    'blocks[].maxCountMonths': 'Max. maanden',
    'blocks[].category': 'Soort',
    'blocks[].targetGroup': 'Doelgroep',
    benefitMonthsMin: 'Maanden in de uitkering (vanaf)',
    benefitMonthsMax: 'Maanden in de uitkering (tot)',
    maxCountMonths: 'Max. maanden',
    fullTimeHoursPerWeek: 'Voltijd (uur per week)',
    thresholdCents: 'Drempel',
    defaultPercentage: 'Percentage',
    minCents: 'Minimumbedrag',
    capCents: 'Maximumbedrag',
    categories: 'Soorten opdrachten',
    'lowLabour.belowShare': 'Arbeidsaandeel onder',
    'lowLabour.percentage': 'Lager percentage',
    goodsMinLabourShare: 'Minimaal arbeidsaandeel bij leveringen',
    'psoDiscounts[].level': 'PSO-trede',
    'psoDiscounts[].percentage': 'Korting',
    'purchaseRule.mode': 'Hoe inkoop telt',
    'purchaseRule.factor': 'Factor',
    'purchaseRule.minPsoLevel': 'Minimale PSO-trede',
    'purchaseRule.eligibleCertifications': 'Geaccepteerde certificaten',
    'purchaseRule.region': 'Regio',
    proRata: 'Naar rato',
    bonuses: 'Toeslagen',
    code: 'Code',
    category: 'Soort',
    unit: 'Eenheid',
    valueCents: 'Waarde',
    targetGroup: 'Doelgroep',
    targetGroups: 'Doelgroepen',
    blockCode: 'Bouwblok',
    benefitMonths: 'Maanden in de uitkering',
    hoursPerWeek: 'Uren per week',
    startDate: 'Begindatum',
    endDate: 'Einddatum',
    personToken: 'Pseudoniem van de persoon',
    supplierOrganisationId: 'Leverancier',
    contractorOrganisationId: 'Opdrachtnemer',
    invoiceNumber: 'Factuurnummer',
    invoiceDate: 'Factuurdatum',
    amountCents: 'Bedrag',
    budgetCents: 'Budget',
    contractValueCents: 'Opdrachtwaarde',
    verifiedValueCents: 'Goedgekeurde waarde',
    quantity: 'Aantal',
    note: 'Toelichting',
    reason: 'Reden',
    message: 'Toelichting',
    neededBy: 'Nodig op',
    email: 'E-mailadres',
    password: 'Wachtwoord',
    kvkNumber: 'KvK-nummer',
    postcode: 'Postcode',
    city: 'Plaats',
    website: 'Website',
    mission: 'Missie',
    fteTotal: 'Medewerkers (fte)',
    fteTargetGroup: 'Waarvan uit de doelgroep (fte)',
    type: 'Soort',
    level: 'Trede',
    certificateNumber: 'Certificaatnummer',
    priceIndicationCents: 'Prijsindicatie',
    deliveryRadiusKm: 'Straal',
    capacityCentsPerMonth: 'Capaciteit per maand',
    date: 'Datum',
    startTime: 'Begintijd',
    endTime: 'Eindtijd',
    slotMinutes: 'Duur van een gesprek',
    tables: 'Aantal tafels',
    outcome: 'Uitkomst',
    scope: 'Onderwerp',
    format: 'Bestandsvorm',
    language: 'Taal',
    'period.from': 'Van',
    'period.to': 'Tot en met',
    q: 'Trefwoorden',
    cpv: 'CPV-code',
    radiusKm: 'Afstand',
    limit: 'Aantal',
    cursor: 'Volgende pagina',
  },
  en: {
    title: 'Title',
    name: 'Name',
    description: 'Description',
    'items[].description': 'Description',
    'items[].cpvCode': 'CPV code',
    items: 'Items',
    cpvCode: 'CPV code',
    cpvCodes: 'CPV codes',
    mainProcurementCategory: 'Kind of contract',
    estimatedValueCents: 'Estimated value',
    deliveryPostcode: 'Place of performance',
    tenderPeriodEnd: 'Bids until',
    contractPeriod: 'Contract period',
    'contractPeriod.startDate': 'Start date',
    'contractPeriod.endDate': 'End date',
    labourShare: 'Labour share',
    sroi: 'Social return',
    'sroi.policyId': 'SROI policy',
    'sroi.percentage': 'Percentage',
    policyId: 'SROI policy',
    percentage: 'Percentage',
    version: 'Version',
    validFrom: 'Valid from',
    validUntil: 'Valid until',
    blocks: 'Building blocks',
    'blocks[].code': 'Code of the building block',
    'blocks[].unit': 'Unit',
    'blocks[].valueCents': 'Value',
    'blocks[].maxCountMonths': 'Max. months',
    'blocks[].category': 'Kind',
    'blocks[].targetGroup': 'Target group',
    benefitMonthsMin: 'Months on benefit (from)',
    benefitMonthsMax: 'Months on benefit (to)',
    maxCountMonths: 'Max. months',
    fullTimeHoursPerWeek: 'Full time (hours per week)',
    thresholdCents: 'Threshold',
    defaultPercentage: 'Percentage',
    minCents: 'Minimum amount',
    capCents: 'Maximum amount',
    categories: 'Kinds of contract',
    'lowLabour.belowShare': 'Labour share below',
    'lowLabour.percentage': 'Lower percentage',
    goodsMinLabourShare: 'Minimum labour share for goods',
    'psoDiscounts[].level': 'PSO level',
    'psoDiscounts[].percentage': 'Discount',
    'purchaseRule.mode': 'How purchases count',
    'purchaseRule.factor': 'Factor',
    'purchaseRule.minPsoLevel': 'Minimum PSO level',
    'purchaseRule.eligibleCertifications': 'Accepted certificates',
    'purchaseRule.region': 'Region',
    proRata: 'Pro rata',
    bonuses: 'Bonuses',
    code: 'Code',
    category: 'Kind',
    unit: 'Unit',
    valueCents: 'Value',
    targetGroup: 'Target group',
    targetGroups: 'Target groups',
    blockCode: 'Building block',
    benefitMonths: 'Months on benefit',
    hoursPerWeek: 'Hours per week',
    startDate: 'Start date',
    endDate: 'End date',
    personToken: "Person's pseudonym",
    supplierOrganisationId: 'Supplier',
    contractorOrganisationId: 'Contractor',
    invoiceNumber: 'Invoice number',
    invoiceDate: 'Invoice date',
    amountCents: 'Amount',
    budgetCents: 'Budget',
    contractValueCents: 'Contract value',
    verifiedValueCents: 'Verified value',
    quantity: 'Quantity',
    note: 'Note',
    reason: 'Reason',
    message: 'Message',
    neededBy: 'Needed by',
    email: 'Email address',
    password: 'Password',
    kvkNumber: 'KvK number',
    postcode: 'Postcode',
    city: 'City',
    website: 'Website',
    mission: 'Mission',
    fteTotal: 'Employees (FTE)',
    fteTargetGroup: 'Of whom from the target group (FTE)',
    type: 'Type',
    level: 'Level',
    certificateNumber: 'Certificate number',
    priceIndicationCents: 'Price indication',
    deliveryRadiusKm: 'Radius',
    capacityCentsPerMonth: 'Capacity per month',
    date: 'Date',
    startTime: 'Start time',
    endTime: 'End time',
    slotMinutes: 'Length of a meeting',
    tables: 'Number of tables',
    outcome: 'Outcome',
    scope: 'Subject',
    format: 'File format',
    language: 'Language',
    'period.from': 'From',
    'period.to': 'Until',
    q: 'Keywords',
    cpv: 'CPV code',
    radiusKm: 'Distance',
    limit: 'Number',
    cursor: 'Next page',
  },
};

/** The word for a position in a list, by the list's name ("bouwblok 2"); any other list's position is a "regel". */
const POSITION: Record<Locale, Words> = {
  nl: { blocks: 'bouwblok', bonuses: 'toeslag', psoDiscounts: 'korting', items: 'regel' },
  en: { blocks: 'building block', bonuses: 'bonus', psoDiscounts: 'discount', items: 'line' },
};
const LINE: Record<Locale, string> = { nl: 'regel', en: 'line' };
const FIELD_FALLBACK: Record<Locale, string> = { nl: 'Een veld', en: 'A field' };

const has = (words: Words, key: string): boolean => Object.prototype.hasOwnProperty.call(words, key);

/** `isNotEmpty` and `is_not_empty` are the same rule; `isUUID` → `is_uuid`. */
export function ruleKey(code: string): string {
  return code
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .toLowerCase();
}

/** Whether RULE_WORDS words this rule code. */
export function knowsRule(code: string, locale: Locale): boolean {
  return has(RULE_WORDS[locale], ruleKey(code));
}

/** "items[0].description" → "Omschrijving (regel 1)"; an unknown member reads as "Een veld", never as a path. */
export function fieldLabel(name: string, locale: Locale): string {
  const words = FIELD_WORDS[locale];
  const positions = [...name.matchAll(/(\w+)\[(\d+)\]/g)].map(
    (m) => `${POSITION[locale][m[1]] ?? LINE[locale]} ${Number(m[2]) + 1}`,
  );
  const path = name.replace(/\[\d+\]/g, '[]');
  const last = path.split('.').pop()?.replace(/\[\]$/, '') ?? '';
  const word = has(words, path) ? words[path] : has(words, last) ? words[last] : FIELD_FALLBACK[locale];
  return positions.length ? `${word} (${positions.join(', ')})` : word;
}

/** One bad field's message in this language, from its rule code (and the number the rule states). */
export function ruleMessage(param: InvalidParam, locale: Locale): string {
  const key = ruleKey(param.code);
  const words = RULE_WORDS[locale];
  if (!has(words, key)) return RULE_WORDS[locale].invalid;
  const text = words[key];
  if (!text.includes('{n}')) return text;
  // The rule's number is only in the English reason ("… shorter than or equal to 200 characters").
  const n = /(-?\d+(?:\.\d+)?)(?!.*\d)/.exec(param.reason)?.[1];
  if (n !== undefined) return text.replace('{n}', n);
  return RULE_WITHOUT_NUMBER[locale][key] ?? RULE_WORDS[locale].invalid;
}

/** "Omschrijving (regel 1): Dit veld is verplicht" — for a list of errors above a form. */
export function paramSentence(param: InvalidParam, locale: Locale): string {
  return `${fieldLabel(param.name, locale)}: ${ruleMessage(param, locale)}`;
}

/**
 * The problem's message in this language by its code, or undefined when no table words it (the caller then
 * shows UNKNOWN_ERROR and the request id).
 */
export function errorMessage(error: ApiError, locale: Locale): string | undefined {
  const words = ERROR_WORDS[locale];
  const extras = error.extras;
  if (
    error.code === 'INVOICE_DATE_IN_FUTURE' &&
    typeof extras.invoiceDate === 'string' &&
    typeof extras.today === 'string'
  ) {
    return words.INVOICE_DATE_IN_FUTURE_DATES.replace(
      '{date}',
      formatDate(extras.invoiceDate, locale),
    ).replace('{today}', formatDate(extras.today, locale));
  }
  if (error.code === 'NOT_COUNTABLE') {
    const period = extras.contractPeriod as { startDate?: unknown; endDate?: unknown } | undefined;
    if (extras.reason === 'OUTSIDE_CONTRACT_PERIOD' && period) {
      return words.NOT_COUNTABLE_PERIOD.replace(
        '{start}',
        formatDate(String(period.startDate), locale),
      ).replace('{end}', formatDate(String(period.endDate), locale));
    }
    if (typeof extras.reason === 'string') {
      const reason = term('contributionReason', extras.reason, locale);
      return words.NOT_COUNTABLE.replace('{reason}', reason.charAt(0).toLowerCase() + reason.slice(1));
    }
  }
  if (has(words, error.code)) return words[error.code].replace(/:? ?\{reason\}/, '');
  for (const [shape, text] of SHAPES[locale]) if (shape.test(error.code)) return text;
  return undefined;
}
