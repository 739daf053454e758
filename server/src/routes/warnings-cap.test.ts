import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import { GBT_IDENTIFIER_PATTERN, type Warning } from '@watchfloor/shared';
import { login, postJson, startTestServer, tempDataDir, type TestServer } from '../testing/test-server.js';

// The shared fixtures, relative to the repository (../shared/fixtures/cap from its root).
const FIXTURES = fileURLToPath(new URL('../../../../shared/fixtures/cap', import.meta.url));
const XSD = readFileSync(join(FIXTURES, 'CAP-v1.2.xsd'), 'utf8');
const fixtureFiles = [
  ...readdirSync(FIXTURES).filter((f) => f.endsWith('.xml')),
  ...readdirSync(join(FIXTURES, 'real')).filter((f) => f.endsWith('.xml')).map((f) => `real/${f}`),
];

let server: TestServer;
let dir: { remove(): void; dir: string };
let duty: string;

beforeAll(async () => {
  dir = tempDataDir();
  server = await startTestServer(dir.dir, {}, { tickIntervalMs: false }); // old fixtures would expire mid-test and move the journal
  duty = await login(server.url, 'duty');
});
afterAll(async () => {
  await server.close();
  dir.remove();
});

async function postCap(xml: string | Buffer, token = duty, type = 'application/xml') {
  const res = await fetch(`${server.url}/api/alerts/cap`, { method: 'POST', headers: { 'content-type': type, authorization: `Bearer ${token}` }, body: xml });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : {}) as Record<string, unknown> };
}
const warning = (id: unknown): Warning => server.app.journal.current.warnings.byId[String(id)]!;

/** A minimal CAP 1.2 alert; `extra` goes after msgType (references), `info` replaces the info. */
function cap(id: string, sent: string, msgType = 'Alert', extra = '', severity = 'Severe'): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"><identifier>${id}</identifier><sender>qx@429901</sender><sent>${sent}</sent>
<status>Actual</status><msgType>${msgType}</msgType><scope>Public</scope>${extra}
<info><language>zh-CN</language><category>Met</category><event>暴雨预警</event><urgency>Immediate</urgency><severity>${severity}</severity><certainty>Likely</certainty>
<expires>2099-01-01T00:00:00+08:00</expires><headline>${id}</headline><area><areaDesc>青石镇</areaDesc><polygon>30.1,110.1 30.1,110.3 30.3,110.3 30.3,110.1 30.1,110.1</polygon></area></info></alert>`;
}

describe('CAP in', () => {
  it.each(fixtureFiles)('accepts %s', async (file) => {
    const res = await postCap(readFileSync(join(FIXTURES, file)));
    expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
  });

  it('turns CAP "lat,lon" polygons into GeoJSON [lon, lat] (OASIS A.2)', async () => {
    const res = await postCap(readFileSync(join(FIXTURES, 'oasis-v1dot2_appendix_adot2.xml')));
    expect(res.body.duplicate).toBe(true);
    const w = warning(res.body.id);
    expect(w.area.polygons[0]![0]![0]).toEqual([-120.14, 38.47]);
    expect(w).toMatchObject({ kind: 'lightning', colour: 'orange', origin: 'cap', sender: 'KSTO@NWS.NOAA.GOV' });
  });

  it('is idempotent on (sender, identifier, sent), whatever the offset spelling', async () => {
    const first = await postCap(cap('IDEM-1', '2024-07-09T20:00:00+08:00'));
    expect(first.status).toBe(201);
    const head = server.app.journal.head;
    const again = await postCap(cap('IDEM-1', '2024-07-09T12:00:00+00:00'));
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ id: first.body.id, duplicate: true });
    expect(server.app.journal.head).toBe(head);
  });

  it('follows Update and Cancel through references', async () => {
    const a = await postCap(cap('CHAIN-1', '2024-07-09T20:00:00+08:00', 'Alert', '', 'Moderate'));
    expect(warning(a.body.id)).toMatchObject({ colour: 'yellow', status: 'issued' });
    const u = await postCap(cap('CHAIN-2', '2024-07-09T20:30:00+08:00', 'Update', '<references>qx@429901,CHAIN-1,2024-07-09T20:00:00+08:00</references>', 'Extreme'));
    expect(u.body).toMatchObject({ id: a.body.id, updated: true });
    expect(warning(a.body.id)).toMatchObject({ colour: 'red', status: 'updated', identifier: 'CHAIN-2', version: 2 });
    const c = await postCap(cap('CHAIN-3', '2024-07-09T21:00:00+08:00', 'Cancel', '<references>qx@429901,CHAIN-2,2024-07-09T20:30:00+08:00</references>'));
    expect(c.body).toMatchObject({ id: a.body.id, cancelled: [a.body.id] });
    expect(warning(a.body.id).status).toBe('cancelled');
    // The Cancel again changes nothing.
    const head = server.app.journal.head;
    expect((await postCap(cap('CHAIN-3', '2024-07-09T21:00:00+08:00', 'Cancel', '<references>qx@429901,CHAIN-2,2024-07-09T20:30:00+08:00</references>'))).status).toBe(200);
    expect(server.app.journal.head).toBe(head);
  });

  it('an Update that references two alerts updates the newest and supersedes the other', async () => {
    const x = await postCap(cap('SUP-1', '2024-07-09T20:00:00+08:00'));
    const y = await postCap(cap('SUP-2', '2024-07-09T20:05:00+08:00'));
    await postCap(cap('SUP-3', '2024-07-09T20:10:00+08:00', 'Update', '<references>qx@429901,SUP-1,2024-07-09T20:00:00+08:00 qx@429901,SUP-2,2024-07-09T20:05:00+08:00</references>'));
    expect(warning(y.body.id)).toMatchObject({ status: 'updated', identifier: 'SUP-3' });
    expect(warning(x.body.id)).toMatchObject({ status: 'cancelled', endReason: 'superseded by SUP-3' });
  });

  it('refuses malformed, hostile and non-CAP documents with a reason, writing nothing', async () => {
    const head = server.app.journal.head;
    const cases: Array<[string, string, RegExp]> = [
      ['malformed', '<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"><identifier>x</alert>', /well-formed/],
      ['XXE', '<?xml version="1.0"?><!DOCTYPE alert [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"><identifier>&xxe;</identifier></alert>', /DOCTYPE/],
      ['billion laughs', `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`).join('')}]><alert>&lol9;</alert>`, /DOCTYPE/],
      ['not CAP (RSS)', '<rss version="2.0"><channel><title>x</title></channel></rss>', /root element is <rss>/],
      ['wrong namespace', '<alert xmlns="urn:example:not-cap"><identifier>x</identifier></alert>', /namespace/],
      ['no sent', '<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"><identifier>x</identifier><sender>s</sender><status>Actual</status><msgType>Alert</msgType></alert>', /<sent> is missing/],
      ['bad severity', cap('BAD-1', '2024-07-09T20:00:00+08:00', 'Alert', '', 'Apocalyptic'), /severity/],
      ['bad polygon', cap('BAD-2', '2024-07-09T20:00:00+08:00').replace('30.1,110.1 30.1,110.3', '30.1;110.1 30.1,110.3'), /polygon/],
      ['empty', '', /./],
      ['nested 1,000 deep', cap('DEEP-1', '2024-07-09T20:00:00+08:00').replace('</alert>', `${'<note>'.repeat(1000)}${'</note>'.repeat(1000)}</alert>`), /not a readable CAP document: Maximum nested tags exceeded/],
      ['20,001 elements', cap('FLOOD-1', '2024-07-09T20:00:00+08:00').replace('</alert>', `${'<note/>'.repeat(20_001)}</alert>`), /over 20000 elements/],
    ];
    for (const [name, xml, why] of cases) {
      const res = await postCap(xml);
      expect(res.status, name).toBe(400);
      expect(String(res.body.message), name).toMatch(why);
    }
    const json = await postJson(server.url, '/api/alerts/cap', { alert: 'x' }, duty);
    expect(json.status).toBe(400);
    expect(server.app.journal.head).toBe(head);
  });

  it('refuses a 30 MB body with 413 and stays up', async () => {
    const huge = Buffer.alloc(30 * 1024 * 1024, 'a');
    const res = await postCap(huge);
    expect(res.status).toBe(413);
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
  });

  it('lets the duty desk post CAP, not the wall or a team', async () => {
    for (const user of ['wall', 'team']) expect((await postCap(cap(`ROLE-${user}`, '2024-07-09T20:00:00+08:00'), await login(server.url, user))).status, user).toBe(403);
    expect((await postCap(cap('ROLE-x', '2024-07-09T20:00:00+08:00'), 'forged')).status).toBe(401);
  });
});

describe('CAP out', () => {
  it('exports our own warning as CAP 1.2 that validates against the OASIS schema, with a GB/T identifier', async () => {
    const issued = await postJson(
      server.url,
      '/api/commands/warning:issue',
      {
        kind: 'rainstorm',
        colour: 'red',
        title: '暴雨红色预警 <测试> & 转义',
        areaDesc: '青石镇',
        area: { polygons: [[[[110.1, 30.1], [110.3, 30.1], [110.3, 30.3], [110.1, 30.1]]]], circles: [{ center: [110.2, 30.2], radiusKm: 5 }] },
        expires: '2099-01-01T00:00:00+08:00',
      },
      duty,
    );
    expect(issued.status).toBe(201);
    expect(String(issued.body.identifier)).toMatch(GBT_IDENTIFIER_PATTERN);
    const get = async () => {
      const res = await fetch(`${server.url}/api/alerts/${String(issued.body.id)}/cap`, { headers: { authorization: `Bearer ${duty}` } });
      expect(res.headers.get('content-type')).toMatch(/xml/);
      return res.text();
    };
    const xml = await get();
    const result = await validateXML({ xml: [{ fileName: 'alert.xml', contents: xml }], schema: [{ fileName: 'CAP-v1.2.xsd', contents: XSD }] });
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
    expect(xml).toContain(`<identifier>${String(issued.body.identifier)}</identifier>`);
    expect(xml).toContain('<severity>Extreme</severity>');
    expect(xml).toContain('<polygon>30.1,110.1 30.1,110.3 30.3,110.3 30.1,110.1</polygon>');
    expect(xml).toContain('<circle>30.2,110.2 5</circle>');

    await postJson(server.url, '/api/commands/warning:cancel', { id: issued.body.id, reason: '雨停' }, duty);
    const cancel = await get();
    expect(cancel).toMatch(/<msgType>Cancel<\/msgType>/);
    expect(cancel).toMatch(/<references>watchfloor@\d+,\d{14}_\d{14}_1,/);
    expect((await validateXML({ xml: [{ fileName: 'c.xml', contents: cancel }], schema: [{ fileName: 'CAP-v1.2.xsd', contents: XSD }] })).valid).toBe(true);

    // An imported alert round-trips through our export and still validates; and it re-imports as a duplicate.
    const nws = await postCap(readFileSync(join(FIXTURES, 'real/nws-5c2cf27b1f56885d61654dc47fa411d5.xml')));
    const out = await (await fetch(`${server.url}/api/alerts/${String(nws.body.id)}/cap`, { headers: { authorization: `Bearer ${duty}` } })).text();
    expect((await validateXML({ xml: [{ fileName: 'n.xml', contents: out }], schema: [{ fileName: 'CAP-v1.2.xsd', contents: XSD }] })).errors).toEqual([]);
    expect((await postCap(out)).body).toMatchObject({ id: nws.body.id, duplicate: true });
  });
});
