import { describe, expect, it } from 'vitest';
import { splitTypePrefix } from '$import/areas';
import { areas } from './helpers';

const code = (r: ReturnType<typeof areas.byName>) => (r.ok ? r.area.code : r.kind);
const Y2018 = '2018-12-31';
const Y2025 = '2025-12-31';

describe('area resolution', () => {
  it('finds units by official code in the structure of the period', () => {
    expect(areas.byCode('01', Y2018)).toMatchObject({ ok: true, area: { level: 'city' } });
    expect(areas.byCode('001', Y2018)).toMatchObject({
      ok: true,
      area: { name: 'Ba Đình', level: 'district' }
    });
    expect(areas.byCode('00004', Y2018)).toMatchObject({ ok: true, area: { name: 'Trúc Bạch' } });
    // Codes are reused across the 2025 reform: 00004 is a different unit from 1 July 2025.
    expect(areas.byCode('00004', Y2025)).toMatchObject({
      ok: true,
      area: { name: 'Ba Đình', level: 'commune' }
    });
    expect(areas.byCode('27', Y2018)).toMatchObject({
      ok: true,
      area: { name: 'Bắc Ninh', level: 'province' }
    });
  });

  it('restores leading zeros Excel dropped when one unit fits, and lists candidates otherwise', () => {
    expect(areas.byCode('9550', Y2018)).toMatchObject({ ok: true, padded: '9550', area: { code: '09550' } });
    const r = areas.byCode('4', Y2018);
    expect(r.ok).toBe(false);
    if (!r.ok && r.kind === 'ambiguous')
      expect(r.candidates.map((a) => a.code)).toEqual(['04', '004', '00004']);
    else throw new Error('expected ambiguous');
  });

  it('finds units by name with or without the type word', () => {
    for (const n of ['Phúc Xá', 'Phường Phúc Xá', 'P. Phúc Xá', 'phuong phuc xa', 'PHƯỜNG PHÚC XÁ'])
      expect(code(areas.byName(n, Y2018))).toBe('00001');
    expect(code(areas.byName('Quận Ba Đình', Y2018))).toBe('001');
    expect(code(areas.byName('Thị xã Sơn Tây', Y2018))).toBe('269');
    expect(code(areas.byName('Thành phố Hà Nội', Y2018))).toBe('01');
    expect(code(areas.byName('TP Hà Nội', Y2025))).toBe('01');
    expect(code(areas.byName('Tỉnh Bắc Ninh', Y2025))).toBe('24');
  });

  it('reports an ambiguous name with every candidate, its code and parent', () => {
    const r = areas.byName('Quang Trung', Y2018);
    if (r.ok || r.kind !== 'ambiguous') throw new Error('expected ambiguous');
    expect(r.candidates.map((a) => a.code)).toEqual(['00214', '09550', '09583', '10306']);
    expect(r.candidates.map(areas.describe)).toContain('Phường Quang Trung (09583, Thị xã Sơn Tây)');
  });

  it('narrows a name by its type word, its level or its district', () => {
    expect(code(areas.byName('Yên Viên', Y2018))).toBe('ambiguous');
    expect(code(areas.byName('Xã Yên Viên', Y2018))).toBe('00532');
    expect(code(areas.byName('Thị trấn Yên Viên', Y2018))).toBe('00526');
    expect(code(areas.byName('Quang Trung', Y2018, { parentCode: '269' }))).toBe('09583');
    expect(code(areas.byName('Thanh Trì', Y2018))).toBe('ambiguous');
    expect(code(areas.byName('Thanh Trì', Y2018, { level: 'district' }))).toBe('020');
  });

  it('does not accept a 2025 unit in a 2019-structure period, and says why', () => {
    const r = areas.byName('Ngọc Hà', Y2018); // a ward in both structures, with different codes
    expect(code(r)).toBe('00016');
    // Tone-mark placement differs between the two lists (Yên Hoà, Yên Hòa): both spellings find the ward.
    expect(code(areas.byName('Yên Hòa', Y2018))).toBe('00172');
    expect(code(areas.byName('Yên Hoà', Y2025))).toBe(code(areas.byName('Yên Hòa', Y2025)));
    const only2025 = areas.byName('Phường Láng', Y2018);
    expect(only2025).toMatchObject({ ok: false, kind: 'unknown' });
    if (!only2025.ok && only2025.kind === 'unknown') expect(only2025.hint?.en).toContain('from 1 July 2025');
    // And a district no longer exists after the reform: "Quận Ba Đình" is not the 2025 ward Ba Đình.
    expect(code(areas.byName('Quận Ba Đình', Y2025))).toBe('unknown');
    expect(code(areas.byName('Ba Đình', Y2025))).toBe('00004');
  });

  it('splits type words off names', () => {
    expect(splitTypePrefix('Thị trấn Yên Viên')).toEqual({ type: 'Thị trấn', name: 'Yên Viên' });
    expect(splitTypePrefix('TP. Hà Nội')).toEqual({ type: 'Thành phố', name: 'Hà Nội' });
    expect(splitTypePrefix('Thành Công')).toEqual({ type: null, name: 'Thành Công' });
    expect(splitTypePrefix('P.Phúc Xá')).toEqual({ type: 'Phường', name: 'Phúc Xá' });
    expect(splitTypePrefix('thi tran Yen Vien')).toEqual({ type: 'Thị trấn', name: 'Yen Vien' });
  });
});
