// What every offline check returns: a list of problems, each naming the file and what is wrong,
// so one run shows every problem instead of stopping at the first.

export interface CheckProblem {
  /** Which check found it, e.g. `schema.picklist-values`. */
  check: string;
  /** The file the problem is in (absolute path). */
  file: string;
  message: string;
}

export function formatProblems(problems: CheckProblem[]): string {
  return problems.map((problem) => `${problem.file}: ${problem.message} [${problem.check}]`).join('\n');
}
