import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import type {
  Account,
  CsvMapping,
  DateOrder,
  ImportPreview,
  ImportResult,
} from '../../../../shared/contract';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Notice } from '../../components/Notice';
import { plural } from '../../format/labels';
import { useLedgerMutation } from '../../hooks/useLedgerMutation';
import { CheckStep } from './CheckStep';
import { ColumnsStep } from './ColumnsStep';
import { FileStep } from './FileStep';
import { mappingProblems, setDateOrder, startingMapping } from './mapping-draft';
import { fileRefusal, readFile, type ChosenFile } from './read-file';
import { usePreview, type ImportInput } from './usePreview';

type Step = 'file' | 'columns' | 'check' | 'done';

const STEP_TITLES: Record<Step, string> = {
  file: 'Choose a file',
  columns: 'Match the columns',
  check: 'Check and import',
  done: 'Imported',
};

/**
 * Importing a bank's file into an account, in steps: choose the file; for a CSV, say which column
 * holds what (Ledgerlight's guess, or the choice made last time, filled in); see what importing
 * it would do, row by row; import. Every choice is kept when the core refuses something, so the
 * person fixes that one thing and goes on.
 */
export function ImportWizard({
  accounts,
  accountId,
  accountFixed,
  onAccount,
}: {
  accounts: Account[];
  accountId: string;
  accountFixed: boolean;
  onAccount(accountId: string): void;
}) {
  const [step, setStep] = useState<Step>('file');
  const [file, setFile] = useState<ChosenFile | null>(null);
  const [reading, setReading] = useState(false);
  const [fileError, setFileError] = useState<string | null>(null);
  const [accountProblem, setAccountProblem] = useState<string | null>(null);
  const [mapping, setMapping] = useState<CsvMapping | null>(null);
  const [origin, setOrigin] = useState<ImportPreview['mappingFrom']>(null);
  const [dateAnswer, setDateAnswer] = useState<DateOrder | null>(null);
  const [dateProblem, setDateProblem] = useState<string | null>(null);
  const [stepProblem, setStepProblem] = useState<string | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const preview = usePreview();
  const commit = useLedgerMutation('import.commit');
  const heading = useRef<HTMLHeadingElement>(null);
  const firstRender = useRef(true);

  const account = accounts.find((a) => a.id === accountId) ?? null;
  const current = preview.preview;
  const isCsv = current?.format === 'csv';
  // An answer about dates stands only while the file's dates still allow it.
  const answer = dateAnswer && current?.dateOrders.includes(dateAnswer) ? dateAnswer : null;
  const asksDates = (current?.dateOrders.length ?? 0) > 1;
  const problems = mapping ? mappingProblems(mapping) : {};
  const mappingReady = Object.keys(problems).length === 0;

  // Each new step is announced by moving focus to its heading.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    heading.current?.focus();
  }, [step]);

  const inputFor = (
    chosen: ChosenFile,
    next: { mapping?: CsvMapping | null; dateOrder?: DateOrder | null } = {},
  ): ImportInput => {
    const m = next.mapping === undefined ? mapping : next.mapping;
    const order = next.dateOrder === undefined ? answer : next.dateOrder;
    return {
      accountId,
      fileName: chosen.name,
      content: chosen.content,
      ...(m ? { mapping: m } : {}),
      ...(order ? { dateOrder: order } : {}),
    };
  };

  async function chooseFile(chosen: File) {
    setFileError(null);
    commit.clearError();
    const refusal = fileRefusal(chosen);
    if (refusal) return setFileError(refusal);
    if (!accountId) {
      setAccountProblem('Choose the account this file is from first.');
      return;
    }
    setReading(true);
    setFile({ name: chosen.name, size: chosen.size, content: '' });
    try {
      const read = await readFile(chosen);
      setFile(read);
      await start(read);
    } catch (e) {
      setFileError(e instanceof Error ? e.message : String(e));
    } finally {
      setReading(false);
    }
  }

  /** Reads a new file as the core sees it, and goes to the step it needs. */
  async function start(chosen: ChosenFile) {
    setMapping(null);
    setOrigin(null);
    setDateAnswer(null);
    setDateProblem(null);
    setStepProblem(null);
    preview.reset();
    const first = await preview.ask(inputFor(chosen, { mapping: null, dateOrder: null }));
    if (!first) return;
    if (first.format === 'csv') {
      const starting = startingMapping(first);
      setMapping(starting);
      setOrigin(first.mappingFrom);
      // An order chosen for this account last time is the person's answer already.
      if (first.mappingFrom === 'saved' && first.dateOrder) setDateAnswer(first.dateOrder);
      if (!first.mapping && starting && Object.keys(mappingProblems(starting)).length === 0) {
        void preview.ask(inputFor(chosen, { mapping: starting, dateOrder: null }));
      }
      setStep('columns');
    } else {
      setStep('check');
    }
  }

  function editMapping(next: CsvMapping) {
    setMapping(next);
    setStepProblem(null);
    commit.clearError();
    if (file && Object.keys(mappingProblems(next)).length === 0) {
      preview.askSoon(inputFor(file, { mapping: next }));
    }
  }

  function chooseDateOrder(order: DateOrder) {
    setDateAnswer(order);
    setDateProblem(null);
    commit.clearError();
    if (!file) return;
    const next = mapping ? setDateOrder(mapping, order) : null;
    if (next) setMapping(next);
    if (!next || Object.keys(mappingProblems(next)).length === 0) {
      void preview.ask(inputFor(file, { mapping: next, dateOrder: order }));
    }
  }

  function toCheck() {
    if (!current) return;
    if (!mappingReady) {
      setStepProblem('Choose the columns marked above first.');
      return;
    }
    if (asksDates && !answer) {
      setDateProblem('Choose how the dates read first.');
      return;
    }
    if (current.counts.rows === 0) {
      setStepProblem(
        'No transactions can be read with these columns. Check the columns and how the file is written.',
      );
      return;
    }
    setStep('check');
  }

  async function importNow() {
    if (!file || !current) return;
    if (asksDates && !answer) {
      setDateProblem('Choose how the dates read first.');
      return;
    }
    const input: ImportInput = {
      ...inputFor(file),
      ...(current.counts.problems > 0 ? { skipUnreadable: true } : {}),
    };
    const done = await commit.run(input);
    if (!done) return;
    setResult(done);
    setStep('done');
  }

  function again() {
    setFile(null);
    setResult(null);
    setMapping(null);
    setOrigin(null);
    setDateAnswer(null);
    preview.reset();
    commit.clearError();
    setStep('file');
  }

  // Until the file is read it may be a CSV, which has the columns step.
  const steps: Step[] = current && !isCsv ? ['file', 'check'] : ['file', 'columns', 'check'];
  const readable = current?.counts.rows ?? 0;
  const adding = (current?.counts.new ?? 0) + (current?.counts.suggested ?? 0);
  const importLabel =
    (current?.counts.problems ?? 0) > 0
      ? `Import the ${plural(readable, 'readable row')}`
      : `Import ${plural(adding, 'new transaction')}`;

  return (
    <div className="import-wizard">
      {step !== 'done' ? (
        <ol className="import-steps" aria-label="Steps">
          {steps.map((s, i) => (
            <li
              key={s}
              aria-current={s === step ? 'step' : undefined}
              className={steps.indexOf(step) > i ? 'import-step-done' : undefined}
            >
              <span className="import-step-number" aria-hidden="true">
                {i + 1}
              </span>
              {STEP_TITLES[s]}
            </li>
          ))}
        </ol>
      ) : null}

      <section className="card import-step" aria-labelledby="import-step-heading">
        <header className="card-header">
          <h2 id="import-step-heading" ref={heading} tabIndex={-1}>
            {step === 'done' ? 'Imported' : STEP_TITLES[step]}
          </h2>
          {step !== 'file' && step !== 'done' && file ? (
            <p className="muted">
              {file.name}
              {account ? ` into ${account.name}` : ''}
            </p>
          ) : null}
        </header>

        {step === 'file' ? (
          <>
            <FileStep
              accounts={accounts}
              accountId={accountId}
              accountFixed={accountFixed}
              accountProblem={accountProblem}
              file={file}
              reading={reading || (preview.pending && !current)}
              onAccount={(next) => {
                setAccountProblem(null);
                onAccount(next);
              }}
              onFile={(chosen) => void chooseFile(chosen)}
            />
            {fileError ? (
              <p className="field-error" role="alert">
                {fileError}
              </p>
            ) : null}
            {preview.error ? (
              <ErrorNotice error={preview.error} title="The file could not be read" />
            ) : null}
            {file?.content && !reading ? (
              <div className="form-actions">
                <button
                  type="button"
                  className="button button-primary"
                  disabled={preview.pending}
                  onClick={() => {
                    const same =
                      preview.input?.accountId === accountId &&
                      preview.input.fileName === file.name &&
                      preview.input.content === file.content;
                    if (same && current) setStep(current.format === 'csv' ? 'columns' : 'check');
                    else void start(file);
                  }}
                >
                  Continue with {file.name}
                </button>
              </div>
            ) : null}
          </>
        ) : null}

        {step === 'columns' && current && mapping ? (
          <>
            <ColumnsStep
              preview={current}
              mapping={mapping}
              origin={origin}
              currency={account?.currency ?? 'USD'}
              problems={problems}
              dateOrder={answer}
              dateProblem={dateProblem}
              pending={preview.pending}
              onChange={editMapping}
              onDateOrder={chooseDateOrder}
            />
            {preview.error ? (
              <ErrorNotice error={preview.error} title="The file could not be read this way" />
            ) : null}
            {stepProblem ? (
              <p className="field-error" role="alert">
                {stepProblem}
              </p>
            ) : null}
            <div className="form-actions">
              <button type="button" className="button" onClick={() => setStep('file')}>
                Back
              </button>
              <button
                type="button"
                className="button button-primary"
                disabled={preview.pending}
                onClick={toCheck}
              >
                Continue
              </button>
            </div>
          </>
        ) : null}

        {step === 'check' && current ? (
          <>
            <CheckStep
              preview={current}
              currency={account?.currency ?? 'USD'}
              accountName={account?.name ?? 'The account'}
              dateOrder={answer}
              dateProblem={dateProblem}
              pending={preview.pending}
              onDateOrder={chooseDateOrder}
            />
            {preview.error ? (
              <ErrorNotice error={preview.error} title="The file could not be read" />
            ) : null}
            {commit.error ? (
              <ErrorNotice error={commit.error} title="Nothing was imported" />
            ) : null}
            <div className="form-actions">
              <button
                type="button"
                className="button"
                onClick={() => setStep(isCsv ? 'columns' : 'file')}
              >
                Back
              </button>
              <button
                type="button"
                className="button button-primary"
                disabled={
                  preview.pending ||
                  commit.pending ||
                  Boolean(current.fileCurrency) ||
                  readable === 0
                }
                onClick={() => void importNow()}
              >
                {commit.pending ? 'Importing…' : importLabel}
              </button>
            </div>
          </>
        ) : null}

        {step === 'done' && result ? (
          <Done result={result} onAgain={again} accountName={account?.name ?? null} />
        ) : null}
      </section>
    </div>
  );
}

function Done({
  result,
  accountName,
  onAgain,
}: {
  result: ImportResult;
  accountName: string | null;
  onAgain(): void;
}) {
  const added = result.new + result.suggested;
  const lines = [
    `${plural(added, 'transaction')} added${accountName ? ` to ${accountName}` : ''}.`,
    result.matched > 0
      ? `${plural(result.matched, 'row')} ${result.matched === 1 ? 'was' : 'were'} already here, so ${result.matched === 1 ? 'it was' : 'they were'} not added again.`
      : null,
    result.problems > 0
      ? `${plural(result.problems, 'row')} could not be read and ${result.problems === 1 ? 'was' : 'were'} left out.`
      : null,
  ].filter(Boolean);
  return (
    <div className="import-done">
      <Notice tone="success" title="The file was imported" live>
        {lines.map((line) => (
          <p key={line}>{line}</p>
        ))}
        {result.suggested > 0 ? (
          <p>
            {result.suggested === 1
              ? '1 of them may be the same as a transaction already here: open the import to choose.'
              : `${result.suggested.toLocaleString()} of them may be the same as transactions already here: open the import to choose.`}
          </p>
        ) : null}
      </Notice>
      <div className="form-actions">
        {result.batchId !== null ? (
          <Link to={`/activity/batches/${result.batchId}`} className="button button-primary">
            Open the import
          </Link>
        ) : null}
        <button type="button" className="button" onClick={onAgain}>
          Import another file
        </button>
      </div>
    </div>
  );
}
