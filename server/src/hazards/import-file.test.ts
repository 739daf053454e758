import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { initialRegion, type RegionState } from '@watchfloor/shared';
import { decodeText, readCsv, readGeoJson, recordsFromRows, toWgs84, UnreadableFileError } from './import-file.js';

const region: RegionState = {
  ...initialRegion(),
  townships: { '511111100000': { code: '511111100000', name: '青石镇', center: [103.5, 29.6] } },
  villages: { '511111100001': { code: '511111100001', name: '石门村', townshipCode: '511111100000', center: [103.5, 29.6], households: 1, population: 1 } },
};
const CSV = '名称,类别,风险等级,乡镇,行政村,经度,纬度,包保责任人,威胁户数,威胁人数\n后山滑坡,滑坡,重大,青石镇,石门村,103.51,29.61,张三 13800000000；李四 13900000001,12,40\n';

/** BD-09 from GCJ-02, the published Baidu formula, written out here as an independent check. */
function gcjToBd([lng, lat]: [number, number]): [number, number] {
  const X = (Math.PI * 3000) / 180;
  const z = Math.sqrt(lng * lng + lat * lat) + 0.00002 * Math.sin(lat * X);
  const theta = Math.atan2(lat, lng) + 0.000003 * Math.cos(lng * X);
  return [z * Math.cos(theta) + 0.0065, z * Math.sin(theta) + 0.006];
}

describe('reading ledger files', () => {
  it.each([
    ['UTF-8', Buffer.from(CSV, 'utf8')],
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(CSV, 'utf8')])],
    ['GBK as Chinese Excel saves it', iconv.encode(CSV, 'gbk')],
  ])('reads %s', (_n, buf) => {
    const rows = readCsv(buf);
    expect(rows).toHaveLength(1);
    const { good, rejected } = recordsFromRows(rows, 'wgs84', region);
    expect(rejected).toEqual([]);
    expect(good[0]).toMatchObject({
      row: 2,
      record: { name: '后山滑坡', kind: 'landslide', riskLevel: 'major', townshipCode: '511111100000', villageCode: '511111100001', location: [103.51, 29.61], households: 12, people: 40 },
    });
    expect(good[0]!.record.responsible).toEqual([{ name: '张三', phone: '13800000000' }, { name: '李四', phone: '13900000001' }]);
  });

  it('tells GBK from UTF-8 only by whether UTF-8 decodes cleanly', () => {
    expect(decodeText(iconv.encode('隐患台账', 'gbk'))).toBe('隐患台账');
    expect(decodeText(Buffer.from('隐患台账'))).toBe('隐患台账');
  });

  it('reports each bad row with its spreadsheet row number and reason', () => {
    const csv = CSV + '无类别,,重大,青石镇,,103.5,29.6,,,\n坐标反了,滑坡,重大,青石镇,,29.6,103.5,,,\n负户数,滑坡,重大,青石镇,,103.5,29.6,,-3,\n';
    const { good, rejected } = recordsFromRows(readCsv(Buffer.from(csv)), 'wgs84', region);
    expect(good.map((g) => g.row)).toEqual([2]);
    expect(rejected).toEqual([
      { row: 3, code: 'missing-value', params: { column: '类别', field: 'kind' }, reason: expect.stringMatching(/^kind/) },
      { row: 4, code: 'outside-china', params: { lon: 29.6, lat: 103.5 }, reason: expect.stringMatching(/outside China/) },
      { row: 5, code: 'too-small', params: { column: '威胁户数', field: 'households', limit: 0 }, reason: expect.stringMatching(/^households/) },
    ]);
  });

  it('refuses a file without a header it knows', () => {
    expect(() => readCsv(Buffer.from('a,b\n1,2\n'))).toThrow(UnreadableFileError);
    expect(() => readGeoJson(Buffer.from('{"type":"Point"}'))).toThrow(UnreadableFileError);
  });
});

describe('coordinate systems', () => {
  // Known pairs (eviltransform's test vectors): WGS-84 → GCJ-02 in Shanghai and Beijing.
  const pairs: Array<[string, [number, number], [number, number]]> = [
    ['Shanghai', [121.5272106, 31.1774276], [121.531541859215, 31.17530398364597]],
    ['Beijing', [116.377817, 39.911954], [116.38404722455657, 39.91334545536069]],
  ];
  it.each(pairs)('GCJ-02 in %s converts to the known WGS-84 point', (_n, wgs, gcj) => {
    const [lon, lat] = toWgs84(gcj[0], gcj[1], 'gcj02');
    expect(Math.abs(lon - wgs[0])).toBeLessThan(2e-6);
    expect(Math.abs(lat - wgs[1])).toBeLessThan(2e-6);
  });
  it.each(pairs)('BD-09 in %s converts to the known WGS-84 point', (_n, wgs, gcj) => {
    const bd = gcjToBd(gcj);
    const [lon, lat] = toWgs84(bd[0], bd[1], 'bd09');
    expect(Math.abs(lon - wgs[0])).toBeLessThan(2e-5);
    expect(Math.abs(lat - wgs[1])).toBeLessThan(2e-5);
  });
  it('keeps WGS-84 and CGCS2000 as they are', () => {
    expect(toWgs84(103.51, 29.61, 'wgs84')).toEqual([103.51, 29.61]);
    expect(toWgs84(103.51, 29.61, 'cgcs2000')).toEqual([103.51, 29.61]);
  });
  it('takes GeoJSON points from their geometry', () => {
    const doc = { type: 'FeatureCollection', features: [{ type: 'Feature', geometry: { type: 'Point', coordinates: [121.531541859215, 31.17530398364597] }, properties: { name: '江堤', kind: 'dam-risk', riskLevel: 'high', townshipCode: '511111100000' } }] };
    const { good } = recordsFromRows(readGeoJson(Buffer.from(JSON.stringify(doc))), 'gcj02', region);
    expect(good[0]!.record.location).toEqual([121.5272106, 31.1774276]);
  });
});
