/** Issue codes of the import and their messages in Vietnamese and English; each message says what to fix. */

export type ErrorCode =
  | 'empty_file'
  | 'not_csv'
  | 'bad_quotes'
  | 'missing_column'
  | 'duplicate_column'
  | 'bad_number'
  | 'bad_qualifier'
  | 'bad_period'
  | 'unknown_metric'
  | 'unknown_category'
  | 'unknown_area'
  | 'ambiguous_area'
  | 'negative_value'
  | 'duplicate';

export type WarningCode =
  | 'encoding_converted'
  | 'unknown_column'
  | 'extra_cells'
  | 'empty_row'
  | 'area_code_padded'
  | 'area_name_mismatch'
  | 'fractional_value'
  | 'sum_mismatch'
  | 'period_overlap';

export type IssueCode = ErrorCode | WarningCode;

export const ERROR_CODES: readonly ErrorCode[] = [
  'empty_file',
  'not_csv',
  'bad_quotes',
  'missing_column',
  'duplicate_column',
  'bad_number',
  'bad_qualifier',
  'bad_period',
  'unknown_metric',
  'unknown_category',
  'unknown_area',
  'ambiguous_area',
  'negative_value',
  'duplicate'
];
export const WARNING_CODES: readonly WarningCode[] = [
  'encoding_converted',
  'unknown_column',
  'extra_cells',
  'empty_row',
  'area_code_padded',
  'area_name_mismatch',
  'fractional_value',
  'sum_mismatch',
  'period_overlap'
];

export interface Message {
  vi: string;
  en: string;
}

/** One problem found in a file: `row` as a spreadsheet numbers it (header = 1; 0 for the file as a whole). */
export interface Issue {
  row: number;
  column: string;
  code: IssueCode;
  message: Message;
}

/** Parameters a message may quote. */
export type MessageParams = Record<string, string | number | undefined>;

const q = (s: string | number | undefined) => `"${s ?? ''}"`;

const BUILDERS: Record<IssueCode, (p: MessageParams) => Message> = {
  empty_file: () => ({
    vi: 'Tệp rỗng hoặc không có dòng số liệu nào. Hãy chọn tệp CSV có dòng tiêu đề và ít nhất một dòng số liệu.',
    en: 'The file is empty or has no data rows. Choose a CSV file with a header row and at least one data row.'
  }),
  not_csv: (p) => ({
    vi: `Tệp không phải CSV dạng văn bản${p.detail === 'zip' || p.detail === 'xls' ? ' (có vẻ là tệp Excel)' : ''}. Trong Excel hãy chọn Lưu thành → "CSV UTF-8 (phân tách bằng dấu phẩy)" rồi tải lên tệp .csv đó.`,
    en: `This is not a text CSV file${p.detail === 'zip' || p.detail === 'xls' ? ' (it looks like an Excel workbook)' : ''}. In Excel use Save As → "CSV UTF-8 (Comma delimited)" and upload that .csv file.`
  }),
  bad_quotes: () => ({
    vi: 'Dấu ngoặc kép không đóng hoặc đặt sai: các ô sau đó có thể bị gộp. Hãy đóng dấu ngoặc kép, hoặc viết "" cho một dấu ngoặc kép trong ô.',
    en: 'A quotation mark is unclosed or misplaced, so the cells after it may run together. Close the quote, or write "" for a quote inside a cell.'
  }),
  missing_column: (p) => ({
    vi: `Thiếu cột ${p.what_vi}. Hãy thêm cột đó vào dòng tiêu đề (ví dụ: ${p.example}).`,
    en: `Missing column: ${p.what_en}. Add it to the header row (for example: ${p.example}).`
  }),
  duplicate_column: (p) => ({
    vi: `Cột ${q(p.column)} trùng nội dung với cột ${q(p.other)}. Hãy xóa một trong hai cột hoặc đổi tiêu đề cho đúng.`,
    en: `Column ${q(p.column)} holds the same figure as column ${q(p.other)}. Delete one of them or correct its header.`
  }),
  bad_number: (p) =>
    p.value === ''
      ? {
          vi: 'Ô số liệu để trống. Hãy điền số, hoặc xóa dòng nếu không có số liệu.',
          en: 'The value is empty. Enter a number, or delete the row if there is no figure.'
        }
      : {
          vi: `${q(p.value)} không phải là số. Hãy viết số như 208.229, 1.234,5 hoặc "hơn 15.000"${p.reason === 'bad_grouping' ? ' (dấu chấm phân cách hàng nghìn phải chia đúng nhóm 3 chữ số)' : ''}.`,
          en: `${q(p.value)} is not a number. Write numbers like 208.229, 1.234,5 or "hơn 15.000"${p.reason === 'bad_grouping' ? ' (thousands separators must split the digits into groups of three)' : ''}.`
        },
  bad_qualifier: (p) => ({
    vi: `Không hiểu mức độ chính xác ${q(p.value)}. Hãy dùng: chính xác (để trống), hơn, gần, khoảng.`,
    en: `Unknown qualifier ${q(p.value)}. Use one of: exact (or leave empty), more_than, nearly, about.`
  }),
  bad_period: (p) => {
    const why: Record<string, Message> = {
      empty: { vi: 'Kỳ báo cáo để trống.', en: 'The period is empty.' },
      unreadable: {
        vi: `Không đọc được kỳ báo cáo ${q(p.value)}.`,
        en: `Cannot read the period ${q(p.value)}.`
      },
      bad_start: {
        vi: `Ngày bắt đầu ${q(p.value)} không hợp lệ.`,
        en: `The start date ${q(p.value)} is not a valid date.`
      },
      bad_end: {
        vi: `Ngày kết thúc ${q(p.value)} không hợp lệ.`,
        en: `The end date ${q(p.value)} is not a valid date.`
      },
      end_before_start: {
        vi: 'Ngày kết thúc trước ngày bắt đầu.',
        en: 'The end date is before the start date.'
      },
      label_mismatch: {
        vi: `Kỳ ${q(p.value)} không khớp với ngày bắt đầu/kết thúc.`,
        en: `The period ${q(p.value)} does not match its start and end dates.`
      }
    };
    const w = why[String(p.reason)] ?? why.unreadable;
    return {
      vi: `${w.vi} Hãy viết kỳ như 2023, 2013-2018, 2023-Q3, 2023-H1, 2023-08, hoặc ghi ngày dạng YYYY-MM-DD hay DD/MM/YYYY.`,
      en: `${w.en} Write the period like 2023, 2013-2018, 2023-Q3, 2023-H1, 2023-08, or give dates as YYYY-MM-DD or DD/MM/YYYY.`
    };
  },
  unknown_metric: (p) => ({
    vi: `Không có chỉ tiêu ${q(p.value)}. Hãy dùng một trong: ${p.choices}.`,
    en: `Unknown metric ${q(p.value)}. Use one of: ${p.choices}.`
  }),
  unknown_category: (p) => ({
    vi: `Chỉ tiêu ${q(p.metric)} không có phân loại ${q(p.value)}. Hãy dùng một trong: ${p.choices}, hoặc để trống cho tổng số.`,
    en: `Metric ${q(p.metric)} has no category ${q(p.value)}. Use one of: ${p.choices}, or leave it empty for the total.`
  }),
  unknown_area: (p) => ({
    vi: `Không tìm thấy địa bàn ${q(p.value)} trong danh mục ${p.structure_vi}.${p.hint_vi ? ' ' + p.hint_vi : ''} Hãy kiểm tra mã hoặc tên đơn vị hành chính.`,
    en: `No area ${q(p.value)} among the units of ${p.structure_en}.${p.hint_en ? ' ' + p.hint_en : ''} Check the administrative unit's code or name.`
  }),
  ambiguous_area: (p) => ({
    vi: `Tên địa bàn ${q(p.value)} ứng với nhiều đơn vị: ${p.candidates}. Hãy ghi mã đơn vị, thêm "Phường"/"Xã"…, hoặc thêm cột Quận/Huyện.`,
    en: `The area name ${q(p.value)} matches several units: ${p.candidates}. Give the unit's code, add its type ("Phường", "Xã"…), or add a district column.`
  }),
  negative_value: (p) => ({
    vi: `Số liệu âm (${p.value}). Số đếm không thể âm: hãy sửa lại số.`,
    en: `Negative value (${p.value}). Counts cannot be negative: correct the number.`
  }),
  duplicate: (p) => ({
    vi: `Trùng số liệu với dòng ${p.first} (cùng kỳ, địa bàn, chỉ tiêu và phân loại). Hãy xóa một trong hai dòng.`,
    en: `Same period, area, metric and category as row ${p.first}. Delete one of the two rows.`
  }),
  encoding_converted: (p) => ({
    vi: `Tệp được mã hóa ${p.encoding} và đã được chuyển sang Unicode. Hãy kiểm tra tên địa bàn hiển thị đúng; lần sau nên lưu tệp dạng "CSV UTF-8".`,
    en: `The file was encoded as ${p.encoding} and has been converted to Unicode. Check that names show correctly; next time save as "CSV UTF-8".`
  }),
  unknown_column: (p) => ({
    vi: `Không nhận ra cột ${q(p.column)}; cột này bị bỏ qua. Nếu đó là một chỉ tiêu, hãy đổi tiêu đề theo tên chỉ tiêu (ví dụ: "Tổng số tin", "Tin về an ninh chính trị").`,
    en: `Column ${q(p.column)} is not recognised and is ignored. If it holds a metric, rename its header to the metric's name (e.g. "Tips from citizens", "Political security").`
  }),
  extra_cells: () => ({
    vi: 'Dòng có nhiều ô hơn dòng tiêu đề; các ô thừa bị bỏ qua. Hãy kiểm tra dấu phân cách hoặc thêm tiêu đề cho các cột đó.',
    en: 'The row has more cells than the header; the extra cells are ignored. Check the delimiters or give those columns a header.'
  }),
  empty_row: () => ({
    vi: 'Dòng không có số liệu nào nên không được nhập. Hãy điền số liệu hoặc xóa dòng.',
    en: 'The row has no figures, so nothing is imported from it. Fill in the figures or delete the row.'
  }),
  area_code_padded: (p) => ({
    vi: `Mã ${q(p.value)} đã được hiểu là ${q(p.code)} (${p.name}) do mất số 0 ở đầu (Excel). Hãy định dạng cột mã là Văn bản để giữ số 0.`,
    en: `Code ${q(p.value)} was read as ${q(p.code)} (${p.name}): its leading zeros were lost (Excel). Format the code column as Text to keep them.`
  }),
  area_name_mismatch: (p) => ({
    vi: `Mã ${q(p.code)} là ${q(p.expected)}, không phải ${q(p.value)}. Số liệu được gán theo mã; hãy sửa mã hoặc tên cho khớp.`,
    en: `Code ${q(p.code)} is ${q(p.expected)}, not ${q(p.value)}. The figure is assigned by the code; correct the code or the name.`
  }),
  fractional_value: (p) => ({
    vi: `Giá trị ${q(p.value)} được đọc là ${p.number}, không phải số nguyên. Nếu đó là số hàng nghìn, hãy dùng dấu chấm (208.229) hoặc bỏ dấu phân cách.`,
    en: `${q(p.value)} was read as ${p.number}, not a whole number. If it is in thousands, use '.' to group digits (208.229) or no separator.`
  }),
  sum_mismatch: (p) => ({
    vi: `Tổng các phân loại của ${q(p.metric)} (${p.sum}) ${p.over ? 'lớn hơn' : 'khác'} tổng số báo cáo (${p.total}). Hãy kiểm tra lại các số.`,
    en: `The categories of ${q(p.metric)} add up to ${p.sum}, ${p.over ? 'more than' : 'not'} the reported total ${p.total}. Check the figures.`
  }),
  period_overlap: (p) => ({
    vi: `Kỳ ${p.period} chồng lấn kỳ ${p.other} đã có cho cùng địa bàn và chỉ tiêu (báo cáo ${q(p.report)}). Hãy kiểm tra đây không phải số liệu nhập trùng.`,
    en: `Period ${p.period} overlaps ${p.other}, already stored for the same area and metric (report ${q(p.report)}). Check that this is not a duplicate upload.`
  })
};

/** The message of an issue code with its parameters, in both languages. */
export function message(code: IssueCode, params: MessageParams = {}): Message {
  return BUILDERS[code](params);
}

/** True for codes that block the import. */
export function isError(code: IssueCode): code is ErrorCode {
  return (ERROR_CODES as readonly string[]).includes(code);
}
