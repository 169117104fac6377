/**
 * Review remarks kept in the workbook (issue 11): a custom XML part in a fixed namespace that
 * survives save and reopen on another machine (a new fake opened from the saved file), with the
 * remarks text exact whatever characters it holds; the newest of several parts wins and a save
 * replaces them all; an unreadable part is reported, never a crash.
 */
import { hostErrors } from '../../src/host/errors';
import {
  newestRemarks,
  readRemarksPart,
  remarksPartXml,
  REMARKS_NAMESPACE,
} from '../../src/host/remarks-part';
import { OfficeWorkbookHost } from '../../src/office/host';
import { decodeRemarks, encodeRemarks, type Remark } from '../../src/review/remarks';
import { FakeExcel, xmlRootNamespace } from './fake-excel';
import { syncsOf, unwrap } from './helpers';

function remark(id: string, text: string, cell = 'E12'): Remark {
  return {
    id,
    sheet: '项目1',
    cell,
    row: Number(cell.slice(1)) - 1,
    col: 4,
    category: 'other',
    text,
    created: '2026-03-01T08:00:00.000Z',
    updated: '2026-03-01T08:00:00.000Z',
  };
}

/** Texts that break naive XML or JSON handling. */
const HARD = [
  '<remarks xmlns="x">注入</remarks>',
  'a & b &amp; &lt; ]]> <![CDATA[ x ]]>',
  '引号 " \' 和反斜杠 \\ 与 \\u0041',
  'line\r\nbreak\rcr\ttab',
  'ctrl \u0001\u0008\u000b\u001f',
  'non-characters \ufffe\uffff',
  'lone surrogates \ud800 x \udc00',
  'emoji 😀 and 𠀀',
  '=HYPERLINK("http://example.com") -2+3 @SUM(1)',
];

function bookWithSheet(): FakeExcel {
  const fake = new FakeExcel();
  fake.setValues(fake.addSheet('项目1'), [['项目名称', '测试']]);
  return fake;
}

const host = (fake: FakeExcel, at = Date.UTC(2026, 2, 1)) =>
  new OfficeWorkbookHost(fake.run, { mergedAreas: true }, { now: () => at });

describe('remarks in a custom XML part', () => {
  it('save, then reopen the saved file elsewhere: the same remarks come back', async () => {
    const fake = bookWithSheet();
    const a = host(fake);
    expect(await syncsOf(fake, async () => expect(unwrap(await a.loadRemarks())).toBeNull())).toBe(
      1,
    );
    const remarks = HARD.map((t, i) => remark(`r${i + 1}`, t, `E${i + 2}`));
    const text = encodeRemarks(remarks);
    expect(await syncsOf(fake, async () => unwrap(await a.saveRemarks(text)))).toBe(2);
    expect(fake.customXmlParts).toHaveLength(1);
    expect(xmlRootNamespace(fake.customXmlParts[0].xml)).toBe(REMARKS_NAMESPACE);

    const reopened = FakeExcel.open(fake.saveFile());
    expect(reopened.customXmlParts[0].xml.startsWith('<?xml')).toBe(true);
    const b = host(reopened);
    let loaded: string | null = null;
    expect(await syncsOf(reopened, async () => (loaded = unwrap(await b.loadRemarks())))).toBe(2);
    // the same JSON: U+FFFE and U+FFFF, which XML cannot hold, come back as JSON escapes
    expect(JSON.parse(loaded ?? '')).toEqual(JSON.parse(text));
    expect(loaded).toBe(text.replace('\ufffe\uffff', '\\ufffe\\uffff'));
    expect(decodeRemarks(loaded)).toEqual({ remarks, unread: [], failed: false, problem: null });
  });

  it('several parts: the newest is read, and a save leaves only the new one', async () => {
    const fake = bookWithSheet();
    const older = encodeRemarks([remark('r1', '旧意见')]);
    const newer = encodeRemarks([remark('r1', '新意见')]);
    fake.customXmlParts.push(
      { id: '{a}', xml: remarksPartXml(newer, '2026-03-02T00:00:00.000Z') },
      { id: '{b}', xml: remarksPartXml(older, '2026-03-01T00:00:00.000Z') },
      { id: '{c}', xml: '<other xmlns="urn:someone-else">keep me</other>' },
    );
    const h = host(fake, Date.UTC(2026, 2, 3));
    expect(unwrap(await h.loadRemarks())).toBe(newer);
    const latest = encodeRemarks([remark('r1', '最新意见')]);
    unwrap(await h.saveRemarks(latest));
    expect(fake.customXmlParts.map((p) => p.id)).toEqual(['{c}', expect.any(String)]);
    expect(fake.customXmlParts[0].xml).toBe('<other xmlns="urn:someone-else">keep me</other>');
    expect(unwrap(await h.loadRemarks())).toBe(latest);
  });

  it('a part another tool rewrote (prefix, CDATA, references) is still read', async () => {
    const fake = bookWithSheet();
    const text = encodeRemarks([remark('r1', '意见 <a> & "b"')]);
    const json = text.replace(/&/g, '&#38;').replace(/</g, '&#x3C;');
    fake.customXmlParts.push({
      id: '{x}',
      xml:
        `<?xml version="1.0" encoding="utf-8"?>\r\n<!-- kept by a tool -->` +
        `<j:remarks xmlns:j='${REMARKS_NAMESPACE}' saved='2026-03-01T00:00:00.000Z'>` +
        `${json.slice(0, 10)}<![CDATA[${json.slice(10, 20)}]]>${json.slice(20)}</j:remarks>`,
    });
    expect(unwrap(await host(fake).loadRemarks())).toBe(text);
  });

  it('an unreadable part is reported in Chinese; a save replaces it', async () => {
    for (const xml of [
      `<remarks xmlns="${REMARKS_NAMESPACE}">{"version":1,"remarks":[</remarks>`,
      `<remarks xmlns="${REMARKS_NAMESPACE}">not json</remarks>`,
      `<remarks xmlns="${REMARKS_NAMESPACE}"><b>markup</b></remarks>`,
      `<remarks xmlns="${REMARKS_NAMESPACE}">{"remarks":[]}</remarks>`,
      `<remarks xmlns="${REMARKS_NAMESPACE}">&bogus;</remarks>`,
      `<notes xmlns="${REMARKS_NAMESPACE}">{"version":1,"remarks":[]}</notes>`,
    ]) {
      const fake = bookWithSheet();
      fake.customXmlParts.push({ id: '{bad}', xml });
      const h = host(fake);
      expect(await h.loadRemarks()).toEqual({ ok: false, error: hostErrors.remarksUnreadable() });
      expect(hostErrors.remarksUnreadable().message).toMatch(/审核意见无法读取/);
      unwrap(await h.saveRemarks(encodeRemarks([remark('r1', '重新保存')])));
      expect(fake.customXmlParts.map((p) => p.id)).not.toContain('{bad}');
      expect(decodeRemarks(unwrap(await h.loadRemarks())).remarks).toEqual([
        remark('r1', '重新保存'),
      ]);
    }
  });

  it('a failed save keeps what was kept before', async () => {
    const fake = bookWithSheet();
    const h = host(fake);
    const kept = encodeRemarks([remark('r1', '已保存')]);
    unwrap(await h.saveRemarks(kept));
    fake.maxRequestBytes = 2000;
    const big = encodeRemarks([remark('r1', '很长'.repeat(2000))]);
    expect(await h.saveRemarks(big)).toEqual({
      ok: false,
      error: expect.objectContaining({
        code: 'too-large',
        message: expect.stringMatching(/审核意见/),
      }),
    });
    fake.maxRequestBytes = Infinity;
    expect(unwrap(await h.loadRemarks())).toBe(kept);
  });
});

describe('the part’s XML', () => {
  it('round-trips any remarks text and is well-formed XML in the namespace', () => {
    for (const t of HARD) {
      const text = encodeRemarks([remark('r1', t)]);
      const xml = remarksPartXml(text, '2026-03-01T00:00:00.000Z');
      expect(xmlRootNamespace(xml)).toBe(REMARKS_NAMESPACE);
      const part = readRemarksPart(xml);
      expect(part).toEqual({
        ok: true,
        text: expect.any(String),
        saved: '2026-03-01T00:00:00.000Z',
      });
      const back = part.ok ? part.text : '';
      expect(JSON.parse(back)).toEqual(JSON.parse(text));
      if (!/[\ufffe\uffff]/.test(t)) expect(back).toBe(text);
    }
  });

  it('no part, one unreadable part, or unreadable beside readable ones', () => {
    const good = remarksPartXml(encodeRemarks([]), '2026-03-01T00:00:00.000Z');
    expect(newestRemarks([])).toBe('none');
    expect(newestRemarks(['<broken'])).toBe('unreadable');
    expect(newestRemarks(['<broken', good])).toEqual({ text: encodeRemarks([]) });
  });
});
