import { contractNotice } from '../../../../../test/fixtures/eforms/variants';
import { legacyProblem, qualifiedName, schemaProblem } from './eforms-problems';
import { EformsSchemaValidator } from './eforms-schema';

const CBC = 'urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2';

/** Issue 35/31: every import problem has a code and params, schema problems classified from libxml2's messages. */
describe('eForms problem codes', () => {
  const validator = new EformsSchemaValidator();

  it('classifies real xmllint messages of broken variants of a notice', async () => {
    const base = contractNotice().xml;
    const variants: Record<string, string> = {
      bogus: base.replace('<cbc:ContractFolderID>', '<cbc:Bogus>x</cbc:Bogus><cbc:ContractFolderID>'),
      twice: base.replace(/(<cbc:ContractFolderID>[^<]*<\/cbc:ContractFolderID>)/, '$1$1'),
      badDate: base.replace(/<cbc:IssueDate>[^<]*</, '<cbc:IssueDate>not-a-date<'),
      badAttr: base.replace('<cbc:ContractFolderID>', '<cbc:ContractFolderID foo="1">'),
      noChild: base.replace(
        /<cac:PartyName>\s*<cbc:Name[^>]*>[^<]*<\/cbc:Name>\s*<\/cac:PartyName>/,
        '<cac:PartyName></cac:PartyName>',
      ),
    };
    const problems = await validator.validate(
      Object.entries(variants).map(([name, xml]) => ({ name, root: 'ContractNotice' as const, xml })),
    );
    const of = (name: string) => problems.filter((p) => p.notice === name);
    // Every message libxml2 gave is one the mapping knows (no fallback).
    expect(problems.filter((p) => p.code === 'SCHEMA_ERROR')).toEqual([]);
    expect(of('bogus')).toEqual([
      expect.objectContaining({
        path: '/ContractNotice/cbc:Bogus[1]',
        code: 'SCHEMA_UNEXPECTED_ELEMENT',
        params: { element: 'cbc:Bogus', expected: 'cbc:CopyIndicator, cbc:UUID, cbc:ContractFolderID' },
        message: expect.stringContaining('This element is not expected'),
      }),
    ]);
    const [twice] = of('twice');
    expect(twice).toMatchObject({ code: 'SCHEMA_UNEXPECTED_ELEMENT' });
    expect(twice.params).toMatchObject({ element: 'cbc:ContractFolderID' });
    expect(String(twice.params?.expected).split(', ')).toHaveLength(10);
    expect(twice.params?.expected).toMatch(/^cbc:IssueDate, cbc:IssueTime, /);
    expect(of('badDate')).toEqual([
      expect.objectContaining({
        code: 'SCHEMA_INVALID_VALUE',
        params: { element: 'cbc:IssueDate', value: 'not-a-date' },
      }),
    ]);
    expect(of('badAttr')).toEqual([
      expect.objectContaining({
        code: 'SCHEMA_INVALID_ATTRIBUTE',
        params: { element: 'cbc:ContractFolderID', attribute: 'foo' },
      }),
    ]);
    // A party name without its name: libxml2 names the child it misses.
    expect(of('noChild')).toEqual([
      expect.objectContaining({
        code: 'SCHEMA_MISSING_ELEMENT',
        params: { element: 'cac:PartyName', expected: 'ext:UBLExtensions, cbc:Name' },
      }),
    ]);
    // Element names are shown as the notice writes them, never with their namespace.
    expect(JSON.stringify(problems.map((p) => p.params))).not.toContain('urn:');
  }, 60_000);

  it('knows the other shapes of libxml2 messages, and falls back to SCHEMA_ERROR', () => {
    expect(
      schemaProblem(`Element '{${CBC}}Note': Missing child element(s). Expected is ( {${CBC}}ID ).`),
    ).toEqual({
      code: 'SCHEMA_MISSING_ELEMENT',
      params: { element: 'cbc:Note', expected: 'cbc:ID' },
    });
    expect(
      schemaProblem(`Element '{${CBC}}Amount': The attribute 'currencyID' is required but missing.`),
    ).toEqual({
      code: 'SCHEMA_MISSING_ATTRIBUTE',
      params: { element: 'cbc:Amount', attribute: 'currencyID' },
    });
    expect(
      schemaProblem(
        `Element '{${CBC}}Amount', attribute 'currencyID': [facet 'enumeration'] The value 'XXX' is not an element of the set {'EUR'}.`,
      ),
    ).toEqual({
      code: 'SCHEMA_INVALID_VALUE',
      params: { element: 'cbc:Amount', attribute: 'currencyID', value: 'XXX', facet: 'enumeration' },
    });
    expect(
      schemaProblem(`Element '{${CBC}}IssueDate': 'x' is not a valid value of the atomic type 'xs:date'.`),
    ).toEqual({
      code: 'SCHEMA_INVALID_VALUE',
      params: { element: 'cbc:IssueDate', value: 'x', type: 'xs:date' },
    });
    expect(
      schemaProblem(
        "Element 'ContractNotice': Character content other than whitespace is not allowed because the content type is 'element-only'.",
      ),
    ).toEqual({ code: 'SCHEMA_TEXT_NOT_ALLOWED', params: { element: 'ContractNotice' } });
    expect(schemaProblem(`Element '{${CBC}}X': Something new.`)).toEqual({
      code: 'SCHEMA_ERROR',
      params: { element: 'cbc:X' },
    });
    expect(schemaProblem('No matching global declaration available for the validation root.')).toEqual({
      code: 'SCHEMA_ERROR',
      params: {},
    });
    expect(
      qualifiedName('{http://data.europa.eu/p27/eforms-ubl-extension-aggregate-components/1}Organization'),
    ).toBe('efac:Organization');
  });

  it('gives results stored before codes their code from the message', () => {
    expect(legacyProblem('the lot has no CPV code')).toEqual({ code: 'LOT_WITHOUT_CPV', params: {} });
    expect(legacyProblem('no procedure id (cbc:ContractFolderID)').code).toBe('MISSING_PROCEDURE_ID');
    expect(legacyProblem('unknown CPV code 12345678')).toEqual({
      code: 'UNKNOWN_CPV_CODE',
      params: { code: '12345678' },
    });
    expect(legacyProblem('not well-formed XML: Unexpected close tag').code).toBe('NOT_XML');
    expect(
      legacyProblem(
        'the notice has a document type declaration (<!DOCTYPE> or <!ENTITY>); DTDs and entities are not allowed',
      ).code,
    ).toBe('DOCTYPE_REFUSED');
    // A stored schema message was cut at 1,000 characters: the names before the cut are kept.
    const cut = `Element '{${CBC}}ContractFolderID': This element is not expected. Expected is one of ( {${CBC}}IssueDate, {${CBC}}IssueTime, {${CBC}}No`;
    expect(legacyProblem(cut)).toEqual({
      code: 'SCHEMA_UNEXPECTED_ELEMENT',
      params: { element: 'cbc:ContractFolderID', expected: 'cbc:IssueDate, cbc:IssueTime' },
    });
  });
});
