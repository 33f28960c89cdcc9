// Times the npm peers over the benchmark corpus, in-process, analysis only, after a warm-up:
// write-good, alex, and a retext pipeline (retext-english with readability, equality, passive,
// simplify and profanities). Prints "name words_per_second passes fastest_pass_words_per_second"
// lines for run.sh.
//
// Usage: node peers.mjs CORPUS.json
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import writeGood from 'write-good';
import { text as alex } from 'alex';
import { unified } from 'unified';
import retextEnglish from 'retext-english';
import retextReadability from 'retext-readability';
import retextEquality from 'retext-equality';
import retextPassive from 'retext-passive';
import retextSimplify from 'retext-simplify';
import retextProfanities from 'retext-profanities';

const corpus = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const adverts = corpus.adverts.map((a) => a.text);
const words = corpus.words;

const retext = unified()
  .use(retextEnglish)
  .use(retextReadability)
  .use(retextEquality)
  .use(retextPassive)
  .use(retextSimplify)
  .use(retextProfanities);

const peers = [
  ['write-good', (t) => writeGood(t).length],
  ['alex', (t) => alex(t).messages.length],
  ['retext-pipeline', (t) => {
    const file = { value: t };
    return retext.runSync(retext.parse(t), file).children.length;
  }],
];

// Repeat each peer until at least `seconds` have passed, to steady the figure.
function measure(run, seconds) {
  for (const t of adverts) run(t);  // warm-up
  let passes = 0;
  let sink = 0;
  let fastest = Infinity;
  const start = performance.now();
  do {
    const passStart = performance.now();
    for (const t of adverts) sink += run(t);
    fastest = Math.min(fastest, (performance.now() - passStart) / 1000);
    ++passes;
  } while ((performance.now() - start) / 1000 < seconds);
  const elapsed = (performance.now() - start) / 1000;
  return { wordsPerSecond: (words * passes) / elapsed, passes, fastestPass: words / fastest, sink };
}

for (const [name, run] of peers) {
  const { wordsPerSecond, passes, fastestPass } = measure(run, 3);
  console.log(`${name} ${Math.round(wordsPerSecond)} ${passes} ${Math.round(fastestPass)}`);
}
