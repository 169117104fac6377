/** The custom XML part that keeps review remarks in a workbook, as both hosts write and read it. */
import { REMARKS_NAMESPACE, remarksFromPartXml, remarksPartXml } from '../../src/host/remarks-part';

describe('remarks custom XML part', () => {
  const json = JSON.stringify({
    version: 1,
    remarks: [{ id: 'r1', text: '<p>“≥90%” & ]]> 不对\r\n第二行' }],
  });

  it('keeps any text exactly, markup characters and CDATA ends included', () => {
    const xml = remarksPartXml(json);
    expect(xml).toContain(`<remarks xmlns="${REMARKS_NAMESPACE}">`);
    expect(xml).not.toContain('<p>');
    expect(remarksFromPartXml(xml)).toBe(json);
    expect(remarksFromPartXml(remarksPartXml(''))).toBe('');
  });

  it('reads the part after another writer re-serialised it', () => {
    const prefixed = `<j:remarks xmlns:j='${REMARKS_NAMESPACE}'><![CDATA[{"a":"<b>"}]]>&#x4E2D;&#25991;</j:remarks>`;
    expect(remarksFromPartXml(prefixed)).toBe('{"a":"<b>"}中文');
    expect(remarksFromPartXml(`<remarks xmlns="${REMARKS_NAMESPACE}"/>`)).toBe('');
  });

  it('is not fooled by other custom XML parts', () => {
    expect(remarksFromPartXml('<remarks xmlns="urn:someone-else">x</remarks>')).toBeNull();
    expect(remarksFromPartXml(`<other xmlns="${REMARKS_NAMESPACE}">x</other>`)).toBeNull();
    expect(remarksFromPartXml('<remarks>x</remarks>')).toBeNull();
    expect(remarksFromPartXml('not xml')).toBeNull();
  });
});
