import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeBytes, decodeTcvn3, TCVN3_TABLE } from '$import/decode';
import { fixture, run } from './helpers';

const NAMES = [
  'Hà Nội',
  'Phường Phúc Xá',
  'Quận Đống Đa',
  'Thị trấn Yên Viên',
  'Huyện Thường Tín',
  'Dòng họ tự quản',
  'Tự phòng, tự quản'
];

/** Windows-1258 spells most toned letters as a base letter plus a combining tone mark: split the tone marks off. */
function cp1258Form(s: string): string {
  return [...s.normalize('NFC')]
    .map((ch) => {
      const d = ch.normalize('NFD');
      const tones = d.replace(/[^\u0300\u0301\u0303\u0309\u0323]/g, '');
      return d.replace(/[\u0300\u0301\u0303\u0309\u0323]/g, '').normalize('NFC') + tones;
    })
    .join('');
}

const WIDE = fixture('wide-excel-export-vi.csv').toString('utf8');

describe('encodings', () => {
  it('reads UTF-8 with and without a byte-order mark', async () => {
    const plain = await run(Buffer.from(WIDE, 'utf8'));
    const bom = await run(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(WIDE, 'utf8')]));
    expect(plain.encoding).toBe('utf-8');
    expect(bom.encoding).toBe('utf-8-bom');
    expect(bom.observations).toEqual(plain.observations);
    expect(bom.warnings.map((w) => w.code)).not.toContain('encoding_converted');
  });

  it.each(['utf-16le', 'utf-16be'] as const)(
    'reads Excel "Unicode text": %s with BOM, tab-delimited',
    async (enc) => {
      const tabbed = WIDE.replace(/;/g, '\t').replace(/\n/g, '\r\n');
      const bytes = iconv.encode(tabbed, enc, { addBOM: true });
      const r = await run(bytes);
      const ref = await run(WIDE);
      expect(r.encoding).toBe(enc);
      expect(r.delimiter).toBe('\t');
      expect(r.errors).toEqual([]);
      expect(r.observations).toEqual(ref.observations);
      expect(r.warnings[0]).toMatchObject({ code: 'encoding_converted', row: 0 });
    }
  );

  it('reads Windows-1258 with decomposed tone marks and composes them (NFC)', async () => {
    const text = cp1258Form(WIDE);
    expect(text).not.toBe(text.normalize('NFC')); // really decomposed
    const bytes = iconv.encode(text, 'windows1258');
    expect(iconv.decode(bytes, 'windows1258')).toBe(text); // every character was encodable
    const r = await run(bytes);
    expect(r.encoding).toBe('windows-1258');
    expect(r.errors).toEqual([]);
    expect(r.observations).toEqual((await run(WIDE)).observations);
    expect(r.observations.find((o) => o.note !== '')?.note).toBe('Số liệu ước tính');
  });

  it('decodes real Windows-1258 bytes of names', () => {
    for (const name of NAMES) {
      const d = decodeBytes(iconv.encode(cp1258Form(name) + ',x\n', 'windows1258'));
      expect(d).toMatchObject({ ok: true, encoding: 'windows-1258', text: `${name},x\n` });
    }
  });

  it('decodes TCVN3 (.Vn fonts): "Hµ Néi" is "Hà Nội"', () => {
    // The bytes a .VnTime sheet saves: H 0xB5 space N 0xE9 i
    expect(decodeTcvn3(new Uint8Array([0x48, 0xb5, 0x20, 0x4e, 0xe9, 0x69]))).toBe('Hà Nội');
    expect(decodeTcvn3('Hµ Néi')).toBe('Hà Nội');
    expect(TCVN3_TABLE[0xae]).toBe('đ');
    expect(TCVN3_TABLE[0xa7]).toBe('Đ');
  });

  it('agrees with the TCVN 5712 table of iconv-lite on real names', () => {
    for (const name of NAMES) {
      const bytes = iconv.encode(name, 'tcvn');
      expect(bytes.every((b) => b !== 0x3f)).toBe(true); // no '?' for unmappable characters
      expect(decodeTcvn3(bytes)).toBe(name);
    }
    const all = new Uint8Array(128).map((_, i) => i + 128);
    expect(decodeTcvn3(all)).toBe(iconv.decode(Buffer.from(all), 'tcvn').normalize('NFC'));
  });

  it('detects a TCVN3 file and imports it', async () => {
    const csv =
      'Kỳ báo cáo,Đơn vị,Tổng số tin,Tin về tội phạm hình sự\n2018,Phường Phúc Xá,120,80\n2018,Quận Đống Đa,500,300\n';
    const r = await run(iconv.encode(csv, 'tcvn'));
    expect(r.encoding).toBe('tcvn3');
    expect(r.errors).toEqual([]);
    expect(r.observations.map((o) => [o.area_code, o.metric, o.category, o.value])).toEqual([
      ['00001', 'tips', '', 120],
      ['00001', 'tips', 'criminal', 80],
      ['006', 'tips', '', 500],
      ['006', 'tips', 'criminal', 300]
    ]);
    expect(r.warnings.map((w) => w.code)).toEqual(['encoding_converted']);
  });

  it('detects TCVN3 text that was saved as UTF-8 (Latin-1 look-alikes)', async () => {
    const tcvnAsLatin1 = iconv.decode(
      iconv.encode('Đơn vị,Kỳ,Tổng số tin\nPhường Phúc Xá,2018,5\n', 'tcvn'),
      'latin1'
    );
    const r = await run(Buffer.from(tcvnAsLatin1, 'utf8'));
    expect(r.encoding).toBe('tcvn3-in-utf-8');
    expect(r.observations[0]).toMatchObject({ area_code: '00001', value: 5 });
  });

  it('detects the delimiters , ; and tab', async () => {
    const rows = [
      ['period', 'area_code', 'metric', 'value'],
      ['2018', '001', 'tips', '5']
    ];
    for (const d of [',', ';', '\t']) {
      const r = await run(rows.map((x) => x.join(d)).join('\n'));
      expect(r.delimiter).toBe(d);
      expect(r.observations).toHaveLength(1);
    }
  });
});

describe('large files, decoded in slices', () => {
  // Every line carries multi-byte letters, so some fall across the 64 KB slice boundaries.
  const line = 'Phường Hàng Bạc,Thủy,Hoà,tiếng Việt — “ngoặc”\n';
  const text = 'name,a,b,c\n' + line.repeat(Math.ceil(200_000 / line.length));

  it('gives the same text as one decode, in UTF-8 and UTF-16', () => {
    const u8 = decodeBytes(iconv.encode(text, 'utf8'));
    expect(u8.ok && u8.text).toBe(text.normalize('NFC'));
    const le = decodeBytes(iconv.encode(text, 'utf16le', { addBOM: true }));
    expect(le).toMatchObject({ ok: true, encoding: 'utf-16le' });
    expect(le.ok && le.text.replace(/^\ufeff/, '')).toBe(text.normalize('NFC'));
  });

  it('still notices a byte that is not UTF-8 far into the file', () => {
    const bytes = iconv.encode(text + 'Hà Nội\n', 'windows-1258');
    expect(decodeBytes(bytes)).toMatchObject({ ok: true, encoding: 'windows-1258' });
  });
});
