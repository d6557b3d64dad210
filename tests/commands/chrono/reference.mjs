// The independent reference for tests/commands/tst_heldout (issue 22): reads a generated set
// (tests/commands/heldout/generate.py format) and prints, for each message, the start that
// chrono-node finds, as wall time with the offset in the message's zone:
//     id <TAB> 2026-12-03T16:00:00-05:00      or      id <TAB> -   (no date/time with an hour)
// English uses chrono.en (month-first, en_US) or chrono.en.GB (day-first) from the locale;
// Spanish uses chrono.es. forwardDate: a date without a year or a weekday is the next one.
// chrono-node is installed by `scripts/deps.sh --test` (npm ci in this folder).
import * as chrono from 'chrono-node';
import { readFileSync } from 'node:fs';

const pad = (n) => String(n).padStart(2, '0');
function iso(d) {
  const off = -d.getTimezoneOffset();
  const sign = off >= 0 ? '+' : '-';
  const a = Math.abs(off);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:` +
    `${pad(d.getMinutes())}:${pad(d.getSeconds())}${sign}${pad(Math.floor(a / 60))}:${pad(a % 60)}`;
}

const file = process.argv[2];
const out = [];
for (const line of readFileSync(file, 'utf8').split('\n')) {
  if (!line || line.startsWith('#')) continue;
  const c = line.split('\t');
  const [id, lang, zone, locale, now] = c;
  const text = c[10];
  process.env.TZ = zone; // chrono reads wall times in the process's zone
  const parser = lang === 'es' ? chrono.es : (locale === 'en_US' ? chrono.en : chrono.en.GB);
  const results = parser.parse(text, new Date(now), { forwardDate: true });
  const withHour = results.find((r) => r.start.isCertain('hour'));
  out.push(`${id}\t${withHour ? iso(withHour.start.date()) : '-'}`);
}
process.stdout.write(out.join('\n') + '\n');
