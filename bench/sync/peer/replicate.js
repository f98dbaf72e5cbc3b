// The PouchDB side of `python -m bench.sync --peer`: the same lead documents go from device A
// (pouchdb-node, LevelDB on disk) through pouchdb-server into device B, then changes of a few
// documents follow the same way. Prints one JSON object of timings (seconds) and bytes.
//
// node replicate.js DOCS.json SERVER_URL WORK_DIR CHANGES ROUNDS
'use strict';
const fs = require('fs');
const path = require('path');
const http = require('http');
const PouchDB = require('pouchdb-node');

const [docsFile, serverUrl, workDir, changesArg, roundsArg] = process.argv.slice(2);
const changes = Number(changesArg);
const rounds = Number(roundsArg);

// Bytes on the wire of every HTTP request PouchDB makes (request and response bodies).
let wire = 0;
const originalRequest = http.request;
http.request = function (...args) {
  const req = originalRequest.apply(this, args);
  const write = req.write;
  req.write = function (chunk, ...rest) {
    if (chunk) wire += Buffer.byteLength(chunk);
    return write.call(this, chunk, ...rest);
  };
  req.on('response', (res) => res.on('data', (d) => { wire += d.length; }));
  return req;
};

const now = () => Number(process.hrtime.bigint()) / 1e9;
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };

async function main() {
  const docs = JSON.parse(fs.readFileSync(docsFile, 'utf8'));
  const a = new PouchDB(path.join(workDir, 'a'));
  const b = new PouchDB(path.join(workDir, 'b'));
  const remote = new PouchDB(`${serverUrl}/leads`);
  await remote.info();  // creates the database
  let t = now();
  await a.bulkDocs(docs);
  const out = { docs: docs.length, capture_s: now() - t };

  // A -> server -> B, and A checking the server's feed for anything new (its own documents).
  t = now();
  await a.replicate.to(remote, { batch_size: 500 });
  out.push_s = now() - t;
  t = now();
  await b.replicate.from(remote, { batch_size: 500 });
  out.pull_s = now() - t;
  t = now();
  await a.replicate.from(remote, { batch_size: 500 });
  out.a_settle_s = now() - t;
  const got = await b.info();
  if (got.doc_count !== docs.length) throw new Error(`B has ${got.doc_count} of ${docs.length}`);

  // Incremental rounds: `changes` documents change on A and reach B.
  const step = Math.max(1, Math.floor(docs.length / changes));
  const totals = []; const bytes = [];
  for (let round = 0; round < rounds; round++) {
    const ids = docs.filter((_, i) => i % step === round % step).slice(0, changes).map((d) => d._id);
    const current = await a.allDocs({ keys: ids, include_docs: true });
    await a.bulkDocs(current.rows.map((r, i) => ({ ...r.doc, notes: `Follow-up call booked (${round}.${i})`, grade: 'hot' })));
    wire = 0;
    t = now();
    await a.replicate.to(remote, { batch_size: 500 });
    await b.replicate.from(remote, { batch_size: 500 });
    await a.replicate.from(remote, { batch_size: 500 });
    totals.push(now() - t);
    bytes.push(wire);
    const check = await b.get(ids[0]);
    if (check.notes !== `Follow-up call booked (${round}.0)`) throw new Error('B missed a change');
  }
  out.inc_total_s = median(totals);
  out.inc_bytes = median(bytes);
  out.rounds = rounds;
  process.stdout.write(JSON.stringify(out) + '\n');
}

main().catch((err) => { process.stderr.write(String(err && err.stack || err) + '\n'); process.exit(1); });
