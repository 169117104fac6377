/**
 * The package around the workbook: which parts exist, where the workbook part is, and each part's
 * XML streamed through the tokenizer with its inflated size counted.
 */
import { corrupt, ReadFailure } from './errors';
import { XmlTokenizer, type XmlSink } from './xml';
import { InflateBudget, ZipArchive, type OneShotInflate, type ZipEntry } from './zip';

export class Package {
  constructor(
    readonly zip: ZipArchive,
    readonly budget: InflateBudget,
    private readonly oneShot?: OneShotInflate,
  ) {}

  has(name: string): boolean {
    return this.zip.entry(name) !== undefined;
  }

  /** Streams one XML part through `sink`; false when the part does not exist. */
  parse(name: string, sink: XmlSink): boolean {
    const entry = this.zip.entry(name);
    if (!entry) return false;
    parseEntry(this.zip, entry, this.budget, sink, this.oneShot);
    return true;
  }

  /** The relationships of a part: id → { type, target resolved to a part name }. */
  relationships(part: string): Map<string, Relationship> {
    const slash = part.lastIndexOf('/');
    const dir = slash < 0 ? '' : part.slice(0, slash);
    const relsName = `${dir ? `${dir}/` : ''}_rels/${part.slice(slash + 1)}.rels`;
    const out = new Map<string, Relationship>();
    this.parse(relsName, {
      capture: false,
      open(name, attrs) {
        if (name !== 'Relationship') return;
        const id = attrs.get('Id');
        const target = attrs.get('Target');
        if (id === undefined || target === undefined) return;
        if (attrs.get('TargetMode') === 'External') return;
        out.set(id, { type: attrs.get('Type') ?? '', target: resolvePart(dir, target) });
      },
      close() {},
      text() {},
    });
    return out;
  }
}

export interface Relationship {
  /** the relationship type URI; compare its last segment, which transitional and strict share */
  readonly type: string;
  readonly target: string;
}

/** True when a relationship type URI ends with `/kind` (officeDocument, worksheet, …). */
export function isRelType(type: string, kind: string): boolean {
  return type.endsWith(`/${kind}`);
}

/** A relationship target relative to the folder `dir`, as a part name without a leading slash. */
export function resolvePart(dir: string, target: string): string {
  const path = target.startsWith('/') ? target.slice(1) : dir ? `${dir}/${target}` : target;
  const out: string[] = [];
  for (const seg of path.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') out.pop();
    else out.push(seg);
  }
  return out.join('/');
}

function parseEntry(
  zip: ZipArchive,
  entry: ZipEntry,
  budget: InflateBudget,
  sink: XmlSink,
  oneShot: OneShotInflate | undefined,
): void {
  const tokenizer = new XmlTokenizer(sink);
  let decoder: TextDecoder | null = null;
  try {
    zip.read(
      entry,
      budget,
      (bytes) => {
        if (!decoder) decoder = new TextDecoder(encodingOf(bytes));
        tokenizer.write(decoder.decode(bytes, { stream: true }));
      },
      oneShot,
    );
    if (decoder) tokenizer.write((decoder as TextDecoder).decode());
    tokenizer.end();
  } catch (e) {
    if (e instanceof ReadFailure) throw corrupt(entry.name);
    throw e;
  }
}

/** XML parts are UTF-8 unless they start with a UTF-16 byte order mark. */
function encodingOf(first: Uint8Array): string {
  if (first[0] === 0xff && first[1] === 0xfe) return 'utf-16le';
  if (first[0] === 0xfe && first[1] === 0xff) return 'utf-16be';
  return 'utf-8';
}
