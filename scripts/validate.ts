/**
 * Validates a CSV report with the same import pipeline the browser runs (src/lib/import), against the reference
 * units in data/areas/. Usage: npm run --silent validate -- FILE [--sheet NAME] [--json] [--lang vi|en]
 * An .xlsx workbook is read through its sheet (--sheet, default the first with a table), rows and columns as Excel
 * names them.
 * Exit codes: 0 no errors (warnings allowed), 1 errors, 2 the file cannot be read (missing, a directory, not a regular
 * file, over MAX_UPLOAD_MB) or the validator itself failed. With --json, every outcome is one JSON object on stdout
 * with the same fields.
 */
import { once } from 'node:events';
import { readFileSync, statSync } from 'node:fs';
import { createAreaResolver } from '../src/lib/import/areas';
import type { Issue } from '../src/lib/import/messages';
import { importCsv } from '../src/lib/import/pipeline';
import { MAX_UPLOAD_MB } from '../src/lib/model/upload';
import { importFile, workbookKind } from '../src/lib/import/workbook';

const SHOWN = 50;

/** The report's fields the JSON answer carries, in its order (then errors, warnings and the observations). */
const REPORT_FIELDS = [
  'file',
  'encoding',
  'delimiter',
  'layout',
  'rows',
  'counts',
  'error_count',
  'warning_count',
  'sources',
  'sheets',
  'sheet',
  'title_period',
  'skipped'
] as const;
const pick = <T extends object, K extends keyof T>(o: T, keys: readonly K[]) =>
  Object.fromEntries(keys.map((k) => [k, o[k]])) as Pick<T, K>;

function usage(): never {
  process.stderr.write('usage: validate FILE [--sheet NAME] [--json] [--lang vi|en]\n');
  process.exit(2);
}

const args = process.argv.slice(2);
let file: string | null = null;
let json = false;
let lang: 'vi' | 'en' = 'en';
let sheet: string | undefined;
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  if (a === '--json') json = true;
  else if (a === '--sheet') {
    sheet = args[++i];
    if (sheet === undefined) usage();
  } else if (a.startsWith('--sheet=')) sheet = a.slice(8);
  else if (a === '--lang') {
    const l = args[++i];
    if (l !== 'vi' && l !== 'en') usage();
    lang = l;
  } else if (a.startsWith('--lang=')) {
    const l = a.slice(7);
    if (l !== 'vi' && l !== 'en') usage();
    lang = l;
  } else if (a === '--help' || a === '-h') usage();
  else if (file === null) file = a;
  else usage();
}
if (file === null) usage();

const areasDir = new URL('../data/areas/', import.meta.url);
const ref = (name: string) => readFileSync(new URL(name, areasDir), 'utf8');

/** The one answer when there is no report to give: the fields of a report (nothing read) and one error. */
function fail(code: 'unreadable' | 'file_too_large' | 'internal_error', msg: string): never {
  if (json) {
    process.stdout.write(
      JSON.stringify({
        file,
        encoding: null,
        delimiter: null,
        layout: null,
        rows: 0,
        counts: { [code]: 1 },
        error_count: 1,
        warning_count: 0,
        sources: [],
        sheets: [],
        sheet: null,
        title_period: null,
        skipped: { rows: [], columns: [] },
        errors: [{ row: 0, column: '', code, message: msg }],
        warnings: [],
        observations: []
      }) + '\n'
    );
  } else process.stderr.write(msg + '\n');
  process.exit(2);
}

function cannotRead(reason: string): never {
  fail(
    'unreadable',
    lang === 'vi' ? `Không đọc được tệp ${file}: ${reason}` : `Cannot read ${file}: ${reason}`
  );
}

// Whatever goes wrong below still ends in one answer (and one JSON object with --json), never a bare stack.
const unexpected = (e: unknown) =>
  fail(
    'internal_error',
    (lang === 'vi' ? 'Lỗi của trình kiểm tra: ' : 'The validator failed: ') +
      (e instanceof Error ? e.message : String(e))
  );
process.on('uncaughtException', unexpected);
process.on('unhandledRejection', unexpected);

// Read whole, so refused past the browser's limit before reading: a 662 MB file ran Node out of memory.
const LIMIT = MAX_UPLOAD_MB * 2 ** 20;
let bytes: Uint8Array;
try {
  const st = statSync(file);
  if (st.isDirectory()) cannotRead(lang === 'vi' ? 'đây là thư mục' : 'it is a directory');
  if (!st.isFile()) cannotRead(lang === 'vi' ? 'không phải tệp thường' : 'not a regular file');
  if (st.size > LIMIT) {
    const mb = Math.ceil(st.size / 2 ** 20);
    fail(
      'file_too_large',
      lang === 'vi'
        ? `Tệp ${file} nặng ${mb} MB, quá giới hạn ${MAX_UPLOAD_MB} MB của một lần tải lên. Hãy tách thành nhiều tệp (ví dụ mỗi năm một tệp) rồi kiểm tra từng tệp.`
        : `${file} is ${mb} MB, over the ${MAX_UPLOAD_MB} MB limit of one upload. Split it into several files (for example one per year) and check each.`
    );
  }
  bytes = readFileSync(file);
} catch (e) {
  cannotRead((e as NodeJS.ErrnoException).code ?? String(e));
}

async function report(bytes: Uint8Array): Promise<void> {
  const areas = createAreaResolver({
    hn2019: ref('hanoi-units-2019.csv'),
    hn2025: ref('hanoi-units-2025.csv'),
    vn2019: ref('vietnam-provinces-2019.csv'),
    vn2025: ref('vietnam-provinces-2025.csv')
  });
  // Workbooks (.xlsx; .xls and .ods are refused with a message to save as .xlsx) go through their sheet.
  const result = workbookKind(bytes)
    ? await importFile(bytes, { areas, fileName: file, sheet })
    : await importCsv(bytes, { areas, fileName: file });
  const localise = (i: Issue) => ({ row: i.row, column: i.column, code: i.code, message: i.message[lang] });

  if (json) {
    // Written in pieces: a million observations would make one very large string.
    const out = process.stdout;
    // Not `...result`: reading `observations` would build a million objects at once.
    const { table } = result;
    const header = JSON.stringify({
      ...pick(result, REPORT_FIELDS),
      errors: result.errors.map(localise),
      warnings: result.warnings.map(localise)
    });
    // Wait for the pipe to drain, or a million observations pile up in memory before they are written.
    const write = async (chunk: string) => {
      if (!out.write(chunk)) await once(out, 'drain');
    };
    await write(header.slice(0, -1) + ',"observations":[');
    let buf = '';
    for (let i = 0; i < table.length; i++) {
      buf += (i ? ',' : '') + JSON.stringify(table.get(i));
      if (buf.length > 1 << 16) {
        await write(buf);
        buf = '';
      }
    }
    out.write(buf + ']}\n');
  } else {
    const L = lang === 'vi';
    const lines: string[] = [];
    const counts = Object.entries(result.counts)
      .map(([c, n]) => `${c} ${n}`)
      .join(', ');
    const field = (vi: string, en: string, value: string | number) =>
      lines.push(`${((L ? vi : en) + ':').padEnd(16)}${value}`);
    field('Tệp', 'File', file);
    field('Mã hóa', 'Encoding', result.encoding);
    field('Dấu phân cách', 'Delimiter', JSON.stringify(result.delimiter));
    field('Bố cục', 'Layout', result.layout);
    field('Số dòng', 'Rows', result.rows);
    field('Số liệu', 'Observations', result.table.length);
    if (result.sheet) {
      const others = result.sheets.map((s) => s.name).filter((name) => name !== result.sheet);
      field('Trang tính', 'Sheet', result.sheet + (others.length ? ` (+ ${others.join(', ')})` : ''));
    }
    const tp = result.title_period;
    if (tp)
      field('Kỳ (tiêu đề)', 'Period (title)', `${tp.period} (${L ? 'dòng' : 'row'} ${tp.row}: "${tp.text}")`);
    const skips = result.skipped.rows.filter((s) => s.reason !== 'blank');
    if (skips.length || result.skipped.columns.length) {
      lines.push('', `${L ? 'Bỏ qua' : 'Skipped'}:`);
      for (const s of skips)
        lines.push(
          `  ${L ? 'dòng' : 'row'} ${s.from === s.to ? s.from : `${s.from}–${s.to}`} [${s.reason}] ${s.text}`
        );
      for (const c of result.skipped.columns)
        lines.push(`  ${L ? 'cột' : 'column'} ${c.column} [${c.reason}] ${c.header}`);
    }
    const section = (title: string, list: Issue[], total: number) => {
      lines.push('', `${title}: ${total}`);
      for (const i of list.slice(0, SHOWN)) {
        const where = [i.row ? `${L ? 'dòng' : 'row'} ${i.row}` : '', i.column ? `"${i.column}"` : '']
          .filter(Boolean)
          .join(', ');
        lines.push(`  ${where ? where + ' ' : ''}[${i.code}] ${i.message[lang]}`);
      }
      if (total > Math.min(list.length, SHOWN))
        lines.push(
          `  … ${L ? 'và' : 'and'} ${total - Math.min(list.length, SHOWN)} ${L ? 'vấn đề khác' : 'more'}`
        );
    };
    section(L ? 'Lỗi' : 'Errors', result.errors, result.error_count);
    section(L ? 'Cảnh báo' : 'Warnings', result.warnings, result.warning_count);
    if (counts) lines.push('', `${L ? 'Theo mã' : 'By code'}: ${counts}`);
    lines.push(
      '',
      result.error_count === 0
        ? L
          ? 'Có thể nhập tệp này.'
          : 'The file can be imported.'
        : L
          ? 'Không thể nhập: hãy sửa các lỗi trên.'
          : 'Cannot import: fix the errors above.'
    );
    process.stdout.write(lines.join('\n') + '\n');
  }
  process.exitCode = result.error_count > 0 ? 1 : 0;
}

await report(bytes).catch(unexpected);
