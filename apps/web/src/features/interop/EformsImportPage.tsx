import {
  Button,
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  FormField,
  FormFieldDescription,
  FormFieldErrorMessage,
  FormLabel,
  Heading,
  Paragraph,
  TableCell,
  TableRow,
} from '@utrecht/component-library-react';
import { Fragment, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useIntl } from 'react-intl';
import type { Schemas } from '../../api/client';
import { useT } from '../../i18n/LocaleProvider';
import type { MessageId } from '../../i18n/messages';
import { Lead } from '../../ui/Bits';
import { DataTable } from '../../ui/DataTable';
import { FormError, Notice, PageHeading, RouterLink } from '../../ui/States';
import { JobProgress } from '../matching/JobProgress';
import { useEformsUpload, useImport } from './api';

type EformsResult = Schemas['EformsImportResultDto'];
type ImportView = Schemas['ImportResponseDto'];

const isEforms = (r: ImportView['result']): r is EformsResult => Boolean(r && 'notices' in r);

/**
 * The officer's eForms import: a notice (XML) or a ZIP of notices goes to the API as it is; the import is then
 * followed (polled) until it is done, and its counts and problems are shown.
 */
export function EformsImportPage() {
  const { t } = useT();
  const upload = useEformsUpload();
  const [file, setFile] = useState<File | null>(null);
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [sent, setSent] = useState<{ id: string; name: string } | null>(null);
  const imp = useImport(sent?.id ?? null);
  const input = useRef<HTMLInputElement>(null);
  const id = useId();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!file) return setFieldError(t('imports.eforms.file.required'));
    if (!/\.(xml|zip)$/i.test(file.name)) return setFieldError(t('imports.eforms.file.type'));
    setFieldError(undefined);
    upload.mutate(file, { onSuccess: (r) => setSent({ id: r.id, name: file.name }) });
  };
  const again = () => {
    setSent(null);
    setFile(null);
    upload.reset();
    if (input.current) input.current.value = '';
    input.current?.focus();
  };

  const view = imp.data;
  return (
    <>
      <PageHeading>{t('imports.eforms.title')}</PageHeading>
      <Lead>{t('imports.eforms.lead')}</Lead>
      {!sent && (
        <form className="bs-form" onSubmit={submit} noValidate>
          <FormError error={upload.error} />
          <FormField invalid={Boolean(fieldError)} type="text" className="bs-field">
            <div className="utrecht-form-field__label">
              <FormLabel htmlFor={id}>{t('imports.eforms.file')}</FormLabel>
            </div>
            <FormFieldDescription id={`${id}-desc`}>{t('imports.eforms.file.help')}</FormFieldDescription>
            {fieldError && (
              <FormFieldErrorMessage id={`${id}-err`} className="bs-field__error">
                {fieldError}
              </FormFieldErrorMessage>
            )}
            <div className="utrecht-form-field__input">
              <input
                ref={input}
                id={id}
                type="file"
                className="bs-file"
                accept=".xml,.zip,application/xml,text/xml,application/zip"
                aria-invalid={fieldError ? true : undefined}
                aria-describedby={`${id}-desc${fieldError ? ` ${id}-err` : ''}`}
                onChange={(e) => {
                  setFile(e.target.files?.[0] ?? null);
                  setFieldError(undefined);
                }}
              />
            </div>
          </FormField>
          <Button type="submit" appearance="primary-action-button" busy={upload.isPending}>
            {t('imports.eforms.submit')}
          </Button>
        </form>
      )}
      {sent && (
        <section aria-labelledby={`${id}-result`}>
          <Heading level={2} id={`${id}-result`}>
            {t('imports.eforms.result')}
          </Heading>
          {imp.error ? <FormError error={imp.error} /> : null}
          {view && view.status === 'queued' && <Notice type="info">{t('imports.eforms.queued')}</Notice>}
          {view && (view.status === 'queued' || view.status === 'running') && (
            <JobProgress job={view} label={t('imports.eforms.progress', { progress: view.progress })} />
          )}
          {view?.status === 'failed' && <Notice type="warning">{t('imports.eforms.failed')}</Notice>}
          {view?.status === 'done' && isEforms(view.result) && (
            <EformsResultView result={view.result} name={sent.name} />
          )}
          <Button appearance="secondary-action-button" onClick={again}>
            {t('imports.eforms.another')}
          </Button>
        </section>
      )}
    </>
  );
}

const COUNTS: [keyof EformsResult, MessageId][] = [
  ['notices', 'imports.eforms.notices'],
  ['tendersCreated', 'imports.eforms.tendersCreated'],
  ['tendersUpdated', 'imports.eforms.tendersUpdated'],
  ['tendersUnchanged', 'imports.eforms.tendersUnchanged'],
  ['awards', 'imports.eforms.awards'],
  ['organisations', 'imports.eforms.organisations'],
];

/** What an import did: its counts, then every problem listed (the API lists the first 1,000). */
function EformsResultView({ result, name }: { result: EformsResult; name: string }) {
  const { t, num } = useT();
  const more = result.errorsTotal - result.errors.length;
  return (
    <>
      <Notice>{t('imports.eforms.done', { file: name })}</Notice>
      <DataList className="bs-facts">
        {COUNTS.map(([key, label]) => (
          <DataListItem key={key}>
            <DataListKey>{t(label)}</DataListKey>
            <DataListValue>{num(result[key] as number, 0)}</DataListValue>
          </DataListItem>
        ))}
      </DataList>
      <Paragraph>
        <RouterLink to="/tenders?source=eforms">{t('imports.eforms.toTenders')}</RouterLink>
      </Paragraph>
      <Heading level={3}>{t('imports.eforms.errors', { total: num(result.errorsTotal, 0) })}</Heading>
      {result.errorsTotal === 0 ? (
        <Paragraph>{t('imports.eforms.errors.none')}</Paragraph>
      ) : (
        <>
          <Paragraph>{t('imports.eforms.errors.lead')}</Paragraph>
          <DataTable
            caption={t('imports.eforms.errors.caption')}
            columns={[
              t('imports.eforms.errors.notice'),
              t('imports.eforms.errors.path'),
              t('imports.eforms.errors.message'),
            ]}
          >
            {result.errors.map((e, i) => (
              <TableRow key={i}>
                <TableCell>{e.notice}</TableCell>
                <TableCell>
                  <code className="bs-path">{e.path}</code>
                </TableCell>
                <TableCell>
                  <ProblemWords problem={e} />
                </TableCell>
              </TableRow>
            ))}
          </DataTable>
          {more > 0 && <Paragraph>{t('imports.eforms.errors.more', { count: num(more, 0) })}</Paragraph>}
        </>
      )}
    </>
  );
}

type Problem = EformsResult['errors'][number];

const Code = ({ children }: { children: ReactNode }) => <code className="bs-path">{children}</code>;

/** XML names (elements, attributes, the notice types) as code: names, not words of a language. */
function names(list: string): ReactNode {
  return list.split(', ').map((n, i) => (
    <Fragment key={i}>
      {i > 0 && ', '}
      <Code>{n}</Code>
    </Fragment>
  ));
}

/**
 * One problem in the reader's language, from its code and params (never the API's English `message`); a code the
 * app does not know (or a stored problem without one) says that the schema rejects the part at its path.
 */
function ProblemWords({ problem }: { problem: Problem }) {
  const intl = useIntl();
  const p = (problem.params ?? {}) as Record<string, string | number | undefined>;
  const id = `imports.eforms.problem.${problem.code}`;
  const has = (key: string) => Object.prototype.hasOwnProperty.call(intl.messages, key);
  const word = (key: string, values: Record<string, ReactNode> = {}) =>
    intl.formatMessage({ id: key }, { name: (chunks: ReactNode[]) => <Code>{chunks}</Code>, ...values });
  const element = p.element ? (
    <Code>{p.attribute ? `${p.element}/@${p.attribute}` : String(p.element)}</Code>
  ) : null;
  // Every schema code names its element; without one (or with a code the app does not know) the general words.
  if (!problem.code || !has(id) || (problem.code.startsWith('SCHEMA_') && !element))
    return <>{word('imports.eforms.problem.unknown', { path: <Code>{problem.path}</Code> })}</>;
  const values: Record<string, ReactNode> = {
    element,
    attribute: p.attribute !== undefined ? <Code>{String(p.attribute)}</Code> : null,
    value: p.value !== undefined ? <Code>{String(p.value)}</Code> : null,
    code: p.code !== undefined ? <Code>{String(p.code)}</Code> : null,
    root: p.root !== undefined ? <Code>{String(p.root)}</Code> : null,
    expected: p.expected !== undefined ? names(String(p.expected)) : null,
  };
  const main = word(
    problem.code === 'SCHEMA_INVALID_VALUE' && p.value === undefined ? `${id}.noValue` : id,
    values,
  );
  const extra: ReactNode[] = [];
  if (p.expected !== undefined && problem.code.startsWith('SCHEMA_'))
    extra.push(
      p.expectedMore
        ? word('imports.eforms.problem.expectedMore', {
            expected: values.expected,
            count: Number(p.expectedMore),
          })
        : word('imports.eforms.problem.expected', { expected: values.expected }),
    );
  if (p.type !== undefined)
    extra.push(word('imports.eforms.problem.type', { type: <Code>{String(p.type)}</Code> }));
  return (
    <>
      {main}
      {extra.map((x, i) => (
        <Fragment key={i}> {x}</Fragment>
      ))}
    </>
  );
}
