import { describe, expect, it } from 'vitest';
import { classifyHeader, resolveCategoryCell, resolveMetricCell } from '$import/headers';
import { looseKey, strictKey } from '$import/text';

const fig = (metric: string, category = '') => ({ kind: 'figure', metric, category });

describe('header matching', () => {
  it.each([
    ['Tổng số tin', fig('tips')],
    ['Tin về an ninh chính trị', fig('tips', 'political_security')],
    ['ANCT', fig('tips', 'political_security')],
    ['Tin về tội phạm hình sự', fig('tips', 'criminal')],
    ['Tin về tệ nạn xã hội', fig('tips', 'social_evils')],
    ['TNXH', fig('tips', 'social_evils')],
    ['Tin khác', fig('tips', 'other')],
    ['Số vụ mâu thuẫn, tranh chấp được hòa giải', fig('disputes_resolved')],
    ['Lượt người tham gia tuần tra, canh gác', fig('patrol_turns')],
    ['Số mô hình, chuyên đề', fig('models')],
    ['Số điểm mô hình', fig('model_sites')],
    ['Cụm liên kết', fig('models', 'cluster_linkage')],
    ['Tự phòng, tự quản', fig('models', 'self_defence')],
    ['Dòng họ tự quản', fig('models', 'clan_self_management')],
    ['Bằng khen UBND TP', fig('awards', 'city_committee')],
    ['Bằng khen Giám đốc CATP', fig('awards', 'police_director')],
    ['Bằng khen UBMTTQ', fig('awards', 'fatherland_front')],
    ['Tips from citizens', fig('tips')],
    ['Political security', fig('tips', 'political_security')],
    ['tips.criminal', fig('tips', 'criminal')],
    ['Tổng số tin (tin)', fig('tips')],
    ['Tin về an ninh chính trị (ANCT)', fig('tips', 'political_security')],
    // Model types count models unless the header says it counts communes.
    ['Số xã, phường có mô hình cụm liên kết', fig('model_communes', 'cluster_linkage')],
    ['Mô hình khác', fig('models', 'other')],
    ['Mã', { kind: 'area_code' }],
    ['Mã xã', { kind: 'area_code' }],
    ['Đơn vị', { kind: 'area_name', level: null }],
    ['Xã/Phường', { kind: 'area_name', level: 'commune' }],
    ['Quận/Huyện', { kind: 'area_name', level: 'district' }],
    ['Kỳ', { kind: 'period' }],
    ['Kỳ báo cáo', { kind: 'period' }],
    ['Năm', { kind: 'period' }],
    ['Giai đoạn', { kind: 'period' }],
    ['STT', { kind: 'ignore' }],
    ['Ghi chú', { kind: 'note' }]
  ])('%j', (header, role) => {
    expect(classifyHeader(header)).toEqual(role);
  });

  it('ignores case, spacing, punctuation and tone-mark placement', () => {
    const variants = [
      'Số vụ mâu thuẫn, tranh chấp được hoà giải', // old-style placement: hoà
      'SỐ VỤ MÂU THUẪN TRANH CHẤP ĐƯỢC HÒA GIẢI',
      '  số  vụ mâu thuẫn ,tranh chấp được   hòa giải ',
      'So vu mau thuan, tranh chap duoc hoa giai',
      'Số vụ mâu thuẫn, tranh chấp được hòa giải'.normalize('NFD')
    ];
    for (const v of variants) expect(classifyHeader(v)).toEqual(fig('disputes_resolved'));
    expect(strictKey('Thủy')).toBe(strictKey('Thuỷ'));
    expect(strictKey('Hòa')).toBe(strictKey('Hoà'));
    expect(strictKey('Hòa')).not.toBe(strictKey('Hóa'));
    expect(looseKey('Đống Đa')).toBe('dongda');
  });

  it('returns null for a header it cannot map (the pipeline reports it)', () => {
    expect(classifyHeader('Số camera an ninh')).toBeNull();
  });

  it('reads metric and category cells by id, Vietnamese or English name', () => {
    expect(resolveMetricCell('tips')).toEqual({ metric: 'tips', category: '' });
    expect(resolveMetricCell('Tin báo của quần chúng')).toEqual({ metric: 'tips', category: '' });
    expect(resolveMetricCell('Tips from citizens')).toEqual({ metric: 'tips', category: '' });
    expect(resolveMetricCell('Tin về ANCT')).toEqual({ metric: 'tips', category: 'political_security' });
    expect(resolveMetricCell('bogus')).toBeNull();
    expect(resolveCategoryCell('tips', 'criminal')).toBe('criminal');
    expect(resolveCategoryCell('tips', 'Tội phạm hình sự')).toBe('criminal');
    expect(resolveCategoryCell('tips', 'Social evils')).toBe('social_evils');
    expect(resolveCategoryCell('tips', 'Tổng số')).toBe('');
    expect(resolveCategoryCell('model_communes', 'Cụm liên kết')).toBe('cluster_linkage');
    expect(resolveCategoryCell('disputes_resolved', 'criminal')).toBeNull();
  });
});
