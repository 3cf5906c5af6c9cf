import { describe, expect, it } from 'vitest';
import { HeaderError, readRecords, type ReadOptions, type SourceItem } from './record-reader.js';

const options: ReadOptions = { format: 'csv', charset: 'utf-8', columns: ['idNumber', 'name', 'phone'], required: ['idNumber', 'name'] };

async function read(bytes: Buffer, overrides: Partial<ReadOptions> = {}, chunkSize = 3): Promise<SourceItem[]> {
  async function* chunks() {
    for (let i = 0; i < bytes.length; i += chunkSize) yield bytes.subarray(i, i + chunkSize);
  }
  const items: SourceItem[] = [];
  for await (const batch of readRecords(chunks(), { ...options, ...overrides })) items.push(...batch);
  return items;
}

describe('readRecords', () => {
  it('maps CSV cells to the header, leaving empty cells out, even when chunks split a character', async () => {
    const items = await read(Buffer.from('\uFEFFname,idNumber,phone\n李娜,220102194209081022,\n"王, 五",x,138\n'));
    expect(items).toEqual([
      { line: 2, values: { name: '李娜', idNumber: '220102194209081022' }, fromText: true },
      { line: 3, values: { name: '王, 五', idNumber: 'x', phone: '138' }, fromText: true },
    ]);
  });

  it('refuses a record with the wrong number of fields by its line', async () => {
    const items = await read(Buffer.from('idNumber,name\n1,2,3\n4,5\n'));
    expect(items[0]).toMatchObject({ line: 2, code: 'csv.field_count' });
    expect(items[1]).toMatchObject({ line: 3, values: { idNumber: '4', name: '5' } });
  });

  it('refuses a header with unknown, repeated or missing columns, naming each', async () => {
    const error = await read(Buffer.from('idNumber,nmae,idNumber\n1,2,3\n')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HeaderError);
    expect((error as HeaderError).problems.map((p) => p.path)).toEqual(['header.nmae', 'header.idNumber', 'header.name']);
    await expect(read(Buffer.from(''))).rejects.toBeInstanceOf(HeaderError);
  });

  it('refuses a line that is not valid UTF-8 and reads the others', async () => {
    const bytes = Buffer.concat([Buffer.from('idNumber,name\n1,'), Buffer.from([0xd5, 0xc5]), Buffer.from('\n2,ok\n')]);
    const items = await read(bytes);
    expect(items[0]).toMatchObject({ line: 2, code: 'encoding.invalid' });
    expect(items[1]).toMatchObject({ line: 3, values: { name: 'ok' } });
  });

  it('reads GB 18030 when told so', async () => {
    // 张三 in GB 18030 (GBK): D5C5 C8FD.
    const bytes = Buffer.concat([Buffer.from('idNumber,name\n1,'), Buffer.from([0xd5, 0xc5, 0xc8, 0xfd]), Buffer.from('\n')]);
    expect(await read(bytes, { charset: 'gb18030' })).toEqual([{ line: 2, values: { idNumber: '1', name: '张三' }, fromText: true }]);
  });

  it('reads JSON Lines with their JSON types, skipping blank lines and refusing what is not an object', async () => {
    const text = '{"idNumber":"1","name":"a","n":2}\n\nnot json\n[1]\n{"name":"b"}';
    const items = await read(Buffer.from(text), { format: 'jsonl' });
    expect(items).toEqual([
      { line: 1, values: { idNumber: '1', name: 'a', n: 2 }, fromText: false },
      { line: 3, code: 'json.malformed', message: 'The line is not valid JSON' },
      { line: 4, code: 'json.not_an_object', message: expect.any(String) },
      { line: 5, values: { name: 'b' }, fromText: false },
    ]);
  });
});
