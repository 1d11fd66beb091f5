/**
 * The code of each eForms import problem, and its params: the web app words every problem from these in the
 * reader's language; `message` stays the English text for developers. Schema problems are classified from
 * libxml2's messages (xmllint-wasm), the product's own checks carry their code where they are made.
 */
export enum EformsProblemCode {
  /** A schema: an element the schema does not allow here. Params: element, expected?, expectedMore?. */
  SchemaUnexpectedElement = 'SCHEMA_UNEXPECTED_ELEMENT',
  /** A schema: a required child element is missing. Params: element, expected?, expectedMore?. */
  SchemaMissingElement = 'SCHEMA_MISSING_ELEMENT',
  /** A schema: a value its type does not allow. Params: element, value?, type?, attribute?. */
  SchemaInvalidValue = 'SCHEMA_INVALID_VALUE',
  /** A schema: an attribute not allowed here. Params: element, attribute. */
  SchemaInvalidAttribute = 'SCHEMA_INVALID_ATTRIBUTE',
  /** A schema: a required attribute is missing. Params: element, attribute. */
  SchemaMissingAttribute = 'SCHEMA_MISSING_ATTRIBUTE',
  /** A schema: text where only elements are allowed. Params: element. */
  SchemaTextNotAllowed = 'SCHEMA_TEXT_NOT_ALLOWED',
  /** Any other schema problem. Params: element? (when the message names one). */
  SchemaError = 'SCHEMA_ERROR',
  /** A file in the ZIP that is not an .xml file. */
  NotXmlFile = 'NOT_XML_FILE',
  /** A file with a NUL character: not XML text. */
  NulCharacter = 'NUL_CHARACTER',
  /** Text that is not well-formed XML. */
  NotXml = 'NOT_XML',
  /** A document type or entity declaration (refused before any parser sees it). */
  DoctypeRefused = 'DOCTYPE_REFUSED',
  /** XML whose root is not a notice the import reads. Params: root, expected. */
  UnsupportedNotice = 'UNSUPPORTED_NOTICE',
  /** A `cbc:ID` without a value. */
  EmptyIdentifier = 'EMPTY_IDENTIFIER',
  /** No `cbc:ContractFolderID`. */
  MissingProcedureId = 'MISSING_PROCEDURE_ID',
  /** No `cbc:NoticeTypeCode`. */
  MissingNoticeType = 'MISSING_NOTICE_TYPE',
  /** No buyer name. */
  MissingBuyerName = 'MISSING_BUYER_NAME',
  /** No title (procedure or lot). */
  MissingTitle = 'MISSING_TITLE',
  /** A CPV code not in the CPV 2008 list (left out). Params: code. */
  UnknownCpvCode = 'UNKNOWN_CPV_CODE',
  /** A lot without a CPV code. */
  LotWithoutCpv = 'LOT_WITHOUT_CPV',
  /** A reserved-procurement code the product does not know (ignored). Params: code. */
  UnknownReservedCode = 'UNKNOWN_RESERVED_CODE',
}

export const EFORMS_PROBLEM_CODES = Object.values(EformsProblemCode);

export type EformsProblemParams = Record<string, string | number>;

/** How many expected element names a problem lists (`expectedMore` counts the rest). */
const MAX_EXPECTED = 10;

/** The prefixes eForms notices use, by namespace (element names are shown as in the notice). */
const PREFIXES: Record<string, string> = {
  'urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2': 'cbc',
  'urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2': 'cac',
  'urn:oasis:names:specification:ubl:schema:xsd:CommonExtensionComponents-2': 'ext',
  'http://data.europa.eu/p27/eforms-ubl-extension-basic-components/1': 'efbc',
  'http://data.europa.eu/p27/eforms-ubl-extension-aggregate-components/1': 'efac',
  'http://data.europa.eu/p27/eforms-ubl-extensions/1': 'efext',
};

/** `{ns}Local` as the notice writes it (`cbc:Local`); the root's namespace and unknown ones give the local name. */
export function qualifiedName(clark: string): string {
  const m = /^\{([^}]*)\}(.+)$/.exec(clark.trim());
  if (!m) return clark.trim();
  const prefix = PREFIXES[m[1]];
  return prefix ? `${prefix}:${m[2]}` : m[2];
}

function expectedParams(list: string | undefined): EformsProblemParams {
  if (!list) return {};
  const names = list
    .split(',')
    .map((n) => n.trim())
    .filter((n) => n && n !== '...')
    .map(qualifiedName);
  if (!names.length) return {};
  const shown = names.slice(0, MAX_EXPECTED);
  return {
    expected: shown.join(', '),
    ...(names.length > shown.length ? { expectedMore: names.length - shown.length } : {}),
  };
}

const ELEMENT = /^Element '([^']+)'(?:, attribute '([^']+)')?: /;

/**
 * A libxml2 schema validity message (without its "Schemas validity error : " prefix) as a code and params.
 * Unknown shapes are SCHEMA_ERROR with the element when the message names one.
 */
export function schemaProblem(message: string): { code: EformsProblemCode; params: EformsProblemParams } {
  const head = ELEMENT.exec(message);
  if (!head) return { code: EformsProblemCode.SchemaError, params: {} };
  const element = qualifiedName(head[1]);
  const attribute = head[2];
  const rest = message.slice(head[0].length);
  let m: RegExpExecArray | null;
  if ((m = /^This element is not expected\.(?: Expected is(?: one of)? \( ?(.*?) ?\)\.?)?/s.exec(rest)))
    return {
      code: EformsProblemCode.SchemaUnexpectedElement,
      params: { element, ...expectedParams(m[1] ?? truncatedList(rest)) },
    };
  if ((m = /^Missing child element\(s\)\.(?: Expected is(?: one of)? \( ?(.*?) ?\)\.?)?/s.exec(rest)))
    return {
      code: EformsProblemCode.SchemaMissingElement,
      params: { element, ...expectedParams(m[1] ?? truncatedList(rest)) },
    };
  if ((m = /^The attribute '([^']+)' is not allowed/.exec(rest)))
    return { code: EformsProblemCode.SchemaInvalidAttribute, params: { element, attribute: m[1] } };
  if ((m = /^The attribute '([^']+)' is required but missing/.exec(rest)))
    return { code: EformsProblemCode.SchemaMissingAttribute, params: { element, attribute: m[1] } };
  if (/^Character content other than whitespace is not allowed/.test(rest))
    return { code: EformsProblemCode.SchemaTextNotAllowed, params: { element } };
  const at: EformsProblemParams = attribute ? { attribute } : {};
  // 'v' is not a valid value of the atomic type 'xs:date' | of the local atomic type | of the list type …
  if (
    (m = /^'(.*)' is not a valid value of the (?:local )?(?:atomic|list|union) type(?: '([^']+)')?/s.exec(
      rest,
    ))
  )
    return {
      code: EformsProblemCode.SchemaInvalidValue,
      params: { element, ...at, value: short(m[1]), ...(m[2] ? { type: qualifiedName(m[2]) } : {}) },
    };
  // [facet 'pattern'] The value 'v' is not accepted by the pattern '…' | [facet 'enumeration'] The value 'v' is not an element of the set {…} | …
  if ((m = /^\[facet '([^']+)'\] The value '(.*?)'/s.exec(rest)))
    return {
      code: EformsProblemCode.SchemaInvalidValue,
      params: { element, ...at, value: short(m[2]), facet: m[1] },
    };
  if (/is not a valid value|is not accepted|is not an element of the set/.test(rest))
    return { code: EformsProblemCode.SchemaInvalidValue, params: { element, ...at } };
  return { code: EformsProblemCode.SchemaError, params: { element } };
}

/** The list of a message cut short (stored messages are cut at 1,000 characters): the names up to the cut. */
function truncatedList(rest: string): string | undefined {
  const m = /Expected is(?: one of)? \( ?(.*)$/s.exec(rest);
  if (!m) return undefined;
  const names = m[1].split(',');
  // The last name may be cut in the middle.
  return names.slice(0, Math.max(1, names.length - 1)).join(',');
}

function short(value: string): string {
  return value.length > 100 ? `${value.slice(0, 99)}…` : value;
}

/**
 * The code and params of a problem stored before problems carried codes (results are JSON in the job row): the
 * product's own messages by their words, everything else as a schema message.
 */
export function legacyProblem(message: string): { code: EformsProblemCode; params: EformsProblemParams } {
  let m: RegExpExecArray | null;
  if (message === 'empty identifier') return { code: EformsProblemCode.EmptyIdentifier, params: {} };
  if (message.startsWith('no procedure id'))
    return { code: EformsProblemCode.MissingProcedureId, params: {} };
  if (message.startsWith('no notice type')) return { code: EformsProblemCode.MissingNoticeType, params: {} };
  if (message === 'no buyer name') return { code: EformsProblemCode.MissingBuyerName, params: {} };
  if (message === 'no title') return { code: EformsProblemCode.MissingTitle, params: {} };
  if (message === 'the lot has no CPV code') return { code: EformsProblemCode.LotWithoutCpv, params: {} };
  if ((m = /^unknown CPV code (.*)$/.exec(message)))
    return { code: EformsProblemCode.UnknownCpvCode, params: { code: m[1] } };
  if ((m = /^unknown reserved-procurement code (.*)$/.exec(message)))
    return { code: EformsProblemCode.UnknownReservedCode, params: { code: m[1] } };
  if (message.startsWith('not an eForms notice')) return { code: EformsProblemCode.NotXmlFile, params: {} };
  if (message.startsWith('the file contains a NUL'))
    return { code: EformsProblemCode.NulCharacter, params: {} };
  if (message.startsWith('not well-formed XML')) return { code: EformsProblemCode.NotXml, params: {} };
  if (message.includes('document type declaration'))
    return { code: EformsProblemCode.DoctypeRefused, params: {} };
  if (message.startsWith('not a notice the import reads'))
    return { code: EformsProblemCode.UnsupportedNotice, params: {} };
  return schemaProblem(message);
}
