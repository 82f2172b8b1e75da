import { describe, expect, it } from 'vitest';
import { fixture, run } from './helpers';

const text = fixture('wide-excel-export-vi.csv').toString('utf8');

describe('wide layout from a Vietnamese Excel export', () => {
  it('skips the title rows, finds the header and maps every column', async () => {
    const r = await run(text, { fileName: 'bao-cao-2018.csv' });
    expect(r).toMatchObject({ layout: 'wide', delimiter: ';', rows: 6, error_count: 0, warning_count: 0 });
    expect(r.observations).toHaveLength(56);
  });

  it('reads each row as area × period and each column as metric/category', async () => {
    const r = await run(text);
    const at = (row: number) =>
      Object.fromEntries(
        r.observations
          .filter((o) => o.row === row)
          .map((o) => [`${o.metric}/${o.category}`, [o.value, o.qualifier]])
      );
    expect(
      r.observations.filter((o) => o.row === 5).every((o) => o.area_code === '00001' && o.period === '2018')
    ).toBe(true);
    expect(at(5)).toEqual({
      'tips/': [1234, 'exact'],
      'tips/political_security': [120, 'exact'],
      'tips/criminal': [800, 'exact'],
      'tips/social_evils': [214, 'exact'],
      'tips/other': [100, 'exact'],
      'disputes_resolved/': [45, 'exact'],
      'patrol_turns/': [2000, 'more_than'],
      'models/cluster_linkage': [1, 'exact'],
      'models/self_defence': [2, 'exact'],
      'awards/city_committee': [3, 'exact']
    });
    // "-" and empty cells are "not reported": no figure, no error.
    expect(at(5)['models/clan_self_management']).toBeUndefined();
    expect(at(10)['patrol_turns/']).toEqual([1200000, 'exact']); // "1,2 triệu"
    expect(at(10)['tips/']).toEqual([15000, 'exact']); // "15 000"
    expect(at(7)['patrol_turns/']).toEqual([600, 'nearly']); // "gần 600"
  });

  it('resolves repeated commune names through the district column', async () => {
    const r = await run(text);
    const area = (row: number) => r.observations.find((o) => o.row === row)!.area_code;
    expect(area(6)).toBe('00214'); // Quang Trung, Quận Đống Đa
    expect(area(7)).toBe('09583'); // Quang Trung, Thị xã Sơn Tây
    expect(area(8)).toBe('00532'); // Xã Yên Viên
    expect(area(9)).toBe('00526'); // Thị trấn Yên Viên
    expect(area(10)).toBe('002'); // a district row: Quận Hoàn Kiếm, no commune
    expect(r.observations.find((o) => o.row === 10)!.area_level).toBe('district');
  });

  it('keeps the note column on every figure of its row', async () => {
    const r = await run(text);
    expect(new Set(r.observations.filter((o) => o.row === 6).map((o) => o.note))).toEqual(
      new Set(['Số liệu ước tính'])
    );
  });

  it('skips a total row (checking it against the rows above) and flags an ambiguous commune', async () => {
    const extra = text + ';;Tổng cộng;Năm 2018;2010;;;;;;;;;;;\n7;;Quang Trung;Năm 2018;5;;;;;;;;;;;\n';
    const r = await run(extra);
    expect(r.errors.map((e) => [e.code, e.row, e.column])).toEqual([['ambiguous_area', 12, 'Xã/Phường']]);
    expect(r.skipped.rows).toContainEqual(expect.objectContaining({ from: 11, to: 11, reason: 'total' }));
    expect(r.observations.some((o) => o.row === 11)).toBe(false);
    // 2010 is not what rows 5–10 add up to.
    expect(r.warnings.map((w) => [w.code, w.row])).toEqual([['sum_mismatch', 11]]);
  });

  it('takes the period from the options when the sheet has no period column', async () => {
    const r = await run('Mã;Tổng số tin\n001;5\n', { period: '2023' });
    expect(r.observations[0]).toMatchObject({
      period: '2023',
      period_start: '2023-01-01',
      period_end: '2023-12-31'
    });
    const missing = await run('Mã;Tổng số tin\n001;5\n');
    expect(missing.errors[0]).toMatchObject({ code: 'missing_column', row: 1 });
  });
});

describe('source URLs', () => {
  it('collects the distinct source_url values of a long file for the report metadata', async () => {
    const r = await run(
      'period,area_code,metric,value,source_url\n2018,001,tips,5,https://a.example/r1\n2018,002,tips,6,https://a.example/r1\n2018,003,tips,7,\n'
    );
    expect(r.errors).toEqual([]);
    expect(r.sources).toEqual(['https://a.example/r1']);
  });
});

describe('layout detection', () => {
  it('treats a "Số lượng" column beside figure columns as noise, not as a long file', async () => {
    const r = await run('Kỳ;Mã;Số lượng;Tổng số tin\n2018;001;3;5\n');
    expect(r.layout).toBe('wide');
    expect(r.observations).toHaveLength(1);
  });
});
