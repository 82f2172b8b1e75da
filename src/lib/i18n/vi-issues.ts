/** The import's issue messages in Vietnamese (codes in import/messages.ts): what is wrong, where, and what to do. */

export const viIssues = {
  issue_empty_file:
    'Tệp rỗng hoặc không có dòng số liệu nào. Hãy chọn tệp CSV có dòng tiêu đề và ít nhất một dòng số liệu.',
  issue_not_csv:
    'Tệp không phải CSV dạng văn bản{excel}. Trong Excel hãy chọn Lưu thành → "CSV UTF-8 (phân tách bằng dấu phẩy)" rồi tải lên tệp .csv đó.',
  issue_not_csv_excel: ' (có vẻ là tệp Excel)',
  issue_bad_quotes:
    'Dấu ngoặc kép không đóng hoặc đặt sai: các ô sau đó có thể bị gộp. Hãy đóng dấu ngoặc kép, hoặc viết "" cho một dấu ngoặc kép trong ô.',
  issue_missing_column: 'Thiếu cột {what}. Hãy thêm cột đó vào dòng tiêu đề (ví dụ: {example}).',
  issue_duplicate_column:
    'Cột "{column}" trùng nội dung với cột "{other}". Hãy xóa một trong hai cột hoặc đổi tiêu đề cho đúng.',
  issue_bad_number_empty: 'Ô số liệu để trống. Hãy điền số, hoặc xóa dòng nếu không có số liệu.',
  issue_bad_number:
    '"{value}" không phải là số. Hãy viết số như 208.229, 1.234,5 hoặc "hơn 15.000"{grouping}.',
  issue_bad_number_grouping: ' (dấu chấm phân cách hàng nghìn phải chia đúng nhóm 3 chữ số)',
  issue_bad_qualifier:
    'Không hiểu mức độ chính xác "{value}". Hãy dùng: chính xác (để trống), hơn, gần, khoảng.',
  issue_bad_period:
    '{why} Hãy viết kỳ như 2023, 2013-2018, 2023-Q3, 2023-H1, 2023-08, hoặc ghi ngày dạng YYYY-MM-DD hay DD/MM/YYYY.',
  issue_period_empty: 'Kỳ báo cáo để trống.',
  issue_period_unreadable: 'Không đọc được kỳ báo cáo "{value}".',
  issue_period_bad_start: 'Ngày bắt đầu "{value}" không hợp lệ.',
  issue_period_bad_end: 'Ngày kết thúc "{value}" không hợp lệ.',
  issue_period_end_before_start: 'Ngày kết thúc trước ngày bắt đầu.',
  issue_period_label_mismatch: 'Kỳ "{value}" không khớp với ngày bắt đầu/kết thúc.',
  issue_unknown_metric: 'Không có chỉ tiêu "{value}". Hãy dùng một trong: {choices}.',
  issue_unknown_category:
    'Chỉ tiêu "{metric}" không có phân loại "{value}". Hãy dùng một trong: {choices}, hoặc để trống cho tổng số.',
  issue_unknown_area:
    'Không tìm thấy địa bàn "{value}" trong danh mục {structure}.{hint} Hãy kiểm tra mã hoặc tên đơn vị hành chính.',
  issue_ambiguous_area:
    'Tên địa bàn "{value}" ứng với nhiều đơn vị: {candidates}. Hãy ghi mã đơn vị, thêm "Phường"/"Xã"…, hoặc thêm cột Quận/Huyện.',
  issue_negative_value: 'Số liệu âm ({value}). Số đếm không thể âm: hãy sửa lại số.',
  issue_duplicate:
    'Trùng số liệu với dòng {first} (cùng kỳ, địa bàn, chỉ tiêu và phân loại). Hãy xóa một trong hai dòng.',
  issue_encoding_converted:
    'Tệp được mã hóa {encoding} và đã được chuyển sang Unicode. Hãy kiểm tra tên địa bàn hiển thị đúng; lần sau nên lưu tệp dạng "CSV UTF-8".',
  issue_unknown_column:
    'Không nhận ra cột "{column}"; cột này bị bỏ qua. Nếu đó là một chỉ tiêu, hãy đổi tiêu đề theo tên chỉ tiêu (ví dụ: "Tổng số tin", "Tin về an ninh chính trị").',
  issue_extra_cells:
    'Dòng có nhiều ô hơn dòng tiêu đề; các ô thừa bị bỏ qua. Hãy kiểm tra dấu phân cách hoặc thêm tiêu đề cho các cột đó.',
  issue_empty_row: 'Dòng không có số liệu nào nên không được nhập. Hãy điền số liệu hoặc xóa dòng.',
  issue_area_code_padded:
    'Mã "{value}" đã được hiểu là "{code}" ({name}) do mất số 0 ở đầu (Excel). Hãy định dạng cột mã là Văn bản để giữ số 0.',
  issue_area_name_mismatch:
    'Mã "{code}" là "{expected}", không phải "{value}". Số liệu được gán theo mã; hãy sửa mã hoặc tên cho khớp.',
  issue_fractional_value:
    'Giá trị "{value}" được đọc là {number}, không phải số nguyên. Nếu đó là số hàng nghìn, hãy dùng dấu chấm (208.229) hoặc bỏ dấu phân cách.',
  issue_sum_mismatch:
    'Tổng các phân loại của "{metric}" ({sum}) {differs} tổng số báo cáo ({total}). Hãy kiểm tra lại các số.',
  issue_sum_over: 'lớn hơn',
  issue_sum_other: 'khác',
  issue_unknown_area_elsewhere: '"{unit}" ({code}) thuộc danh mục {structure}, không áp dụng cho kỳ này.',
  issue_period_overlap:
    'Kỳ {period} chồng lấn kỳ {other} đã có cho cùng địa bàn và chỉ tiêu (báo cáo "{report}"). Hãy kiểm tra đây không phải số liệu nhập trùng.',
  issue_bad_number_too_large:
    '"{value}" quá lớn để lưu chính xác (lớn hơn 9.007.199.254.740.991). Hãy kiểm tra lại số liệu: có thể ô bị dán nhầm hoặc thừa chữ số.',
  issue_not_csv_old_excel:
    'Tệp Excel dạng {format} chưa đọc được. Trong Excel hãy chọn Lưu thành → "Sổ làm việc Excel (.xlsx)" rồi tải lên tệp .xlsx đó (hoặc lưu thành "CSV UTF-8").',
  issue_sum_mismatch_rows:
    'Dòng tổng ghi {total}, nhưng cộng các dòng {from}–{to} ở trên được {sum}. Hãy kiểm tra lại số ở cột này.',
  issue_formula_no_value:
    'Ô {cell} có công thức nhưng chưa có giá trị tính sẵn. Hãy mở tệp trong Excel, để Excel tính lại (F9), lưu rồi tải lên lại.',
  issue_unknown_sheet: 'Không có trang tính {sheet}. Tệp có các trang: {sheets}.',
  issue_bad_workbook:
    'Không đọc được sổ làm việc Excel ({detail}). Hãy mở tệp trong Excel, lưu lại thành .xlsx rồi tải lên lại.',
  issue_unread_row:
    'Dòng "{text}" không phải dòng tiêu đề, dòng tổng hay phần ký tên, và không có số liệu nào. Hãy thêm số liệu, ghi địa bàn, hoặc xóa dòng.'
} as const;
