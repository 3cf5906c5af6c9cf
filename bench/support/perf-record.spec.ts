import { describe, expect, it } from 'vitest';
import { summarisePerfScript } from './perf-record.js';

/** `perf script -F comm,pid,time,period,event,ip,sym,dso` as it reads with a --perf-basic-prof map. */
const SCRIPT = `node  3350 12500.155374:    2000000 cpu-clock: 
\t         14d488e Builtins_KeyedLoadIC_Megamorphic (/usr/bin/node)
\t    7f05b0285115 JS:*getEntityValue /srv/node_modules/typeorm/metadata/ColumnMetadata.js:425:20 (/tmp/perf-3350.map)
\t    7f05b00584b5 JS:~save /srv/dist/src/cases/case-engine.service.js:290:5 (/tmp/perf-3350.map)

node  3350 12500.157374:    2000000 cpu-clock: 
\tffffffff816dc4c8 vfs_write ([kernel.kallsyms])
\t           f838f __GI___libc_write (/usr/lib/x86_64-linux-gnu/libc.so.6)
\t          9d555f node::StreamBase::Write (/usr/bin/node)
\t    7f05b0595676 JS:*_send /srv/node_modules/pg/lib/connection.js:171:8 (/tmp/perf-3350.map)

node  3350 12500.159374:    2000000 cpu-clock: 
\t          c4993d v8::internal::Scavenger::ScavengeObject (/usr/bin/node)
\t          c4ab6f v8::internal::Heap::Scavenge (/usr/bin/node)

node  3350 12500.161374:    2000000 cpu-clock: 
\tffffffff8223c951 do_epoll_wait ([kernel.kallsyms])
\t          14c05fb uv__io_poll (/usr/bin/node)

node  3350 12500.163374:    2000000 cpu-clock: 
\t    7f05b04f4f42 JS:*writeOrBuffer node:internal/streams/writable:547:22 (/tmp/perf-3350.map)
\t    7f05b0595676 JS:*_send /srv/node_modules/pg/lib/connection.js:171:8 (/tmp/perf-3350.map)
`;

describe('perf samples', () => {
  const summary = summarisePerfScript(SCRIPT);

  it('charge each sample to the innermost JavaScript function, with what V8 and the kernel did for it', () => {
    expect(summary.byFunction.map((f) => [f.name, f.ms])).toEqual([
      ['getEntityValue typeorm/metadata/ColumnMetadata.js:425', 2],
      ['_send pg/lib/connection.js:171', 2],
      ['(garbage collector)', 2],
      ['(kernel, outside JavaScript)', 2],
      ['writeOrBuffer node:internal/streams/writable:547', 2],
    ]);
    expect(summary.totalMs).toBe(10);
  });

  it('group by package, Node itself apart', () => {
    expect(Object.fromEntries(summary.byPackage.map((p) => [p.name, p.ms]))).toEqual({
      typeorm: 2,
      pg: 2,
      '(garbage collector)': 2,
      '(kernel, outside JavaScript)': 2,
      '(node)': 2,
    });
  });
});
