// Reads the demo's printed timeline back: each line starts with its business moment in the
// rep's zone (`Tue 08 Dec 08:30`, see src/demo/timeline.ts localStamp). The demo runs from
// 30 November 2026 for at most 30 simulated days, so a January stamp is in 2027.
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const STAMP = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun) (\d{2}) ([A-Z][a-z]{2}) (\d{2}):(\d{2}) {2}/;

/** The timeline's lines (not the header or the summary) with their local wall-clock minute. */
export function timelineStamps(lines: readonly string[]): Array<{ line: string; minute: number }> {
  const out: Array<{ line: string; minute: number }> = [];
  for (const line of lines) {
    const m = STAMP.exec(line);
    if (!m) continue;
    const month = MONTHS.indexOf(m[3]!);
    if (month < 0) throw new Error(`timeline line with an unknown month: ${line}`);
    const year = month === 0 ? 2027 : 2026;
    out.push({ line, minute: Date.UTC(year, month, Number(m[2]), Number(m[4]), Number(m[5])) / 60_000 });
  }
  return out;
}

/** Each place where a line's stamp is earlier than the line before it ("before ⟶ after"). */
export function stampsGoingBackwards(lines: readonly string[]): string[] {
  const stamps = timelineStamps(lines);
  const backwards: string[] = [];
  for (let i = 1; i < stamps.length; i += 1)
    if (stamps[i]!.minute < stamps[i - 1]!.minute)
      backwards.push(`${stamps[i - 1]!.line}\n   ⟶ ${stamps[i]!.line}`);
  return backwards;
}
